//! A payment's checkout with the provider: opened (or re-opened) for an order awaiting payment,
//! closed when the order is cancelled or paid elsewhere, and asked about when the customer
//! comes back from it.
use super::settle::apply_outcome;
use crate::AppContext;
use crate::orders::{OrderError, fulfil, transition};
use crate::payment_gateways::{CheckoutRequest, GatewayError, PaymentOutcome};
use crate::storefronts::Storefront;
use domain::money::{Currency, Money};
use domain::order::{OrderStatus, TransitionCause};
use uuid::Uuid;

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
    let base = crate::accounts::links::storefront_url(&ctx.public_url, storefront, "");
    let locale = order
        .language
        .as_deref()
        .and_then(domain::locale::Locale::from_code)
        .unwrap_or(storefront.default_locale);
    // The line Stripe's page shows for what is bought.
    let description = domain::t!(
        locale,
        "orders-payment-description",
        item = order
            .plan_name
            .unwrap_or_else(|| domain::t!(locale, "orders-item-esim")),
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
