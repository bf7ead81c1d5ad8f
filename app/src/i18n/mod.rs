//! Every visible string, in each language. A struct rather than string keys: a translation
//! that is missing is a compile error, not a blank on a page.
mod en;
mod ru;
mod zh;

use crate::domain::locale::Locale;
use crate::domain::plan::{BillingPeriod, DataAllowance, PlanKind, ValidityStart};

pub struct Messages {
    pub locale: Locale,
    pub site_description: &'static str,
    pub nav_plans: &'static str,
    pub language: &'static str,
    pub currency: &'static str,
    pub apply: &'static str,
    pub skip_to_content: &'static str,

    pub catalog_title: &'static str,
    pub catalog_heading: &'static str,
    pub catalog_lead: &'static str,
    pub catalog_points: [&'static str; 3],
    pub filters: &'static str,
    pub destination: &'static str,
    pub any_destination: &'static str,
    pub countries: &'static str,
    pub regions: &'static str,
    pub min_data: &'static str,
    pub any_amount: &'static str,
    pub unlimited: &'static str,
    pub trip_length: &'static str,
    pub any_length: &'static str,
    pub billing: &'static str,
    pub any_billing: &'static str,
    pub plan_type: &'static str,
    pub any_type: &'static str,
    pub sort_by: &'static str,
    pub apply_filters: &'static str,
    pub clear_filters: &'static str,
    pub no_plans: &'static str,
    pub ignored_filters: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub view_plan: &'static str,
    pub top_up_badge: &'static str,

    pub all_plans: &'static str,
    pub coverage: &'static str,
    pub covered_countries: &'static str,
    pub networks: &'static str,
    pub data: &'static str,
    pub voice: &'static str,
    pub sms: &'static str,
    pub validity: &'static str,
    pub speed: &'static str,
    pub fair_use: &'static str,
    pub top_ups: &'static str,
    pub can_top_up: &'static str,
    pub cannot_top_up: &'static str,
    pub hotspot: &'static str,
    pub hotspot_allowed: &'static str,
    pub hotspot_not_allowed: &'static str,
    pub price: &'static str,
    pub data_only: &'static str,
    pub none: &'static str,
    pub plan_details: &'static str,
    pub price_note: &'static str,

    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_to_plans: &'static str,
    pub support: &'static str,
}

impl Messages {
    pub fn sort_label(&self, code: &str) -> &'static str {
        self.locale.pick(match code {
            "price" => ["Price: low to high", "价格从低到高", "Сначала дешёвые"],
            "price-desc" => ["Price: high to low", "价格从高到低", "Сначала дорогие"],
            "data" => ["Most data", "流量最多", "Больше трафика"],
            "validity" => ["Longest validity", "有效期最长", "Дольше срок"],
            _ => ["Featured", "推荐", "Рекомендуемые"],
        })
    }

