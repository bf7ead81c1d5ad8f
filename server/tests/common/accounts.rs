//! Accounts and signed-in requests for integration tests.
use super::{Answer, send};
use axum::Router;
use axum::body::Body;
use http::Request;
use sqlx::PgPool;
use uuid::Uuid;

pub const PASSWORD: &str = "a long test passphrase";

/// Creates a verified account with `role` in the storefront `slug`; returns its id.
pub async fn create_account(pool: &PgPool, slug: &str, email: &str, role: &str) -> Uuid {
    let hash = services::security::password::hash(PASSWORD.into()).await.unwrap();
    sqlx::query_scalar(
        "INSERT INTO accounts (storefront_id, email, password_hash, role, email_verified_at)
         SELECT id, $2, $3, $4::account_role, now() FROM storefronts WHERE slug = $1 RETURNING id",
    )
    .bind(slug)
    .bind(email)
    .bind(hash)
    .bind(role)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// A second storefront on host `other.test`, for cross-storefront checks.
pub async fn create_other_storefront(pool: &PgPool) -> Uuid {
    // One transaction: the storefront's languages and currencies are checked at commit.
    let mut tx = pool.begin().await.unwrap();
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO storefronts (slug, name, host, default_currency, default_language)
         VALUES ('other', 'Other Shop', 'other.test', 'USD', 'en') RETURNING id",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    sqlx::query("INSERT INTO storefront_languages (storefront_id, language) VALUES ($1, 'en')")
        .bind(id)
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("INSERT INTO storefront_currencies (storefront_id, currency) VALUES ($1, 'USD')")
        .bind(id)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

/// POSTs a form to a server function as the hydrated app does (no `Accept: text/html`).
pub async fn post_form(
    router: &Router,
    host: &str,
    path: &str,
    cookie: Option<&str>,
    ip: &str,
    form: &[(&str, &str)],
) -> Answer {
    let body = form
        .iter()
        .map(|(k, v)| format!("{k}={}", urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let mut req = Request::post(path)
        .header("host", host)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-forwarded-for", ip);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    send(router, req.body(Body::from(body)).unwrap()).await
}

pub fn urlencode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The `rd_session=…` pair from a response's Set-Cookie, if it set one.
pub fn session_cookie(answer: &Answer) -> Option<String> {
    answer
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("rd_session="))
        .map(|v| v.split(';').next().unwrap().to_string())
}

pub async fn sign_in(router: &Router, host: &str, email: &str, password: &str) -> Answer {
    post_form(
        router,
        host,
        "/api/account/sign-in",
        None,
        "198.51.100.7",
        &[("identifier", email), ("password", password)],
    )
    .await
}

/// Signs in and returns the session cookie, failing the test if sign-in fails.
pub async fn session_for(router: &Router, host: &str, email: &str) -> String {
    let answer = sign_in(router, host, email, PASSWORD).await;
    assert_eq!(answer.status, 200, "sign-in of {email} failed: {}", answer.body);
    session_cookie(&answer).expect("sign-in sets a session cookie")
}

/// The secret of the newest link of `kind` e-mailed to `to`, read from the outbox.
pub async fn link_secret_from_outbox(pool: &PgPool, to: &str, kind: &str) -> String {
    let body: String = sqlx::query_scalar(
        "SELECT body_text FROM outbox_emails WHERE to_address = $1 AND kind = $2 ORDER BY created_at DESC LIMIT 1",
    )
    .bind(to)
    .bind(kind)
    .fetch_one(pool)
    .await
    .unwrap_or_else(|_| panic!("no {kind} mail to {to}"));
    let start = body.find("token=").expect("a token in the link") + "token=".len();
    body[start..].split_whitespace().next().unwrap().to_string()
}
