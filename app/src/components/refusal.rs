//! How every page shows a refusal or an unexpected error, with and without JavaScript: one box,
//! the message in the reader's language (for an error on our side, with the reference support
//! can look up in the log).
use super::use_shop;
use crate::error::ApiError;
use leptos::prelude::*;

#[component]
pub fn Refusal(error: ApiError, #[prop(default = "refusal")] testid: &'static str) -> impl IntoView {
    // A page rendered on the server answers with the refusal's status (403 for a page that is
    // not this person's to see), the same one `ApiError::status` gives the server function.
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(error.status());
    }
    let text = error.user_message(use_shop().locale);
    view! { <ErrorBox text testid /> }
}

/// The box itself, for a message already in words (a form's refusal).
#[component]
pub fn ErrorBox(#[prop(into)] text: String, #[prop(default = "refusal")] testid: &'static str) -> impl IntoView {
    view! {
        <p role="alert" data-testid=testid class="my-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {text}
        </p>
    }
}
