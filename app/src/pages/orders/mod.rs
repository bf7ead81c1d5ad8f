//! An order's page (status, payment, what was delivered) and its printable receipt.
pub mod detail;
pub mod history;
pub mod receipt;

use crate::api::checkout::get_order;
use crate::error::ApiError;
use domain::order::OrderView;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

/// The `:id` order of the route and its resource; an unparsable id is an order not found.
/// `returning`: the customer is back from the provider's checkout page (see `get_order`).
pub(crate) fn order_resource(returning: bool) -> (Option<Uuid>, Resource<Result<OrderView, ApiError>>) {
    let id = use_params_map()
        .with_untracked(|p| p.get("id"))
        .and_then(|s| Uuid::parse_str(&s).ok());
    let order = Resource::new_blocking(
        move || id,
        move |id| async move {
            match id {
                Some(id) => get_order(id, returning).await,
                None => Err(ApiError::NotFound),
            }
        },
    );
    (id, order)
}
