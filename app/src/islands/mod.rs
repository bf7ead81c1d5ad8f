//! The only components the browser runs. Every page is rendered on the server and works without
//! JavaScript; an island adds one behaviour to the server-rendered HTML it wraps. Islands take no
//! props but their children, so they carry no words of their own: every text stays in the
//! server's catalogues, and the WebAssembly holds only these behaviours (docs/frontend-weight.md).
mod auto_submit;
mod clipboard_copy;
mod device_filter;
#[cfg(feature = "hydrate")]
mod dom;
mod form_enhancer;
mod print_button;

pub use auto_submit::AutoSubmit;
pub use clipboard_copy::ClipboardCopy;
pub use device_filter::DeviceFilter;
pub use form_enhancer::FormEnhancer;
pub use print_button::PrintButton;

use leptos::prelude::*;

/// The wrapper of an island whose children the server rendered `hidden data-needs-script`:
/// once the island is interactive, they are shown.
fn revealing_root() -> NodeRef<leptos::html::Div> {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            dom::reveal(&el);
        }
    });
    root
}
