pub mod catalog_filters;
pub mod esim_card;
pub mod form;
pub mod layout;
pub mod plan_card;
pub mod plan_facts;
pub mod refusal;
pub mod usage_chart;

use domain::prefs::ShopContext;
use leptos::prelude::*;

/// The current shop context, provided by [`crate::App`].
pub fn use_shop() -> ShopContext {
    expect_context::<ShopContext>()
}

/// A moment as this reader sees it: in their language and time zone, the zone named.
pub fn when(at: chrono::DateTime<chrono::Utc>) -> String {
    let shop = use_shop();
    domain::i18n::format::moment(shop.locale, &shop.zone, at)
}
