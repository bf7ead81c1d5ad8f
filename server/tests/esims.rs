//! Who sees an eSIM and its activation code, the no-account lookup, and the built-in provider.
mod common;

use common::accounts::{create_account, create_other_storefront, post_form, session_cookie, sign_in};
use common::orders::esim_by_nickname;
use common::{demo_router_and_pool, get_page_as};
use services::provider::{AllocateProfile, ApplyBundle, EsimProvider, ProviderError, builtin::BuiltinProvider};
use sqlx::PgPool;
use uuid::Uuid;

const HOST: &str = "localhost:3000";
const DEMO_PASSWORD: &str = "roamdesk-demo";

async fn demo_session(router: &axum::Router, email: &str) -> String {
    let answer = sign_in(router, HOST, email, DEMO_PASSWORD).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    session_cookie(&answer).unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn the_owner_sees_usage_and_the_activation_code_uncached(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let ipad = esim_by_nickname(&pool, "Travel iPad").await;

    let list = get_page_as(&router, "/esims", Some(&anna)).await;
    assert_eq!(list.status, 200);
    assert!(
        list.body.contains("Anna&#x27;s iPhone") || list.body.contains("Anna's iPhone"),
        "names shown"
    );
    // 10 GB minus the 3,686 MB the demo used: 6,554 MB, shown as 6.4 GB.
    assert!(list.body.contains("6.4 GB left of 10 GB"), "remaining data shown");
    assert!(list.body.contains("data-testid=\"usage-chart\""));
    assert!(list.body.contains("Expires in 18 days"), "expiry shown");
    assert!(
        !list.body.contains("DEMO-ANNA"),
        "the list never carries activation codes"
    );

    let install = get_page_as(&router, &format!("/esims/{ipad}/install"), Some(&anna)).await;
    assert_eq!(install.status, 200);
    assert_eq!(install.headers["cache-control"], "no-store");
    assert!(
        install
            .body
            .contains("LPA:1$smdp.demo.roamdesk.test$DEMO-ANNA-IPAD-0002$$1")
    );
    assert!(install.body.contains("<svg role=\"img\""), "a server-drawn QR code");
    assert!(
        install
            .body
            .contains("esimsetup.apple.com/esim_qrcode_provisioning?carddata=LPA:1$")
    );

    let api = post_form(
        &router,
        HOST,
        "/api/esims/install",
        Some(&anna),
        "198.51.100.9",
        &[("id", &ipad.to_string())],
    )
    .await;
    assert_eq!(api.status, 200);
    assert_eq!(api.headers["cache-control"], "no-store");
    assert!(api.body.contains("DEMO-ANNA-IPAD-0002"));
}

#[sqlx::test(migrations = "../migrations")]
async fn another_customer_gets_404_for_pages_and_server_functions(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let ben = demo_session(&router, "ben@demo.roamdesk.test").await;
    let ipad = esim_by_nickname(&pool, "Travel iPad").await;
    let id = ipad.to_string();
    for path in [format!("/esims/{id}"), format!("/esims/{id}/install")] {
        let answer = get_page_as(&router, &path, Some(&ben)).await;
        assert_eq!(answer.status, 404, "{path}");
        assert!(!answer.body.contains("DEMO-ANNA"), "{path} leaks the code");
        assert!(!answer.body.contains("Travel iPad"), "{path} leaks the name");
    }
    for api in ["/api/esims/card", "/api/esims/install"] {
        let answer = post_form(&router, HOST, api, Some(&ben), "198.51.100.9", &[("id", &id)]).await;
        assert_eq!(answer.status, 404, "{api}: {}", answer.body);
        assert!(!answer.body.contains("DEMO-ANNA"));
    }
    let rename = post_form(
        &router,
        HOST,
        "/api/esims/rename",
        Some(&ben),
        "198.51.100.9",
        &[("id", &id), ("nickname", "Mine now")],
    )
    .await;
    assert_eq!(rename.status, 404);
    let name: String = sqlx::query_scalar("SELECT nickname FROM esim_profiles WHERE id = $1")
        .bind(ipad)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(name, "Travel iPad");
    // Ben's own list has only his eSIM.
    let list = get_page_as(&router, "/esims", Some(&ben)).await;
    assert!(list.body.contains("Ben&#x27;s Pixel") || list.body.contains("Ben's Pixel"));
    assert!(!list.body.contains("Travel iPad"));
    // Nobody signed in: 401 from the function, a redirect to sign-in from the page.
    let anonymous = post_form(
        &router,
        HOST,
        "/api/esims/install",
        None,
        "198.51.100.9",
        &[("id", &id)],
    )
    .await;
    assert_eq!(anonymous.status, 401);
    let anonymous_page = get_page_as(&router, &format!("/esims/{id}/install"), None).await;
    assert!(!anonymous_page.body.contains("DEMO-ANNA"));
}

#[sqlx::test(migrations = "../migrations")]
async fn staff_see_their_own_storefronts_esims_only(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let ipad = esim_by_nickname(&pool, "Travel iPad").await.to_string();
    let agent = demo_session(&router, "agent@demo.roamdesk.test").await;
    let answer = post_form(
        &router,
        HOST,
        "/api/esims/install",
        Some(&agent),
        "198.51.100.9",
        &[("id", &ipad)],
    )
    .await;
    assert_eq!(answer.status, 200, "an agent of the storefront helps customers install");

    create_other_storefront(&pool).await;
    create_account(&pool, "other", "boss@other.test", "reseller_admin").await;
    let login = sign_in(&router, "other.test", "boss@other.test", common::accounts::PASSWORD).await;
    let other = session_cookie(&login).unwrap();
    let answer = post_form(
        &router,
        "other.test",
        "/api/esims/install",
        Some(&other),
        "198.51.100.9",
        &[("id", &ipad)],
    )
    .await;
    assert_eq!(answer.status, 404, "{}", answer.body);
}

#[sqlx::test(migrations = "../migrations")]
async fn owners_name_their_esims(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let ipad = esim_by_nickname(&pool, "Travel iPad").await;
    let id = ipad.to_string();
    let ok = post_form(
        &router,
        HOST,
        "/api/esims/rename",
        Some(&anna),
        "198.51.100.9",
        &[("id", &id), ("nickname", "  Mum's iPhone ")],
    )
    .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    let long = "x".repeat(61);
    let refused = post_form(
        &router,
        HOST,
        "/api/esims/rename",
        Some(&anna),
        "198.51.100.9",
        &[("id", &id), ("nickname", &long)],
    )
    .await;
    assert_eq!(refused.status, 422);
    let name: String = sqlx::query_scalar("SELECT nickname FROM esim_profiles WHERE id = $1")
        .bind(ipad)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(name, "Mum's iPhone");
}

/// The newest lookup code mailed to `to`.
async fn code_from_outbox(pool: &PgPool, to: &str) -> Option<String> {
    let body: Option<String> = sqlx::query_scalar(
        "SELECT body_text FROM outbox_emails WHERE to_address = $1 AND kind = 'esim_lookup_code' ORDER BY created_at DESC LIMIT 1",
    )
    .bind(to)
    .fetch_optional(pool)
    .await
    .unwrap();
    body.map(|b| {
        let start = b.find(|c: char| c.is_ascii_digit()).unwrap();
        b[start..start + 6].to_string()
    })
}

async fn lookup(router: &axum::Router, identifier: &str, email: &str, ip: &str) -> common::Answer {
    post_form(
        router,
        HOST,
        "/api/esims/lookup",
        None,
        ip,
        &[("identifier", identifier), ("email", email)],
    )
    .await
}

#[sqlx::test(migrations = "../migrations")]
async fn lookup_without_an_account_reveals_nothing_and_opens_with_the_mailed_code(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let iccid: String = sqlx::query_scalar("SELECT iccid FROM esim_profiles WHERE nickname = 'Travel iPad'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let anna = "anna@demo.roamdesk.test";

    // A wrong e-mail, an unknown ICCID and the right pair all get the same answer.
    let wrong_email = lookup(&router, &iccid, "someone@example.com", "203.0.113.1").await;
    let unknown = lookup(&router, "8944538532008160222", anna, "203.0.113.2").await;
    let right = lookup(&router, &iccid, anna, "203.0.113.3").await;
    for answer in [&wrong_email, &unknown, &right] {
        assert_eq!(answer.status, 200, "{}", answer.body);
        assert_eq!(answer.body, right.body);
    }
    let mails: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox_emails WHERE kind = 'esim_lookup_code'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(mails, 1, "only the matching pair got a code");
    let code = code_from_outbox(&pool, anna).await.unwrap();
    let cookie = session_cookie(&right).expect("the ticket lives in the session");

    // Before the code, nothing to see.
    let closed = post_form(
        &router,
        HOST,
        "/api/esims/lookup/result",
        Some(&cookie),
        "203.0.113.3",
        &[],
    )
    .await;
    assert_eq!(closed.status, 401);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let refused = post_form(
        &router,
        HOST,
        "/api/esims/lookup/code",
        Some(&cookie),
        "203.0.113.3",
        &[("code", wrong)],
    )
    .await;
    assert_eq!(refused.status, 422);
    let opened = post_form(
        &router,
        HOST,
        "/api/esims/lookup/code",
        Some(&cookie),
        "203.0.113.3",
        &[("code", &code)],
    )
    .await;
    assert_eq!(opened.status, 200, "{}", opened.body);
    let result = post_form(
        &router,
        HOST,
        "/api/esims/lookup/result",
        Some(&cookie),
        "203.0.113.3",
        &[],
    )
    .await;
    assert_eq!(result.status, 200);
    assert!(result.body.contains(&iccid));
    assert!(result.body.contains("a***@demo.roamdesk.test"));
    assert!(
        !result.body.contains("DEMO-ANNA"),
        "a lookup shows status, never the activation code"
    );
    assert!(
        !result.body.contains("Anna's iPhone"),
        "an ICCID lookup shows that eSIM only"
    );

    // A code works once.
    let again = post_form(
        &router,
        HOST,
        "/api/esims/lookup/code",
        Some(&cookie),
        "203.0.113.3",
        &[("code", &code)],
    )
    .await;
    assert_eq!(again.status, 422);
}

#[sqlx::test(migrations = "../migrations")]
async fn lookup_codes_die_after_five_wrong_tries_and_requests_are_throttled(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = "anna@demo.roamdesk.test";
    // By phone number: every eSIM of the customer.
    let answer = lookup(&router, "+44 7700 900123", anna, "203.0.113.9").await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let cookie = session_cookie(&answer).unwrap();
    let code = code_from_outbox(&pool, anna).await.unwrap();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        let r = post_form(
            &router,
            HOST,
            "/api/esims/lookup/code",
            Some(&cookie),
            "203.0.113.9",
            &[("code", wrong)],
        )
        .await;
        assert_eq!(r.status, 422);
    }
    let too_late = post_form(
        &router,
        HOST,
        "/api/esims/lookup/code",
        Some(&cookie),
        "203.0.113.9",
        &[("code", &code)],
    )
    .await;
    assert_eq!(too_late.status, 422, "five wrong guesses spend the code");

    // Three requests an hour per ICCID or number, whoever asks.
    for ip in ["203.0.113.10", "203.0.113.11"] {
        assert_eq!(lookup(&router, "+447700900123", anna, ip).await.status, 200);
    }
    let throttled = lookup(&router, "+447700900123", "x@example.com", "203.0.113.12").await;
    assert_eq!(throttled.status, 429, "{}", throttled.body);
    let bad = lookup(&router, "hello", anna, "203.0.113.13").await;
    assert_eq!(bad.status, 422);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_builtin_provider_allocates_and_applies_once_per_key(pool: PgPool) {
    let (_router, pool) = demo_router_and_pool(pool).await;
    let provider = BuiltinProvider::new(pool.clone());
    let (storefront, customer, plan): (Uuid, Uuid, Uuid) = sqlx::query_as(
        "SELECT s.id, c.id, p.id FROM storefronts s JOIN customers c ON c.storefront_id = s.id
         JOIN plans p ON p.storefront_id = s.id WHERE c.email = 'ben@demo.roamdesk.test' AND p.slug = 'japan-3gb-7d'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let request = || AllocateProfile {
        storefront_id: storefront,
        customer_id: customer,
        plan_id: plan,
        idempotency_key: "order-line-1".into(),
    };
    let first = provider.allocate_profile(request()).await.unwrap();
    let retry = provider.allocate_profile(request()).await.unwrap();
    assert_eq!(first, retry, "the same key, the same profile");
    let in_stock: i64 = sqlx::query_scalar("SELECT count(*) FROM esim_profiles WHERE status = 'in_stock'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(in_stock, 39, "one profile left the stock");

    let apply = || ApplyBundle {
        esim_id: first.esim_id,
        plan_id: plan,
        order_line_id: None,
        idempotency_key: "order-line-1-bundle".into(),
    };
    let bundle = provider.apply_bundle(apply()).await.unwrap();
    assert_eq!(provider.apply_bundle(apply()).await.unwrap(), bundle);
    assert_eq!(bundle.starts_at, None, "valid from first use: not started yet");
    let usage = provider.usage(first.esim_id).await.unwrap();
    assert_eq!(usage.len(), 1);
    assert_eq!(usage[0].data_remaining_mb, Some(3072));
    let status = provider.install_status(first.esim_id).await.unwrap();
    assert_eq!(status.status, domain::esim::EsimStatus::ReadyToInstall);
    let top_ups = provider.compatible_top_ups(first.esim_id).await.unwrap();
    assert!(
        top_ups.contains(&plan),
        "stock without a plan list takes any top-up plan"
    );

    // Another storefront's plan cannot be applied.
    let other = create_other_storefront(&pool).await;
    let foreign = ApplyBundle {
        esim_id: first.esim_id,
        plan_id: other,
        order_line_id: None,
        idempotency_key: "foreign".into(),
    };
    assert!(matches!(
        provider.apply_bundle(foreign).await,
        Err(ProviderError::IncompatiblePlan)
    ));

    // Out of stock once every profile is gone.
    let emptied: Vec<Uuid> = sqlx::query_scalar(
        "UPDATE esim_profiles SET status = 'ready_to_install', customer_id = $1 WHERE status = 'in_stock' RETURNING id",
    )
    .bind(customer)
    .fetch_all(&pool)
    .await
    .unwrap();
    let more = AllocateProfile {
        idempotency_key: "order-line-2".into(),
        ..request()
    };
    assert!(matches!(
        provider.allocate_profile(more).await,
        Err(ProviderError::OutOfStock)
    ));
    // A key already used still gets its profile with the stock empty: a retried fulfilment.
    assert_eq!(provider.allocate_profile(request()).await.unwrap(), first);
    // The oldest stock goes first, and within one import (one created_at) the lowest ICCID.
    sqlx::query("UPDATE esim_profiles SET status = 'in_stock', customer_id = NULL WHERE id = ANY($1)")
        .bind(&emptied)
        .execute(&pool)
        .await
        .unwrap();
    let lowest: String = sqlx::query_scalar(
        "SELECT iccid FROM esim_profiles WHERE status = 'in_stock' AND storefront_id = $1 ORDER BY created_at, iccid LIMIT 1",
    )
    .bind(storefront)
    .fetch_one(&pool)
    .await
    .unwrap();
    let next = provider
        .allocate_profile(AllocateProfile {
            idempotency_key: "order-line-3".into(),
            ..request()
        })
        .await
        .unwrap();
    assert_eq!(next.iccid, lowest);
}
