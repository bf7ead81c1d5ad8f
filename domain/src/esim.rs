//! What a customer sees about an eSIM they own: its status, its bundles and its usage.
//! Anything relative to "now" (days left, whether a bundle has run out of time) is worked out on
//! the server, so the page renders the same before and after hydration.
use super::plan::ValidityStart;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EsimStatus {
    InStock,
    ReadyToInstall,
    Installed,
    Active,
    Expired,
    Suspended,
}

impl EsimStatus {
    pub const ALL: [EsimStatus; 6] = [
        EsimStatus::InStock,
        EsimStatus::ReadyToInstall,
        EsimStatus::Installed,
        EsimStatus::Active,
        EsimStatus::Expired,
        EsimStatus::Suspended,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EsimStatus::InStock => "in_stock",
            EsimStatus::ReadyToInstall => "ready_to_install",
            EsimStatus::Installed => "installed",
            EsimStatus::Active => "active",
            EsimStatus::Expired => "expired",
            EsimStatus::Suspended => "suspended",
        }
    }

    pub fn from_code(code: &str) -> Option<EsimStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the install page still helps: a profile can be downloaded only until it is installed.
    pub fn installable(self) -> bool {
        matches!(self, EsimStatus::ReadyToInstall)
    }
}

/// A bundle's state as shown: `Expired` also when its end date has passed but the carrier has
/// not said so yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BundleState {
    /// Bought; the validity clock has not started.
    Waiting,
    Active,
    Depleted,
    Expired,
}

/// An allowance: what is left out of what was bought. `total` is `None` for unlimited data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allowance {
    pub remaining: i64,
    pub total: Option<i64>,
}

impl Allowance {
    /// Share left, 0–100, for the bar; `None` when unlimited.
    pub fn percent_left(self) -> Option<u8> {
        let total = self.total?;
        if total <= 0 {
            return Some(0);
        }
        Some(((self.remaining.clamp(0, total) * 100) / total) as u8)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BundleCard {
    pub id: Uuid,
    pub plan_name: String,
    pub state: BundleState,
    pub validity_starts: ValidityStart,
    pub validity_days: i32,
    /// Data in MB; total `None` means unlimited with a daily fair-use allowance.
    pub data: Allowance,
    pub fair_use_daily_mb: Option<i32>,
    pub voice: Option<Allowance>,
    pub sms: Option<Allowance>,
    pub starts_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    /// Whole days until `expires_at`, worked out on the server; negative once past.
    pub days_left: Option<i64>,
    /// When the carrier last measured this bundle's usage.
    pub usage_measured_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailyUsage {
    pub day: NaiveDate,
    pub data_mb: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EsimCard {
    pub id: Uuid,
    pub iccid: String,
    pub nickname: Option<String>,
    pub status: EsimStatus,
    pub carrier: Option<String>,
    pub installed_at: Option<DateTime<Utc>>,
    pub bundles: Vec<BundleCard>,
    /// The last 30 days, oldest first, with a zero for days without usage.
    pub daily_usage: Vec<DailyUsage>,
}

impl EsimCard {
    /// The bundle the customer cares about first: the active one ending soonest, else one waiting.
    pub fn current_bundle(&self) -> Option<&BundleCard> {
        self.bundles
            .iter()
            .filter(|b| b.state == BundleState::Active)
            .min_by_key(|b| b.expires_at)
            .or_else(|| self.bundles.iter().find(|b| b.state == BundleState::Waiting))
    }
}

/// An ICCID's last five digits, how an eSIM is named when it has no nickname.
pub fn iccid_tail(iccid: &str) -> &str {
    &iccid[iccid.len().saturating_sub(5)..]
}

/// How urgent an expiry is, which picks the colour people see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpiryUrgency {
    Fine,
    /// Three days or less: time to renew.
    Soon,
    Past,
}

pub fn expiry_urgency(days_left: i64) -> ExpiryUrgency {
    match days_left {
        d if d < 0 => ExpiryUrgency::Past,
        d if d <= 3 => ExpiryUrgency::Soon,
        _ => ExpiryUrgency::Fine,
    }
}

/// Whole days from `now` until `end`, rounding up so "ends in 10 hours" reads as 1 day, not 0.
pub fn days_until(now: DateTime<Utc>, end: DateTime<Utc>) -> i64 {
    let secs = (end - now).num_seconds();
    if secs >= 0 {
        (secs + 86_399) / 86_400
    } else {
        -((-secs) / 86_400) - 1
    }
}

/// Megabytes as the unit formatter takes them (`i18n::format::data_amount`): an overage the
/// carrier reported as a negative remainder reads as nothing left.
pub fn whole_mb(mb: i64) -> u32 {
    u32::try_from(mb.max(0)).unwrap_or(u32::MAX)
}

/// The bars of the daily-usage chart in a `width` × `height` box: (x, y, bar height) per day,
/// scaled to the busiest day.
pub fn chart_bars(days: &[DailyUsage], width: f64, height: f64) -> Vec<(f64, f64, f64)> {
    // At least 1, so a month without usage draws flat bars instead of dividing by zero.
    let max = busiest_day_mb(days).max(1);
    let slot = if days.is_empty() {
        width
    } else {
        width / days.len() as f64
    };
    days.iter()
        .enumerate()
        .map(|(i, d)| {
            let h = (d.data_mb.max(0) as f64 / max as f64) * height;
            (i as f64 * slot, height - h, h)
        })
        .collect()
}

/// The most data used on one day; 0 for a month without usage.
pub fn busiest_day_mb(days: &[DailyUsage]) -> i64 {
    days.iter().map(|d| d.data_mb).max().unwrap_or(0).max(0)
}

/// Everything the install page shows. Only ever sent to the owner and their storefront's staff;
/// `Debug` leaves the secrets out, so a stray log line cannot leak them.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct InstallDetails {
    pub id: Uuid,
    pub name: String,
    pub iccid: String,
    pub status: EsimStatus,
    pub smdp_address: String,
    pub matching_id: String,
    pub confirmation_code: Option<String>,
    /// `LPA:1$…`, what the QR code holds.
    pub lpa_uri: String,
    /// The QR code as an SVG document, drawn on the server.
    pub qr_svg: String,
    pub ios_link: String,
    pub android_link: String,
}

impl std::fmt::Debug for InstallDetails {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InstallDetails")
            .field("id", &self.id)
            .field("iccid", &self.iccid)
            .field("status", &self.status)
            .field("smdp_address", &self.smdp_address)
            .finish_non_exhaustive()
    }
}

/// The iOS 17.4+ one-tap universal link. The code goes in unencoded, as providers publish it:
/// whether Apple accepts percent-encoding is unverified, and a validated code holds only letters,
/// digits, `.`, `-`, `:` and `$`, all legal in a query.
pub fn ios_install_link(lpa_uri: &str) -> String {
    format!("https://esimsetup.apple.com/esim_qrcode_provisioning?carddata={lpa_uri}")
}

/// Android's link: undocumented and best effort, so the QR code and manual fields always go with it.
pub fn android_install_link(lpa_uri: &str) -> String {
    format!("https://esimsetup.android.com/esim_qrcode_provisioning?carddata={lpa_uri}")
}

pub const MAX_NICKNAME_CHARS: usize = 60;

/// A nickname as stored: trimmed, control characters refused, empty meaning none.
pub fn clean_nickname(input: &str) -> Result<Option<String>, super::account::AccountProblem> {
    let name = input.trim();
    if name.chars().count() > MAX_NICKNAME_CHARS || name.chars().any(char::is_control) {
        return Err(super::account::AccountProblem::NameTooLong);
    }
    Ok((!name.is_empty()).then(|| name.to_string()))
}

/// The eSIMs an anonymous lookup proved access to, as shown on the renewal page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LookupResult {
    pub email_hint: String,
    pub esims: Vec<EsimCard>,
}

