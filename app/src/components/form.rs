//! Pieces of the account and staff forms. Every form posts to a server function: without
//! JavaScript a plain POST, answered with a redirect (a refusal comes back in the URL and is
//! shown in the form's error slot); once the page is interactive the `FormEnhancer` island posts
//! it in place, which keeps what was typed when something is refused.
use crate::error::ApiError;
use crate::islands::FormEnhancer;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Where a form posts: its server function's URL.
#[derive(Clone, Copy, Debug)]
pub struct FormTarget {
    url: &'static str,
}

/// Where a form shows its refusal, with the refusal of the last plain POST (if any) in words.
#[derive(Clone, Copy, Debug)]
pub struct FormErrorSlot {
    url: &'static str,
    message: Signal<Option<String>>,
}

/// The target of a form for server function `S`, and its error slot. Pages render on the server
/// only (islands mode), so this reads the refusal a plain POST left in the URL.
pub fn use_form_action<S>() -> (FormTarget, FormErrorSlot)
where
    S: ServerFn<Output = String, Error = ApiError> + Clone + Send + Sync + 'static,
{
    let url = S::PATH;
    #[cfg(feature = "ssr")]
    let message = {
        let l = super::use_shop().locale;
        let refused = ServerAction::<S>::new().value().get_untracked().and_then(|r| r.err());
        refused.map(|e| e.user_message(l))
    };
    #[cfg(not(feature = "ssr"))]
    let message = None;
    (
        FormTarget { url },
        FormErrorSlot {
            url,
            message: Signal::stored(message),
        },
    )
}

/// A POST form to a server function, posted in place once the page is interactive.
#[component]
pub fn ServerForm(
    action: FormTarget,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] testid: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <FormEnhancer>
            <form method="post" action=action.url class=class data-testid=testid>
                {children()}
            </form>
        </FormEnhancer>
    }
}

/// The form's error slot: the refusal of a plain POST, or empty and hidden until the enhanced
/// form puts a refusal in it.
#[component]
pub fn FormError(error: FormErrorSlot) -> impl IntoView {
    let message = error.message.get_untracked();
    let empty = message.is_none();
    view! {
        <p
            role="alert"
            tabindex="-1"
            data-testid="form-error"
            hidden=empty
            class="my-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            data-error-for=error.url
        >
            {message}
        </p>
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
