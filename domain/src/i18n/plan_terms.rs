//! How a plan's terms read: labels for the catalogue's codes, counts with plurals, and the
//! fair-use terms in plain words.
use super::{Messages, format};
use crate::plan::{BillingPeriod, DataAllowance, PlanKind, ValidityStart};
use crate::t;

impl Messages {
    pub fn sort_label(&self, code: &str) -> String {
        let l = self.locale;
        match code {
            "price" => t!(l, "catalog-sort-price"),
            "price-desc" => t!(l, "catalog-sort-price-desc"),
            "data" => t!(l, "catalog-sort-data"),
            "validity" => t!(l, "catalog-sort-validity"),
            _ => t!(l, "catalog-sort-featured"),
        }
    }

    pub fn period_label(&self, p: BillingPeriod) -> String {
        let l = self.locale;
        match p {
            BillingPeriod::Day => t!(l, "catalog-period-day"),
            BillingPeriod::Month => t!(l, "catalog-period-month"),
            BillingPeriod::Year => t!(l, "catalog-period-year"),
        }
    }

    pub fn kind_label(&self, k: PlanKind) -> String {
        let l = self.locale;
        match k {
            PlanKind::Single => t!(l, "catalog-kind-single"),
            PlanKind::Family => t!(l, "catalog-kind-family"),
            PlanKind::Enterprise => t!(l, "catalog-kind-enterprise"),
        }
    }

    pub fn validity_start(&self, v: ValidityStart) -> String {
        let l = self.locale;
        match v {
            ValidityStart::OnPurchase => t!(l, "catalog-validity-starts-on-purchase"),
            ValidityStart::OnInstall => t!(l, "catalog-validity-starts-on-install"),
            ValidityStart::OnFirstUse => t!(l, "catalog-validity-starts-on-first-use"),
        }
    }

    pub fn days(&self, n: u32) -> String {
        format::days(self.locale, n)
    }

    pub fn at_least_days(&self, n: u32) -> String {
        t!(self.locale, "catalog-at-least-days", count = n)
    }

    pub fn plan_count(&self, n: u64) -> String {
        t!(self.locale, "catalog-plan-count", count = n)
    }

    pub fn country_count(&self, n: u32) -> String {
        t!(self.locale, "catalog-country-count", count = n)
    }

    pub fn minutes(&self, n: u32) -> String {
        t!(self.locale, "catalog-voice-minutes", count = n)
    }

    pub fn sms_count(&self, n: u32) -> String {
        t!(self.locale, "catalog-sms-count", count = n)
    }

    pub fn up_to_lines(&self, n: u32) -> String {
        t!(self.locale, "catalog-up-to-lines", count = n)
    }

    pub fn at_least_gb(&self, gb: u32) -> String {
        let amount = format::data_amount(self.locale, gb.saturating_mul(1024));
        t!(self.locale, "catalog-at-least-gb", amount = amount)
    }

    pub fn data_amount(&self, mb: u32) -> String {
        format::data_amount(self.locale, mb)
    }

    pub fn speed(&self, kbps: u32) -> String {
        format::speed(self.locale, kbps)
    }

    /// "2 GB/day at full speed", under "Unlimited".
    pub fn daily_full_speed(&self, mb: u32) -> String {
        t!(self.locale, "catalog-daily-full-speed", amount = self.data_amount(mb))
    }

    pub fn data_headline(&self, data: DataAllowance) -> String {
        match data {
            DataAllowance::Limited { mb } => self.data_amount(mb),
            DataAllowance::Unlimited { .. } => self.unlimited.to_string(),
        }
    }

    /// The fair-use terms in plain words: what "unlimited" really means, and what happens when
    /// a limited plan runs out.
    pub fn fair_use_terms(&self, data: DataAllowance, throttle_kbps: Option<u32>) -> String {
        let l = self.locale;
        match (data, throttle_kbps) {
            (DataAllowance::Unlimited { fair_use_daily_mb }, throttle) => t!(
                l,
                "catalog-fair-use-unlimited",
                allowance = self.data_amount(fair_use_daily_mb),
                slow = throttle.map(|k| self.speed(k)).unwrap_or_default()
            ),
            (DataAllowance::Limited { mb }, Some(kbps)) => t!(
                l,
                "catalog-fair-use-throttled",
                total = self.data_amount(mb),
                slow = self.speed(kbps)
            ),
            (DataAllowance::Limited { mb }, None) => t!(l, "catalog-fair-use-limited", total = self.data_amount(mb)),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::locale::Locale;
    use crate::plan::DataAllowance;

    #[test]
    fn fair_use_is_stated_for_unlimited_plans() {
        let text = Locale::En.messages().fair_use_terms(
            DataAllowance::Unlimited {
                fair_use_daily_mb: 2048,
            },
            Some(512),
        );
        assert!(text.contains("first 2 GB each day"), "{text}");
        assert!(text.contains("512 kbps"), "{text}");
        let ru = Locale::Ru.messages().fair_use_terms(
            DataAllowance::Unlimited {
                fair_use_daily_mb: 2048,
            },
            Some(1500),
        );
        assert!(ru.contains("2 ГБ") && ru.contains("1,5 Мбит/с"), "{ru}");
    }

    #[test]
    fn every_locale_has_its_own_text() {
        for l in Locale::ALL {
            assert_eq!(l.messages().locale, l);
        }
        assert_ne!(
            Locale::En.messages().catalog_heading,
            Locale::Ru.messages().catalog_heading
        );
        assert_ne!(
            Locale::En.messages().catalog_heading,
            Locale::Zh.messages().catalog_heading
        );
    }
}
