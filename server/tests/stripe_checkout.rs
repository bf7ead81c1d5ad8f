//! Checkout through the project's real async-stripe code against the Stripe emulator
//! (localstripe plus our compatibility layer): sessions, signed webhooks delivered over HTTP,
//! duplicates, unknown orders, bad signatures, declines, a restart, reconciliation and refunds.
mod common;

use common::accounts::{post_form, session_cookie, sign_in};
use common::orders::{Deliveries, deliveries, esim_by_nickname};
use common::stripe::{Emulator, SECRET_KEY, WEBHOOK_SECRET, eventually, serve};
use serde_json::Value;
use services::AppContext;
use services::payment_gateways::stripe_gateway::StripeGateway;
use services::payments::inbox;
use sqlx::PgPool;
use std::sync::Arc;
use uuid::Uuid;

const HOST: &str = "localhost:3000";
const IP: &str = "198.51.100.40";
const PAYS: &str = "4242424242424242";
const DECLINES: &str = "4000000000000002";

struct Shop {
    emulator: Emulator,
    router: axum::Router,
    ctx: AppContext,
    pool: PgPool,
    server: tokio::task::JoinHandle<()>,
    stop_worker: Option<tokio::sync::watch::Sender<bool>>,
}

impl Shop {
    /// Demo data, a Stripe-backed context, the router on a TCP port with the emulator's
    /// webhooks pointed at it, and (when `worker`) the real payment worker running.
    async fn open(pool: PgPool, worker: bool) -> Shop {
        assert!(server::demo::load_if_empty(&pool).await.unwrap());
        let pool = common::own_pool(&pool).await;
        let emulator = Emulator::start().await;
        let gateway = StripeGateway::new(SECRET_KEY, WEBHOOK_SECRET, Some(&emulator.base)).unwrap();
        let ctx = AppContext::new(pool.clone()).with_payments(Arc::new(gateway));
        let router = common::router_with(ctx.clone());
        let (addr, server) = serve(router.clone()).await;
        let webhook_url = format!("http://{addr}/webhooks/stripe");
        emulator.deliver_webhooks_to(&webhook_url).await;
        let stop_worker = worker.then(|| {
            let (stop, stopped) = tokio::sync::watch::channel(false);
            server::workers::spawn_payment_worker(ctx.clone(), stopped);
            stop
        });
        Shop {
            emulator,
            router,
            ctx,
            pool,
            server,
            stop_worker,
        }
    }

    async fn customer(&self, email: &str) -> String {
        let answer = sign_in(&self.router, HOST, email, "roamdesk-demo").await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        session_cookie(&answer).unwrap()
    }

    /// Places a renewal of Anna's iPhone; returns the order and the Checkout Session id.
    async fn place_renewal(&self, cookie: &str, promo: &str, key: &str) -> (Uuid, String) {
        let esim = esim_by_nickname(&self.pool, "Anna's iPhone").await;
        let answer = post_form(
            &self.router,
            HOST,
            "/api/checkout/place",
            Some(cookie),
            IP,
            &[
                ("plan", "china-10gb-30d"),
                ("esim", &esim.to_string()),
                ("promo", promo),
                ("request_key", key),
            ],
        )
        .await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        let url: String = serde_json::from_str(&answer.body).unwrap();
        self.session_of_url(&url)
            .await
            .unwrap_or_else(|| panic!("not a Checkout Session URL: {url}"))
    }

    async fn session_of_url(&self, url: &str) -> Option<(Uuid, String)> {
        let session = url
            .strip_prefix(&format!("{}checkout/", self.emulator.base))?
            .to_string();
        let order = sqlx::query_scalar("SELECT order_id FROM payments WHERE provider_ref = $1")
            .bind(&session)
            .fetch_one(&self.pool)
            .await
            .unwrap();
        Some((order, session))
    }

