//! Security headers on every response and refusal of cross-site state-changing requests.
mod common;

use axum::body::Body;
use common::*;
use http::{Request, StatusCode, header};
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn pages_carry_a_nonce_csp_matching_their_scripts(pool: PgPool) {
    let router = demo_router(pool).await;
    let page = get_page(&router, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    let csp = page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_string();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|r| r.split('\'').next())
        .expect("nonce in CSP");
    assert!(nonce.len() >= 16, "nonce {nonce:?}");
    assert!(
        page.body.contains(&format!(r#"nonce="{nonce}""#)),
        "hydration script carries the CSP nonce"
    );
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(page.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(page.headers[header::REFERRER_POLICY], "strict-origin-when-cross-origin");
    assert_eq!(page.headers[header::X_FRAME_OPTIONS], "DENY");

    let again = get_page(&router, "/").await;
    assert_ne!(
        again.headers[header::CONTENT_SECURITY_POLICY],
        page.headers[header::CONTENT_SECURITY_POLICY],
        "a fresh nonce per response"
    );

    let missing = get_page(&router, "/plans/nope").await;
    assert!(
        missing.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("'nonce-")
    );
    // A path no route knows is rendered by the fallback: same policy, same nonce as its scripts.
    let unknown = get_page(&router, "/no/such/page").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let csp = unknown.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|r| r.split('\'').next())
        .expect("nonce in CSP");
    assert!(
        unknown.body.contains(&format!(r#"nonce="{nonce}""#)),
        "fallback page scripts carry the CSP nonce"
    );
    let health = get_page(&router, "/healthz").await;
    assert_eq!(
        health.headers[header::CONTENT_SECURITY_POLICY],
        "default-src 'none'; frame-ancestors 'none'"
    );
}

fn prefs_post(extra: &[(&str, &str)]) -> Request<Body> {
    let mut req = Request::post("/prefs")
        .header("host", "localhost:3000")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    for (k, v) in extra {
        req = req.header(*k, *v);
    }
    req.body(Body::from("lang=ru&return_to=%2F")).unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn cross_site_posts_are_refused_and_change_nothing(pool: PgPool) {
    let router = demo_router(pool).await;
    for headers in [
        vec![("origin", "https://evil.example")],
        vec![("origin", "null")],
        vec![("sec-fetch-site", "cross-site")],
        vec![("origin", "http://localhost:3000"), ("sec-fetch-site", "cross-site")],
    ] {
        let res = send(&router, prefs_post(&headers)).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{headers:?}");
        assert!(res.headers.get(header::SET_COOKIE).is_none(), "{headers:?}");
    }
    let res = send(
        &router,
        prefs_post(&[("origin", "http://localhost:3000"), ("sec-fetch-site", "same-origin")]),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.headers.get(header::SET_COOKIE).is_some());

    // Server functions are behind the same check.
    let req = Request::post("/api/catalog")
        .header("host", "localhost:3000")
        .header("origin", "https://evil.example")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"query":{"dest":null,"min_data":null,"min_days":null,"period":null,"kind":null,"sort":"Featured","page":1}}"#))
        .unwrap();
    assert_eq!(send(&router, req).await.status, StatusCode::FORBIDDEN);
}
