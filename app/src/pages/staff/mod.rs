//! Staff pages: the counter's customer search, the team, the audit log, the outbox.
pub mod audit;
pub mod outbox;
pub mod payments;
pub mod stock;
pub mod team;

use crate::components::refusal::Refusal;
use crate::error::ApiError;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// What a staff page shows when its data could not be loaded: sign-in for 401, a plain refusal for 403.
pub(crate) fn refusal(err: ApiError, here: &'static str) -> AnyView {
    match err {
        ApiError::Unauthorized => view! { <Redirect path=format!("/account/sign-in?next={here}") /> }.into_any(),
        other => view! { <Refusal error=other testid="refused" /> }.into_any(),
    }
}

pub(crate) use crate::components::when as format_time;