/// `anna@example.com` → `a***@example.com`: enough to recognise, not enough to harvest.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn days_until_rounds_partial_days_up() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        assert_eq!(days_until(now, now + chrono::Duration::hours(10)), 1);
        assert_eq!(days_until(now, now + chrono::Duration::days(3)), 3);
        assert_eq!(
            days_until(now, now + chrono::Duration::days(3) + chrono::Duration::seconds(1)),
            4
        );
        assert_eq!(days_until(now, now - chrono::Duration::hours(1)), -1);
        assert_eq!(expiry_urgency(4), ExpiryUrgency::Fine);
        assert_eq!(expiry_urgency(3), ExpiryUrgency::Soon);
        assert_eq!(expiry_urgency(-1), ExpiryUrgency::Past);
    }

    #[test]
    fn allowance_percent_and_units() {
        assert_eq!(
            Allowance {
                remaining: 1536,
                total: Some(3072)
            }
            .percent_left(),
            Some(50)
        );
        assert_eq!(
            Allowance {
                remaining: 5,
                total: None
            }
            .percent_left(),
            None
        );
        assert_eq!(
            Allowance {
                remaining: -5,
                total: Some(10)
            }
            .percent_left(),
            Some(0)
        );
        assert_eq!(whole_mb(850), 850);
        assert_eq!(whole_mb(-5), 0);
        assert_eq!(iccid_tail("8944538532008160222"), "60222");
    }

    #[test]
    fn chart_scales_to_the_busiest_day() {
        let day = |d, mb| DailyUsage {
            day: NaiveDate::from_ymd_opt(2026, 11, d).unwrap(),
            data_mb: mb,
        };
        let days = [day(1, 0), day(2, 200), day(3, 100)];
        let bars = chart_bars(&days, 300.0, 100.0);
        assert_eq!(busiest_day_mb(&days), 200);
        assert_eq!(busiest_day_mb(&[day(1, 0)]), 0, "no usage is not a busiest day of 1 MB");
        assert_eq!(bars[0], (0.0, 100.0, 0.0));
        assert_eq!(bars[1], (100.0, 0.0, 100.0));
        assert_eq!(bars[2], (200.0, 50.0, 50.0));
    }

    #[test]
    fn install_links_carry_the_encoded_code() {
        let link = ios_install_link("LPA:1$smdp.example.com$AB-12");
        assert_eq!(
            link,
            "https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=LPA:1$smdp.example.com$AB-12"
        );
        assert!(android_install_link("LPA:1$a.b$C").starts_with("https://esimsetup.android.com/"));
        assert_eq!(mask_email("anna@example.com"), "a***@example.com");
    }

    #[test]
    fn install_details_never_debug_print_their_secrets() {
        let details = InstallDetails {
            id: Uuid::nil(),
            name: "Phone".into(),
            iccid: "8944538532008160222".into(),
            status: EsimStatus::ReadyToInstall,
            smdp_address: "smdp.example.com".into(),
            matching_id: "SECRET-ID".into(),
            confirmation_code: Some("9876".into()),
            lpa_uri: "LPA:1$smdp.example.com$SECRET-ID".into(),
            qr_svg: "<svg>SECRET-ID</svg>".into(),
            ios_link: "https://esimsetup.apple.com/?carddata=SECRET-ID".into(),
            android_link: "SECRET-ID".into(),
        };
        let printed = format!("{details:?}");
        assert!(!printed.contains("SECRET-ID") && !printed.contains("9876"), "{printed}");
        assert!(printed.contains("8944538532008160222"));
    }
}
