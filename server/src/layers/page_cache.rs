//! Catalogue pages for anonymous visitors, kept rendered in memory. Most catalogue traffic comes
//! from people who have not signed in, and for them a page depends only on the shop, its
//! language, currency and time zone, the address, and the catalogue version: that is the key.
//! A change to a plan or price moves the version (database triggers; every instance hears of it
//! through `services::changes`), so the next request renders afresh.
//!
//! Each response still gets its own CSP nonce: a page is rendered once with a placeholder nonce,
//! stored cut at the placeholder, and joined with the request's nonce as it is sent. Answers carry
//! an ETag naming the page's content and that response's nonce; a browser that revalidates gets
//! 304 with a policy for the nonce its copy of the page already holds. Signed-in visitors (a
//! session cookie) are never served from here: their header names them.
use crate::layers::web_safety::content_security_policy;
use app::request::shop::RequestShop;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use domain::locale::Locale;
use domain::money::Currency;
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use leptos::nonce::Nonce;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, RwLock};
use uuid::Uuid;

/// Past this many pages (addresses with odd query strings, old versions) the cache starts over.
const MAX_PAGES: usize = 2048;
/// Pages are about 100 KB; anything much larger is not a catalogue page worth keeping.
const MAX_PAGE_BYTES: usize = 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct PageKey {
    storefront: Uuid,
    catalog_version: i64,
    locale: Locale,
    currency: Currency,
    /// The reader's time zone, hashed (a zone is its list of offsets).
    zone: u64,
    path_and_query: String,
}

/// A rendered page, cut where the nonce goes.
#[derive(Debug)]
struct StoredPage {
    parts: Vec<Bytes>,
    content_type: HeaderValue,
    /// Names the content (without nonce), for the ETag.
    tag: String,
}

#[derive(Debug)]
pub struct PageCache {
    pages: RwLock<HashMap<PageKey, Arc<StoredPage>>>,
    /// Rendered into stored pages in place of a nonce; random, so no page text can contain it.
    placeholder: Nonce,
    /// The payment provider's checkout origin, named in every page's policy.
    checkout_origin: Option<String>,
}

impl PageCache {
    pub fn new(checkout_origin: Option<String>) -> PageCache {
        PageCache {
            pages: Default::default(),
            placeholder: Nonce::new(),
            checkout_origin,
        }
    }

    fn get(&self, key: &PageKey) -> Option<Arc<StoredPage>> {
        self.pages.read().unwrap_or_else(|e| e.into_inner()).get(key).cloned()
    }

    fn put(&self, key: PageKey, page: StoredPage) {
        let mut pages = self.pages.write().unwrap_or_else(|e| e.into_inner());
        // Pages of an older catalogue of this shop can never be asked for again.
        pages.retain(|k, _| k.storefront != key.storefront || k.catalog_version >= key.catalog_version);
        if pages.len() >= MAX_PAGES {
            pages.clear();
        }
        pages.insert(key, Arc::new(page));
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.pages.read().unwrap().len()
    }
}

/// The middleware: answers anonymous catalogue requests from memory, and keeps what it renders.
pub async fn serve_cached_pages(State(cache): State<Arc<PageCache>>, mut req: Request, next: Next) -> Response {
    let (Some(key), Some(nonce)) = (page_key(&req), req.extensions().get::<Nonce>().cloned()) else {
        return next.run(req).await;
    };
    if let Some(page) = cache.get(&key) {
        if let Some(their_nonce) = revalidated_nonce(req.headers(), &page.tag) {
            return not_modified(&cache, &page, &their_nonce);
        }
        return page_response(&page, &nonce);
    }
    req.extensions_mut().insert(cache.placeholder.clone());
    let response = next.run(req).await;
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE_BYTES).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let cut = cut_at(&bytes, cache.placeholder.as_bytes());
    let storable = parts.status == StatusCode::OK
        && !parts.headers.contains_key(header::SET_COOKIE)
        && parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if !storable {
        // Rendered with the placeholder all the same: put this response's nonce in.
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::from(join(&cut, &nonce)));
    }
    let page = StoredPage {
        tag: content_tag(&cut),
        content_type: parts.headers[header::CONTENT_TYPE].clone(),
        parts: cut,
    };
    let response = page_response(&page, &nonce);
    cache.put(key, page);
    response
}

/// The key of a request that may be answered from memory: an anonymous GET of the catalogue or
/// a plan page, in a resolved shop.
fn page_key(req: &Request) -> Option<PageKey> {
    if req.method() != Method::GET {
        return None;
    }
    let path = req.uri().path();
    let is_catalogue = path == "/"
        || path
            .strip_prefix("/plans/")
            .is_some_and(|slug| !slug.is_empty() && !slug.contains('/'));
    if !is_catalogue || app::request::shop::cookie(req.headers(), crate::routes::SESSION_COOKIE).is_some() {
        return None;
    }
    let shop = req.extensions().get::<RequestShop>()?;
    Some(PageKey {
        storefront: shop.storefront.id,
        catalog_version: shop.storefront.catalog_version,
        locale: shop.shop.locale,
        currency: shop.shop.currency,
        zone: {
            let mut hasher = DefaultHasher::new();
            shop.shop.zone.hash(&mut hasher);
            hasher.finish()
        },
        path_and_query: req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default(),
    })
}

