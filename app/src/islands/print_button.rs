//! A print button for the receipt. Printing from the browser's menu works without it, so the
//! server renders the button hidden and the island shows it.
use leptos::prelude::*;

#[island]
pub fn PrintButton(children: Children) -> impl IntoView {
    let root = super::revealing_root();
    view! {
        <div class="contents" node_ref=root on:click=|_| {
            #[cfg(feature = "hydrate")]
            let _ = window().print();
        }>
            {children()}
        </div>
    }
}
