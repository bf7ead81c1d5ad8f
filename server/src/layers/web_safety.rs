//! Browser-facing safety: the Content-Security-Policy and the cross-site request check.
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::locale::Locale;
use domain::prefs::LOCALE_COOKIE;
use domain::t;
use http::{HeaderMap, Method, StatusCode, header};

/// The policy for pages Leptos renders. Scripts run only from this site or with this response's
/// nonce (Leptos puts it on its hydration script); `wasm-unsafe-eval` lets the WASM app compile;
/// nothing may frame the site. Forms post here only, and may be redirected on to the payment
/// provider's checkout page (`checkout_origin`): browsers hold redirects to `form-action` too.
pub fn content_security_policy(nonce: &str, checkout_origin: Option<&str>) -> String {
    let checkout = checkout_origin.map(|o| format!(" {o}")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'{checkout}; frame-ancestors 'none'"
    )
}

/// For responses that are not pages (errors in plain text, JSON): allow nothing.
pub const CSP_FOR_NON_PAGES: &str = "default-src 'none'; frame-ancestors 'none'";

/// Whether a request that would change something was started by another site. Browsers send
/// `Origin` on every POST and `Sec-Fetch-Site` on every request; a request with neither does not
/// come from a browser and so cannot ride a visitor's cookies.
pub fn is_cross_site(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && site.eq_ignore_ascii_case("cross-site")
    {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    match (origin.to_str().ok().and_then(origin_authority), host) {
        (Some(origin_host), Some(host)) => !origin_host.eq_ignore_ascii_case(host),
        // "null" (sandboxed or privacy-redirected) or unreadable origins are not this site.
        _ => true,
    }
}

/// `https://shop.example:8443` → `shop.example:8443`.
fn origin_authority(origin: &str) -> Option<&str> {
    let (_, rest) = origin.split_once("://")?;
    (!rest.is_empty() && !rest.contains('/')).then_some(rest)
}

/// Refuses cross-site state-changing requests with 403 before any handler runs.
/// Gives every request its own CSP nonce (Leptos puts it on its scripts, see `page_nonce` in the
/// router's context) and makes sure every HTML page carries the policy that names it, whatever
/// happened to the headers the page set while rendering.
pub async fn set_page_csp(
    axum::extract::State(ctx): axum::extract::State<services::AppContext>,
    mut req: Request,
    next: Next,
) -> Response {
    let nonce = leptos::nonce::Nonce::new();
    req.extensions_mut().insert(nonce.clone());
    let mut res = next.run(req).await;
    let is_html = res
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html
        && !res.headers().contains_key(http::header::CONTENT_SECURITY_POLICY)
        && let Ok(value) = http::HeaderValue::from_str(&content_security_policy(
            &nonce,
            ctx.payments.checkout_origin().as_deref(),
        ))
    {
        res.headers_mut().insert(http::header::CONTENT_SECURITY_POLICY, value);
    }
    res
}

/// The request's nonce, for the Leptos context of the page being rendered.
pub fn page_nonce() -> Option<leptos::nonce::Nonce> {
    leptos::prelude::use_context::<http::request::Parts>()?
        .extensions
        .get::<leptos::nonce::Nonce>()
        .cloned()
}

pub async fn refuse_cross_site(req: Request, next: Next) -> Response {
    if is_cross_site(req.method(), req.headers()) {
        tracing::warn!(method = %req.method(), path = %req.uri().path(), "refused a cross-site request");
        let l = locale_before_storefront(req.headers());
        return plain_answer(StatusCode::FORBIDDEN, l, t!(l, "errors-cross-site"));
    }
    next.run(req).await
}

/// The language of an answer given before the storefront is known (so before its languages
/// and defaults are): the language the person chose in a shop, else the browser's, else English.
pub fn locale_before_storefront(headers: &HeaderMap) -> Locale {
    let chosen = app::request::shop::cookie(headers, LOCALE_COOKIE).and_then(|c| Locale::from_code(&c));
    let accepted = || {
        let header = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
        Locale::negotiate(header, &Locale::ALL)
    };
    chosen.or_else(accepted).unwrap_or(Locale::En)
}

/// A plain-text answer in `l`, saying which language it is in.
pub fn plain_answer(status: StatusCode, l: Locale, text: String) -> Response {
    (status, [(header::CONTENT_LANGUAGE, l.html_lang())], text).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(http::HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
        }
        h
    }

    #[test]
    fn same_origin_and_non_browser_posts_pass() {
        let same = headers(&[("host", "shop.example"), ("origin", "https://shop.example")]);
        assert!(!is_cross_site(&Method::POST, &same));
        let with_port = headers(&[("host", "127.0.0.1:3000"), ("origin", "http://127.0.0.1:3000")]);
        assert!(!is_cross_site(&Method::POST, &with_port));
        assert!(!is_cross_site(&Method::POST, &headers(&[("host", "shop.example")])));
        let same_site = headers(&[("host", "shop.example"), ("sec-fetch-site", "same-origin")]);
        assert!(!is_cross_site(&Method::POST, &same_site));
    }

    #[test]
    fn foreign_null_and_cross_site_posts_are_refused() {
        let foreign = headers(&[("host", "shop.example"), ("origin", "https://evil.example")]);
        assert!(is_cross_site(&Method::POST, &foreign));
        let other_port = headers(&[("host", "shop.example"), ("origin", "https://shop.example:8443")]);
        assert!(is_cross_site(&Method::POST, &other_port));
        assert!(is_cross_site(
            &Method::POST,
            &headers(&[("host", "shop.example"), ("origin", "null")])
        ));
        assert!(is_cross_site(
            &Method::DELETE,
            &headers(&[("host", "shop.example"), ("sec-fetch-site", "cross-site")])
        ));
    }

    #[test]
    fn answers_before_the_storefront_follow_the_cookie_then_the_browser() {
        let browser = headers(&[("accept-language", "ru-RU,ru;q=0.9")]);
        assert_eq!(locale_before_storefront(&browser), Locale::Ru);
        let chosen = headers(&[("accept-language", "ru-RU"), ("cookie", "rd_lang=zh")]);
        assert_eq!(locale_before_storefront(&chosen), Locale::Zh);
        assert_eq!(
            locale_before_storefront(&headers(&[("accept-language", "de")])),
            Locale::En
        );
        assert_eq!(locale_before_storefront(&HeaderMap::new()), Locale::En);
    }

    #[test]
    fn reads_are_never_refused() {
        let foreign = headers(&[
            ("host", "shop.example"),
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ]);
        assert!(!is_cross_site(&Method::GET, &foreign));
        assert!(!is_cross_site(&Method::HEAD, &foreign));
    }

    #[test]
    fn policy_carries_the_nonce_and_forbids_framing() {
        let csp = content_security_policy("abc123", None);
        assert!(csp.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(csp.contains("form-action 'self';"));
        assert!(!csp.contains("unsafe-inline"));
        let with_stripe = content_security_policy("abc123", Some("https://checkout.stripe.com"));
        assert!(with_stripe.contains("form-action 'self' https://checkout.stripe.com;"));
    }
}
