//! Payments and their events. A payment is opened with the provider; the provider's events (or
//! the test page's choice) are stored once by id and processed by a worker, which asks the
//! provider for the payment's state and moves the order forward — never backward, never twice.
use super::{OrderError, fulfil, ledger, transition};
use crate::domain::money::{Currency, Money};
use crate::domain::order::{OrderStatus, TransitionCause};
use crate::ssr::AppContext;
use crate::ssr::payments::{CheckoutRequest, GatewayError, PaymentOutcome, PaymentRef};
use crate::ssr::storefront_repo::Storefront;
use sqlx::PgPool;
use uuid::Uuid;

pub const NOTIFY_CHANNEL: &str = "roamdesk_payments";

/// Opens (or re-opens) a checkout for an order awaiting payment; returns where to send the
/// customer. An order already paid sends them to its page.
pub async fn start_payment(ctx: &AppContext, storefront: &Storefront, order_id: Uuid) -> Result<String, OrderError> {
    let order_page = format!("/orders/{order_id}");
    let order = sqlx::query!(
        r#"SELECT order_number, email, status::text AS "status!", currency, total_minor, language,
                  quote->>'plan_name' AS plan_name
           FROM orders WHERE id = $1 AND storefront_id = $2"#,
        order_id,
        storefront.id
    )
    .fetch_optional(&ctx.pool)
    .await?
    .ok_or(OrderError::NotFound)?;
    if order.status != OrderStatus::AwaitingPayment.code() {
        return Ok(order_page);
    }
    if order.total_minor == 0 {
        // Fully discounted: nothing to pay, so straight to delivery.
        let mut tx = ctx.pool.begin().await?;
        transition::move_order(&mut tx, order_id, OrderStatus::Paid, TransitionCause::NothingToPay).await?;
        tx.commit().await?;
        fulfil::fulfil(ctx, order_id).await?;
        return Ok(order_page);
    }
    let gateway = ctx.payments.clone();
    // A checkout already open for this order is reused: a second click pays the same payment.
    if let Some(url) = sqlx::query_scalar!(
        r#"SELECT checkout_url AS "url!" FROM payments
           WHERE order_id = $1 AND provider = $2::text::payment_provider AND status = 'pending' AND checkout_url IS NOT NULL
           ORDER BY created_at DESC LIMIT 1"#,
        order_id,
        gateway.provider()
    )
    .fetch_optional(&ctx.pool)
    .await?
    {
        return Ok(url);
    }
    // An earlier attempt's page may still be open (a decline leaves Stripe's page open for
    // another card): close it first, so the order can never be paid twice.
    close_checkouts(ctx, order_id, &["failed"]).await?;
    let currency = Currency::from_code(&order.currency).ok_or(OrderError::NotPriced)?;
    let amount = Money::new(order.total_minor, currency);
    let payment_id = sqlx::query_scalar!(
        "INSERT INTO payments (order_id, provider, amount_minor, currency) VALUES ($1, $2::text::payment_provider, $3, $4) RETURNING id",
        order_id,
        gateway.provider(),
        amount.amount_minor,
        currency.code()
    )
    .fetch_one(&ctx.pool)
    .await?;
    let methods = sqlx::query_scalar!(
        "SELECT methods FROM storefront_payment_settings WHERE storefront_id = $1",
        storefront.id
    )
    .fetch_optional(&ctx.pool)
    .await?
    .unwrap_or_else(|| vec!["card".to_string()]);
    let base = crate::ssr::accounts::links::storefront_url(&ctx.public_url, storefront, "");
    let locale = order
        .language
        .as_deref()
        .and_then(crate::domain::locale::Locale::from_code)
        .unwrap_or(storefront.default_locale);
    // The line Stripe's page shows for what is bought.
    let description = crate::t!(
        locale,
        "orders-payment-description",
        item = order.plan_name.unwrap_or_else(|| crate::t!(locale, "orders-item-esim")),
        number = order.order_number
    );
    let started = gateway
        .start_checkout(CheckoutRequest {
            order_id,
            payment_id,
            order_number: order.order_number,
            amount,
            description: &description,
            customer_email: &order.email,
            success_url: format!("{base}/orders/{order_id}?returned=1"),
            cancel_url: format!("{base}/orders/{order_id}?cancelled=1"),
            methods,
            locale,
        })
        .await
        .map_err(|e| OrderError::Payment(e.to_string()))?;
    sqlx::query!(
        "UPDATE payments SET provider_ref = $2, checkout_url = $3, updated_at = now() WHERE id = $1",
        payment_id,
        started.provider_ref,
        started.url
    )
    .execute(&ctx.pool)
    .await?;
    Ok(started.url)
}

