//! Refunds, full or partial, never more than was paid: the amount is reserved on the payment
//! under a row lock before the provider is asked, so two refunds at once cannot overshoot.
//! A provider that does not answer may still have refunded: the refund then stays pending,
//! reserved, and is sent again with the same idempotency key until the provider says yes or no.
use super::{OrderError, ledger, transition};
use crate::AppContext;
use crate::mail::outbox::{self, NewMail};
use crate::mail::templates::{MailContent, render};
use crate::payment_gateways::GatewayError;
use domain::locale::Locale;
use domain::money::{Currency, Money};
use domain::order::{OrderStatus, TransitionCause};
use domain::problem::OrderProblem;
use uuid::Uuid;

pub async fn refund(
    ctx: &AppContext,
    order_id: Uuid,
    amount_minor: i64,
    reason: &str,
    requested_by: Option<Uuid>,
) -> Result<Uuid, OrderError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(OrderError::Refused(OrderProblem::RefundReason));
    }
    if amount_minor <= 0 {
        return Err(OrderError::Refused(OrderProblem::RefundAmountNotPositive));
    }
    let mut tx = ctx.pool.begin().await?;
    let order = sqlx::query!(
        r#"SELECT status::text AS "status!" FROM orders WHERE id = $1 FOR UPDATE"#,
        order_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(OrderError::NotFound)?;
    if !OrderStatus::from_code(&order.status).is_some_and(|s| s.was_paid()) {
        return Err(OrderError::Refused(OrderProblem::RefundNotPaid));
    }
    let payment = sqlx::query!(
        r#"SELECT id, provider::text AS "provider!", amount_minor, refunded_minor, currency FROM payments
           WHERE order_id = $1 AND status = 'succeeded' ORDER BY created_at DESC LIMIT 1 FOR UPDATE"#,
        order_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(OrderError::Refused(OrderProblem::RefundNoPayment))?;
    if payment.provider != ctx.payments.provider() {
        return Err(OrderError::Refused(OrderProblem::RefundOtherProvider));
    }
    if amount_minor > payment.amount_minor - payment.refunded_minor {
        let currency = Currency::from_code(&payment.currency).ok_or(OrderError::Inconsistent("payment currency"))?;
        let available = Money::new(payment.amount_minor - payment.refunded_minor, currency);
        return Err(OrderError::Refused(OrderProblem::RefundTooMuch { available }));
    }
    let refund_id = sqlx::query_scalar!(
        "INSERT INTO refunds (order_id, payment_id, amount_minor, currency, reason, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        order_id,
        payment.id,
        amount_minor,
        payment.currency,
        reason,
        requested_by
    )
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE payments SET refunded_minor = refunded_minor + $2, updated_at = now() WHERE id = $1",
        payment.id,
        amount_minor
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    send(ctx, refund_id).await
}

/// Asks the provider for a reserved refund and records its answer. Safe to repeat: the
/// provider sees the same idempotency key, and only the first answer is recorded.
pub async fn send(ctx: &AppContext, refund_id: Uuid) -> Result<Uuid, OrderError> {
    let pending = sqlx::query!(
        r#"SELECT r.order_id, r.payment_id, r.amount_minor, r.currency, r.reason, p.provider_ref
           FROM refunds r JOIN payments p ON p.id = r.payment_id
           WHERE r.id = $1 AND r.status = 'pending'"#,
        refund_id
    )
    .fetch_optional(&ctx.pool)
    .await?;
    let Some(pending) = pending else {
        return Ok(refund_id);
    };
    let (order_id, payment_id, amount_minor) = (pending.order_id, pending.payment_id, pending.amount_minor);
    let reason = pending.reason.as_str();
    let currency = Currency::from_code(&pending.currency).ok_or(OrderError::NotPriced)?;
    let amount = Money::new(amount_minor, currency);
    let provider_ref = pending.provider_ref.unwrap_or_default();
    match ctx
        .payments
        .refund(&provider_ref, amount, &format!("refund:{refund_id}"))
        .await
    {
        Ok(refund_ref) => {
            let mut tx = ctx.pool.begin().await?;
            let first = sqlx::query!(
                "UPDATE refunds SET status = 'succeeded', provider_ref = $2, updated_at = now() WHERE id = $1 AND status = 'pending'",
                refund_id,
                refund_ref
            )
            .execute(&mut *tx)
            .await?;
            if first.rows_affected() == 0 {
                // Another attempt recorded this refund already.
                return Ok(refund_id);
            }
            let o = sqlx::query!(
                r#"SELECT o.storefront_id, s.slug, s.name, s.host, o.order_number, o.email, o.language,
                          p.amount_minor, p.refunded_minor, p.provider::text AS "provider!"
                   FROM orders o JOIN storefronts s ON s.id = o.storefront_id JOIN payments p ON p.id = $2
                   WHERE o.id = $1"#,
                order_id,
                payment_id
            )
            .fetch_one(&mut *tx)
            .await?;
            ledger::post(
                &mut tx,
                ledger::Posting {
                    storefront_id: o.storefront_id,
                    order_id,
                    payment_id,
                    kind: "refund",
                    memo: reason,
                    idempotency_key: format!("refund:{refund_id}"),
                    debit: ledger::sales_account(&o.slug),
                    credit: ledger::clearing_account(&o.provider),
                    amount,
                },
            )
            .await?;
            let to = if o.refunded_minor >= o.amount_minor {
                OrderStatus::Refunded
            } else {
                OrderStatus::PartiallyRefunded
            };
            transition::move_order(
                &mut tx,
                order_id,
                to,
                TransitionCause::Refund {
                    reason: reason.to_string(),
                },
            )
            .await?;
            let locale = o.language.as_deref().and_then(Locale::from_code).unwrap_or(Locale::En);
            let base = crate::accounts::links::host_url(&ctx.public_url, o.host.as_deref(), "");
            let content = MailContent::RefundIssued {
                order_number: o.order_number,
                amount: amount.format(locale),
                reason: reason.to_string(),
                link: format!("{base}/orders/{order_id}"),
            };
            outbox::enqueue(
                &mut tx,
                NewMail {
                    storefront_id: o.storefront_id,
                    kind: content.kind(),
                    to: &o.email,
                    mail: render(&content, locale, &o.name),
                    dedupe_key: Some(format!("refund:{refund_id}")),
                },
            )
            .await?;
            tx.commit().await?;
            Ok(refund_id)
        }
        Err(GatewayError::Refused(why)) => {
            let mut tx = ctx.pool.begin().await?;
            let failed = sqlx::query!(
                "UPDATE refunds SET status = 'failed', updated_at = now() WHERE id = $1 AND status = 'pending'",
                refund_id
            )
            .execute(&mut *tx)
            .await?;
            if failed.rows_affected() == 1 {
                sqlx::query!(
                    "UPDATE payments SET refunded_minor = refunded_minor - $2 WHERE id = $1",
                    payment_id,
                    amount_minor
                )
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Err(OrderError::ProviderRefused(why))
        }
        Err(GatewayError::Unavailable(why)) => {
            tracing::warn!(refund = %refund_id, error = %why, "the payment provider did not answer a refund; it will be sent again");
            Err(OrderError::RefundPending)
        }
    }
}

/// For the reconciliation: refunds the provider did not answer, sent again after a minute.
pub async fn retry_pending(ctx: &AppContext) -> Result<u32, OrderError> {
    let stuck = sqlx::query_scalar!(
        "SELECT id FROM refunds WHERE status = 'pending' AND created_at < now() - interval '1 minute'
         ORDER BY created_at LIMIT 100"
    )
    .fetch_all(&ctx.pool)
    .await?;
    let mut done = 0;
    for id in stuck {
        match send(ctx, id).await {
            Ok(_) | Err(OrderError::ProviderRefused(_)) => done += 1,
            Err(e) => tracing::warn!(refund = %id, error = %e, "a pending refund is still unanswered"),
        }
    }
    Ok(done)
}
