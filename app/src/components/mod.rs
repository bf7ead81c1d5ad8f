pub mod catalog_filters;
pub mod enhance;
pub mod esim_card;
pub mod form;
pub mod layout;
pub mod plan_card;
pub mod plan_facts;
pub mod refusal;
pub mod usage_chart;

use crate::domain::prefs::ShopContext;
use leptos::prelude::*;

/// The current shop context, provided by [`crate::App`].
pub fn use_shop() -> ShopContext {
    expect_context::<ShopContext>()
}
