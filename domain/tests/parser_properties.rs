//! Property tests of the parsers that read what people and providers type or send: ICCIDs, EIDs,
//! activation codes and amounts of money. Each property runs 100,000 generated cases, from
//! strategies that build valid values (which must be accepted as exactly that value) and from
//! arbitrary text (which must never panic, and is accepted only when it satisfies the rules).
use domain::esim_ids::{ActivationCode, Iccid, IdProblem, check_eid, luhn_valid};
use domain::i18n::format;
use domain::locale::Locale;
use domain::money::{Currency, Money};
use proptest::prelude::*;
use proptest::sample::select;

const CASES: u32 = 100_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        ..ProptestConfig::default()
    }
}

/// Arbitrary text: any Unicode scalar (control characters, BOM, right-to-left override, emoji),
/// or a short fragment repeated up to 1,000 times for input far longer than any real field.
fn wild() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(any::<char>(), 0..48).prop_map(String::from_iter),
        1 => (prop::collection::vec(any::<char>(), 1..6), 0..1000usize)
            .prop_map(|(fragment, n)| String::from_iter(fragment).repeat(n)),
    ]
}

/// Digits 0–9 as bytes.
fn digits(len: impl Into<prop::collection::SizeRange>) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(0u8..10, len)
}

fn to_text(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// Inserts `separators[i]` (possibly empty) before digit `i`; one more goes after the last.
fn interleave(text: &str, separators: &[&str]) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        out.push_str(separators.get(i).copied().unwrap_or(""));
        out.push(c);
    }
    out.push_str(separators.get(text.chars().count()).copied().unwrap_or(""));
    out
}

// ---------------------------------------------------------------------------------------------
// ICCID

/// The Luhn check digit for `payload`, written independently of `luhn_valid`: from the right,
/// every other digit starting with the last one of the payload is doubled.
fn luhn_check_digit(payload: &[u8]) -> u8 {
    let sum: u32 = payload
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][d as usize]
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// What `Iccid::parse` must answer, from the rules as written in its documentation.
fn iccid_spec(input: &str) -> Result<String, IdProblem> {
    let digits: String = input.chars().filter(|c| *c != ' ' && *c != '-').collect();
    if digits.is_empty() || digits.bytes().any(|b| !b.is_ascii_digit()) {
        Err(IdProblem::IccidNotDigits)
    } else if digits.len() < 18 || digits.len() > 22 {
        Err(IdProblem::IccidLength)
    } else if !digits.starts_with("89") {
        Err(IdProblem::IccidPrefix)
    } else {
        Ok(digits)
    }
}

/// A valid ICCID as digits: `89`, 15–19 more, and the Luhn check digit (18–22 in all).
fn valid_iccid_digits() -> impl Strategy<Value = Vec<u8>> {
    digits(15..=19).prop_map(|body| {
        let mut all = vec![8, 9];
        all.extend(body);
        all.push(luhn_check_digit(&all));
        all
    })
}

/// Text that looks like an ICCID more often than arbitrary text does: digits, spaces, dashes,
/// and now and then another character.
fn iccid_like() -> impl Strategy<Value = String> {
    prop_oneof!["89[0-9 \\-]{14,24}", "[0-9 \\-]{0,30}", "8[0-9 \\-\t\u{a0}x٣０]{15,23}",]
}

