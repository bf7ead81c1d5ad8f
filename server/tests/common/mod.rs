//! Builds the real router over a test database that `sqlx::test` created and migrated.
#![allow(dead_code)]
use axum::Router;
use axum::body::Body;
use http::{Request, Response, StatusCode};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use server::routes::build_router;
use server::state::AppState;
use services::AppContext;
use sqlx::PgPool;
use tower::ServiceExt;

pub mod accounts;
pub mod loopback;
pub mod orders;
pub mod smtp;
pub mod stripe;

/// The key tests sign usage-feed requests with.
pub const FEED_SECRET: &str = "test-feed-secret";

pub async fn demo_router(pool: PgPool) -> Router {
    demo_router_and_pool(pool).await.0
}

/// The router and the pool it uses, for tests that take the database away from it.
pub async fn demo_router_and_pool(pool: PgPool) -> (Router, PgPool) {
    assert!(server::demo::load_if_empty(&pool).await.expect("demo data loads"));
    let pool = own_pool(&pool).await;
    (router_over(pool.clone()), pool)
}

fn router_over(pool: PgPool) -> Router {
    router_with(AppContext::new(pool))
}

/// The router over a given context (another payment gateway, say).
pub fn router_with(ctx: AppContext) -> Router {
    let leptos_options = LeptosOptions::builder().output_name("roamdesk").build();
    build_router(AppState {
        leptos_options,
        app: ctx.with_feed_secret(Some(FEED_SECRET)),
        default_storefront: "demo".into(),
        secure_cookies: false,
        // Tests say which IP a request comes from with X-Forwarded-For.
        trust_forwarded_for: true,
    })
}

/// A pool of the router's own on the test's database. `#[sqlx::test]` pools borrow their
/// connections from one process-wide parent pool; a connection whose return is still pending
/// when a test's runtime shuts down never gives its slot back, and after enough of those a later
/// test waits forever for a connection. The router's many connections stay out of that budget.
pub async fn own_pool(pool: &PgPool) -> PgPool {
    sqlx::postgres::PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(std::time::Duration::from_secs(10))
        .connect_with((*pool.connect_options()).clone())
        .await
        .expect("a pool on the test database")
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    /// The body as text (lossy); `bytes` holds it exactly, for binary answers such as PDFs.
    pub body: String,
    pub bytes: Vec<u8>,
}

pub async fn send(router: &Router, req: Request<Body>) -> Answer {
    let what = format!("{} {}", req.method(), req.uri());
    // A request that never completes fails the test instead of hanging the suite.
    let res: Response<Body> = tokio::time::timeout(std::time::Duration::from_secs(20), router.clone().oneshot(req))
        .await
        .unwrap_or_else(|_| panic!("{what} did not complete within 20 s"))
        .expect("router answers");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes: bytes.to_vec(),
    }
}

pub fn get(uri: &str) -> http::request::Builder {
    Request::get(uri).header("host", "localhost:3000")
}

pub async fn get_page(router: &Router, uri: &str) -> Answer {
    get_page_as(router, uri, None).await
}

/// A GET with `cookie` (a session, a language choice), or as nobody.
pub async fn get_page_as(router: &Router, uri: &str, cookie: Option<&str>) -> Answer {
    let mut req = get(uri);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    send(router, req.body(Body::empty()).unwrap()).await
}

/// The `data-slug` of every plan card on a page, in order.
pub fn card_slugs(html: &str) -> Vec<String> {
    attr_values(html, "data-slug")
}

/// The `data-price` (minor units) of every plan card on a page, in order.
pub fn card_prices(html: &str) -> Vec<i64> {
    attr_values(html, "data-price")
        .iter()
        .map(|p| p.parse().expect("numeric price"))
        .collect()
}

fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!("{attr}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest[..rest.find('"').expect("closing quote")].to_string()
        })
        .collect()
}
