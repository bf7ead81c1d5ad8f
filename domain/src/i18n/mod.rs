//! The message catalogues: Fluent files under `domain/locales/<language>/<area>.ftl`, embedded at
//! build time. Fluent because a translator can be handed a plain file per area, plurals follow
//! CLDR rules (through `intl_pluralrules`), and a message's wording may change per language
//! without the code knowing. `t!(locale, "id", name = value)` formats one message; tests check
//! that every language has every message with the same variables, and that every id the code
//! uses exists.
mod account;
mod catalogue;
mod esims;
pub mod format;
mod orders;
mod plan_terms;
mod problems;
mod staff;

pub use catalogue::{FluentArgs, FluentValue, text, text_with};

use crate::locale::Locale;

/// Formats a message of the catalogue in a language: `t!(l, "catalog-heading")`, or with
/// variables, `t!(l, "catalog-plan-count", count = 3)`.
#[macro_export]
macro_rules! t {
    ($locale:expr, $id:literal) => {
        $crate::i18n::text($locale, $id)
    };
    ($locale:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::FluentValue::from($value)); )+
        $crate::i18n::text_with($locale, $id, &args)
    }};
}

/// The shop's frame and catalogue pages' fixed words, read once per language: pages use them as
/// `m.catalog_heading` where a message has no variables.
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
    pub catalog_points: [&'static str; 3],
}

impl Messages {
    fn load(l: Locale) -> Messages {
        let text = |l, id| -> &'static str { Box::leak(catalogue::text(l, id).into_boxed_str()) };
        Messages {
            locale: l,
            site_description: text(l, "common-site-description"),
            nav_plans: text(l, "common-nav-plans"),
            language: text(l, "common-language"),
            currency: text(l, "common-currency"),
            apply: text(l, "common-apply"),
            skip_to_content: text(l, "common-skip-to-content"),
            catalog_title: text(l, "catalog-title"),
            catalog_heading: text(l, "catalog-heading"),
            catalog_lead: text(l, "catalog-lead"),
            filters: text(l, "catalog-filters"),
            destination: text(l, "catalog-destination"),
            any_destination: text(l, "catalog-any-destination"),
            countries: text(l, "catalog-countries"),
            regions: text(l, "catalog-regions"),
            min_data: text(l, "catalog-min-data"),
            any_amount: text(l, "catalog-any-amount"),
            unlimited: text(l, "catalog-unlimited"),
            trip_length: text(l, "catalog-trip-length"),
            any_length: text(l, "catalog-any-length"),
            billing: text(l, "catalog-billing"),
            any_billing: text(l, "catalog-any-billing"),
            plan_type: text(l, "catalog-plan-type"),
            any_type: text(l, "catalog-any-type"),
            sort_by: text(l, "catalog-sort-by"),
            apply_filters: text(l, "catalog-apply-filters"),
            clear_filters: text(l, "catalog-clear-filters"),
            no_plans: text(l, "catalog-no-plans"),
            ignored_filters: text(l, "catalog-ignored-filters"),
            previous_page: text(l, "catalog-previous-page"),
            next_page: text(l, "catalog-next-page"),
            loading: text(l, "common-loading"),
            load_failed: text(l, "common-load-failed"),
            view_plan: text(l, "catalog-view-plan"),
            top_up_badge: text(l, "catalog-top-up-badge"),
            all_plans: text(l, "catalog-all-plans"),
            coverage: text(l, "catalog-coverage"),
            covered_countries: text(l, "catalog-covered-countries"),
            networks: text(l, "catalog-networks"),
            data: text(l, "catalog-data"),
            voice: text(l, "catalog-voice"),
            sms: text(l, "catalog-sms"),
            validity: text(l, "catalog-validity"),
            speed: text(l, "catalog-speed"),
            fair_use: text(l, "catalog-fair-use"),
            top_ups: text(l, "catalog-top-ups"),
            can_top_up: text(l, "catalog-can-top-up"),
            cannot_top_up: text(l, "catalog-cannot-top-up"),
            hotspot: text(l, "catalog-hotspot"),
            hotspot_allowed: text(l, "catalog-hotspot-allowed"),
            hotspot_not_allowed: text(l, "catalog-hotspot-not-allowed"),
            price: text(l, "catalog-price"),
            data_only: text(l, "catalog-data-only"),
            none: text(l, "catalog-none"),
            plan_details: text(l, "catalog-plan-details"),
            price_note: text(l, "catalog-price-note"),
            not_found_title: text(l, "common-not-found-title"),
            not_found_text: text(l, "common-not-found-text"),
            back_to_plans: text(l, "common-back-to-plans"),
            support: text(l, "common-support"),
            catalog_points: [
                text(l, "catalog-point-1"),
                text(l, "catalog-point-2"),
                text(l, "catalog-point-3"),
            ],
        }
    }
}

impl Locale {
    /// The fixed words of this language, loaded on first use and kept for the process's life.
    pub fn messages(self) -> &'static Messages {
        static LOADED: std::sync::OnceLock<Vec<Messages>> = std::sync::OnceLock::new();
        let all = LOADED.get_or_init(|| Locale::ALL.iter().map(|l| Messages::load(*l)).collect());
        &all[self.index()]
    }
}
