//! eSIM identifiers: ICCID (ITU-T E.118 with a Luhn check digit), EID (32 digits, ISO/IEC 7064
//! MOD 97-10) and the GSMA SGP.22 activation code (`1$SM-DP+$matching-id[$oid[$1]]`).
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IdProblem {
    IccidNotDigits,
    IccidLength,
    IccidPrefix,
    /// The check digit is wrong. Test stock from providers sometimes fails it, so imports only warn.
    IccidLuhn,
    EidFormat,
    EidChecksum,
    SmdpAddress,
    MatchingId,
    ActivationCodeFormat,
}

/// An ICCID with spaces and dashes removed; 18–22 digits starting with 89.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Iccid(String);

impl Iccid {
    /// Parses the shape only (digits, length, `89` prefix); see [`Iccid::luhn_ok`] for the check digit.
    pub fn parse(input: &str) -> Result<Iccid, IdProblem> {
        let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(IdProblem::IccidNotDigits);
        }
        if !(18..=22).contains(&digits.len()) {
            return Err(IdProblem::IccidLength);
        }
        if !digits.starts_with("89") {
            return Err(IdProblem::IccidPrefix);
        }
        Ok(Iccid(digits))
    }

    /// Parses and also requires a correct Luhn check digit, as for a number typed at the counter.
    pub fn parse_strict(input: &str) -> Result<Iccid, IdProblem> {
        let iccid = Iccid::parse(input)?;
        if iccid.luhn_ok() {
            Ok(iccid)
        } else {
            Err(IdProblem::IccidLuhn)
        }
    }

    pub fn luhn_ok(&self) -> bool {
        luhn_valid(&self.0)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last five digits, which is how people and receipts refer to an eSIM.
    pub fn tail(&self) -> &str {
        &self.0[self.0.len() - 5..]
    }
}

impl std::fmt::Display for Iccid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Luhn (ISO/IEC 7812) over a string of ASCII digits, check digit last; false for anything
/// that is not only ASCII digits (which used to overflow on a space or a dash).
pub fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in digits.bytes().rev().enumerate() {
        if !c.is_ascii_digit() {
            return false;
        }
        let mut d = u32::from(c - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// Checks an EID: 32 digits whose value mod 97 is 1.
pub fn check_eid(input: &str) -> Result<String, IdProblem> {
    let eid: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if eid.len() != 32 || !eid.chars().all(|c| c.is_ascii_digit()) {
        return Err(IdProblem::EidFormat);
    }
    let remainder = eid.bytes().fold(0u32, |acc, b| (acc * 10 + u32::from(b - b'0')) % 97);
    if remainder == 1 {
        Ok(eid)
    } else {
        Err(IdProblem::EidChecksum)
    }
}

/// What installing a profile needs. The matching ID is a bearer secret: `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationCode {
    pub smdp_address: String,
    pub matching_id: String,
    /// Whether the phone will ask for a confirmation code (never part of the code itself).
    pub confirmation_required: bool,
}

impl std::fmt::Debug for ActivationCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActivationCode")
            .field("smdp_address", &self.smdp_address)
            .field("matching_id", &"<secret>")
            .finish()
    }
}

