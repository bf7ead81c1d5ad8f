//! What a provider's answer does to a payment and its order: forward only, never backward, never
//! twice, with the ledger entry and the fulfilment it calls for.
use crate::AppContext;
use crate::orders::{OrderError, fulfil, ledger, transition};
use crate::payment_gateways::PaymentOutcome;
use domain::money::{Currency, Money};
use domain::order::{OrderStatus, TransitionCause};
use uuid::Uuid;

/// Moves a payment and its order forward to match what the provider says.
pub async fn apply_outcome(ctx: &AppContext, payment_id: Uuid, outcome: PaymentOutcome) -> Result<(), OrderError> {
    apply_event_outcome(ctx, payment_id, outcome, None).await
}

/// As [`apply_outcome`], for what a stored provider event says: the event is marked processed
/// in the same transaction as the payment, so one commit settles both. Fulfilment follows; if it
/// fails, the reconciliation delivers the paid order on its next round.
pub async fn apply_event_outcome(
    ctx: &AppContext,
    payment_id: Uuid,
    outcome: PaymentOutcome,
    event_id: Option<i64>,
) -> Result<(), OrderError> {
    let mut tx = ctx.pool.begin().await?;
    let payment = sqlx::query!(
        r#"SELECT p.order_id, p.status::text AS "status!", p.amount_minor, p.currency, p.provider::text AS "provider!",
                  o.storefront_id, s.slug, o.status::text AS "order_status!"
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
            // Read without the order's lock: `move_order` takes it and checks again.
            let status = payment.order_status;
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
            } else if payment.status != "succeeded" {
                let others = sqlx::query_scalar!(
                    r#"SELECT count(*) AS "n!" FROM payments WHERE order_id = $1 AND id <> $2 AND status = 'succeeded'"#,
                    order_id,
                    payment_id
                )
                .fetch_one(&mut *tx)
                .await?;
                if others > 0 {
                    tracing::error!(order = %order_id, payment = %payment_id, "a second payment succeeded for an order already paid; refund it from the order page");
                }
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
    if let Some(event_id) = event_id {
        super::inbox::mark_processed(&mut *tx, event_id, None).await?;
    }
    tx.commit().await?;
    if paid {
        fulfil::fulfil(ctx, order_id).await?;
    }
    Ok(())
}
