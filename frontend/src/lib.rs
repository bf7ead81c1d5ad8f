//! The browser entry point. Pages are rendered on the server; the browser hydrates only the
//! islands in them (`app::islands`), which the island script finds in the page by name.
#[allow(unused_imports)]
pub use app::islands::*;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    report_time_zone();
    // Lets browser tests wait for interactivity instead of guessing with timeouts. The island
    // script hydrates the islands right after this returns, within the same task, so the flag is
    // set in the next one.
    leptos::prelude::set_timeout(
        || {
            let _ = Reflect::set(&js_sys::global(), &"__roamdeskHydrated".into(), &true.into());
        },
        std::time::Duration::ZERO,
    );
}

/// Tells the server the browser's time zone, so the next page shows moments in it (until the
/// reader picks one in their profile). Only a zone name is sent, and only when it changed.
fn report_time_zone() {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new()).resolved_options();
    let Some(zone) = Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|z| z.as_string())
    else {
        return;
    };
    // Zone names are letters, digits, '/', '_', '+' and '-': safe in a cookie as they are.
    if !zone.chars().all(|c| c.is_ascii_alphanumeric() || "/_+-".contains(c)) {
        return;
    }
    let Ok(document) = Reflect::get(&js_sys::global(), &"document".into()) else {
        return;
    };
    let cookie_name = domain::time::BROWSER_ZONE_COOKIE;
    let current = Reflect::get(&document, &"cookie".into())
        .ok()
        .and_then(|c| c.as_string())
        .unwrap_or_default();
    if current
        .split(';')
        .any(|pair| pair.trim() == format!("{cookie_name}={zone}"))
    {
        return;
    }
    let cookie = format!("{cookie_name}={zone}; Path=/; Max-Age=31536000; SameSite=Lax");
    let _ = Reflect::set(&document, &"cookie".into(), &JsValue::from_str(&cookie));
}
