//! Accounts against PostgreSQL: sign-up, verification, sign-in throttling, password reset,
//! session survival across a restart, deletion.
mod common;

use common::accounts::*;
use common::demo_router;
use sqlx::PgPool;

const HOST: &str = "localhost:3000";

async fn signed_up_and_verified(pool: &PgPool, router: &axum::Router, email: &str) -> String {
    let answer = post_form(
        router,
        HOST,
        "/api/account/sign-up",
        None,
        "203.0.113.1",
        &[
            ("email", email),
            ("password", PASSWORD),
            ("confirm", PASSWORD),
            ("full_name", "Test Person"),
            ("phone", ""),
        ],
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let secret = link_secret_from_outbox(pool, email, "verify_email").await;
    let verified = post_form(
        router,
        HOST,
        "/api/account/verify",
        None,
        "203.0.113.1",
        &[("token", &secret)],
    )
    .await;
    assert_eq!(verified.status, 200, "{}", verified.body);
    session_cookie(&verified).expect("verifying signs in")
}

#[sqlx::test(migrations = "../migrations")]
async fn stored_password_is_argon2id_and_sign_up_never_reveals_registration(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    signed_up_and_verified(&pool, &router, "new@example.com").await;
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM accounts WHERE email = 'new@example.com'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(hash.starts_with("$argon2id$v=19$"), "{hash}");
    assert!(!hash.contains(PASSWORD));

    // Signing up again with the same address answers exactly as for a new one…
    let form = [
        ("email", "NEW@example.com"),
        ("password", PASSWORD),
        ("confirm", PASSWORD),
        ("full_name", ""),
        ("phone", ""),
    ];
    let again = post_form(&router, HOST, "/api/account/sign-up", None, "203.0.113.2", &form).await;
    let fresh_form = [
        ("email", "fresh@example.com"),
        ("password", PASSWORD),
        ("confirm", PASSWORD),
        ("full_name", ""),
        ("phone", ""),
    ];
    let fresh = post_form(&router, HOST, "/api/account/sign-up", None, "203.0.113.2", &fresh_form).await;
    assert_eq!((again.status, &again.body), (fresh.status, &fresh.body));
    // …but creates nothing and tells the owner by mail instead.
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM accounts WHERE lower(email) = 'new@example.com'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(count, 1);
    let notices: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox_emails WHERE kind = 'account_exists' AND to_address = 'new@example.com'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(notices, 1);

    // A forgotten-password request for an unknown address looks the same as for a known one.
    let known = post_form(
        &router,
        HOST,
        "/api/account/forgot",
        None,
        "203.0.113.3",
        &[("email", "new@example.com")],
    )
    .await;
    let unknown = post_form(
        &router,
        HOST,
        "/api/account/forgot",
        None,
        "203.0.113.3",
        &[("email", "nobody@example.com")],
    )
    .await;
    assert_eq!((known.status, &known.body), (unknown.status, &unknown.body));
}

#[sqlx::test(migrations = "../migrations")]
async fn repeated_wrong_passwords_are_throttled_per_account_and_per_ip(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    create_account(&pool, "demo", "victim@example.com", "customer").await;
    for i in 0..5 {
        let ip = format!("192.0.2.{i}");
        let a = post_form(
            &router,
            HOST,
            "/api/account/sign-in",
            None,
            &ip,
            &[("identifier", "victim@example.com"), ("password", "wrong password!")],
        )
        .await;
        assert_eq!(a.status, 422, "attempt {i}: {}", a.body);
        assert!(a.body.contains("WrongCredentials"), "{}", a.body);
    }
    // The sixth try is refused before the password is checked, even with the right password
    // and from a new IP: the limit is per account.
    let a = post_form(
        &router,
        HOST,
        "/api/account/sign-in",
        None,
        "192.0.2.99",
        &[("identifier", "victim@example.com"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(a.status, 429, "{}", a.body);
    assert!(a.body.contains("Throttled"), "{}", a.body);
    assert!(session_cookie(&a).is_none());

    // One IP spraying many accounts is limited too.
    for i in 0..30 {
        let email = format!("guess{i}@example.com");
        let a = post_form(
            &router,
            HOST,
            "/api/account/sign-in",
            None,
            "198.51.100.200",
            &[("identifier", &email), ("password", "nope nope nope")],
        )
        .await;
        assert_eq!(a.status, 422, "attempt {i}");
    }
    create_account(&pool, "demo", "other@example.com", "customer").await;
    let a = post_form(
        &router,
        HOST,
        "/api/account/sign-in",
        None,
        "198.51.100.200",
        &[("identifier", "other@example.com"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(a.status, 429, "{}", a.body);
    // Another IP still gets in to that account.
    assert_eq!(sign_in(&router, HOST, "other@example.com", PASSWORD).await.status, 200);
}

#[sqlx::test(migrations = "../migrations")]
async fn reset_link_is_single_use_changes_the_password_and_ends_other_sessions(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    let other_device = signed_up_and_verified(&pool, &router, "reset@example.com").await;
    let before = viewer(&router, &other_device).await;
    assert!(before.contains("reset@example.com"), "{before}");

    let asked = post_form(
        &router,
        HOST,
        "/api/account/forgot",
        None,
        "203.0.113.9",
        &[("email", "reset@example.com")],
    )
    .await;
    assert_eq!(asked.status, 200);
    let secret = link_secret_from_outbox(&pool, "reset@example.com", "reset_password").await;
    let expires_in: f64 = sqlx::query_scalar(
        "SELECT extract(epoch FROM expires_at - created_at)::float8 FROM account_tokens WHERE purpose = 'reset_password'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(expires_in, 3600.0);

    // A refused new password does not spend the link.
    let weak = post_form(
        &router,
        HOST,
        "/api/account/reset",
        None,
        "203.0.113.9",
        &[("token", &secret), ("password", "short"), ("confirm", "short")],
    )
    .await;
    assert_eq!(weak.status, 422);
    let new_password = "an entirely new passphrase";
    let done = post_form(
        &router,
        HOST,
        "/api/account/reset",
        None,
        "203.0.113.9",
        &[
            ("token", &secret),
            ("password", new_password),
            ("confirm", new_password),
        ],
    )
    .await;
    assert_eq!(done.status, 200, "{}", done.body);
    let twice = post_form(
        &router,
        HOST,
        "/api/account/reset",
        None,
        "203.0.113.9",
        &[
            ("token", &secret),
            ("password", "yet another passphrase"),
            ("confirm", "yet another passphrase"),
        ],
    )
    .await;
    assert_eq!(twice.status, 422);
    assert!(twice.body.contains("LinkInvalid"), "{}", twice.body);

    assert_eq!(
        sign_in(&router, HOST, "reset@example.com", PASSWORD).await.status,
        422,
        "old password fails"
    );
    assert_eq!(
        sign_in(&router, HOST, "reset@example.com", new_password).await.status,
        200,
        "new password works"
    );
    let after = viewer(&router, &other_device).await;
    assert_eq!(after.trim(), "null", "the other device was signed out");
    let audit: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'password.reset'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(audit, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_session_survives_a_server_restart(pool: PgPool) {
    let first = demo_router(pool.clone()).await;
    create_account(&pool, "demo", "stay@example.com", "customer").await;
    let cookie = session_for(&first, HOST, "stay@example.com").await;
    drop(first);
    // A new router over the same database is what a restarted process is: nothing in memory survives.
    let leptos_options = leptos::prelude::LeptosOptions::builder()
        .output_name("roamdesk")
        .build();
    let restarted = server::routes::build_router(server::state::AppState {
        leptos_options,
        app: services::AppContext::new(common::own_pool(&pool).await),
        default_storefront: "demo".into(),
        secure_cookies: false,
        trust_forwarded_for: true,
    });
    let viewer = viewer(&restarted, &cookie).await;
    assert!(viewer.contains("stay@example.com"), "{viewer}");
    let page = common::get_page_as(&restarted, "/account", Some(&cookie)).await.body;
    assert!(
        page.contains("data-testid=\"account-page\""),
        "the account page renders for the session"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn session_cookie_is_http_only_and_lax_and_rotates_at_sign_in(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    create_account(&pool, "demo", "cookie@example.com", "customer").await;
    let answer = sign_in(&router, HOST, "cookie@example.com", PASSWORD).await;
    let set_cookie = answer
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("rd_session="))
        .unwrap();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    let first = session_cookie(&answer).unwrap();
    let second = session_cookie(&sign_in(&router, HOST, "cookie@example.com", PASSWORD).await).unwrap();
    assert_ne!(first, second);
}

#[sqlx::test(migrations = "../migrations")]
async fn deleting_an_account_anonymises_it_and_keeps_orders(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    let cookie = signed_up_and_verified(&pool, &router, "leaving@example.com").await;
    let customer: uuid::Uuid = sqlx::query_scalar(
        "SELECT c.id FROM customers c JOIN accounts a ON a.id = c.account_id WHERE a.email = 'leaving@example.com'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO orders (storefront_id, customer_id, order_number, email, currency, subtotal_minor, total_minor)
         SELECT storefront_id, id, 1, email, 'USD', 1000, 1000 FROM customers WHERE id = $1",
    )
    .bind(customer)
    .execute(&pool)
    .await
    .unwrap();
    let export = common::get_page_as(&router, "/api/account/export", Some(&cookie))
        .await
        .body;
    assert!(
        export.contains("leaving@example.com") && export.contains("\"order_number\":1"),
        "{export}"
    );

    let wrong = post_form(
        &router,
        HOST,
        "/api/account/delete",
        Some(&cookie),
        "203.0.113.5",
        &[("password", "not my password")],
    )
    .await;
    assert_eq!(wrong.status, 422);
    let done = post_form(
        &router,
        HOST,
        "/api/account/delete",
        Some(&cookie),
        "203.0.113.5",
        &[("password", PASSWORD)],
    )
    .await;
    assert_eq!(done.status, 200, "{}", done.body);

    let left: (Option<String>, Option<String>, bool) = sqlx::query_as(
        "SELECT email, password_hash, anonymised_at IS NOT NULL FROM accounts a WHERE a.id = (SELECT account_id FROM customers WHERE id = $1)",
    )
    .bind(customer)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(left, (None, None, true));
    let order_email: String = sqlx::query_scalar("SELECT email FROM orders WHERE customer_id = $1")
        .bind(customer)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(order_email, "anonymised@invalid");
    let mentions: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM outbox_emails WHERE to_address ILIKE '%leaving%' OR body_text ILIKE '%leaving%')
              + (SELECT count(*) FROM customers WHERE email ILIKE '%leaving%')
              + (SELECT count(*) FROM audit_log WHERE target_email ILIKE '%leaving%')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(mentions, 0);
    assert_eq!(
        sign_in(&router, HOST, "leaving@example.com", PASSWORD).await.status,
        422
    );
    assert_eq!(viewer(&router, &cookie).await.trim(), "null");
}

async fn viewer(router: &axum::Router, cookie: &str) -> String {
    post_form(router, HOST, "/api/account/viewer", Some(cookie), "203.0.113.50", &[])
        .await
        .body
}

#[sqlx::test(migrations = "../migrations")]
async fn account_pages_speak_each_language_and_work_as_plain_forms(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    for (lang, heading, button) in [
        ("en", "Sign in", "Forgot your password?"),
        ("zh", "登录", "忘记密码？"),
        ("ru", "Вход", "Забыли пароль?"),
    ] {
        let req = common::get("/account/sign-in")
            .header("accept-language", lang)
            .body(axum::body::Body::empty())
            .unwrap();
        let page = common::send(&router, req).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(heading) && page.body.contains(button), "{lang}");
        // The form posts to its server function without JavaScript.
        assert!(
            page.body
                .contains(r#"<form method="post" action="/api/account/sign-in""#),
            "{lang}"
        );
    }
    // A plain form post (no JavaScript) that is refused redirects back with the reason in the URL,
    // and the page shows it.
    create_account(&pool, "demo", "plain@example.com", "customer").await;
    let req = http::Request::post("/api/account/sign-in")
        .header("host", HOST)
        .header("accept", "text/html")
        .header("referer", "http://localhost:3000/account/sign-in")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(
            "identifier=plain%40example.com&password=wrong+password",
        ))
        .unwrap();
    let refused = common::send(&router, req).await;
    assert_eq!(refused.status, 302);
    let location = refused.headers.get("location").unwrap().to_str().unwrap().to_string();
    assert!(location.contains("__err="), "{location}");
    let path = location.trim_start_matches("http://localhost:3000");
    let shown = common::get_page(&router, path).await;
    assert!(
        shown.body.contains("do not match an account"),
        "the error is shown on the form"
    );
    // Accepted, it redirects to the account page and sets the session.
    let req = http::Request::post("/api/account/sign-in")
        .header("host", HOST)
        .header("accept", "text/html")
        .header("referer", "http://localhost:3000/account/sign-in")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(format!(
            "identifier=plain%40example.com&password={}",
            urlencode(PASSWORD)
        )))
        .unwrap();
    let accepted = common::send(&router, req).await;
    assert_eq!(accepted.status, 302);
    assert_eq!(accepted.headers.get("location").unwrap(), "/account");
    assert!(session_cookie(&accepted).is_some());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_cross_site_sign_in_post_is_refused(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    create_account(&pool, "demo", "csrf@example.com", "customer").await;
    let req = http::Request::post("/api/account/sign-in")
        .header("host", HOST)
        .header("origin", "https://evil.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(format!(
            "identifier=csrf%40example.com&password={}",
            urlencode(PASSWORD)
        )))
        .unwrap();
    let answer = common::send(&router, req).await;
    assert_eq!(answer.status, 403);
    assert!(session_cookie(&answer).is_none());
}

fn zone_cookie(answer: &common::Answer) -> Option<String> {
    answer
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("rd_tz="))
        .map(|v| v.to_string())
}

#[sqlx::test(migrations = "../migrations")]
async fn a_time_zone_chosen_in_the_profile_follows_the_account_to_its_next_sign_in(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    create_account(&pool, "demo", "zone@example.com", "customer").await;
    let cookie = session_cookie(&sign_in(&router, HOST, "zone@example.com", PASSWORD).await).unwrap();
    let profile = |zone: &'static str| {
        [
            ("full_name", "Zone Person"),
            ("phone", ""),
            ("language", "en"),
            ("currency", "USD"),
            ("time_zone", zone),
        ]
    };
    let unknown = post_form(
        &router,
        HOST,
        "/api/account/profile/update",
        Some(&cookie),
        "203.0.113.9",
        &profile("Mars/Olympus"),
    )
    .await;
    assert_eq!(unknown.status, 422, "{}", unknown.body);
    let stored: Option<String> = sqlx::query_scalar("SELECT time_zone FROM accounts WHERE email = 'zone@example.com'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, None, "a refused zone changes nothing");

    let saved = post_form(
        &router,
        HOST,
        "/api/account/profile/update",
        Some(&cookie),
        "203.0.113.9",
        &profile("Europe/Moscow"),
    )
    .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let set = zone_cookie(&saved).expect("saving sets the zone cookie");
    assert!(
        set.starts_with("rd_tz=Europe/Moscow;") && set.contains("Max-Age=31536000"),
        "{set}"
    );

    // On another device, signing in brings the choice along.
    let again = sign_in(&router, HOST, "zone@example.com", PASSWORD).await;
    assert!(zone_cookie(&again).unwrap().starts_with("rd_tz=Europe/Moscow;"));

    // Back to the device's zone: the cookie is dropped.
    let cleared = post_form(
        &router,
        HOST,
        "/api/account/profile/update",
        Some(&cookie),
        "203.0.113.9",
        &profile(""),
    )
    .await;
    assert_eq!(cleared.status, 200, "{}", cleared.body);
    assert!(zone_cookie(&cleared).unwrap().contains("Max-Age=0"));
    let stored: Option<String> = sqlx::query_scalar("SELECT time_zone FROM accounts WHERE email = 'zone@example.com'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, None);
}
