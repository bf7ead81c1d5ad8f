//! Builds the real router over a test database that `sqlx::test` created and migrated.
#![allow(dead_code)]
use app::ssr::AppContext;
use axum::Router;
use axum::body::Body;
use http::{Request, Response, StatusCode};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use server::routes::build_router;
use server::state::AppState;
use sqlx::PgPool;
use tower::ServiceExt;

pub mod accounts;

pub async fn demo_router(pool: PgPool) -> Router {
    assert!(server::demo::load_if_empty(&pool).await.expect("demo data loads"));
    let leptos_options = LeptosOptions::builder().output_name("roamdesk").build();
    build_router(AppState {
        leptos_options,
        app: AppContext::new(pool),
        default_storefront: "demo".into(),
        secure_cookies: false,
        // Tests say which IP a request comes from with X-Forwarded-For.
        trust_forwarded_for: true,
    })
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    pub body: String,
}

pub async fn send(router: &Router, req: Request<Body>) -> Answer {
    let res: Response<Body> = router.clone().oneshot(req).await.expect("router answers");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub fn get(uri: &str) -> http::request::Builder {
    Request::get(uri).header("host", "localhost:3000")
}

pub async fn get_page(router: &Router, uri: &str) -> Answer {
    send(router, get(uri).body(Body::empty()).unwrap()).await
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
