//! Checkout against PostgreSQL with the built-in test provider: quote, promo codes, payment
//! events processed once however often they arrive, declines, reconciliation after a crash,
//! and refunds.
mod common;

use common::accounts::{post_form, session_cookie, sign_in};
use common::demo_router_and_pool;
use common::orders::{Deliveries, annas_order, deliveries, esim_by_nickname};
use serde_json::Value;
use services::payment_gateways::PaymentRef;
use services::payments::inbox;
use sqlx::PgPool;
use uuid::Uuid;

const HOST: &str = "localhost:3000";
const IP: &str = "198.51.100.30";

async fn demo_session(router: &axum::Router, email: &str) -> String {
    let answer = sign_in(router, HOST, email, "roamdesk-demo").await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    session_cookie(&answer).unwrap()
}

async fn iphone(pool: &PgPool) -> Uuid {
    esim_by_nickname(pool, "Anna's iPhone").await
}

/// Places a renewal of Anna's iPhone and returns (order id, payment id).
async fn place(router: &axum::Router, pool: &PgPool, cookie: &str, promo: &str, key: &str) -> common::Answer {
    let esim = iphone(pool).await.to_string();
    post_form(
        router,
        HOST,
        "/api/checkout/place",
        Some(cookie),
        IP,
        &[
            ("plan", "china-10gb-30d"),
            ("esim", &esim),
            ("promo", promo),
            ("request_key", key),
        ],
    )
    .await
}

fn payment_id_from(answer: &common::Answer) -> Uuid {
    let url: String = serde_json::from_str(&answer.body).unwrap_or_else(|_| panic!("{}", answer.body));
    url.strip_prefix("/pay/test/")
        .unwrap_or_else(|| panic!("{url}"))
        .parse()
        .unwrap()
}

