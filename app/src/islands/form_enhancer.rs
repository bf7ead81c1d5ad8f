//! Posts a server-function form in place once the page is interactive: what was typed stays when
//! the server refuses, the refusal appears in the form's error slot, and success loads the page
//! the server names. Without JavaScript the same form is a plain POST answered with a redirect.
use leptos::prelude::*;

#[island]
pub fn FormEnhancer(children: Children) -> impl IntoView {
    view! {
        <div class="contents" on:submit=|ev| {
            #[cfg(feature = "hydrate")]
            super::dom::submit_in_place(ev);
            #[cfg(not(feature = "hydrate"))]
            let _ = ev;
        }>
            {children()}
        </div>
    }
}