/// Closes the provider checkouts of an order's payments in the given states. Fails when one was
/// paid meanwhile, so the caller does not open another or cancel a paid order.
pub async fn close_checkouts(ctx: &AppContext, order_id: Uuid, statuses: &[&str]) -> Result<(), OrderError> {
    let statuses: Vec<String> = statuses.iter().map(|s| s.to_string()).collect();
    let open = sqlx::query!(
        r#"SELECT id, provider_ref AS "provider_ref!" FROM payments
           WHERE order_id = $1 AND provider = $2::text::payment_provider AND status::text = ANY($3)
             AND provider_ref IS NOT NULL AND NOT checkout_closed"#,
        order_id,
        ctx.payments.provider(),
        &statuses
    )
    .fetch_all(&ctx.pool)
    .await?;
    for payment in open {
        match ctx.payments.cancel_checkout(&payment.provider_ref).await {
            Ok(()) => {
                sqlx::query!("UPDATE payments SET checkout_closed = true WHERE id = $1", payment.id)
                    .execute(&ctx.pool)
                    .await?;
            }
            Err(GatewayError::Refused(_)) => return Err(OrderError::PaidMeanwhile),
            Err(e) => return Err(OrderError::Payment(e.to_string())),
        }
    }
    Ok(())
}

/// Stores a provider event once. Returns false for an event already stored.
pub async fn record_event(
    pool: &PgPool,
    provider: &str,
    event_id: &str,
    event_type: &str,
    payment: Option<&PaymentRef>,
    payload: &serde_json::Value,
) -> Result<bool, sqlx::Error> {
    let (provider_ref, payment_id) = payment.map(PaymentRef::keys).unwrap_or_default();
    let inserted = sqlx::query_scalar!(
        r#"INSERT INTO payment_events (provider, event_id, event_type, order_id, payload)
           VALUES ($1::text::payment_provider, $2, $3,
                   (SELECT order_id FROM payments WHERE provider = $1::text::payment_provider
                      AND (provider_ref = $4 OR id = $6)), $5)
           ON CONFLICT (provider, event_id) DO NOTHING RETURNING id"#,
        provider,
        event_id,
        event_type,
        provider_ref,
        payload,
        payment_id
    )
    .fetch_optional(pool)
    .await?;
    if inserted.is_some() {
        sqlx::query!("SELECT pg_notify('roamdesk_payments', '')")
            .execute(pool)
            .await?;
    }
    Ok(inserted.is_some())
}

/// Processes stored events, oldest first, one at a time under a row lock, so several workers
/// (or a worker and a retry) never handle the same event. Returns how many were handled.
pub async fn process_pending(ctx: &AppContext, limit: u32) -> Result<u32, sqlx::Error> {
    let mut handled = 0;
    while handled < limit {
        let mut tx = ctx.pool.begin().await?;
        let Some(event) = sqlx::query!(
            r#"SELECT id, provider::text AS "provider!", payload FROM payment_events
               WHERE processed_at IS NULL AND attempts < 20
               ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"#
        )
        .fetch_optional(&mut *tx)
        .await?
        else {
            break;
        };
        settle_locked(ctx, &mut tx, event.id, &event.provider, &event.payload).await?;
        tx.commit().await?;
        handled += 1;
    }
    Ok(handled)
}

