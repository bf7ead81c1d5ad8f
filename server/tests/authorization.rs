//! Every server function against every role. The first test makes the table below the single
//! place that says who may call what: a new server function that is not listed fails it.
mod common;

use common::accounts::*;
use common::demo_router;
use sqlx::PgPool;
use uuid::Uuid;

const HOST: &str = "localhost:3000";

/// Anyone may call these; they protect themselves with throttles and one-time links.
const PUBLIC: &[&str] = &[
    "/api/catalog",
    "/api/destinations",
    "/api/plan",
    "/api/account/viewer",
    "/api/account/sign-up",
    "/api/account/sign-in",
    "/api/account/sign-out",
    "/api/account/verify",
    "/api/account/forgot",
    "/api/account/reset",
    "/api/staff/invitation",
    "/api/staff/invitation/accept",
    "/api/esims/lookup",
    "/api/esims/lookup/code",
    "/api/esims/lookup/result",
    // Checkout and orders: a signed-in buyer or a lookup code's grant; each checks the order or
    // eSIM against the caller and answers 401/404 itself (tested in checkout.rs).
    "/api/checkout/quote",
    "/api/checkout/place",
    "/api/checkout/renewal-options",
    "/api/orders/get",
    "/api/orders/pay",
    "/api/orders/cancel",
    "/api/pay/test/get",
    "/api/pay/test",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Caller {
    Anonymous,
    Customer,
    Agent,
    ResellerAdmin,
    Operator,
}

/// Each protected function, the least caller it admits, and a form that is valid enough to
/// get past argument decoding.
type Form = Vec<(&'static str, String)>;

fn protected(demo: Uuid, customer: Uuid) -> Vec<(&'static str, Caller, Form)> {
    let sf = demo.to_string();
    vec![
        ("/api/account/profile", Caller::Customer, vec![]),
        (
            "/api/account/profile/update",
            Caller::Customer,
            vec![
                ("full_name", "X".into()),
                ("phone", "".into()),
                ("language", "en".into()),
                ("currency", "USD".into()),
            ],
        ),
        (
            "/api/account/password",
            Caller::Customer,
            vec![
                ("current", "wrong".into()),
                ("password", "x".into()),
                ("confirm", "x".into()),
            ],
        ),
        ("/api/account/verify/resend", Caller::Customer, vec![]),
        ("/api/account/export", Caller::Customer, vec![]),
        (
            "/api/account/delete",
            Caller::Customer,
            vec![("password", "not the password".into())],
        ),
        ("/api/staff/customers", Caller::Agent, vec![("query", "anna".into())]),
        ("/api/staff/overview", Caller::ResellerAdmin, vec![]),
        (
            "/api/staff/invite",
            Caller::ResellerAdmin,
            vec![
                ("storefront", sf.clone()),
                ("email", "hire@example.com".into()),
                ("role", "agent".into()),
            ],
        ),
        (
            "/api/staff/role",
            Caller::ResellerAdmin,
            vec![
                ("storefront", sf.clone()),
                ("account", customer.to_string()),
                ("role", "customer".into()),
            ],
        ),
        (
            "/api/staff/invitation/revoke",
            Caller::ResellerAdmin,
            vec![
                ("storefront", sf.clone()),
                (
                    "invitation",
                    Uuid::from_u128(0x1234_5678_9abc_4def_8000_0000_0000_0001).to_string(),
                ),
            ],
        ),
        ("/api/staff/audit", Caller::ResellerAdmin, vec![]),
        ("/api/operator/outbox", Caller::Operator, vec![]),
        ("/api/operator/stock", Caller::Operator, vec![]),
        ("/api/staff/payment-settings", Caller::ResellerAdmin, vec![]),
        (
            "/api/staff/payment-settings/save",
            Caller::ResellerAdmin,
            vec![
                ("card", "on".into()),
                ("legal_name", "Shop Ltd".into()),
                ("address", "".into()),
                ("tax_id", "".into()),
            ],
        ),
        (
            "/api/orders/refund",
            Caller::ResellerAdmin,
            vec![
                ("id", customer.to_string()),
                ("amount", "1".into()),
                ("reason", "x".into()),
            ],
        ),
        // Admitted callers who do not own the eSIM get 404, which still counts as admitted here.
        ("/api/esims/mine", Caller::Customer, vec![]),
        ("/api/orders/history", Caller::Customer, vec![]),
        ("/api/esims/card", Caller::Customer, vec![("id", customer.to_string())]),
        (
            "/api/esims/install",
            Caller::Customer,
            vec![("id", customer.to_string())],
        ),
        (
            "/api/esims/rename",
            Caller::Customer,
            vec![("id", customer.to_string()), ("nickname", "Phone".into())],
        ),
    ]
}

#[sqlx::test(migrations = "../migrations")]
async fn every_server_function_is_public_or_listed_with_its_role(pool: PgPool) {
    let _router = demo_router(pool).await;
    let listed: Vec<&str> = protected(Uuid::nil(), Uuid::nil()).iter().map(|(p, _, _)| *p).collect();
    let mut unlisted = vec![];
    for (path, _method) in leptos::server_fn::axum::server_fn_paths() {
        if !PUBLIC.contains(&path) && !listed.contains(&path) {
            unlisted.push(path);
        }
    }
    assert!(
        unlisted.is_empty(),
        "server functions with no access rule in this test: {unlisted:?}"
    );
    assert!(listed.len() + PUBLIC.len() >= 25, "the registry was read");
}

async fn call(
    router: &axum::Router,
    path: &str,
    host: &str,
    cookie: Option<&str>,
    form: &[(&str, String)],
) -> common::Answer {
    if path == "/api/account/export" {
        return common::get_page_as(router, path, cookie).await;
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post_form(router, host, path, cookie, "203.0.113.77", &pairs).await
}

#[sqlx::test(migrations = "../migrations")]
async fn each_role_against_each_protected_function(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    let demo: Uuid = sqlx::query_scalar("SELECT id FROM storefronts WHERE slug = 'demo'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let customer = create_account(&pool, "demo", "c@example.com", "customer").await;
    create_account(&pool, "demo", "agent@example.com", "agent").await;
    create_account(&pool, "demo", "admin@example.com", "reseller_admin").await;
    create_account(&pool, "demo", "op@example.com", "operator").await;
    let mut cookies = vec![(Caller::Anonymous, None)];
    for (caller, email) in [
        (Caller::Customer, "c@example.com"),
        (Caller::Agent, "agent@example.com"),
        (Caller::ResellerAdmin, "admin@example.com"),
        (Caller::Operator, "op@example.com"),
    ] {
        cookies.push((caller, Some(session_for(&router, HOST, email).await)));
    }
    for (path, least, form) in protected(demo, customer) {
        for (caller, cookie) in &cookies {
            let answer = call(&router, path, HOST, cookie.as_deref(), &form).await;
            let expected_refusal = match caller {
                Caller::Anonymous => Some(401),
                c if *c < least => Some(403),
                _ => None,
            };
            match expected_refusal {
                Some(code) => assert_eq!(answer.status, code, "{caller:?} calling {path}: {}", answer.body),
                None => assert!(
                    ![401, 403].contains(&answer.status.as_u16()) && answer.status.as_u16() < 500,
                    "{caller:?} should be admitted to {path}, got {}: {}",
                    answer.status,
                    answer.body
                ),
            }
        }
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn staff_of_one_storefront_get_403_on_another(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    let demo: Uuid = sqlx::query_scalar("SELECT id FROM storefronts WHERE slug = 'demo'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let other = create_other_storefront(&pool).await;
    let other_customer = create_account(&pool, "other", "theirs@example.com", "agent").await;
    create_account(&pool, "other", "admin@other.example", "reseller_admin").await;
    create_account(&pool, "demo", "admin@example.com", "reseller_admin").await;
    create_account(&pool, "demo", "op@example.com", "operator").await;
    let demo_admin = session_for(&router, HOST, "admin@example.com").await;
    let other_admin = session_for(&router, "other.test", "admin@other.example").await;
    let operator = session_for(&router, HOST, "op@example.com").await;

    // The demo admin naming the other storefront in the call.
    let sf = other.to_string();
    let calls: Vec<(&str, Vec<(&str, String)>)> = vec![
        ("/api/staff/overview", vec![("storefront", sf.clone())]),
        (
            "/api/staff/invite",
            vec![
                ("storefront", sf.clone()),
                ("email", "x@example.com".into()),
                ("role", "agent".into()),
            ],
        ),
        (
            "/api/staff/role",
            vec![
                ("storefront", sf.clone()),
                ("account", other_customer.to_string()),
                ("role", "customer".into()),
            ],
        ),
        (
            "/api/staff/invitation/revoke",
            vec![
                ("storefront", sf.clone()),
                (
                    "invitation",
                    Uuid::from_u128(0x1234_5678_9abc_4def_8000_0000_0000_0001).to_string(),
                ),
            ],
        ),
        ("/api/staff/audit", vec![("storefront", sf.clone())]),
    ];
    for (path, form) in &calls {
        let a = call(&router, path, HOST, Some(&demo_admin), form).await;
        assert_eq!(
            a.status, 403,
            "demo admin → {path} for the other storefront: {}",
            a.body
        );
    }
    // The other storefront's admin presenting their session on the demo host.
    for path in [
        "/api/staff/overview",
        "/api/staff/audit",
        "/api/staff/customers",
        "/api/account/profile",
    ] {
        let a = call(&router, path, HOST, Some(&other_admin), &[("query", "anna".into())]).await;
        assert_eq!(a.status, 403, "other admin on the demo host → {path}: {}", a.body);
    }
    // Operators run the platform: the same call on the other storefront is admitted.
    let a = call(
        &router,
        "/api/staff/overview",
        HOST,
        Some(&operator),
        &[("storefront", sf.clone())],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(a.body.contains("Other Shop"));
    let role: String = sqlx::query_scalar("SELECT role::text FROM accounts WHERE id = $1")
        .bind(other_customer)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(role, "agent", "no refused call changed anything");
    let _ = demo;
}

#[sqlx::test(migrations = "../migrations")]
async fn role_changes_and_invitations_land_in_the_audit_log(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    let demo: Uuid = sqlx::query_scalar("SELECT id FROM storefronts WHERE slug = 'demo'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let agent = create_account(&pool, "demo", "agent@example.com", "agent").await;
    create_account(&pool, "demo", "admin@example.com", "reseller_admin").await;
    let admin = session_for(&router, HOST, "admin@example.com").await;
    let sf = demo.to_string();

    // A reseller admin cannot create operators.
    let a = call(
        &router,
        "/api/staff/role",
        HOST,
        Some(&admin),
        &[
            ("storefront", sf.clone()),
            ("account", agent.to_string()),
            ("role", "operator".into()),
        ],
    )
    .await;
    assert_eq!(a.status, 422, "{}", a.body);
    let a = call(
        &router,
        "/api/staff/role",
        HOST,
        Some(&admin),
        &[
            ("storefront", sf.clone()),
            ("account", agent.to_string()),
            ("role", "customer".into()),
        ],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.body);
    let a = call(
        &router,
        "/api/staff/invite",
        HOST,
        Some(&admin),
        &[
            ("storefront", sf.clone()),
            ("email", "new.agent@example.com".into()),
            ("role", "agent".into()),
        ],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.body);

    let rows: Vec<(String, Option<String>, Option<String>, serde_json::Value)> = sqlx::query_as(
        "SELECT l.action, a.email, l.actor_ip, l.details FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_account_id ORDER BY l.id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0, "role.revoked");
    assert_eq!(rows[0].1.as_deref(), Some("admin@example.com"));
    assert_eq!(rows[0].2.as_deref(), Some("203.0.113.77"));
    assert_eq!(rows[0].3, serde_json::json!({"from": "agent", "to": "customer"}));
    assert_eq!(rows[1].0, "staff.invited");
    // The log cannot be rewritten.
    let err = sqlx::query("DELETE FROM audit_log").execute(&pool).await.unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");

    // The invitation link creates a working agent account.
    let secret = link_secret_from_outbox(&pool, "new.agent@example.com", "staff_invitation").await;
    let accepted = post_form(
        &router,
        HOST,
        "/api/staff/invitation/accept",
        None,
        "203.0.113.8",
        &[
            ("token", &secret),
            ("full_name", "New Agent"),
            ("password", PASSWORD),
            ("confirm", PASSWORD),
        ],
    )
    .await;
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    let cookie = session_cookie(&accepted).unwrap();
    let search = call(
        &router,
        "/api/staff/customers",
        HOST,
        Some(&cookie),
        &[("query", "example".into())],
    )
    .await;
    assert_eq!(search.status, 200, "{}", search.body);
    assert!(
        search.body.contains("c@example.com") || search.body.contains("@example.com"),
        "{}",
        search.body
    );
    // Wildcards typed into the search are taken literally.
    let wild = call(
        &router,
        "/api/staff/customers",
        HOST,
        Some(&cookie),
        &[("query", "%%%".into())],
    )
    .await;
    assert_eq!(wild.body.trim(), "[]", "{}", wild.body);
    let again = post_form(
        &router,
        HOST,
        "/api/staff/invitation/accept",
        None,
        "203.0.113.8",
        &[
            ("token", &secret),
            ("full_name", "X"),
            ("password", PASSWORD),
            ("confirm", PASSWORD),
        ],
    )
    .await;
    assert_eq!(again.status, 422, "an invitation is used once");
}
