//! Which storefront a request is for and in which language and currency it is answered.
//! A middleware in the server resolves it once per request and stores it in the request's
//! extensions, where pages and server functions read it.
use crate::error::ApiError;
use domain::prefs::{CURRENCY_COOKIE, LOCALE_COOKIE, ShopContext};
use domain::time::{BROWSER_ZONE_COOKIE, ReaderZone, ZONE_COOKIE};
use http::HeaderMap;
use services::storefronts::Storefront;
use std::sync::Arc;

/// Stored in request extensions by the server's middleware.
#[derive(Clone, Debug)]
pub struct RequestShop {
    pub storefront: Arc<Storefront>,
    pub shop: Arc<ShopContext>,
}

impl RequestShop {
    pub fn from_headers(storefront: Arc<Storefront>, headers: &HeaderMap) -> RequestShop {
        let locale_cookie = cookie(headers, LOCALE_COOKIE);
        let currency_cookie = cookie(headers, CURRENCY_COOKIE);
        let accept = headers.get(http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
        let mut shop = ShopContext::choose(
            storefront.brand.clone(),
            storefront.default_locale,
            storefront.default_currency,
            locale_cookie.as_deref(),
            currency_cookie.as_deref(),
            accept,
        );
        shop.zone = reader_zone(headers);
        RequestShop {
            storefront,
            shop: Arc::new(shop),
        }
    }
}

/// The current request's shop, if Leptos is rendering for a request that went through the
/// storefront middleware. Leptos also renders the app once at start-up, without a request, to
/// list its routes: there is no shop then, and that is not an error.
pub fn try_current() -> Option<RequestShop> {
    leptos::prelude::use_context::<http::request::Parts>()?
        .extensions
        .get::<RequestShop>()
        .cloned()
}

/// The current request's shop, for server functions, which always run for a request.
pub fn current() -> Result<RequestShop, ApiError> {
    try_current().ok_or_else(|| ApiError::internal("request reached a server function without a resolved storefront"))
}

/// The zone the reader chose in their profile, else the one their browser reported, else UTC.
fn reader_zone(headers: &HeaderMap) -> ReaderZone {
    [ZONE_COOKIE, BROWSER_ZONE_COOKIE]
        .iter()
        .filter_map(|name| cookie(headers, name))
        .find_map(|name| services::reader_zone::resolve(&name))
        .unwrap_or_default()
}

/// Reads one cookie's value from the `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cookies_across_headers() {
        let mut h = HeaderMap::new();
        h.append(http::header::COOKIE, "a=1; rd_lang=ru".parse().unwrap());
        h.append(http::header::COOKIE, "rd_currency=\"EUR\"".parse().unwrap());
        assert_eq!(cookie(&h, "rd_lang").as_deref(), Some("ru"));
        assert_eq!(cookie(&h, "rd_currency").as_deref(), Some("EUR"));
        assert_eq!(cookie(&h, "missing"), None);
    }
}