/// Processes one stored event now, waiting for a worker that may hold it, so the answer to the
/// test provider's checkout shows the outcome. An event already processed is left alone.
pub async fn process_event_now(ctx: &AppContext, provider: &str, event_id: &str) -> Result<(), sqlx::Error> {
    let mut tx = ctx.pool.begin().await?;
    // FOR UPDATE waits for a worker's lock; PostgreSQL then re-checks `processed_at` on the row
    // the worker left, so an event it finished meanwhile is skipped here.
    let event = sqlx::query!(
        r#"SELECT id, provider::text AS "provider!", payload FROM payment_events
           WHERE provider = $1::text::payment_provider AND event_id = $2
             AND processed_at IS NULL AND attempts < 20
           FOR UPDATE"#,
        provider,
        event_id
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(event) = event {
        settle_locked(ctx, &mut tx, event.id, &event.provider, &event.payload).await?;
    }
    tx.commit().await
}

/// Handles an event whose row `tx` holds locked, and records the result on it: processed (with a
/// note when ignored), or one more failed attempt to retry later.
async fn settle_locked(
    ctx: &AppContext,
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    id: i64,
    provider: &str,
    payload: &serde_json::Value,
) -> Result<(), sqlx::Error> {
    match handle_event(ctx, provider, payload).await {
        Ok(note) => {
            sqlx::query!(
                "UPDATE payment_events SET processed_at = now(), attempts = attempts + 1, last_error = $2 WHERE id = $1",
                id,
                note
            )
            .execute(&mut **tx)
            .await?;
        }
        Err(e) => {
            tracing::warn!(event = id, error = %e, "processing a payment event failed; it will be retried");
            sqlx::query!(
                "UPDATE payment_events SET attempts = attempts + 1, last_error = $2 WHERE id = $1",
                id,
                e.to_string()
            )
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// Returns a note to keep with the event (why it was ignored), or an error to retry it.
async fn handle_event(
    ctx: &AppContext,
    provider: &str,
    payload: &serde_json::Value,
) -> Result<Option<String>, OrderError> {
    if provider != ctx.payments.provider() {
        return Ok(Some(format!("no {provider} gateway configured")));
    }
    let Some(payment_ref) = ctx.payments.payment_ref(payload) else {
        return Ok(Some("not about a payment".into()));
    };
    let (provider_ref, payment_id) = payment_ref.keys();
    let Some(payment) = sqlx::query!(
        r#"SELECT id, provider_ref AS "provider_ref!" FROM payments
           WHERE provider = $1::text::payment_provider AND provider_ref IS NOT NULL
             AND (provider_ref = $2 OR id = $3)"#,
        provider,
        provider_ref,
        payment_id
    )
    .fetch_optional(&ctx.pool)
    .await?
    else {
        return Ok(Some("unknown payment: stored and ignored".into()));
    };
    let payment_id = payment.id;
    let outcome = ctx
        .payments
        .outcome(&payment.provider_ref, Some(payload))
        .await
        .map_err(|e| OrderError::Payment(e.to_string()))?;
    apply_outcome(ctx, payment_id, outcome).await?;
    Ok(None)
}

/// Moves a payment and its order forward to match what the provider says.
pub async fn apply_outcome(ctx: &AppContext, payment_id: Uuid, outcome: PaymentOutcome) -> Result<(), OrderError> {
    let mut tx = ctx.pool.begin().await?;
    let payment = sqlx::query!(
        r#"SELECT p.order_id, p.status::text AS "status!", p.amount_minor, p.currency, p.provider::text AS "provider!",
                  o.storefront_id, s.slug
           FROM payments p JOIN orders o ON o.id = p.order_id JOIN storefronts s ON s.id = o.storefront_id
           WHERE p.id = $1 FOR UPDATE OF p"#,
        payment_id
    )
    .fetch_one(&mut *tx)
    .await?;
    let order_id = payment.order_id;
    let mut paid = false;
    match outcome {
        PaymentOutcome::Succeeded { method } => {
            if payment.status != "succeeded" {
                sqlx::query!(
                    "UPDATE payments SET status = 'succeeded', method_summary = $2, failure_reason = NULL, updated_at = now() WHERE id = $1",
                    payment_id,
                    method
                )
                .execute(&mut *tx)
                .await?;
            }
            let currency = Currency::from_code(&payment.currency).ok_or(OrderError::NotPriced)?;
            ledger::post(
                &mut tx,
                ledger::Posting {
                    storefront_id: payment.storefront_id,
                    order_id,
                    payment_id,
                    kind: "payment",
                    memo: "payment received",
                    idempotency_key: format!("payment:{payment_id}"),
                    debit: ledger::clearing_account(&payment.provider),
                    credit: ledger::sales_account(&payment.slug),
                    amount: Money::new(payment.amount_minor, currency),
                },
            )
            .await?;
            let status = sqlx::query_scalar!(r#"SELECT status::text AS "s!" FROM orders WHERE id = $1"#, order_id)
                .fetch_one(&mut *tx)
                .await?;
            if status == OrderStatus::AwaitingPayment.code() {
                transition::move_order(
                    &mut tx,
                    order_id,
                    OrderStatus::Paid,
                    TransitionCause::PaymentSucceeded { method: method.clone() },
                )
                .await?;
            } else if status == OrderStatus::Cancelled.code() {
                tracing::error!(order = %order_id, "a payment succeeded for a cancelled order; refund it from the order page");
            }
            paid = true;
        }
        PaymentOutcome::Failed { reason } => {
            sqlx::query!(
                "UPDATE payments SET status = 'failed', failure_reason = $2, updated_at = now()
                 WHERE id = $1 AND status IN ('pending', 'requires_action')",
                payment_id,
                reason
            )
            .execute(&mut *tx)
            .await?;
        }
        PaymentOutcome::Expired => {
            sqlx::query!(
                "UPDATE payments SET status = 'cancelled', updated_at = now() WHERE id = $1 AND status = 'pending'",
                payment_id
            )
            .execute(&mut *tx)
            .await?;
        }
        PaymentOutcome::Pending => {}
    }
    tx.commit().await?;
    if paid {
        fulfil::fulfil(ctx, order_id).await?;
    }
    Ok(())
}

/// Asks the provider about an order's newest open payment. For the page a customer comes back
/// to from the provider's checkout: it shows what the provider says now, not what its webhook
/// has or has not told us yet. The webhook that follows changes nothing.
pub async fn refresh_from_provider(ctx: &AppContext, order_id: Uuid) -> Result<(), OrderError> {
    let Some(payment) = sqlx::query!(
        r#"SELECT id, provider_ref AS "provider_ref!" FROM payments
           WHERE order_id = $1 AND provider = $2::text::payment_provider AND provider_ref IS NOT NULL
             AND status IN ('pending', 'failed') AND NOT checkout_closed
           ORDER BY created_at DESC LIMIT 1"#,
        order_id,
        ctx.payments.provider()
    )
    .fetch_optional(&ctx.pool)
    .await?
    else {
        return Ok(());
    };
    match ctx.payments.outcome(&payment.provider_ref, None).await {
        Ok(PaymentOutcome::Pending) => Ok(()),
        Ok(outcome) => apply_outcome(ctx, payment.id, outcome).await,
        Err(e) => {
            // The page still shows what we know; the webhook or the reconciliation catches up.
            tracing::warn!(order = %order_id, error = %e, "could not ask the payment provider");
            Ok(())
        }
    }
}

/// The safety net for lost or late events: asks the provider about payments left pending, and
/// delivers paid orders that were not delivered (a crash between payment and fulfilment).
pub async fn reconcile(ctx: &AppContext) -> Result<u32, OrderError> {
    let mut moved = 0;
    let stuck = sqlx::query!(
        r#"SELECT id, provider_ref AS "provider_ref!" FROM payments
           WHERE status = 'pending' AND provider = $1::text::payment_provider AND provider_ref IS NOT NULL
             AND created_at < now() - interval '1 minute' AND created_at > now() - interval '2 days'
           ORDER BY created_at LIMIT 100"#,
        ctx.payments.provider()
    )
    .fetch_all(&ctx.pool)
    .await?;
    for payment in stuck {
        match ctx.payments.outcome(&payment.provider_ref, None).await {
            Ok(PaymentOutcome::Pending) => {}
            Ok(outcome) => {
                apply_outcome(ctx, payment.id, outcome).await?;
                moved += 1;
            }
            Err(e) => tracing::warn!(payment = %payment.id, error = %e, "reconciliation could not ask the provider"),
        }
    }
    moved += super::create::cancel_abandoned(&ctx.pool).await?;
    moved += super::refund::retry_pending(ctx).await?;
    let undelivered = sqlx::query_scalar!("SELECT id FROM orders WHERE status = 'paid' ORDER BY updated_at LIMIT 100")
        .fetch_all(&ctx.pool)
        .await?;
    for order_id in undelivered {
        match fulfil::fulfil(ctx, order_id).await {
            Ok(true) => moved += 1,
            Ok(false) => {}
            Err(e) => tracing::warn!(order = %order_id, error = %e, "delivering a paid order failed; will retry"),
        }
    }
    Ok(moved)
}
