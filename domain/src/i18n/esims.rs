//! How an eSIM reads: its status, its bundles' states, its name when it has none, when a bundle's
//! validity runs, and the caveats of the eSIM-capable phones, from the `esims` catalogue.
use crate::devices::DeviceNote;
use crate::esim::{BundleState, EsimCard, EsimStatus};
use crate::locale::Locale;
use crate::plan::ValidityStart;
use crate::t;

impl EsimStatus {
    pub fn label(self, l: Locale) -> String {
        match self {
            EsimStatus::InStock => t!(l, "esims-status-in-stock"),
            EsimStatus::ReadyToInstall => t!(l, "esims-status-ready-to-install"),
            EsimStatus::Installed => t!(l, "esims-status-installed"),
            EsimStatus::Active => t!(l, "esims-status-active"),
            EsimStatus::Expired => t!(l, "esims-status-expired"),
            EsimStatus::Suspended => t!(l, "esims-status-suspended"),
        }
    }
}

impl BundleState {
    pub fn label(self, l: Locale) -> String {
        match self {
            BundleState::Waiting => t!(l, "esims-bundle-waiting"),
            BundleState::Active => t!(l, "esims-bundle-active"),
            BundleState::Depleted => t!(l, "esims-bundle-depleted"),
            BundleState::Expired => t!(l, "esims-bundle-expired"),
        }
    }
}

impl EsimCard {
    /// The nickname, or "eSIM ···12345" after the ICCID's last digits.
    pub fn display_name(&self, l: Locale) -> String {
        match &self.nickname {
            Some(n) => n.clone(),
            None => unnamed(l, &self.iccid),
        }
    }
}

/// The name of an eSIM that has no nickname.
fn unnamed(l: Locale, iccid: &str) -> String {
    t!(l, "esims-unnamed", tail = crate::esim::iccid_tail(iccid))
}

impl ValidityStart {
    /// The plain-words rule for when a bundle of `days` days starts counting.
    pub fn rule(self, days: i32, l: Locale) -> String {
        match self {
            ValidityStart::OnPurchase => t!(l, "esims-valid-from-purchase", days = days),
            ValidityStart::OnInstall => t!(l, "esims-valid-from-install", days = days),
            ValidityStart::OnFirstUse => t!(l, "esims-valid-from-first-use", days = days),
        }
    }
}

impl DeviceNote {
    pub fn text(self, l: Locale) -> String {
        match self {
            DeviceNote::NoEsimInChina => t!(l, "esims-device-note-china"),
            DeviceNote::UsEsimOnly => t!(l, "esims-device-note-us-esim-only"),
            DeviceNote::SamsungRegions => t!(l, "esims-device-note-samsung-regions"),
            DeviceNote::NotEverywhere => t!(l, "esims-device-note-not-everywhere"),
            DeviceNote::Pixel3 => t!(l, "esims-device-note-pixel-3"),
            DeviceNote::Pixel3a => t!(l, "esims-device-note-pixel-3a"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity_rules_count_days_in_each_language() {
        let rule = |l| ValidityStart::OnFirstUse.rule(15, l);
        assert!(rule(Locale::En).starts_with("Valid for 15 days from the first use of data"));
        assert_eq!(
            ValidityStart::OnPurchase.rule(1, Locale::En),
            "Valid for 1 day from purchase."
        );
        assert!(rule(Locale::Ru).starts_with("Действует 15 дн."));
        assert!(rule(Locale::Zh).contains("15 天"));
    }

    #[test]
    fn an_unnamed_esim_is_named_by_its_iccid() {
        assert_eq!(unnamed(Locale::Ru, "8944538532008160222"), "eSIM ···60222");
        assert_eq!(EsimStatus::ReadyToInstall.label(Locale::En), "Ready to install");
        assert_eq!(BundleState::Depleted.label(Locale::Ru), "Израсходован");
    }
}