fn page_response(page: &StoredPage, nonce: &str) -> Response {
    let mut response = Response::new(Body::from(join(&page.parts, nonce)));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, page.content_type.clone());
    set_revalidation(headers, page, nonce);
    response
}

/// 304 for a browser whose copy is current; its page holds the nonce named in its ETag, so the
/// policy names that one.
fn not_modified(cache: &PageCache, page: &StoredPage, their_nonce: &str) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NOT_MODIFIED;
    let headers = response.headers_mut();
    set_revalidation(headers, page, their_nonce);
    if let Ok(policy) = HeaderValue::from_str(&content_security_policy(their_nonce, cache.checkout_origin.as_deref())) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// The browser may keep the page but must ask before using it again; the answer differs by
/// cookie (language, currency, session) and by language asked for.
fn set_revalidation(headers: &mut HeaderMap, page: &StoredPage, nonce: &str) {
    if let Ok(tag) = HeaderValue::from_str(&format!("\"{}.{}\"", page.tag, nonce)) {
        headers.insert(header::ETAG, tag);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    headers.insert(header::VARY, HeaderValue::from_static("cookie, accept-language"));
}

/// The nonce inside an `If-None-Match` tag that names this page's content, if one does. Only a
/// nonce in Leptos's alphabet is taken back, so nothing else can reach the policy header.
fn revalidated_nonce(headers: &HeaderMap, tag: &str) -> Option<String> {
    let value = headers.get(header::IF_NONE_MATCH)?.to_str().ok()?;
    value.split(',').find_map(|candidate| {
        let candidate = candidate.trim().trim_start_matches("W/").trim_matches('"');
        let (their_tag, nonce) = candidate.split_once('.')?;
        let valid = their_tag == tag
            && (16..=64).contains(&nonce.len())
            && nonce
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        valid.then(|| nonce.to_string())
    })
}

/// The body cut at every occurrence of the placeholder.
fn cut_at(body: &Bytes, placeholder: &[u8]) -> Vec<Bytes> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while let Some(found) = find(&body[at..], placeholder) {
        let hit = at + found;
        parts.push(body.slice(start..hit));
        start = hit + placeholder.len();
        at = start;
    }
    parts.push(body.slice(start..));
    parts
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn join(parts: &[Bytes], nonce: &str) -> Bytes {
    let size = parts.iter().map(Bytes::len).sum::<usize>() + nonce.len() * parts.len().saturating_sub(1);
    let mut out = Vec::with_capacity(size);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(nonce.as_bytes());
        }
        out.extend_from_slice(part);
    }
    out.into()
}

fn content_tag(parts: &[Bytes]) -> String {
    let mut hasher = DefaultHasher::new();
    for part in parts {
        part.hash(&mut hasher);
    }
    format!("{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_cut_at_every_placeholder_and_joined_with_the_nonce() {
        let body = Bytes::from_static(b"<script nonce=\"PH\">x</script><link crossorigin=\"PH\">end");
        let parts = cut_at(&body, b"PH");
        assert_eq!(parts.len(), 3);
        assert_eq!(
            join(&parts, "n0nce"),
            Bytes::from_static(b"<script nonce=\"n0nce\">x</script><link crossorigin=\"n0nce\">end")
        );
        assert_eq!(cut_at(&Bytes::from_static(b"none here"), b"PH").len(), 1);
    }

    #[test]
    fn only_a_tag_for_this_content_with_a_well_formed_nonce_revalidates() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"abc.AAAAbbbbCCCCdddd_-12\""),
        );
        assert_eq!(
            revalidated_nonce(&headers, "abc").as_deref(),
            Some("AAAAbbbbCCCCdddd_-12")
        );
        assert_eq!(revalidated_nonce(&headers, "other"), None);
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"abc.short\""));
        assert_eq!(revalidated_nonce(&headers, "abc"), None);
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"abc.AAAAbbbbCCCCdddd'; script-src *\""),
        );
        assert_eq!(revalidated_nonce(&headers, "abc"), None);
    }

    #[test]
    fn a_newer_catalogue_drops_the_older_pages_of_its_shop() {
        let cache = PageCache::new(None);
        let key = |version: i64, path: &str| PageKey {
            storefront: Uuid::nil(),
            catalog_version: version,
            locale: Locale::En,
            currency: Currency::USD,
            zone: 0,
            path_and_query: path.into(),
        };
        let page = || StoredPage {
            parts: vec![Bytes::from_static(b"x")],
            content_type: HeaderValue::from_static("text/html"),
            tag: "t".into(),
        };
        cache.put(key(1, "/"), page());
        cache.put(key(1, "/plans/a"), page());
        assert_eq!(cache.len(), 2);
        cache.put(key(2, "/"), page());
        assert_eq!(cache.len(), 1);
        assert!(cache.get(&key(1, "/plans/a")).is_none());
    }
}