impl ActivationCode {
    pub fn new(
        smdp_address: &str,
        matching_id: &str,
        confirmation_required: bool,
    ) -> Result<ActivationCode, IdProblem> {
        let smdp = smdp_address.trim();
        let valid_host = !smdp.is_empty()
            && smdp.len() <= 255
            && smdp.contains('.')
            && smdp
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
            && !smdp.starts_with(['.', '-']);
        if !valid_host {
            return Err(IdProblem::SmdpAddress);
        }
        let id = matching_id.trim();
        if id.is_empty() || id.len() > 255 || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(IdProblem::MatchingId);
        }
        Ok(ActivationCode {
            smdp_address: smdp.to_string(),
            matching_id: id.to_string(),
            confirmation_required,
        })
    }

    /// Parses `LPA:1$…` or `1$…`.
    pub fn parse(input: &str) -> Result<ActivationCode, IdProblem> {
        let code = input.trim();
        let code = code.strip_prefix("LPA:").unwrap_or(code);
        let fields: Vec<&str> = code.split('$').collect();
        if fields.len() < 3 || fields.len() > 5 || fields[0] != "1" {
            return Err(IdProblem::ActivationCodeFormat);
        }
        let confirmation_required = match fields.get(4) {
            None | Some(&"") => false,
            Some(&"1") => true,
            Some(_) => return Err(IdProblem::ActivationCodeFormat),
        };
        ActivationCode::new(fields[1], fields[2], confirmation_required)
    }

    /// `1$SMDP$MATCHING-ID`, plus `$$1` when a confirmation code is required.
    pub fn code(&self) -> String {
        if self.confirmation_required {
            format!("1${}${}$$1", self.smdp_address, self.matching_id)
        } else {
            format!("1${}${}", self.smdp_address, self.matching_id)
        }
    }

    /// What the QR code holds.
    pub fn lpa_uri(&self) -> String {
        format!("LPA:{}", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_iccids_pass_luhn() {
        for iccid in [
            "8944538532008160222",
            "8943108170000828413",
            "8944478600004958824",
            "89852000263318806140",
            "89972123300991848961",
        ] {
            let parsed = Iccid::parse_strict(iccid).unwrap_or_else(|e| panic!("{iccid}: {e:?}"));
            assert_eq!(parsed.as_str(), iccid);
        }
    }

    #[test]
    fn sandbox_iccid_parses_but_fails_luhn() {
        let sandbox = Iccid::parse("8944465400000267221").unwrap();
        assert!(!sandbox.luhn_ok());
        assert_eq!(Iccid::parse_strict("8944465400000267221"), Err(IdProblem::IccidLuhn));
    }

    #[test]
    fn iccid_shape_rules() {
        assert_eq!(
            Iccid::parse("8944 5385-3200 8160 222").unwrap().as_str(),
            "8944538532008160222"
        );
        assert_eq!(Iccid::parse("89445385320081602x2"), Err(IdProblem::IccidNotDigits));
        assert_eq!(Iccid::parse("89445385320081"), Err(IdProblem::IccidLength));
        assert_eq!(Iccid::parse("89445385320081602221234"), Err(IdProblem::IccidLength));
        assert_eq!(Iccid::parse("7944538532008160222"), Err(IdProblem::IccidPrefix));
        assert_eq!(Iccid::parse("8944538532008160222").unwrap().tail(), "60222");
    }

    #[test]
    fn eid_mod_97() {
        // 89049032 0000 0000 0000 0000 0000 0xx: compute a valid check pair for the test.
        let body = "890490320000000000000000000000";
        let rem = format!("{body}00")
            .bytes()
            .fold(0u32, |acc, b| (acc * 10 + u32::from(b - b'0')) % 97);
        let check = 98 - rem;
        let eid = format!("{body}{check:02}");
        assert_eq!(check_eid(&eid), Ok(eid.clone()));
        let mut wrong = eid.clone();
        wrong.replace_range(31..32, if eid.ends_with('0') { "1" } else { "0" });
        assert_eq!(check_eid(&wrong), Err(IdProblem::EidChecksum));
        assert_eq!(check_eid("1234"), Err(IdProblem::EidFormat));
    }

    #[test]
    fn activation_codes_round_trip() {
        let a = ActivationCode::parse("LPA:1$SMDP.EXAMPLE.COM$04386-AGYFT-A74Y8-3F815").unwrap();
        assert_eq!(a.smdp_address, "SMDP.EXAMPLE.COM");
        assert_eq!(a.matching_id, "04386-AGYFT-A74Y8-3F815");
        assert!(!a.confirmation_required);
        assert_eq!(a.lpa_uri(), "LPA:1$SMDP.EXAMPLE.COM$04386-AGYFT-A74Y8-3F815");
        let b = ActivationCode::parse("1$SMDP.EXAMPLE.COM$04386-AGYFT-A74Y8-3F815$1.3.6.1.4.1.31746$1").unwrap();
        assert!(b.confirmation_required);
        assert_eq!(b.code(), "1$SMDP.EXAMPLE.COM$04386-AGYFT-A74Y8-3F815$$1");
        assert!(!format!("{b:?}").contains("AGYFT"), "Debug never shows the matching ID");
        for bad in [
            "",
            "2$a.b$c",
            "1$a.b",
            "1$$x",
            "1$not a host$x",
            "1$a.b$bad id!",
            "1$a.b$c$oid$2",
        ] {
            assert!(ActivationCode::parse(bad).is_err(), "{bad:?}");
        }
    }
}
