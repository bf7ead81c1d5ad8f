//! Applies a form as soon as one of its selects changes (language, currency, catalogue filters).
//! The form keeps its button for keyboard users and for the page without JavaScript.
use leptos::prelude::*;

#[island]
pub fn AutoSubmit(children: Children) -> impl IntoView {
    view! {
        <div class="contents" on:change=|ev| {
            #[cfg(feature = "hydrate")]
            super::dom::submit_form_of_select(ev);
            #[cfg(not(feature = "hydrate"))]
            let _ = ev;
        }>
            {children()}
        </div>
    }
}
