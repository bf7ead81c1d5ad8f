//! A payment's checkout with the provider: opened (or re-opened) for an order awaiting payment,
//! closed when the order is cancelled or paid elsewhere, and asked about when the customer
//! comes back from it.
use super::settle::apply_outcome;
use crate::AppContext;
use crate::orders::{OrderError, fulfil, transition};
use crate::payment_gateways::{CheckoutRequest, GatewayError, PaymentOutcome};
use crate::storefronts::Storefront;
use chrono::{DateTime, Utc};
use domain::money::{Currency, Money};
use domain::order::{OrderStatus, TransitionCause};
use uuid::Uuid;

/// Opens (or re-opens) a checkout for an order awaiting payment; returns where to send the
/// customer. An order already paid sends them to its page.
pub async fn start_payment(ctx: &AppContext, storefront: &Storefront, order_id: Uuid) -> Result<String, OrderError> {
    let payment = match reserve_payment(ctx, storefront, order_id).await? {
        Reserved::OrderPage => return Ok(format!("/orders/{order_id}")),
        Reserved::OpenCheckout(url) => return Ok(url),
        Reserved::Payment(payment) => payment,
    };
    // An earlier attempt's page may still be open (a decline leaves Stripe's page open for
    // another card): close it first, so the order can never be paid twice.
    if payment.failed_page_open {
        close_checkouts(ctx, order_id, &["failed"]).await?;
    }
    let methods = payment.methods.unwrap_or_else(|| vec!["card".to_string()]);
    let base = crate::accounts::links::storefront_url(&ctx.public_url, storefront, "");
    let locale = payment
        .language
        .as_deref()
        .and_then(domain::locale::Locale::from_code)
        .unwrap_or(storefront.default_locale);
    // The line Stripe's page shows for what is bought.
    let description = domain::t!(
        locale,
        "orders-payment-description",
        item = payment
            .plan_name
            .unwrap_or_else(|| domain::t!(locale, "orders-item-esim")),
        number = payment.order_number
    );
    // The provider call carries the payment's id as its idempotency key, and everything in it is
    // derived from the payment row, so a payment resumed after a crash gets the same checkout.
    let started = ctx
        .payments
        .start_checkout(CheckoutRequest {
            order_id,
            payment_id: payment.id,
            order_number: payment.order_number,
            amount: payment.amount,
            description: &description,
            customer_email: &payment.email,
            success_url: format!("{base}/orders/{order_id}?returned=1"),
            cancel_url: format!("{base}/orders/{order_id}?cancelled=1"),
            methods,
            locale,
            expires_at: payment.created_at + CHECKOUT_LIFETIME,
        })
        .await
        .map_err(|e| OrderError::Payment(e.to_string()))?;
    sqlx::query!(
        "UPDATE payments SET provider_ref = $2, checkout_url = $3, updated_at = now() WHERE id = $1",
        payment.id,
        started.provider_ref,
        started.url
    )
    .execute(&ctx.pool)
    .await?;
    Ok(started.url)
}

/// How long a provider's checkout page stays open. Well under a day, so a page never outlives
/// the unpaid order it is for (see `cancel_abandoned`).
const CHECKOUT_LIFETIME: chrono::TimeDelta = chrono::TimeDelta::hours(2);

/// A payment without a checkout yet, younger than this, is resumed rather than replaced: it was
/// left by a crash between its insert and its checkout, or is being opened by a second click.
const RESUMABLE: chrono::TimeDelta = chrono::TimeDelta::minutes(30);

enum Reserved {
    /// Paid (or being paid) already: the customer goes to the order's page.
    OrderPage,
    /// A checkout is open for this order: the same page again.
    OpenCheckout(String),
    /// The payment to open a checkout for, new or resumed.
    Payment(PaymentToOpen),
}

struct PaymentToOpen {
    id: Uuid,
    created_at: DateTime<Utc>,
    amount: Money,
    order_number: i64,
    email: String,
    language: Option<String>,
    plan_name: Option<String>,
    /// The storefront's payment methods, when it chose them.
    methods: Option<Vec<String>>,
    /// A failed payment's provider page may still take another card.
    failed_page_open: bool,
}