async fn order_of(pool: &PgPool, payment: Uuid) -> Uuid {
    sqlx::query_scalar("SELECT order_id FROM payments WHERE id = $1")
        .bind(payment)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn status(pool: &PgPool, order: Uuid) -> String {
    sqlx::query_scalar("SELECT status::text FROM orders WHERE id = $1")
        .bind(order)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn order_number(pool: &PgPool, order: Uuid) -> i64 {
    sqlx::query_scalar("SELECT order_number FROM orders WHERE id = $1")
        .bind(order)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// The test provider's reference of a payment, as its events name it.
async fn provider_ref(pool: &PgPool, payment: Uuid) -> String {
    sqlx::query_scalar("SELECT provider_ref FROM payments WHERE id = $1")
        .bind(payment)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn count(pool: &PgPool, sql: &str, order: Uuid) -> i64 {
    sqlx::query_scalar(sql).bind(order).fetch_one(pool).await.unwrap()
}

async fn pay(router: &axum::Router, cookie: &str, payment: Uuid, card: &str) -> common::Answer {
    post_form(
        router,
        HOST,
        "/api/pay/test",
        Some(cookie),
        IP,
        &[("payment", &payment.to_string()), ("card", card)],
    )
    .await
}

#[sqlx::test(migrations = "../migrations")]
async fn a_renewal_with_a_promo_code_is_quoted_paid_and_fulfilled_once(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let esim = iphone(&pool).await;
    let current_expiry: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT max(expires_at) FROM esim_bundles WHERE esim_id = $1")
            .bind(esim)
            .fetch_one(&pool)
            .await
            .unwrap();

    let quote = post_form(
        &router,
        HOST,
        "/api/checkout/quote",
        Some(&anna),
        IP,
        &[
            ("plan", "china-10gb-30d"),
            ("esim", &esim.to_string()),
            ("promo", "welcome10"),
        ],
    )
    .await;
    assert_eq!(quote.status, 200, "{}", quote.body);
    let offer: Value = serde_json::from_str(&quote.body).unwrap();
    let q = &offer["quote"];
    let price = q["price"]["amount_minor"].as_i64().unwrap();
    assert_eq!(q["discount"]["amount_minor"].as_i64().unwrap(), price / 10, "10 % off");
    assert_eq!(q["total"]["amount_minor"].as_i64().unwrap(), price - price / 10);
    let quoted_expiry: chrono::DateTime<chrono::Utc> = serde_json::from_value(q["expires_at"].clone()).unwrap();
    assert_eq!(
        quoted_expiry,
        current_expiry + chrono::Duration::days(30),
        "renewal starts when the current plan ends"
    );

    let placed = place(&router, &pool, &anna, "WELCOME10", "key-aaaaaaaa").await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let payment = payment_id_from(&placed);
    let order = order_of(&pool, payment).await;
    // The same form submitted again makes no second order.
    let again = place(&router, &pool, &anna, "WELCOME10", "key-aaaaaaaa").await;
    assert_eq!(payment_id_from(&again), payment);
    assert_eq!(status(&pool, order).await, "awaiting_payment");

    let paid = pay(&router, &anna, payment, "4242 4242 4242 4242").await;
    assert_eq!(paid.status, 200, "{}", paid.body);
    assert_eq!(status(&pool, order).await, "fulfilled");
    let new_expiry: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT max(expires_at) FROM esim_bundles WHERE esim_id = $1")
            .bind(esim)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        new_expiry, quoted_expiry,
        "the customer got exactly the expiry they were shown"
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM esim_bundles b JOIN order_lines l ON l.id = b.order_line_id WHERE l.order_id = $1",
            order
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM outbox_emails WHERE dedupe_key = 'order:' || $1::text || ':receipt'",
            order
        )
        .await,
        1
    );
    let ledger: Vec<(String, i64)> = sqlx::query_as(
        "SELECT e.account, e.amount_minor FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
         WHERE t.order_id = $1 ORDER BY e.amount_minor DESC",
    )
    .bind(order)
    .fetch_all(&pool)
    .await
    .unwrap();
    let total = price - price / 10;
    assert_eq!(
        ledger,
        vec![("clearing:test".to_string(), total), ("sales:demo".to_string(), -total)]
    );
    let steps: Vec<String> =
        sqlx::query_scalar("SELECT to_status::text FROM order_transitions WHERE order_id = $1 ORDER BY id")
            .bind(order)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(steps, ["awaiting_payment", "paid", "fulfilled"]);
    let method: String = sqlx::query_scalar("SELECT method_summary FROM payments WHERE id = $1")
        .bind(payment)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(method, "Visa ···4242 (test)");

    // WELCOME10 is once per customer.
    let second = place(&router, &pool, &anna, "WELCOME10", "key-bbbbbbbb").await;
    assert_eq!(second.status, 422, "{}", second.body);
    assert!(second.body.contains("UsedByYou"), "{}", second.body);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_declined_card_changes_nothing_and_paying_again_works(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let placed = place(&router, &pool, &anna, "", "key-decline1").await;
    let payment = payment_id_from(&placed);
    let order = order_of(&pool, payment).await;
    let bundles_before = count(
        &pool,
        "SELECT count(*) FROM esim_bundles WHERE $1::uuid IS NOT NULL",
        order,
    )
    .await;

    pay(&router, &anna, payment, "4000 0000 0000 0002").await;
    assert_eq!(status(&pool, order).await, "awaiting_payment");
    let (pstatus, reason): (String, String) =
        sqlx::query_as("SELECT status::text, failure_reason FROM payments WHERE id = $1")
            .bind(payment)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!((pstatus.as_str(), reason.as_str()), ("failed", "card_declined"));
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM esim_bundles WHERE $1::uuid IS NOT NULL",
            order
        )
        .await,
        bundles_before
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM ledger_transactions WHERE order_id = $1",
            order
        )
        .await,
        0
    );
    let page = post_form(
        &router,
        HOST,
        "/api/orders/get",
        Some(&anna),
        IP,
        &[("id", &order.to_string())],
    )
    .await;
    assert!(page.body.contains("card_declined"), "{}", page.body);

    let retry = post_form(
        &router,
        HOST,
        "/api/orders/pay",
        Some(&anna),
        IP,
        &[("id", &order.to_string())],
    )
    .await;
    let second_payment = payment_id_from(&retry);
    assert_ne!(second_payment, payment, "a new attempt after a decline");
    pay(&router, &anna, second_payment, "4242424242424242").await;
    assert_eq!(status(&pool, order).await, "fulfilled");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_same_event_twice_or_fifty_times_at_once_fulfils_once(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let placed = place(&router, &pool, &anna, "", "key-dupes111").await;
    let payment = payment_id_from(&placed);
    let order = order_of(&pool, payment).await;
    let payment_ref = provider_ref(&pool, payment).await;
    let ctx = services::AppContext::new(pool.clone());
    let payload = serde_json::json!({ "payment_ref": payment_ref, "outcome": "succeeded", "card": "4242424242424242" });

    let mut tasks = Vec::new();
    for _ in 0..50 {
        let (ctx, payload) = (ctx.clone(), payload.clone());
        tasks.push(tokio::spawn(async move {
            inbox::record_event(
                &ctx.pool,
                "test",
                "evt_same",
                "payment.succeeded",
                Some(&PaymentRef::Provider(payload["payment_ref"].as_str().unwrap().into())),
                &payload,
            )
            .await
            .unwrap();
            inbox::process_pending(&ctx, 10).await.unwrap();
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    // And once more, late.
    assert!(
        !inbox::record_event(
            &pool,
            "test",
            "evt_same",
            "payment.succeeded",
            Some(&PaymentRef::Provider(payment_ref.clone())),
            &payload
        )
        .await
        .unwrap()
    );
    inbox::process_pending(&ctx, 10).await.unwrap();

    assert_eq!(status(&pool, order).await, "fulfilled");
    assert_eq!(
        count(&pool, "SELECT count(*) FROM payment_events WHERE order_id = $1", order).await,
        1
    );
    assert_eq!(deliveries(&pool, order).await, Deliveries::ONCE);

    // An event for a payment nobody knows is stored, and ignored.
    let stranger =
        serde_json::json!({ "payment_ref": "test_nobody", "outcome": "succeeded", "card": "4242424242424242" });
    assert!(
        inbox::record_event(
            &pool,
            "test",
            "evt_stranger",
            "payment.succeeded",
            Some(&PaymentRef::Provider("test_nobody".into())),
            &stranger
        )
        .await
        .unwrap()
    );
    inbox::process_pending(&ctx, 10).await.unwrap();
    let (order_id, note): (Option<Uuid>, Option<String>) = sqlx::query_as(
        "SELECT order_id, last_error FROM payment_events WHERE event_id = 'evt_stranger' AND processed_at IS NOT NULL",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(order_id, None);
    assert!(note.unwrap().contains("unknown payment"));
}

/// The TEST MODE checkout handles its own event before answering, even one a worker has claimed,
/// so the order page it leads to is current (it once showed "Awaiting payment" after a successful
/// payment). Handled by both at once, the payment is still settled and delivered once. A claim
/// keeps other workers off an event until it runs out, as after a crash.
#[sqlx::test(migrations = "../migrations")]
async fn a_claimed_event_is_handled_by_the_checkout_and_the_worker_once(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let placed = place(&router, &pool, &anna, "", "key-held").await;
    let payment = payment_id_from(&placed);
    let order = order_of(&pool, payment).await;
    let payment_ref = provider_ref(&pool, payment).await;
    let ctx = services::AppContext::new(pool.clone());
    let payload = serde_json::json!({ "payment_ref": payment_ref, "outcome": "succeeded", "card": "4242424242424242" });
    let reference = PaymentRef::Provider(payment_ref.clone());
    let set_claim = |event: &'static str, seconds: i32| {
        let pool = pool.clone();
        async move {
            sqlx::query(
                "UPDATE payment_events SET claimed_until = now() + make_interval(secs => $2) WHERE event_id = $1",
            )
            .bind(event)
            .bind(f64::from(seconds))
            .execute(&pool)
            .await
            .unwrap();
        }
    };
    let processed = |event: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, bool>("SELECT processed_at IS NOT NULL FROM payment_events WHERE event_id = $1")
                .bind(event)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };

    // Claimed by a worker that is still at it: other workers leave it alone.
    inbox::record_event(
        &pool,
        "test",
        "evt_claimed",
        "payment.succeeded",
        Some(&reference),
        &payload,
    )
    .await
    .unwrap();
    set_claim("evt_claimed", 120).await;
    assert_eq!(
        inbox::process_pending(&ctx, 10).await.unwrap(),
        0,
        "a live claim is skipped"
    );
    assert!(!processed("evt_claimed").await);

    // The checkout and the worker (its claim run out) handle it at the same moment.
    set_claim("evt_claimed", -1).await;
    let now = {
        let ctx = ctx.clone();
        tokio::spawn(async move { inbox::process_event_now(&ctx, "test", "evt_claimed").await.unwrap() })
    };
    let worker = {
        let ctx = ctx.clone();
        tokio::spawn(async move { inbox::process_pending(&ctx, 10).await.unwrap() })
    };
    now.await.unwrap();
    assert_eq!(
        status(&pool, order).await,
        "fulfilled",
        "current when the checkout answers"
    );
    worker.await.unwrap();
    assert!(processed("evt_claimed").await);
    assert_eq!(deliveries(&pool, order).await, Deliveries::ONCE);
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM ledger_transactions WHERE order_id = $1",
            order
        )
        .await,
        1,
        "the payment is posted once"
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM order_transitions WHERE order_id = $1 AND to_status = 'paid'",
            order
        )
        .await,
        1
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_crash_between_payment_and_fulfilment_is_fulfilled_once_by_reconciliation(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let placed = place(&router, &pool, &anna, "", "key-crash111").await;
    let payment = payment_id_from(&placed);
    let order = order_of(&pool, payment).await;
    // What a process killed right after recording the payment leaves behind: paid, not delivered.
    let mut tx = pool.begin().await.unwrap();
    sqlx::query("UPDATE payments SET status = 'succeeded', method_summary = 'Visa ···4242 (test)' WHERE id = $1")
        .bind(payment)
        .execute(&mut *tx)
        .await
        .unwrap();
    services::orders::transition::move_order(&mut tx, order, domain::order::OrderStatus::Paid, "payment succeeded")
        .await
        .unwrap();
    tx.commit().await.unwrap();

    // A restarted server's reconciliation, run twice as overlapping workers might.
    let ctx = services::AppContext::new(pool.clone());
    let (a, b) = tokio::join!(
        services::scheduler::reconcile(&ctx),
        services::scheduler::reconcile(&ctx)
    );
    a.unwrap();
    b.unwrap();
    assert_eq!(status(&pool, order).await, "fulfilled");
    // The crash left the payment's ledger entry unwritten; reconciliation delivers, it does not pay.
    let delivered = deliveries(&pool, order).await;
    assert_eq!(
        (
            delivered.bundles,
            delivered.receipt_mails,
            delivered.fulfilled_transitions
        ),
        (1, 1, 1)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn refunds_never_exceed_what_was_paid(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let admin = demo_session(&router, "admin@demo.roamdesk.test").await;
    let placed = place(&router, &pool, &anna, "", "key-refund11").await;
    let payment = payment_id_from(&placed);
    let order = order_of(&pool, payment).await;
    pay(&router, &anna, payment, "4242424242424242").await;
    let total: i64 = sqlx::query_scalar("SELECT total_minor FROM orders WHERE id = $1")
        .bind(order)
        .fetch_one(&pool)
        .await
        .unwrap();
    let id = order.to_string();
    let refund = |amount: String, who: String| {
        let (router, id) = (router.clone(), id.clone());
        async move {
            post_form(
                &router,
                HOST,
                "/api/orders/refund",
                Some(&who),
                IP,
                &[("id", &id), ("amount", &amount), ("reason", "customer changed plans")],
            )
            .await
        }
    };
    // A customer cannot refund.
    assert_eq!(refund("1.00".into(), anna.clone()).await.status, 403);
    let major = |minor: i64| format!("{}.{:02}", minor / 100, minor % 100);
    let over = refund(major(total + 1), admin.clone()).await;
    assert_eq!(over.status, 422, "{}", over.body);
    let part = refund("1.00".into(), admin.clone()).await;
    assert_eq!(part.status, 200, "{}", part.body);
    assert_eq!(status(&pool, order).await, "partially_refunded");
    let rest = total - 100;
    let too_much = refund(major(rest + 1), admin.clone()).await;
    assert_eq!(too_much.status, 422, "{}", too_much.body);
    let last = refund(major(rest), admin.clone()).await;
    assert_eq!(last.status, 200, "{}", last.body);
    assert_eq!(status(&pool, order).await, "refunded");
    let refunded: i64 = sqlx::query_scalar("SELECT refunded_minor FROM payments WHERE id = $1")
        .bind(payment)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(refunded, total);
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM outbox_emails WHERE kind = 'refund_issued' AND $1::uuid IS NOT NULL",
            order
        )
        .await,
        2
    );
    let balance: i64 = sqlx::query_scalar(
        "SELECT COALESCE(sum(e.amount_minor), 0)::bigint FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
         WHERE t.order_id = $1 AND e.account = 'sales:demo'",
    )
    .bind(order)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(balance, 0, "sales are back to zero after a full refund");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_last_use_of_a_promo_code_goes_to_one_of_two_racing_orders(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    sqlx::query(
        "INSERT INTO promo_codes (storefront_id, code, kind, percent_off, max_redemptions)
         SELECT id, 'LASTONE', 'percent', 50, 1 FROM storefronts WHERE slug = 'demo'",
    )
    .execute(&pool)
    .await
    .unwrap();
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let ben = demo_session(&router, "ben@demo.roamdesk.test").await;
    let ben_esim: Uuid = sqlx::query_scalar("SELECT id FROM esim_profiles WHERE nickname = 'Ben''s Pixel'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let ben_esim = ben_esim.to_string();
    let ben_form = [
        ("plan", "turkey-3gb-7d"),
        ("esim", ben_esim.as_str()),
        ("promo", "LASTONE"),
        ("request_key", "key-race-ben1"),
    ];
    let (a, b) = tokio::join!(
        place(&router, &pool, &anna, "LASTONE", "key-race-anna"),
        post_form(&router, HOST, "/api/checkout/place", Some(&ben), IP, &ben_form,)
    );
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 422], "{} / {}", a.body, b.body);
    let loser = if a.status == 422 { &a } else { &b };
    assert!(loser.body.contains("UsedUp"), "{}", loser.body);
    let (redemptions, rows): (i32, i64) = sqlx::query_as(
        "SELECT redemptions, (SELECT count(*) FROM promo_redemptions r WHERE r.promo_id = p.id) FROM promo_codes p WHERE code = 'LASTONE'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((redemptions, rows), (1, 1));
}

#[sqlx::test(migrations = "../migrations")]
async fn the_history_filters_and_exports_only_the_callers_orders(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let ben = demo_session(&router, "ben@demo.roamdesk.test").await;
    let paid = place(&router, &pool, &anna, "", "key-history1").await;
    let paid_payment = payment_id_from(&paid);
    pay(&router, &anna, paid_payment, "4242424242424242").await;
    let unpaid = place(&router, &pool, &anna, "", "key-history2").await;
    let unpaid_order = order_of(&pool, payment_id_from(&unpaid)).await;
    let paid_order = order_of(&pool, paid_payment).await;
    let (paid_no, unpaid_no) = (
        order_number(&pool, paid_order).await,
        order_number(&pool, unpaid_order).await,
    );

    let csv = "/orders/export.csv";
    let all = common::get_page_as(&router, csv, Some(&anna)).await;
    assert_eq!(all.status, 200);
    assert_eq!(all.headers["content-type"], "text/csv; charset=utf-8");
    let lines: Vec<&str> = all.body.lines().collect();
    assert_eq!(lines[0], "order,date,plan,esim,amount,refunded,currency,status,method");
    assert_eq!(lines.len(), 3, "{}", all.body);
    assert!(
        lines[2].starts_with(&format!("{paid_no},")) && lines[2].contains(",fulfilled,Visa ···4242 (test)"),
        "{}",
        lines[2]
    );
    assert!(
        lines[1].starts_with(&format!("{unpaid_no},")) && lines[1].contains(",awaiting_payment,"),
        "{}",
        lines[1]
    );

    let filtered = common::get_page_as(&router, &format!("{csv}?status=fulfilled"), Some(&anna)).await;
    assert_eq!(filtered.body.lines().count(), 2);
    let future = common::get_page_as(&router, &format!("{csv}?from=2099-01-01"), Some(&anna)).await;
    assert_eq!(future.body.lines().count(), 1);
    let bens = common::get_page_as(&router, csv, Some(&ben)).await;
    assert_eq!(bens.body.lines().count(), 1, "Ben sees none of Anna's orders");
    assert_eq!(common::get_page_as(&router, csv, None).await.status, 401);

    // Ben cannot open Anna's order either.
    let peek = post_form(
        &router,
        HOST,
        "/api/orders/get",
        Some(&ben),
        IP,
        &[("id", &paid_order.to_string())],
    )
    .await;
    assert_eq!(peek.status, 404);
    let receipt = common::get_page_as(&router, &format!("/orders/{paid_order}/receipt"), Some(&anna)).await;
    assert_eq!(receipt.status, 200);
    assert!(
        receipt.body.contains("Roamdesk Travel Ltd") && receipt.body.contains("GB000000000"),
        "the seller's details"
    );
}

/// The text a PDF shows, read back with printpdf's parser (through the font's /ToUnicode map).
fn pdf_text(bytes: &[u8]) -> String {
    use printpdf::{PdfDocument, PdfParseOptions};
    let doc = PdfDocument::parse(bytes, &PdfParseOptions::default(), &mut Vec::new()).expect("a readable PDF");
    doc.extract_text().concat().join("\n")
}

#[sqlx::test(migrations = "../migrations")]
async fn the_pdf_receipt_is_the_receipt_page_for_the_same_people(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let ben = demo_session(&router, "ben@demo.roamdesk.test").await;
    let placed = place(&router, &pool, &anna, "", "key-pdf").await;
    let payment = payment_id_from(&placed);
    pay(&router, &anna, payment, "4242424242424242").await;
    let order = order_of(&pool, payment).await;
    let number = order_number(&pool, order).await;

    let path = format!("/orders/{order}/receipt.pdf");

    let mine = common::get_page_as(&router, &path, Some(&anna)).await;
    assert_eq!(mine.status, 200, "{}", mine.body);
    assert_eq!(mine.headers["content-type"], "application/pdf");
    assert_eq!(mine.headers["cache-control"], "no-store");
    assert!(mine.bytes.starts_with(b"%PDF-"));
    let text = pdf_text(&mine.bytes);
    for expected in [
        format!("Receipt for order #{number}"),
        "Roamdesk Travel Ltd".to_string(),
        "Visa ···4242".to_string(),
        "anna@demo.roamdesk.test".to_string(),
    ] {
        assert!(text.contains(&expected), "{expected:?} not in the PDF:\n{text}");
    }

    // The reader's language, as on the page: Chinese text survives the font subsetting.
    let chinese = common::get_page_as(&router, &path, Some(&format!("{anna}; rd_lang=zh"))).await;
    assert_eq!(chinese.status, 200);
    let text = pdf_text(&chinese.bytes);
    assert!(text.contains(&format!("订单 #{number} 收据")), "{text}");

    assert_eq!(
        common::get_page_as(&router, &path, Some(&ben)).await.status,
        404,
        "not Ben's order"
    );
    // Another reseller's agent, their session replayed on this shop's host, is nobody here.
    common::accounts::create_other_storefront(&pool).await;
    common::accounts::create_account(&pool, "other", "agent@other.test", "agent").await;
    let signed_in = sign_in(&router, "other.test", "agent@other.test", common::accounts::PASSWORD).await;
    let other_agent = session_cookie(&signed_in).unwrap();
    assert_eq!(
        common::get_page_as(&router, &path, Some(&other_agent)).await.status,
        404,
        "another shop's staff"
    );
    assert_eq!(
        common::get_page_as(&router, &path, None).await.status,
        401,
        "strangers are asked to sign in"
    );
    let nonsense = common::get_page_as(&router, "/orders/not-an-order/receipt.pdf", Some(&anna)).await;
    assert_eq!(nonsense.status, 404);
    let unknown = common::get_page_as(&router, &format!("/orders/{}/receipt.pdf", Uuid::new_v4()), Some(&anna)).await;
    assert_eq!(unknown.status, 404);
}

#[sqlx::test(migrations = "../migrations")]
async fn without_a_usable_font_the_pdf_says_so_and_the_page_still_works(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let placed = place(&router, &pool, &anna, "", "key-nofont").await;
    let order = order_of(&pool, payment_id_from(&placed)).await;
    // Cargo.toml is a file, but not a font.
    let no_font = services::AppContext::new(pool.clone())
        .with_receipt_font(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")));
    let router = common::router_with(no_font);
    let pdf = common::get_page_as(&router, &format!("/orders/{order}/receipt.pdf"), Some(&anna)).await;
    assert_eq!(pdf.status, 503);
    assert!(pdf.body.contains("print it instead"), "{}", pdf.body);
    let page = common::get_page_as(&router, &format!("/orders/{order}/receipt"), Some(&anna)).await;
    assert_eq!(page.status, 200);
}

#[sqlx::test(migrations = "../migrations")]
async fn cancelling_an_unpaid_order_gives_its_promo_use_back(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    sqlx::query(
        "INSERT INTO promo_codes (storefront_id, code, kind, percent_off, max_redemptions)
         SELECT id, 'ONLYONE', 'percent', 20, 1 FROM storefronts WHERE slug = 'demo'",
    )
    .execute(&pool)
    .await
    .unwrap();
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let placed = place(&router, &pool, &anna, "ONLYONE", "key-cancel01").await;
    let order = order_of(&pool, payment_id_from(&placed)).await;
    let used_up = place(&router, &pool, &anna, "ONLYONE", "key-cancel02").await;
    assert_eq!(used_up.status, 422);

    let ben = demo_session(&router, "ben@demo.roamdesk.test").await;
    let not_his = post_form(
        &router,
        HOST,
        "/api/orders/cancel",
        Some(&ben),
        IP,
        &[("id", &order.to_string())],
    )
    .await;
    assert_eq!(not_his.status, 404);
    let cancelled = post_form(
        &router,
        HOST,
        "/api/orders/cancel",
        Some(&anna),
        IP,
        &[("id", &order.to_string())],
    )
    .await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert_eq!(status(&pool, order).await, "cancelled");
    let again = post_form(
        &router,
        HOST,
        "/api/orders/cancel",
        Some(&anna),
        IP,
        &[("id", &order.to_string())],
    )
    .await;
    assert_eq!(again.status, 200, "cancelling twice is harmless");
    let redemptions: i32 = sqlx::query_scalar("SELECT redemptions FROM promo_codes WHERE code = 'ONLYONE'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(redemptions, 0);
    let reused = place(&router, &pool, &anna, "ONLYONE", "key-cancel03").await;
    assert_eq!(reused.status, 200, "{}", reused.body);
    // A cancelled order cannot be paid.
    let pay_cancelled = post_form(
        &router,
        HOST,
        "/api/orders/pay",
        Some(&anna),
        IP,
        &[("id", &order.to_string())],
    )
    .await;
    let url: String = serde_json::from_str(&pay_cancelled.body).unwrap();
    assert_eq!(
        url,
        format!("/orders/{order}"),
        "paying a cancelled order just shows it"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn reseller_admins_choose_payment_methods_and_receipt_details(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let admin = demo_session(&router, "admin@demo.roamdesk.test").await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let form = |card: bool| {
        let mut f = vec![
            ("legal_name", "Demo Travel GmbH"),
            ("address", "Hauptstr. 1, Berlin"),
            ("tax_id", "DE123"),
        ];
        f.push(("alipay", "on"));
        if card {
            f.push(("card", "on"));
        }
        f
    };
    let save = |cookie: String, fields: Vec<(&'static str, &'static str)>| {
        let router = router.clone();
        async move {
            post_form(
                &router,
                HOST,
                "/api/staff/payment-settings/save",
                Some(&cookie),
                IP,
                &fields,
            )
            .await
        }
    };
    assert_eq!(save(anna.clone(), form(true)).await.status, 403);
    let none = save(
        admin.clone(),
        vec![("legal_name", "X"), ("address", ""), ("tax_id", "")],
    )
    .await;
    assert_eq!(none.status, 422, "at least one method");
    let ok = save(admin.clone(), form(true)).await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    let (methods, legal): (Vec<String>, String) = sqlx::query_as(
        "SELECT methods, legal_name FROM storefront_payment_settings ps JOIN storefronts s ON s.id = ps.storefront_id WHERE s.slug = 'demo'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (methods, legal.as_str()),
        (vec!["card".to_string(), "alipay".to_string()], "Demo Travel GmbH")
    );
    let audited: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'payments.settings'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(audited, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_lookup_code_lets_a_customer_renew_that_esim_without_signing_in(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let (iccid, esim): (String, Uuid) =
        sqlx::query_as("SELECT iccid, id FROM esim_profiles WHERE nickname = 'Anna''s iPhone'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let other = esim_by_nickname(&pool, "Travel iPad").await;
    let asked = post_form(
        &router,
        HOST,
        "/api/esims/lookup",
        None,
        IP,
        &[("identifier", &iccid), ("email", "anna@demo.roamdesk.test")],
    )
    .await;
    let cookie = session_cookie(&asked).unwrap();
    let body: String = sqlx::query_scalar("SELECT body_text FROM outbox_emails WHERE kind = 'esim_lookup_code'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let start = body.find(|c: char| c.is_ascii_digit()).unwrap();
    let code = &body[start..start + 6];
    let opened = post_form(
        &router,
        HOST,
        "/api/esims/lookup/code",
        Some(&cookie),
        IP,
        &[("code", code)],
    )
    .await;
    assert_eq!(opened.status, 200, "{}", opened.body);

    // Not the eSIM the code opened: 404.
    let elsewhere = post_form(
        &router,
        HOST,
        "/api/checkout/place",
        Some(&cookie),
        IP,
        &[
            ("plan", "russia-5gb-15d"),
            ("esim", &other.to_string()),
            ("request_key", "key-guest-002"),
        ],
    )
    .await;
    assert_eq!(elsewhere.status, 404, "{}", elsewhere.body);
    // No eSIM at all (a new one) needs an account.
    let new_esim = post_form(
        &router,
        HOST,
        "/api/checkout/place",
        Some(&cookie),
        IP,
        &[("plan", "japan-3gb-7d"), ("request_key", "key-guest-003")],
    )
    .await;
    assert_eq!(new_esim.status, 401);

    let placed = post_form(
        &router,
        HOST,
        "/api/checkout/place",
        Some(&cookie),
        IP,
        &[
            ("plan", "china-10gb-30d"),
            ("esim", &esim.to_string()),
            ("request_key", "key-guest-001"),
        ],
    )
    .await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let payment = payment_id_from(&placed);
    pay(&router, &cookie, payment, "4242424242424242").await;
    let order = order_of(&pool, payment).await;
    assert_eq!(status(&pool, order).await, "fulfilled");
    let email: String = sqlx::query_scalar("SELECT email FROM orders WHERE id = $1")
        .bind(order)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        email, "anna@demo.roamdesk.test",
        "the receipt goes to the address on file"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn two_refunds_at_once_cannot_together_exceed_the_payment(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let placed = place(&router, &pool, &anna, "", "key-refund-race").await;
    let payment = payment_id_from(&placed);
    let order = order_of(&pool, payment).await;
    pay(&router, &anna, payment, "4242424242424242").await;
    let total: i64 = sqlx::query_scalar("SELECT total_minor FROM orders WHERE id = $1")
        .bind(order)
        .fetch_one(&pool)
        .await
        .unwrap();
    let ctx = services::AppContext::new(pool.clone());
    // Each asks for more than half: only one can succeed.
    let half_plus = total / 2 + 1;
    let (a, b) = tokio::join!(
        services::orders::refund::refund(&ctx, order, half_plus, "first", None),
        services::orders::refund::refund(&ctx, order, half_plus, "second", None)
    );
    assert_eq!(
        [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(),
        1,
        "{a:?} / {b:?}"
    );
    let refunded: i64 = sqlx::query_scalar("SELECT refunded_minor FROM payments WHERE id = $1")
        .bind(payment)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(refunded, half_plus);
    assert_eq!(status(&pool, order).await, "partially_refunded");
}

/// A crash between opening a payment and its checkout leaves a payment without a page: paying
/// again resumes that payment instead of adding one, or replaces it once it is too old to
/// resume. Many clicks on "pay" at once open one payment, not one each.
#[sqlx::test(migrations = "../migrations")]
async fn paying_again_resumes_a_half_opened_payment_and_many_clicks_open_one(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let anna = demo_session(&router, "anna@demo.roamdesk.test").await;
    let first = payment_id_from(&place(&router, &pool, &anna, "", "key-resume").await);
    let order = order_of(&pool, first).await;
    let half_open = |payment: Uuid, age_minutes: i32| {
        let pool = pool.clone();
        async move {
            sqlx::query(
                "UPDATE payments SET provider_ref = NULL, checkout_url = NULL,
                        created_at = now() - make_interval(mins => $2) WHERE id = $1",
            )
            .bind(payment)
            .bind(age_minutes)
            .execute(&pool)
            .await
            .unwrap();
        }
    };
    let payments = |status: &'static str| {
        let pool = pool.clone();
        async move {
            count(
                &pool,
                &format!("SELECT count(*) FROM payments WHERE order_id = $1 AND status = '{status}'"),
                order,
            )
            .await
        }
    };

    half_open(first, 1).await;
    let resumed = payment_id_from(&place(&router, &pool, &anna, "", "key-resume").await);
    assert_eq!(resumed, first, "the half-opened payment is resumed");
    assert_eq!(payments("pending").await, 1);
    assert_eq!(provider_ref(&pool, first).await, format!("test_{}", first.simple()));

    half_open(first, 60).await;
    let replaced = payment_id_from(&place(&router, &pool, &anna, "", "key-resume").await);
    assert_ne!(replaced, first, "too old to resume: a new payment");
    assert_eq!(payments("pending").await, 1);
    assert_eq!(payments("cancelled").await, 1, "the old one can never be paid");

    // The same order with no payment yet, and eight clicks at once.
    sqlx::query("DELETE FROM payments WHERE order_id = $1")
        .bind(order)
        .execute(&pool)
        .await
        .unwrap();
    let ctx = services::AppContext::new(pool.clone());
    let storefront = services::storefronts::find_for_host(&pool, None, "demo")
        .await
        .unwrap()
        .unwrap();
    let clicks: Vec<_> = (0..8)
        .map(|_| {
            let (ctx, storefront) = (ctx.clone(), storefront.clone());
            tokio::spawn(async move {
                services::payments::checkout::start_payment(&ctx, &storefront, order)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut pages = Vec::new();
    for click in clicks {
        pages.push(click.await.unwrap());
    }
    pages.dedup();
    assert_eq!(pages.len(), 1, "every click gets the same page: {pages:?}");
    assert_eq!(payments("pending").await, 1, "one payment for eight clicks");
}

/// Placing and paying never holds one pooled connection while waiting for another (the
/// built-in provider answers from the same pool), so even a pool of two serves many renewals
/// at once; holding one and waiting once ran a pool of ten dry under load.
#[sqlx::test(migrations = "../migrations")]
async fn many_renewals_at_once_fit_in_a_pool_of_two(pool: PgPool) {
    let (_router, pool) = demo_router_and_pool(pool).await;
    let small = sqlx::postgres::PgPoolOptions::new()
        .max_connections(2)
        .acquire_timeout(std::time::Duration::from_secs(3))
        .connect_with((*pool.connect_options()).clone())
        .await
        .unwrap();
    let ctx = services::AppContext::new(small);
    let storefront = services::storefronts::find_for_host(&pool, None, "demo")
        .await
        .unwrap()
        .unwrap();
    let esim = iphone(&pool).await;
    let customer: Uuid = sqlx::query_scalar("SELECT id FROM customers WHERE email = 'anna@demo.roamdesk.test'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let renewals: Vec<_> = (0..12)
        .map(|i| {
            let (ctx, storefront) = (ctx.clone(), storefront.clone());
            tokio::spawn(async move {
                let key = format!("small-pool-{i}");
                let order = services::orders::create::create(
                    &ctx.pool,
                    ctx.provider.as_ref(),
                    annas_order(storefront.id, customer, "china-10gb-30d", Some(esim), &key),
                )
                .await
                .expect("placed");
                services::payments::checkout::start_payment(&ctx, &storefront, order.id)
                    .await
                    .expect("payment opened");
                order.number
            })
        })
        .collect();
    let mut numbers = Vec::new();
    for renewal in renewals {
        numbers.push(renewal.await.unwrap());
    }
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 12, "each order has its own number");
}