proptest! {
    #![proptest_config(config())]

    /// Any text: no panic; the answer is exactly what the documented rules say, and an accepted
    /// ICCID is 18–22 ASCII digits starting with 89 that reads back as itself.
    #[test]
    fn iccid_parse_follows_its_rules_on_any_text(input in prop_oneof![wild(), iccid_like()]) {
        let parsed = Iccid::parse(&input);
        let strict = Iccid::parse_strict(&input);
        let spec = iccid_spec(&input);
        prop_assert_eq!(parsed.as_ref().map(Iccid::as_str).map_err(Clone::clone), spec.as_deref().map_err(Clone::clone));
        match parsed {
            Ok(iccid) => {
                let text = iccid.as_str();
                prop_assert!((18..=22).contains(&text.len()) && text.starts_with("89"));
                prop_assert!(text.bytes().all(|b| b.is_ascii_digit()));
                prop_assert_eq!(Iccid::parse(&iccid.to_string()), Ok(iccid.clone()));
                prop_assert_eq!(iccid.tail(), &text[text.len() - 5..]);
                let digits: Vec<u8> = text.bytes().map(|b| b - b'0').collect();
                let luhn = luhn_check_digit(&digits[..digits.len() - 1]) == digits[digits.len() - 1];
                prop_assert_eq!(iccid.luhn_ok(), luhn);
                prop_assert_eq!(strict, if luhn { Ok(iccid) } else { Err(IdProblem::IccidLuhn) });
            }
            Err(problem) => prop_assert_eq!(strict, Err(problem)),
        }
    }

    /// A valid ICCID, written with spaces and dashes anywhere, is accepted by both parsers as its
    /// digits. Changing any one digit after `89` keeps the shape but fails the check digit (Luhn
    /// catches every single-digit error), and so does swapping two neighbouring digits unless they
    /// are 0 and 9.
    #[test]
    fn valid_iccids_are_accepted_and_single_errors_caught(
        iccid in valid_iccid_digits(),
        separators in prop::collection::vec(select(vec!["", "", "", " ", "-", " - "]), 23),
        position in any::<prop::sample::Index>(),
        replacement in 1u8..10,
    ) {
        let text = to_text(&iccid);
        let written = interleave(&text, &separators);
        let expected = Iccid::parse(&text).expect("a valid ICCID parses");
        prop_assert_eq!(expected.as_str(), text.as_str());
        prop_assert!(luhn_valid(&text));
        prop_assert_eq!(Iccid::parse(&written), Ok(expected.clone()));
        prop_assert_eq!(Iccid::parse_strict(&written), Ok(expected.clone()));

        let at = 2 + position.index(iccid.len() - 2);
        let mut typo = iccid.clone();
        typo[at] = (typo[at] + replacement) % 10;
        let typo = to_text(&typo);
        prop_assert!(Iccid::parse(&typo).is_ok());
        prop_assert_eq!(Iccid::parse_strict(&typo), Err(IdProblem::IccidLuhn));

        let at = 2 + position.index(iccid.len() - 3);
        let (a, b) = (iccid[at], iccid[at + 1]);
        if a != b && !matches!((a, b), (0, 9) | (9, 0)) {
            let mut swapped = iccid.clone();
            swapped.swap(at, at + 1);
            prop_assert_eq!(Iccid::parse_strict(&to_text(&swapped)), Err(IdProblem::IccidLuhn));
        }
    }

    /// `luhn_valid` is public and documented for ASCII digits; given anything else it answers
    /// false instead of panicking (or, in a release build, computing on wrapped bytes).
    #[test]
    fn luhn_valid_never_panics(input in prop_oneof![wild(), iccid_like()]) {
        let all_digits = !input.is_empty() && input.bytes().all(|b| b.is_ascii_digit());
        let valid = luhn_valid(&input);
        if all_digits {
            let digits: Vec<u8> = input.bytes().map(|b| b - b'0').collect();
            prop_assert_eq!(valid, luhn_check_digit(&digits[..digits.len() - 1]) == digits[digits.len() - 1]);
        } else {
            prop_assert!(!valid);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// EID

/// 30 digits and the two ISO/IEC 7064 MOD 97-10 check digits, computed on a `u128`.
fn valid_eid_digits() -> impl Strategy<Value = Vec<u8>> {
    digits(30).prop_map(|body| {
        let value: u128 = body.iter().fold(0, |acc, &d| acc * 10 + u128::from(d));
        let check = 98 - (value * 100) % 97;
        let mut all = body;
        all.extend([(check / 10) as u8, (check % 10) as u8]);
        all
    })
}

fn eid_spec(input: &str) -> Result<String, IdProblem> {
    let eid: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if eid.len() != 32 || eid.bytes().any(|b| !b.is_ascii_digit()) {
        return Err(IdProblem::EidFormat);
    }
    let value: u128 = eid.parse().expect("32 digits fit in a u128");
    if value % 97 == 1 {
        Ok(eid)
    } else {
        Err(IdProblem::EidChecksum)
    }
}

proptest! {
    #![proptest_config(config())]

    /// Any text: no panic, and the answer is what the rules say (whitespace removed, 32 digits,
    /// value mod 97 is 1, checked here on a `u128`); an accepted EID checks as itself again.
    #[test]
    fn eid_check_follows_its_rules_on_any_text(
        input in prop_oneof![wild(), "[0-9 \t\u{3000}x]{28,40}", "89[0-9]{30}"],
    ) {
        let checked = check_eid(&input);
        prop_assert_eq!(checked.clone(), eid_spec(&input));
        if let Ok(eid) = checked {
            prop_assert_eq!(check_eid(&eid), Ok(eid.clone()));
        }
    }

    /// A valid EID, with any kind of whitespace between its digits, is accepted as its digits;
    /// changing one digit, or swapping two different neighbouring digits, fails the checksum.
    #[test]
    fn valid_eids_are_accepted_and_single_errors_caught(
        eid in valid_eid_digits(),
        separators in prop::collection::vec(select(vec!["", "", "", " ", "\t", "\n", "\u{a0}", "\u{3000}"]), 33),
        position in any::<prop::sample::Index>(),
        replacement in 1u8..10,
    ) {
        let text = to_text(&eid);
        prop_assert_eq!(check_eid(&interleave(&text, &separators)), Ok(text.clone()));

        let mut typo = eid.clone();
        let at = position.index(32);
        typo[at] = (typo[at] + replacement) % 10;
        prop_assert_eq!(check_eid(&to_text(&typo)), Err(IdProblem::EidChecksum));

        let at = position.index(31);
        if eid[at] != eid[at + 1] {
            let mut swapped = eid.clone();
            swapped.swap(at, at + 1);
            prop_assert_eq!(check_eid(&to_text(&swapped)), Err(IdProblem::EidChecksum));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Activation codes

fn host() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9\\-]{0,12}(\\.[A-Za-z0-9\\-]{1,12}){1,3}(:[0-9]{1,5})?"
}

fn matching_id() -> impl Strategy<Value = String> {
    "[A-Za-z0-9\\-]{1,40}"
}

/// The pieces of a valid code and one way of writing it: `LPA:` or not, an OID or not, the
/// confirmation flag, an empty fifth field, whitespace around it all.
#[derive(Clone, Debug)]
struct WrittenCode {
    host: String,
    id: String,
    oid: Option<String>,
    confirmation: bool,
    lpa_prefix: bool,
    empty_flag: bool,
    padding: (&'static str, &'static str),
}

impl WrittenCode {
    fn text_with(&self, version: &str, host: &str, id: &str, flag: Option<&str>) -> String {
        let mut code = format!("{version}${host}${id}");
        match (&self.oid, flag) {
            (oid, Some(flag)) => code.push_str(&format!("${}${flag}", oid.as_deref().unwrap_or(""))),
            (Some(oid), None) => code.push_str(&format!("${oid}")),
            (None, None) => {}
        }
        let prefix = if self.lpa_prefix { "LPA:" } else { "" };
        format!("{}{prefix}{code}{}", self.padding.0, self.padding.1)
    }

    fn flag(&self) -> Option<&'static str> {
        if self.confirmation {
            Some("1")
        } else if self.empty_flag {
            Some("")
        } else {
            None
        }
    }

    fn text(&self) -> String {
        self.text_with("1", &self.host, &self.id, self.flag())
    }
}

fn written_code() -> impl Strategy<Value = WrittenCode> {
    (
        host(),
        matching_id(),
        prop::option::of("[0-9]{1,3}(\\.[0-9]{1,5}){0,6}"),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        select(vec!["", " ", "\t", "\n ", "\u{a0}"]),
        select(vec!["", " ", "\r\n"]),
    )
        .prop_map(
            |(host, id, oid, confirmation, lpa_prefix, empty_flag, before, after)| WrittenCode {
                host,
                id,
                oid,
                confirmation,
                lpa_prefix,
                empty_flag,
                padding: (before, after),
            },
        )
}

/// Ways of breaking one part of a valid code, and the problem each must be reported as.
#[derive(Clone, Copy, Debug)]
enum CodeBreak {
    Version(&'static str),
    HostCharacter(char),
    HostWithoutDot,
    HostLeading(char),
    HostTooLong,
    IdCharacter(char),
    IdTooLong,
    Flag(&'static str),
    ExtraField,
}

fn code_break() -> impl Strategy<Value = CodeBreak> {
    prop_oneof![
        select(vec!["", "0", "2", "01", "1 1", "LPA"]).prop_map(CodeBreak::Version),
        select(vec![' ', '_', '/', '@', 'é', '\0', '\u{202e}', '例']).prop_map(CodeBreak::HostCharacter),
        Just(CodeBreak::HostWithoutDot),
        select(vec!['.', '-']).prop_map(CodeBreak::HostLeading),
        Just(CodeBreak::HostTooLong),
        select(vec![' ', '_', '.', '!', 'ü', '\t', '\u{feff}', ':']).prop_map(CodeBreak::IdCharacter),
        Just(CodeBreak::IdTooLong),
        select(vec!["0", "2", "11", "true", "1 1"]).prop_map(CodeBreak::Flag),
        Just(CodeBreak::ExtraField),
    ]
}

/// Puts `c` strictly inside `text` (so trimming cannot remove it).
fn insert_inside(text: &str, at: prop::sample::Index, c: char) -> String {
    let positions: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
    let mut out = text.to_string();
    out.insert(positions[at.index(positions.len())], c);
    out
}

fn is_valid_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 255
        && host.contains('.')
        && !host.starts_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
}

fn is_valid_matching_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 255 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

proptest! {
    #![proptest_config(config())]

    /// A valid code, however it is written, is read as its parts; what it writes back (`code`,
    /// `lpa_uri`) reads back the same, and `Debug` shows the host but never the matching ID.
    #[test]
    fn valid_activation_codes_round_trip(written in written_code()) {
        let parsed = ActivationCode::parse(&written.text());
        let expected = ActivationCode {
            smdp_address: written.host.clone(),
            matching_id: written.id.clone(),
            confirmation_required: written.confirmation,
        };
        prop_assert_eq!(parsed.clone(), Ok(expected.clone()));
        prop_assert_eq!(ActivationCode::new(&written.host, &written.id, written.confirmation), Ok(expected.clone()));
        prop_assert_eq!(ActivationCode::parse(&expected.code()), Ok(expected.clone()));
        prop_assert_eq!(ActivationCode::parse(&expected.lpa_uri()), Ok(expected.clone()));
        prop_assert_eq!(expected.lpa_uri(), format!("LPA:{}", expected.code()));
        prop_assert_eq!(
            format!("{expected:?}"),
            format!("ActivationCode {{ smdp_address: {:?}, matching_id: \"<secret>\" }}", written.host)
        );
    }

    /// A valid code with exactly one part broken is refused, with the problem of that part.
    #[test]
    fn broken_activation_codes_are_refused_with_their_problem(
        written in written_code(),
        broken in code_break(),
        at in any::<prop::sample::Index>(),
    ) {
        let w = &written;
        let flag = w.flag();
        let (text, problem) = match broken {
            CodeBreak::Version(v) => (w.text_with(v, &w.host, &w.id, flag), IdProblem::ActivationCodeFormat),
            CodeBreak::HostCharacter(c) => {
                (w.text_with("1", &insert_inside(&w.host, at, c), &w.id, flag), IdProblem::SmdpAddress)
            }
            CodeBreak::HostWithoutDot => {
                (w.text_with("1", &w.host.replace('.', ""), &w.id, flag), IdProblem::SmdpAddress)
            }
            CodeBreak::HostLeading(c) => {
                (w.text_with("1", &format!("{c}{}", w.host), &w.id, flag), IdProblem::SmdpAddress)
            }
            CodeBreak::HostTooLong => {
                (w.text_with("1", &format!("{}.{}", "a".repeat(255), w.host), &w.id, flag), IdProblem::SmdpAddress)
            }
            CodeBreak::IdCharacter(c) => {
                let id = if w.id.len() < 2 { format!("{}x", w.id) } else { w.id.clone() };
                (w.text_with("1", &w.host, &insert_inside(&id, at, c), flag), IdProblem::MatchingId)
            }
            CodeBreak::IdTooLong => {
                (w.text_with("1", &w.host, &w.id.repeat(256), flag), IdProblem::MatchingId)
            }
            CodeBreak::Flag(f) => (w.text_with("1", &w.host, &w.id, Some(f)), IdProblem::ActivationCodeFormat),
            CodeBreak::ExtraField => {
                (format!("{}$x", w.text_with("1", &w.host, &w.id, Some(flag.unwrap_or("")))), IdProblem::ActivationCodeFormat)
            }
        };
        prop_assert_eq!(ActivationCode::parse(&text), Err(problem), "{:?}", text);
    }

    /// Any text: no panic; an accepted code has a valid host and matching ID and reads back the
    /// same from what it writes.
    #[test]
    fn activation_code_parse_on_any_text(
        input in prop_oneof![
            wild(),
            "(LPA:)?[012 ]?\\$[a-z.:\\- _$é]{0,12}\\$[A-Z0-9\\-$ !]{0,12}(\\$[0-9.1$ ]{0,4}){0,3}",
        ],
    ) {
        if let Ok(code) = ActivationCode::parse(&input) {
            prop_assert!(is_valid_host(&code.smdp_address), "{:?}", code.smdp_address);
            prop_assert!(is_valid_matching_id(&code.matching_id), "{:?}", code.matching_id);
            prop_assert!(input.contains(&code.smdp_address) && input.contains(&code.matching_id));
            prop_assert_eq!(ActivationCode::parse(&code.code()), Ok(code.clone()));
            prop_assert_eq!(ActivationCode::parse(&code.lpa_uri()), Ok(code.clone()));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Money

/// What `Money::parse` must answer, from its documentation: whitespace anywhere is ignored, a
/// comma is a decimal point, then 1–12 digits, optionally a point and at most the currency's
/// number of decimals.
fn money_spec(input: &str, currency: Currency) -> Option<i64> {
    let cleaned: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let (whole, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let decimals = currency.minor_units() as usize;
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 12 || !digits_only(whole) || frac.len() > decimals || !digits_only(frac) {
        return None;
    }
    let mut value: i64 = 0;
    for b in whole
        .bytes()
        .chain(frac.bytes())
        .chain(std::iter::repeat_n(b'0', decimals - frac.len()))
    {
        value = value * 10 + i64::from(b - b'0');
    }
    Some(value)
}

fn currency() -> impl Strategy<Value = Currency> {
    select(Currency::ALL.to_vec())
}

/// An amount and one way a person could type it.
#[derive(Clone, Debug)]
struct TypedAmount {
    currency: Currency,
    whole: u64,
    frac: u64,
    text: String,
}

fn typed_amount() -> impl Strategy<Value = TypedAmount> {
    (
        currency(),
        prop_oneof![0u64..1000, 0u64..1_000_000_000_000],
        any::<u64>(),
        any::<bool>(),
        any::<bool>(),
        select(vec!["", "", " ", "\u{a0}", "\u{202f}", "\u{2009}"]),
        0usize..3,
        select(vec!["", " ", "\t", "\u{a0}"]),
    )
        .prop_map(
            |(currency, whole, frac, comma, trim_zeros, group, leading_zeros, padding)| {
                let decimals = currency.minor_units() as usize;
                let frac = frac % 10u64.pow(decimals as u32);
                let digits = whole.to_string();
                let mut whole_text = String::new();
                for (i, c) in digits.chars().enumerate() {
                    if i > 0 && (digits.len() - i).is_multiple_of(3) {
                        whole_text.push_str(group);
                    }
                    whole_text.push(c);
                }
                let zeros = leading_zeros.min(12 - digits.len());
                let mut text = format!("{padding}{}{whole_text}", "0".repeat(zeros));
                if decimals > 0 && (frac > 0 || !trim_zeros) {
                    let mut frac_text = format!("{frac:0decimals$}");
                    if trim_zeros {
                        frac_text = frac_text.trim_end_matches('0').to_string();
                    }
                    text.push(if comma { ',' } else { '.' });
                    text.push_str(&frac_text);
                }
                text.push_str(padding);
                TypedAmount {
                    currency,
                    whole,
                    frac,
                    text,
                }
            },
        )
}

/// Ways of spoiling a typed amount; each must make it unreadable.
#[derive(Clone, Copy, Debug)]
enum AmountBreak {
    ExtraDecimal(u8),
    Sign(&'static str),
    ThirteenDigits,
    SecondPoint,
    Symbol(&'static str),
    Exponent,
}

fn amount_break() -> impl Strategy<Value = AmountBreak> {
    prop_oneof![
        (0u8..10).prop_map(AmountBreak::ExtraDecimal),
        select(vec!["-", "+", "−", "(", "--"]).prop_map(AmountBreak::Sign),
        Just(AmountBreak::ThirteenDigits),
        Just(AmountBreak::SecondPoint),
        select(vec!["$", "€", "₽", "¥", "USD", "x"]).prop_map(AmountBreak::Symbol),
        Just(AmountBreak::Exponent),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// A typed amount (grouped with any kind of space, a point or a comma, decimals written in
    /// full or with trailing zeros left off, leading zeros, padding) is read as exactly that
    /// many minor units of the currency, and the currency is kept.
    #[test]
    fn typed_amounts_are_read_exactly(typed in typed_amount()) {
        let scale = 10i64.pow(typed.currency.minor_units());
        let expected = Money::new(typed.whole as i64 * scale + typed.frac as i64, typed.currency);
        prop_assert_eq!(Money::parse(&typed.text, typed.currency), Some(expected), "{:?}", typed.text);
    }

    /// A typed amount spoilt in one way (a decimal more than the currency has, a sign, 13 digits
    /// before the point, a second point, a currency sign, an exponent) is refused, not misread.
    #[test]
    fn spoilt_amounts_are_refused(typed in typed_amount(), broken in amount_break()) {
        let text = typed.text.trim();
        let spoilt = match broken {
            AmountBreak::ExtraDecimal(d) => {
                let decimals = typed.currency.minor_units() as usize;
                format!("{}.{:0decimals$}{d}", typed.whole, typed.frac)
            }
            AmountBreak::Sign(sign) => format!("{sign}{text}"),
            AmountBreak::ThirteenDigits => format!("1{:012}", typed.whole),
            AmountBreak::SecondPoint => format!("{text}.5.0"),
            AmountBreak::Symbol(symbol) => format!("{symbol}{text}"),
            AmountBreak::Exponent => format!("{}e2", typed.whole),
        };
        prop_assert_eq!(Money::parse(&spoilt, typed.currency), None, "{:?}", spoilt);
    }

    /// Any text in any currency: no panic, the answer is what the documented rules give, and an
    /// accepted amount is non-negative, below 10^12 major units, in the currency asked for, and
    /// reads back the same from its plain `whole.fraction` writing.
    #[test]
    fn money_parse_on_any_text(
        input in prop_oneof![wild(), "[0-9 .,\u{a0}\\-+]{0,20}", "[0-9]{1,14}([.,][0-9]{0,4})?"],
        currency in currency(),
    ) {
        let parsed = Money::parse(&input, currency);
        prop_assert_eq!(parsed.map(|m| m.amount_minor), money_spec(&input, currency));
        if let Some(money) = parsed {
            let decimals = currency.minor_units();
            let scale = 10i64.pow(decimals);
            prop_assert_eq!(money.currency, currency);
            prop_assert!((0..1_000_000_000_000 * scale).contains(&money.amount_minor));
            let plain = if decimals == 0 {
                money.amount_minor.to_string()
            } else {
                format!("{}.{:0w$}", money.amount_minor / scale, money.amount_minor % scale, w = decimals as usize)
            };
            prop_assert_eq!(Money::parse(&plain, currency), Some(money));
        }
    }

    /// An amount as a page shows it in each language (`format::minor_units`) is either read
    /// back as the same amount or refused, never read as another amount; it is read back
    /// whenever the language groups thousands with a space or there is nothing to group.
    #[test]
    fn shown_amounts_read_back_or_are_refused(
        whole in prop_oneof![0i64..1000, 0i64..1_000_000_000_000],
        frac in 0i64..100,
        currency in currency(),
    ) {
        let decimals = currency.minor_units();
        let scale = 10i64.pow(decimals);
        let money = Money::new(whole * scale + frac % scale, currency);
        for locale in Locale::ALL {
            let shown = format::minor_units(locale, money.amount_minor, decimals);
            let parsed = Money::parse(&shown, currency);
            prop_assert!(parsed.is_none() || parsed == Some(money), "{:?} read as {:?}", shown, parsed);
            if whole < 1000 || locale.group_separator().chars().all(char::is_whitespace) {
                prop_assert_eq!(parsed, Some(money), "{:?}", shown);
            }
        }
    }
}
