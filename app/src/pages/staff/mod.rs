//! Staff pages: the counter's customer search, the team, the audit log, the outbox.
pub mod audit;
pub mod outbox;
pub mod payments;
pub mod stock;
pub mod team;

use crate::components::use_shop;
use crate::error::ApiError;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// What a staff page shows when its data could not be loaded: sign-in for 401, a plain refusal for 403.
pub(crate) fn refusal(err: ApiError, here: &'static str) -> AnyView {
    let m = use_shop().locale.messages();
    #[cfg(feature = "ssr")]
    let err = crate::ssr::respond_with(err);
    match err {
        ApiError::Unauthorized => view! { <Redirect path=format!("/account/sign-in?next={here}") /> }.into_any(),
        other => view! {
            <p role="alert" data-testid="refused" class="mt-8 rounded-md border border-red-200 bg-red-50 p-4 text-red-800">
                {other.user_message(m)}
            </p>
        }
        .into_any(),
    }
}

pub(crate) use crate::domain::locale::format_utc as format_time;
