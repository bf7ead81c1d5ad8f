//! The customer's eSIMs: the list, one eSIM's page, and its install page.
pub mod detail;
pub mod install;
pub mod list;

use crate::components::refusal::Refusal;
use crate::error::ApiError;
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

/// The `:id` route parameter; an unparsable one is simply an eSIM that is not there.
pub(crate) fn esim_id_param() -> Option<Uuid> {
    use_params_map()
        .with_untracked(|p| p.get("id"))
        .and_then(|s| Uuid::parse_str(&s).ok())
}

/// What a page shows when its eSIM cannot be loaded: sign-in for a visitor, 404 for anyone who
/// may not see it, the message otherwise.
pub(crate) fn refusal(err: ApiError, back_to: String) -> AnyView {
    match err {
        ApiError::Unauthorized => view! { <Redirect path=format!("/account/sign-in?next={back_to}") /> }.into_any(),
        ApiError::NotFound => view! { <NotFound /> }.into_any(),
        e => view! { <Refusal error=e /> }.into_any(),
    }
}