    pub fn period_label(&self, p: BillingPeriod) -> &'static str {
        self.locale.pick(match p {
            BillingPeriod::Day => ["Day pass", "日套餐", "На день"],
            BillingPeriod::Month => ["Monthly", "月套餐", "На месяц"],
            BillingPeriod::Year => ["Yearly", "年套餐", "На год"],
        })
    }

    pub fn kind_label(&self, k: PlanKind) -> &'static str {
        self.locale.pick(match k {
            PlanKind::Single => ["Single eSIM", "单张 eSIM", "Одна eSIM"],
            PlanKind::Family => ["Family", "家庭套餐", "Семейный"],
            PlanKind::Enterprise => ["Business", "企业套餐", "Для бизнеса"],
        })
    }

    pub fn validity_start(&self, v: ValidityStart) -> &'static str {
        self.locale.pick(match v {
            ValidityStart::OnPurchase => [
                "Validity starts at purchase.",
                "有效期自购买时开始计算。",
                "Срок действия начинается с момента покупки.",
            ],
            ValidityStart::OnInstall => [
                "Validity starts when you install the eSIM on your phone.",
                "有效期自 eSIM 安装到手机时开始计算。",
                "Срок действия начинается с установки eSIM на телефон.",
            ],
            ValidityStart::OnFirstUse => [
                "Validity starts when the eSIM first connects to a network at your destination.",
                "有效期自 eSIM 在目的地首次连接网络时开始计算。",
                "Срок действия начинается с первого подключения eSIM к сети в стране поездки.",
            ],
        })
    }

    /// "7 days" / "7 天" / "7 дней".
    pub fn days(&self, n: u32) -> String {
        match self.locale {
            Locale::En => format!("{n} {}", if n == 1 { "day" } else { "days" }),
            Locale::Zh => format!("{n} 天"),
            Locale::Ru => format!("{n} {}", ru_plural(n, "день", "дня", "дней")),
        }
    }

    pub fn at_least_days(&self, n: u32) -> String {
        match self.locale {
            Locale::En => format!("At least {}", self.days(n)),
            Locale::Zh => format!("至少 {}", self.days(n)),
            Locale::Ru => format!("От {n} {}", ru_plural(n, "дня", "дней", "дней")),
        }
    }

    pub fn plan_count(&self, n: u64) -> String {
        match self.locale {
            Locale::En => format!("{n} {}", if n == 1 { "plan" } else { "plans" }),
            Locale::Zh => format!("{n} 个套餐"),
            Locale::Ru => format!("{n} {}", ru_plural(n as u32, "тариф", "тарифа", "тарифов")),
        }
    }

    pub fn country_count(&self, n: u32) -> String {
        match self.locale {
            Locale::En => format!("{n} {}", if n == 1 { "country" } else { "countries" }),
            Locale::Zh => format!("{n} 个国家和地区"),
            Locale::Ru => format!("{n} {}", ru_plural(n, "страна", "страны", "стран")),
        }
    }

    pub fn minutes(&self, n: u32) -> String {
        match self.locale {
            Locale::En => format!("{n} min"),
            Locale::Zh => format!("{n} 分钟"),
            Locale::Ru => format!("{n} мин"),
        }
    }

    pub fn sms_count(&self, n: u32) -> String {
        match self.locale {
            Locale::Ru => format!("{n} SMS"),
            Locale::Zh => format!("{n} 条短信"),
            Locale::En => format!("{n} SMS"),
        }
    }

    pub fn up_to_lines(&self, n: u32) -> String {
        match self.locale {
            Locale::En => format!("Shared by up to {n} eSIMs"),
            Locale::Zh => format!("最多 {n} 张 eSIM 共享"),
            Locale::Ru => format!("До {n} eSIM в одном тарифе"),
        }
    }

    pub fn at_least_gb(&self, gb: u32) -> String {
        match self.locale {
            Locale::En => format!("{gb} GB or more"),
            Locale::Zh => format!("{gb} GB 及以上"),
            Locale::Ru => format!("От {gb} ГБ"),
        }
    }

    /// "10 GB", "500 MB", "1.5 GB" in the locale's units and decimal mark.
    pub fn data_amount(&self, mb: u32) -> String {
        let (gb_unit, mb_unit, dec) = match self.locale {
            Locale::Ru => ("ГБ", "МБ", ","),
            _ => ("GB", "MB", "."),
        };
        if mb < 1024 {
            return format!("{mb} {mb_unit}");
        }
        let tenths = (mb as u64 * 10 + 512) / 1024;
        format!("{} {gb_unit}", one_decimal(tenths, dec))
    }

    pub fn speed(&self, kbps: u32) -> String {
        let (mbps_unit, kbps_unit, dec) = match self.locale {
            Locale::Ru => ("Мбит/с", "кбит/с", ","),
            _ => ("Mbps", "kbps", "."),
        };
        if kbps < 1000 {
            return format!("{kbps} {kbps_unit}");
        }
        let tenths = (kbps as u64 + 50) / 100;
        format!("{} {mbps_unit}", one_decimal(tenths, dec))
    }

    /// "2 GB/day at full speed", under "Unlimited".
    pub fn daily_full_speed(&self, mb: u32) -> String {
        let amount = self.data_amount(mb);
        match self.locale {
            Locale::En => format!("{amount}/day at full speed"),
            Locale::Zh => format!("每天 {amount} 高速流量"),
            Locale::Ru => format!("{amount}/день на полной скорости"),
        }
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
        match (data, throttle_kbps) {
            (DataAllowance::Unlimited { fair_use_daily_mb }, throttle) => {
                let allowance = self.data_amount(fair_use_daily_mb);
                let slow = throttle.map(|k| self.speed(k)).unwrap_or_default();
                match self.locale {
                    Locale::En => format!(
                        "Full speed for the first {allowance} each day. After that the connection slows to {slow} until the allowance resets the next day; it never cuts off."
                    ),
                    Locale::Zh => {
                        format!("每天前 {allowance} 为高速流量，之后网速降至 {slow}，次日恢复高速；不会断网。")
                    }
                    Locale::Ru => format!(
                        "Первые {allowance} каждый день — на полной скорости. Затем скорость снижается до {slow} до обновления лимита на следующий день; связь не отключается."
                    ),
                }
            }
            (DataAllowance::Limited { mb }, Some(kbps)) => {
                let total = self.data_amount(mb);
                let slow = self.speed(kbps);
                match self.locale {
                    Locale::En => format!(
                        "Full speed for all {total}. When it is used up you stay online at {slow} until the plan expires, or top up for more."
                    ),
                    Locale::Zh => {
                        format!("{total} 全部为高速流量。用完后可继续以 {slow} 上网直至套餐到期，或充值加量。")
                    }
                    Locale::Ru => format!(
                        "Все {total} — на полной скорости. Когда трафик закончится, интернет продолжит работать на скорости {slow} до конца срока, или можно докупить пакет."
                    ),
                }
            }
            (DataAllowance::Limited { mb }, None) => {
                let total = self.data_amount(mb);
                match self.locale {
                    Locale::En => format!(
                        "Full speed for all {total}, no daily limit. When it is used up, data stops until you top up."
                    ),
                    Locale::Zh => format!("{total} 全部为高速流量，无每日限制。用完后数据服务停止，充值后恢复。"),
                    Locale::Ru => format!(
                        "Все {total} — на полной скорости, без дневного лимита. Когда трафик закончится, интернет остановится до пополнения."
                    ),
                }
            }
        }
    }
}

