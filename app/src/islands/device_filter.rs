//! Narrows the eSIM-capable device list as the person types. The server renders every model
//! (hidden unless it matches the query in the URL), so the same search works as a GET form
//! without JavaScript; the island only shows and hides what is already there.
use leptos::prelude::*;

#[island]
pub fn DeviceFilter(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    view! {
        <div class="contents" node_ref=root on:input=move |ev| {
            #[cfg(feature = "hydrate")]
            if let Some(el) = root.get_untracked() {
                super::dom::filter_devices(&el, ev);
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = ev;
        }>
            {children()}
        </div>
    }
}
