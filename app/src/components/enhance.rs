//! Progressive enhancement: small behaviours that only exist once the page is hydrated. Every
//! form they touch also works as a plain form without JavaScript.
use leptos::prelude::*;

/// Submits the form that contains the element an event came from, as if its button had been
/// pressed, so enhanced forms (the router's `<Form>`) handle it without a page load.
pub fn submit_enclosing_form(ev: leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let form = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("form").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlFormElement>().ok());
        if let Some(form) = form {
            let _ = form.request_submit();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

/// True once the app is interactive in the browser; false during server rendering and
/// hydration, so the first client render matches the server's HTML.
pub fn use_hydrated() -> ReadSignal<bool> {
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    hydrated
}