impl Locale {
    /// Chooses from an `[en, zh, ru]` triple.
    pub fn pick<T: Copy>(self, options: [T; 3]) -> T {
        match self {
            Locale::En => options[0],
            Locale::Zh => options[1],
            Locale::Ru => options[2],
        }
    }

    pub fn messages(self) -> &'static Messages {
        match self {
            Locale::En => &en::EN,
            Locale::Zh => &zh::ZH,
            Locale::Ru => &ru::RU,
        }
    }
}

/// A count of tenths as "15" or "1.5", dropping a zero decimal.
fn one_decimal(tenths: u64, dec: &str) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}{dec}{}", tenths / 10, tenths % 10)
    }
}

/// Russian has three plural forms: 1 день, 2 дня, 5 дней (and 11–14 take the last).
pub fn ru_plural(n: u32, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    let (n10, n100) = (n % 10, n % 100);
    if n10 == 1 && n100 != 11 {
        one
    } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
        few
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals() {
        let m = Locale::Ru.messages();
        assert_eq!(m.days(1), "1 день");
        assert_eq!(m.days(3), "3 дня");
        assert_eq!(m.days(7), "7 дней");
        assert_eq!(m.days(11), "11 дней");
        assert_eq!(m.days(21), "21 день");
        assert_eq!(m.days(114), "114 дней");
        assert_eq!(m.plan_count(42), "42 тарифа");
        assert_eq!(m.country_count(33), "33 страны");
    }

    #[test]
    fn data_and_speed_units() {
        let en = Locale::En.messages();
        assert_eq!(en.data_amount(500), "500 MB");
        assert_eq!(en.data_amount(1024), "1 GB");
        assert_eq!(en.data_amount(1536), "1.5 GB");
        assert_eq!(en.data_amount(51_200), "50 GB");
        assert_eq!(Locale::Ru.messages().data_amount(1536), "1,5 ГБ");
        assert_eq!(en.speed(512), "512 kbps");
        assert_eq!(en.speed(1024), "1 Mbps");
        assert_eq!(en.speed(1500), "1.5 Mbps");
        assert_eq!(en.days(1), "1 day");
    }

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
