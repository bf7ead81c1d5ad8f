//! What pages and server functions know about the request they serve: the services' context,
//! the storefront and language (`shop`), the caller's address, the session and the request's id.
//! Read from the Leptos context the server fills per request; nothing below `app` sees it.
pub mod client_ip;
pub mod cookies;
pub mod shop;

use crate::error::ApiError;
use domain::locale::Locale;
use services::AppContext;
use services::storefronts::Storefront;
use std::sync::Arc;
use tower_sessions::Session;

pub struct RequestScope {
    pub ctx: AppContext,
    pub storefront: Arc<Storefront>,
    pub locale: Locale,
    pub ip: String,
}

pub fn request_scope() -> Result<RequestScope, ApiError> {
    let ctx = app_context()?;
    let shop = shop::current()?;
    Ok(RequestScope {
        ctx,
        storefront: shop.storefront.clone(),
        locale: shop.shop.locale,
        ip: client_ip::current().0,
    })
}

pub fn app_context() -> Result<AppContext, ApiError> {
    leptos::prelude::use_context::<AppContext>()
        .ok_or_else(|| ApiError::internal("AppContext missing from the Leptos context"))
}

/// The request's session, if the session layer ran.
pub fn request_session() -> Option<Session> {
    leptos::prelude::use_context::<http::request::Parts>()?
        .extensions
        .get::<Session>()
        .cloned()
}

pub fn session() -> Result<Session, ApiError> {
    request_session().ok_or_else(|| ApiError::internal("session layer missing"))
}

/// Ends a form's server function by going to `path`. A plain form post (no JavaScript) gets a
/// 303-style redirect; the hydrated page gets the path back and loads it in full, so the header
/// and everything else reflect the new sign-in state.
pub fn navigate_to(path: &str) -> String {
    let is_plain_form = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false);
    if is_plain_form {
        leptos_axum::redirect(path);
    }
    path.to_string()
}

/// A form posted by the browser itself (no JavaScript): it accepts HTML, not the JSON the
/// hydrated app asks for, and expects a redirect as its answer.
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<http::request::Parts>().is_some_and(|p| {
        p.method == http::Method::POST
            && p.headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
    })
}

/// Sets a preference cookie on the response (after a profile change of language or currency).
pub fn set_pref_cookie(name: &str, value: &str, secure: bool) {
    append_set_cookie(&cookies::pref_cookie(name, value, secure));
}

/// Sets the time-zone cookie to the account's choice, or drops it when there is none, so the
/// browser's own zone applies (and a previous person's choice does not linger on this device).
pub fn set_zone_cookie(zone: Option<&str>) {
    let secure = secure_cookies();
    match zone {
        Some(z) => append_set_cookie(&cookies::pref_cookie(domain::time::ZONE_COOKIE, z, secure)),
        None => append_set_cookie(&cookies::expired_cookie(domain::time::ZONE_COOKIE, secure)),
    }
}

fn append_set_cookie(cookie: &str) {
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        && let Ok(v) = http::HeaderValue::from_str(cookie)
    {
        res.append_header(http::header::SET_COOKIE, v);
    }
}

/// Whether cookies are marked Secure on this deployment.
pub fn secure_cookies() -> bool {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<cookies::SecureCookies>().copied())
        .is_some_and(|s| s.0)
}