    async fn status(&self, order: Uuid) -> String {
        sqlx::query_scalar("SELECT status::text FROM orders WHERE id = $1")
            .bind(order)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    async fn wait_for_status(&self, order: Uuid, want: &str) {
        eventually(&format!("order {want}"), || async { self.status(order).await == want }).await;
    }

    async fn count(&self, sql: &str, id: Uuid) -> i64 {
        sqlx::query_scalar(sql).bind(id).fetch_one(&self.pool).await.unwrap()
    }

    async fn deliveries(&self, order: Uuid) -> Deliveries {
        deliveries(&self.pool, order).await
    }

    /// A Checkout Session no order knows, expired: its event is the last in the emulator's
    /// delivery queue, so once it is stored every earlier delivery has been made.
    async fn stranger_session_expired(&self) -> String {
        let form = [
            ("mode", "payment"),
            ("line_items[0][price_data][currency]", "usd"),
            ("line_items[0][price_data][unit_amount]", "100"),
            ("line_items[0][price_data][product_data][name]", "Not ours"),
            ("line_items[0][quantity]", "1"),
            ("success_url", "http://127.0.0.1/done"),
        ]
        .iter()
        .map(|(k, v)| format!("{}={}", common::accounts::urlencode(k), common::accounts::urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
        let (status, body) = self.emulator.post("/v1/checkout/sessions", &form).await;
        assert_eq!(status, 200, "{body}");
        let session = serde_json::from_str::<Value>(&body).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        let (status, body) = self
            .emulator
            .post(&format!("/v1/checkout/sessions/{session}/expire"), "")
            .await;
        assert_eq!(status, 200, "{body}");
        eventually("the stranger's event is stored", || async {
            sqlx::query_scalar::<_, i64>(
                "SELECT count(*) FROM payment_events WHERE payload->'data'->'object'->>'id' = $1",
            )
            .bind(&session)
            .fetch_one(&self.pool)
            .await
            .unwrap()
                == 1
        })
        .await;
        session
    }

    async fn post_webhook(&self, body: &str, signature: Option<&str>) -> common::Answer {
        let mut req = http::Request::post("/webhooks/stripe")
            .header("host", HOST)
            .header("content-type", "application/json");
        if let Some(sig) = signature {
            req = req.header("stripe-signature", sig);
        }
        common::send(
            &self.router,
            req.body(axum::body::Body::from(body.to_string())).unwrap(),
        )
        .await
    }

    async fn close(mut self) {
        if let Some(stop) = self.stop_worker.take() {
            let _ = stop.send(true);
        }
        self.server.abort();
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_stripe_checkout_is_fulfilled_once_however_often_its_webhook_arrives(pool: PgPool) {
    let shop = Shop::open(pool, true).await;
    let anna = shop.customer("anna@demo.roamdesk.test").await;
    let (order, session) = shop.place_renewal(&anna, "WELCOME10", "stripe-key-1").await;

    // The session Stripe holds is the quoted total, tied to our order.
    let (status, body) = shop.emulator.get(&format!("/v1/checkout/sessions/{session}")).await;
    assert_eq!(status, 200, "{body}");
    let remote: Value = serde_json::from_str(&body).unwrap();
    let (total, currency): (i64, String) = sqlx::query_as("SELECT total_minor, currency FROM orders WHERE id = $1")
        .bind(order)
        .fetch_one(&shop.pool)
        .await
        .unwrap();
    assert_eq!(remote["amount_total"].as_i64(), Some(total));
    assert_eq!(remote["currency"].as_str(), Some(currency.to_lowercase().as_str()));
    assert_eq!(remote["client_reference_id"].as_str(), Some(order.to_string().as_str()));
    // A second submit of the same form reuses the order and its checkout.
    let (again, same_session) = shop.place_renewal(&anna, "WELCOME10", "stripe-key-1").await;
    assert_eq!((again, same_session.as_str()), (order, session.as_str()));

    let (status, body) = shop.emulator.complete(&session, PAYS).await;
    assert_eq!(status, 200, "{body}");
    shop.wait_for_status(order, "fulfilled").await;
    let method: String =
        sqlx::query_scalar("SELECT method_summary FROM payments WHERE order_id = $1 AND status = 'succeeded'")
            .bind(order)
            .fetch_one(&shop.pool)
            .await
            .unwrap();
    assert_eq!(method, "Visa ···4242");
    assert_eq!(shop.deliveries(order).await, Deliveries::ONCE);

    // Stripe delivers the completion twice more.
    let completed: String = sqlx::query_scalar(
        "SELECT event_id FROM payment_events WHERE order_id = $1 AND event_type = 'checkout.session.completed'",
    )
    .bind(order)
    .fetch_one(&shop.pool)
    .await
    .unwrap();
    for _ in 0..2 {
        let (status, body) = shop.emulator.resend(&completed).await;
        assert_eq!(status, 200, "{body}");
    }
    // An event for a session no order knows: stored, and ignored.
    let stranger = shop.stranger_session_expired().await;
    eventually("the stranger's event is processed", || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM payment_events WHERE payload->'data'->'object'->>'id' = $1 AND processed_at IS NOT NULL",
        )
        .bind(&stranger)
        .fetch_one(&shop.pool)
        .await
        .unwrap()
            == 1
    })
    .await;
    let (order_id, note): (Option<Uuid>, Option<String>) =
        sqlx::query_as("SELECT order_id, last_error FROM payment_events WHERE payload->'data'->'object'->>'id' = $1")
            .bind(&stranger)
            .fetch_one(&shop.pool)
            .await
            .unwrap();
    assert_eq!(order_id, None);
    assert!(note.unwrap().contains("unknown payment"));
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM payment_events WHERE event_id = $1")
        .bind(&completed)
        .fetch_one(&shop.pool)
        .await
        .unwrap();
    assert_eq!(stored, 1, "the resent event is stored once");

    // The same signed delivery 50 times at once, straight to the endpoint.
    let payload: Value = sqlx::query_scalar("SELECT payload FROM payment_events WHERE event_id = $1")
        .bind(&completed)
        .fetch_one(&shop.pool)
        .await
        .unwrap();
    let body = payload.to_string();
    let signature = stripe_webhook::Webhook::generate_test_header(&body, WEBHOOK_SECRET, None);
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let (router, body, signature, ctx) = (shop.router.clone(), body.clone(), signature.clone(), shop.ctx.clone());
        tasks.push(tokio::spawn(async move {
            let req = http::Request::post("/webhooks/stripe")
                .header("host", HOST)
                .header("stripe-signature", signature)
                .body(axum::body::Body::from(body))
                .unwrap();
            let answer = common::send(&router, req).await;
            inbox::process_pending(&ctx, 10).await.unwrap();
            answer.status
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 200);
    }
    assert_eq!(shop.deliveries(order).await, Deliveries::ONCE);
    assert_eq!(shop.status(order).await, "fulfilled");
    shop.close().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_webhook_with_a_bad_signature_is_refused_and_not_stored(pool: PgPool) {
    let shop = Shop::open(pool, false).await;
    let body = r#"{"id":"evt_forged","object":"event","api_version":"2026-09-30.endive","created":1,"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"checkout.session.completed","data":{"object":{"object":"checkout.session","id":"cs_test_forged"}}}"#;
    let other_key = stripe_webhook::Webhook::generate_test_header(body, "whsec_someone_else", None);
    let good = stripe_webhook::Webhook::generate_test_header(body, WEBHOOK_SECRET, None);
    let old = stripe_webhook::Webhook::generate_test_header(
        body,
        WEBHOOK_SECRET,
        Some(chrono::Utc::now().timestamp() - 3600),
    );
    for (signature, what) in [
        (None, "no signature"),
        (Some(other_key.as_str()), "another key"),
        (Some(old.as_str()), "an old timestamp (a replay)"),
        (Some("t=1,v1=00"), "garbage"),
    ] {
        let answer = shop.post_webhook(body, signature).await;
        assert_eq!(answer.status, 400, "{what}: {}", answer.body);
    }
    // The body changed after signing.
    let tampered = body.replace("cs_test_forged", "cs_test_other");
    assert_eq!(shop.post_webhook(&tampered, Some(&good)).await.status, 400);
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM payment_events")
        .fetch_one(&shop.pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);
    // The same body, correctly signed, is accepted and stored.
    assert_eq!(shop.post_webhook(body, Some(&good)).await.status, 200);
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM payment_events WHERE event_id = 'evt_forged'")
        .fetch_one(&shop.pool)
        .await
        .unwrap();
    assert_eq!(stored, 1);
    shop.close().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_declined_card_on_stripe_changes_nothing_and_a_new_attempt_closes_the_old_page(pool: PgPool) {
    let shop = Shop::open(pool, true).await;
    let anna = shop.customer("anna@demo.roamdesk.test").await;
    let (order, session) = shop.place_renewal(&anna, "", "stripe-key-2").await;
    let (status, body) = shop.emulator.complete(&session, DECLINES).await;
    assert_eq!(status, 402, "{body}");
    eventually("the decline is recorded", || async {
        shop.count(
            "SELECT count(*) FROM payments WHERE order_id = $1 AND status = 'failed' AND failure_reason = 'generic_decline'",
            order,
        )
        .await
            + shop
                .count(
                    "SELECT count(*) FROM payments WHERE order_id = $1 AND status = 'failed' AND failure_reason = 'card_declined'",
                    order,
                )
                .await
            == 1
    })
    .await;
    assert_eq!(shop.status(order).await, "awaiting_payment");
    assert_eq!(shop.deliveries(order).await, Deliveries::NONE);
    // The order page says what happened.
    let page = common::get_page_as(&shop.router, &format!("/orders/{order}"), Some(&anna)).await;
    assert!(page.body.contains("declined"), "{}", page.body);

    // Paying again opens a new checkout and closes the old one, so it cannot take money too.
    let answer = post_form(
        &shop.router,
        HOST,
        "/api/orders/pay",
        Some(&anna),
        IP,
        &[("id", &order.to_string())],
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let url: String = serde_json::from_str(&answer.body).unwrap();
    let (_, second) = shop.session_of_url(&url).await.expect("a new Checkout Session");
    assert_ne!(second, session);
    let (_, body) = shop.emulator.get(&format!("/v1/checkout/sessions/{session}")).await;
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap()["status"], "expired");
    let (status, _) = shop.emulator.complete(&session, PAYS).await;
    assert_ne!(status, 200, "the closed page takes no money");

    let (status, body) = shop.emulator.complete(&second, PAYS).await;
    assert_eq!(status, 200, "{body}");
    shop.wait_for_status(order, "fulfilled").await;
    assert_eq!(shop.deliveries(order).await, Deliveries::ONCE);
    shop.close().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_server_killed_before_fulfilment_fulfils_once_after_restart(pool: PgPool) {
    // No worker: the server stores Stripe's events, then dies before handling them.
    let shop = Shop::open(pool, false).await;
    let anna = shop.customer("anna@demo.roamdesk.test").await;
    let (stored_order, stored_session) = shop.place_renewal(&anna, "", "stripe-key-3").await;
    let (status, _) = shop.emulator.complete(&stored_session, PAYS).await;
    assert_eq!(status, 200);
    eventually("the completion is stored", || async {
        shop.count(
            "SELECT count(*) FROM payment_events WHERE order_id = $1 AND event_type = 'checkout.session.completed'",
            stored_order,
        )
        .await
            == 1
    })
    .await;
    assert_eq!(shop.status(stored_order).await, "awaiting_payment");

    // A second order is paid while the server is down: its webhooks never arrive.
    let (lost_order, lost_session) = shop.place_renewal(&anna, "", "stripe-key-4").await;
    shop.server.abort();
    let (status, _) = shop.emulator.complete(&lost_session, PAYS).await;
    assert_eq!(status, 200);
    // Stripe gives up retrying long before the reconciliation's one-minute grace is over.
    sqlx::query("UPDATE payments SET created_at = now() - interval '5 minutes' WHERE order_id = $1")
        .bind(lost_order)
        .execute(&shop.pool)
        .await
        .unwrap();

    // The restarted server: a new context and two workers racing (as after a rolling restart).
    let gateway = StripeGateway::new(SECRET_KEY, WEBHOOK_SECRET, Some(&shop.emulator.base)).unwrap();
    let restarted = AppContext::new(shop.pool.clone()).with_payments(Arc::new(gateway));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let a = server::workers::spawn_payment_worker(restarted.clone(), stopped.clone());
    let b = server::workers::spawn_payment_worker(restarted.clone(), stopped);
    shop.wait_for_status(stored_order, "fulfilled").await;
    shop.wait_for_status(lost_order, "fulfilled").await;
    let _ = stop.send(true);
    a.await.unwrap();
    b.await.unwrap();
    assert_eq!(shop.deliveries(stored_order).await, Deliveries::ONCE);
    assert_eq!(shop.deliveries(lost_order).await, Deliveries::ONCE);
    // And a later reconciliation finds nothing more to do.
    assert_eq!(services::scheduler::reconcile(&restarted).await.unwrap(), 0);
    assert_eq!(shop.deliveries(lost_order).await, Deliveries::ONCE);
    shop.close().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn refunds_go_through_stripe_and_never_exceed_the_payment(pool: PgPool) {
    let shop = Shop::open(pool, true).await;
    let anna = shop.customer("anna@demo.roamdesk.test").await;
    let (order, session) = shop.place_renewal(&anna, "", "stripe-key-5").await;
    let (status, _) = shop.emulator.complete(&session, PAYS).await;
    assert_eq!(status, 200);
    shop.wait_for_status(order, "fulfilled").await;
    let total: i64 = sqlx::query_scalar("SELECT total_minor FROM orders WHERE id = $1")
        .bind(order)
        .fetch_one(&shop.pool)
        .await
        .unwrap();

    let admin = shop.customer("admin@demo.roamdesk.test").await;
    let refund = |amount: String| {
        let (router, admin) = (shop.router.clone(), admin.clone());
        async move {
            post_form(
                &router,
                HOST,
                "/api/orders/refund",
                Some(&admin),
                IP,
                &[
                    ("id", &order.to_string()),
                    ("amount", &amount),
                    ("reason", "customer changed plans"),
                ],
            )
            .await
        }
    };
    let answer = refund("1.00".into()).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let too_much = format!("{}.{:02}", total / 100, total % 100);
    let answer = refund(too_much).await;
    assert_eq!(answer.status, 422, "{}", answer.body);

    // Stripe holds exactly one refund of 1.00 against the payment.
    let refund_ref: String =
        sqlx::query_scalar("SELECT provider_ref FROM refunds WHERE order_id = $1 AND status = 'succeeded'")
            .bind(order)
            .fetch_one(&shop.pool)
            .await
            .unwrap();
    assert!(refund_ref.starts_with("re_"), "{refund_ref}");
    let (status, body) = shop.emulator.get(&format!("/v1/refunds/{refund_ref}")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap()["amount"], 100);
    assert_eq!(shop.status(order).await, "partially_refunded");
    shop.close().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn the_page_a_customer_returns_to_asks_stripe_before_the_webhook_is_handled(pool: PgPool) {
    // No worker: the webhook is stored but nobody has handled it yet.
    let shop = Shop::open(pool, false).await;
    let anna = shop.customer("anna@demo.roamdesk.test").await;
    let (order, session) = shop.place_renewal(&anna, "", "stripe-key-6").await;
    let (status, _) = shop.emulator.complete(&session, DECLINES).await;
    assert_eq!(status, 402);
    let (status, _) = shop.emulator.complete(&session, PAYS).await;
    assert_eq!(status, 200, "a second card on the same page pays");

    // Without the return flag the page shows what we knew: still awaiting payment.
    let page = |query: &'static str| {
        let (router, anna) = (shop.router.clone(), anna.clone());
        async move { common::get_page_as(&router, &format!("/orders/{order}{query}"), Some(&anna)).await }
    };
    assert_eq!(shop.status(order).await, "awaiting_payment");
    let back = page("?returned=1").await;
    assert_eq!(back.status, 200);
    assert_eq!(shop.status(order).await, "fulfilled");
    assert!(back.body.contains("data-testid=\"order-status\""), "{}", back.body);
    assert!(
        !back.body.contains("declined"),
        "the earlier decline is history: {}",
        back.body
    );
    // The webhooks handled afterwards change nothing.
    inbox::process_pending(&shop.ctx, 100).await.unwrap();
    assert_eq!(shop.deliveries(order).await, Deliveries::ONCE);
    shop.close().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_refund_stripe_did_not_answer_is_sent_again_with_the_same_key_and_happens_once(pool: PgPool) {
    use services::orders::{OrderError, refund};
    let shop = Shop::open(pool, true).await;
    let anna = shop.customer("anna@demo.roamdesk.test").await;
    let (order, session) = shop.place_renewal(&anna, "", "stripe-key-7").await;
    assert_eq!(shop.emulator.complete(&session, PAYS).await.0, 200);
    shop.wait_for_status(order, "fulfilled").await;

    // Stripe unreachable: the refund stays pending, and its amount stays reserved.
    let nowhere = StripeGateway::new(SECRET_KEY, WEBHOOK_SECRET, Some("http://127.0.0.1:9/")).unwrap();
    let cut_off = AppContext::new(shop.pool.clone()).with_payments(Arc::new(nowhere));
    let answer = refund::refund(&cut_off, order, 150, "network trouble", None).await;
    assert!(matches!(answer, Err(OrderError::RefundPending)), "{answer:?}");
    let (refund_id, status): (Uuid, String) =
        sqlx::query_as("SELECT id, status::text FROM refunds WHERE order_id = $1")
            .bind(order)
            .fetch_one(&shop.pool)
            .await
            .unwrap();
    assert_eq!(status, "pending");
    let reserved: i64 =
        sqlx::query_scalar("SELECT refunded_minor FROM payments WHERE order_id = $1 AND status = 'succeeded'")
            .bind(order)
            .fetch_one(&shop.pool)
            .await
            .unwrap();
    assert_eq!(reserved, 150);

    // Suppose Stripe did refund and only its answer was lost.
    let gateway = StripeGateway::new(SECRET_KEY, WEBHOOK_SECRET, Some(&shop.emulator.base)).unwrap();
    use services::payment_gateways::PaymentGateway;
    let money = domain::money::Money::new(150, domain::money::Currency::from_code("USD").unwrap());
    gateway
        .refund(&session, money, &format!("refund:{refund_id}"))
        .await
        .unwrap();

    // The reconciliation sends it again, with the same key: Stripe replays, nothing more is refunded.
    sqlx::query("UPDATE refunds SET created_at = now() - interval '2 minutes' WHERE id = $1")
        .bind(refund_id)
        .execute(&shop.pool)
        .await
        .unwrap();
    let (a, b) = tokio::join!(refund::retry_pending(&shop.ctx), refund::retry_pending(&shop.ctx));
    assert!(a.unwrap() + b.unwrap() >= 1);
    let status: String = sqlx::query_scalar("SELECT status::text FROM refunds WHERE id = $1")
        .bind(refund_id)
        .fetch_one(&shop.pool)
        .await
        .unwrap();
    assert_eq!(status, "succeeded");
    let (_, body) = shop.emulator.get(&format!("/v1/checkout/sessions/{session}")).await;
    let intent = serde_json::from_str::<Value>(&body).unwrap()["payment_intent"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, body) = shop
        .emulator
        .get(&format!("/v1/payment_intents/{intent}?expand[]=latest_charge"))
        .await;
    let charge = &serde_json::from_str::<Value>(&body).unwrap()["latest_charge"];
    assert_eq!(charge["amount_refunded"], 150, "{body}");
    assert_eq!(shop.status(order).await, "partially_refunded");
    let refund_entries: i64 =
        sqlx::query_scalar("SELECT count(*) FROM ledger_transactions WHERE order_id = $1 AND kind = 'refund'")
            .bind(order)
            .fetch_one(&shop.pool)
            .await
            .unwrap();
    assert_eq!(refund_entries, 1);
    let mails: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox_emails WHERE kind = 'refund_issued' AND dedupe_key = 'refund:' || $1::text",
    )
    .bind(refund_id)
    .fetch_one(&shop.pool)
    .await
    .unwrap();
    assert_eq!(mails, 1);
    shop.close().await;
}
