//! A copy button for a code (the eSIM activation code). It needs the clipboard API, so the server
//! renders it hidden and the island shows it. The button carries the text to copy in `data-copy`
//! and the word to show afterwards in `data-done`.
use leptos::prelude::*;

#[island]
pub fn ClipboardCopy(children: Children) -> impl IntoView {
    let root = super::revealing_root();
    view! {
        <div class="contents" node_ref=root on:click=|ev| {
            #[cfg(feature = "hydrate")]
            super::dom::copy_to_clipboard(ev.into());
            #[cfg(not(feature = "hydrate"))]
            let _ = ev;
        }>
            {children()}
        </div>
    }
}
