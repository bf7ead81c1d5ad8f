//! Pieces of the account and staff forms. Every form is an `ActionForm`: a plain POST to its
//! server function without JavaScript (errors come back in the URL and are shown on reload), and
//! an in-place submit once hydrated, which keeps what was typed when something is refused.
use super::refusal::ErrorBox;
use super::use_shop;
use crate::error::ApiError;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos::server_fn::client::Client;
use leptos::server_fn::request::ClientReq;

/// The form's action, plus its refusal message in the shopper's language. On success the server
/// function names the next page, which is then loaded in full (sign-in state changes everywhere).
pub fn use_form_action<S>() -> (ServerAction<S>, Signal<Option<String>>)
where
    S: ServerFn<Output = String, Error = ApiError> + Clone + Send + Sync + 'static,
    S::Client: Client<ApiError>,
    <S::Client as Client<ApiError>>::Request: ClientReq<ApiError>,
{
    let action = ServerAction::<S>::new();
    let l = use_shop().locale;
    let value = action.value();
    Effect::new(move |_| {
        if let Some(Ok(path)) = value.get() {
            #[cfg(feature = "hydrate")]
            {
                let _ = window().location().set_href(&path);
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = path;
        }
    });
    let error = Signal::derive(move || value.get().and_then(|r| r.err()).map(|e| e.user_message(l)));
    (action, error)
}

#[component]
pub fn FormError(error: Signal<Option<String>>) -> impl IntoView {
    view! {
        {move || error.get().map(|text| view! { <ErrorBox text testid="form-error" /> })}
    }
}

#[component]
pub fn Notice(#[prop(into)] text: String) -> impl IntoView {
    view! {
        <p role="status" data-testid="notice" class="rounded-md border border-teal-200 bg-teal-50 px-3 py-2 text-sm text-teal-900">
            {text}
        </p>
    }
}

#[component]
pub fn Field(
    #[prop(into)] label: String,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] value: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] minlength: Option<usize>,
) -> impl IntoView {
    let id = format!("f-{name}");
    view! {
        <div class="flex flex-col gap-1">
            <label for=id.clone() class="text-sm font-medium text-slate-800">
                {label}
            </label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                value=value
                minlength=minlength
                class="rounded-md border border-slate-300 bg-white px-3 py-2 text-base focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/30"
            />
            {hint.map(|h| view! { <p class="text-xs text-slate-500">{h}</p> })}
        </div>
    }
}

#[component]
pub fn SubmitButton(#[prop(into)] label: String, #[prop(optional)] danger: bool) -> impl IntoView {
    let class = if danger {
        "rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800"
    } else {
        "rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800"
    };
    view! {
        <button type="submit" class=class>
            {label}
        </button>
    }
}

/// A narrow card for the account forms.
#[component]
pub fn FormCard(#[prop(into)] title: String, children: Children) -> impl IntoView {
    view! {
        <section class="mx-auto mt-8 w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <h1 class="mb-4 text-2xl font-semibold text-slate-900">{title}</h1>
            {children()}
        </section>
    }
}