/// Decides, under the order's row lock, what paying it means now. The lock orders this against
/// a payment being settled (which moves the order under the same lock), so a payment that
/// succeeds meanwhile is seen, and a second payable checkout is never opened beside it.
async fn reserve_payment(ctx: &AppContext, storefront: &Storefront, order_id: Uuid) -> Result<Reserved, OrderError> {
    let provider = ctx.payments.provider();
    let mut tx = ctx.pool.begin().await?;
    let order = sqlx::query!(
        r#"SELECT order_number, email, status::text AS "status!", currency, total_minor, language,
                  quote->>'plan_name' AS plan_name,
                  EXISTS (SELECT 1 FROM payments p WHERE p.order_id = orders.id AND p.status = 'succeeded') AS "paid!",
                  EXISTS (SELECT 1 FROM payments p WHERE p.order_id = orders.id AND p.status = 'failed'
                            AND p.provider = $3::text::payment_provider AND p.provider_ref IS NOT NULL
                            AND NOT p.checkout_closed) AS "failed_page_open!",
                  (SELECT methods FROM storefront_payment_settings WHERE storefront_id = $2) AS methods
           FROM orders WHERE id = $1 AND storefront_id = $2 FOR UPDATE"#,
        order_id,
        storefront.id,
        provider
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(OrderError::NotFound)?;
    // A succeeded payment whose event is still being handled counts as paid.
    if order.status != OrderStatus::AwaitingPayment.code() || order.paid {
        return Ok(Reserved::OrderPage);
    }
    if order.total_minor == 0 {
        // Fully discounted: nothing to pay, so straight to delivery.
        transition::move_order(&mut tx, order_id, OrderStatus::Paid, TransitionCause::NothingToPay).await?;
        tx.commit().await?;
        fulfil::fulfil(ctx, order_id).await?;
        return Ok(Reserved::OrderPage);
    }
    let open = sqlx::query!(
        r#"SELECT id, checkout_url, created_at AS "created_at: DateTime<Utc>" FROM payments
           WHERE order_id = $1 AND provider = $2::text::payment_provider AND status = 'pending'
           ORDER BY created_at DESC LIMIT 1"#,
        order_id,
        provider
    )
    .fetch_optional(&mut *tx)
    .await?;
    // A second click pays the same payment.
    if let Some(url) = open.as_ref().and_then(|p| p.checkout_url.clone()) {
        return Ok(Reserved::OpenCheckout(url));
    }
    let currency = Currency::from_code(&order.currency).ok_or(OrderError::NotPriced)?;
    let (id, created_at) = match open {
        Some(p) if Utc::now() - p.created_at < RESUMABLE => (p.id, p.created_at),
        stale => {
            if let Some(p) = stale {
                // Too old to resume with the provider: it never had a page, so nobody can pay it.
                sqlx::query!(
                    "UPDATE payments SET status = 'cancelled', updated_at = now() WHERE id = $1",
                    p.id
                )
                .execute(&mut *tx)
                .await?;
            }
            let row = sqlx::query!(
                r#"INSERT INTO payments (order_id, provider, amount_minor, currency) VALUES ($1, $2::text::payment_provider, $3, $4)
                   RETURNING id, created_at AS "created_at: DateTime<Utc>""#,
                order_id,
                provider,
                order.total_minor,
                currency.code()
            )
            .fetch_one(&mut *tx)
            .await?;
            (row.id, row.created_at)
        }
    };
    tx.commit().await?;
    Ok(Reserved::Payment(PaymentToOpen {
        id,
        created_at,
        amount: Money::new(order.total_minor, currency),
        order_number: order.order_number,
        email: order.email,
        language: order.language,
        plan_name: order.plan_name,
        methods: order.methods,
        failed_page_open: order.failed_page_open,
    }))
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
