//! Fulfilment: a paid order's lines are delivered through the eSIM provider, then the order is
//! marked fulfilled and its receipt mailed. Every provider call carries a key derived from the
//! order line, so running this twice (a duplicate event, a restart) delivers once.
use super::{OrderError, transition};
use crate::AppContext;
use crate::provider::{AllocateProfile, ApplyBundle};
use domain::order::{OrderStatus, TransitionCause};
use uuid::Uuid;

/// Delivers a paid order. Returns whether the order is fulfilled now.
pub async fn fulfil(ctx: &AppContext, order_id: Uuid) -> Result<bool, OrderError> {
    // The order and its lines in one read.
    let lines = sqlx::query!(
        r#"SELECT o.storefront_id, o.customer_id, o.status::text AS "status!",
                  l.id AS line_id, l.plan_id, l.esim_id
           FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.id = $1 ORDER BY l.id"#,
        order_id
    )
    .fetch_all(&ctx.pool)
    .await?;
    let order = lines.first().ok_or(OrderError::NotFound)?;
    match OrderStatus::from_code(&order.status) {
        Some(OrderStatus::Paid) => {}
        Some(OrderStatus::Fulfilled) => return Ok(true),
        _ => return Ok(false),
    }
    let customer_id = order.customer_id.ok_or(OrderError::NotFound)?;
    // Profiles allocated now, written to their lines with the order's last step: a retry after
    // a crash gets the same profile back from the provider by its key.
    let mut allocated = Vec::new();
    for line in &lines {
        let esim_id = match line.esim_id {
            Some(id) => id,
            None => {
                let profile = ctx
                    .provider
                    .allocate_profile(AllocateProfile {
                        storefront_id: line.storefront_id,
                        customer_id,
                        plan_id: line.plan_id,
                        idempotency_key: format!("line:{}:profile", line.line_id),
                    })
                    .await?;
                allocated.push((line.line_id, profile.esim_id));
                profile.esim_id
            }
        };
        ctx.provider
            .apply_bundle(ApplyBundle {
                esim_id,
                plan_id: line.plan_id,
                order_line_id: Some(line.line_id),
                idempotency_key: format!("line:{}:bundle", line.line_id),
            })
            .await?;
    }
    let mut tx = ctx.pool.begin().await?;
    for (line_id, esim_id) in allocated {
        sqlx::query!(
            "UPDATE order_lines SET esim_id = $2 WHERE id = $1 AND esim_id IS NULL",
            line_id,
            esim_id
        )
        .execute(&mut *tx)
        .await?;
    }
    let moved = transition::move_order(&mut tx, order_id, OrderStatus::Fulfilled, TransitionCause::Delivered).await?;
    if moved {
        super::read::queue_receipt(&mut tx, ctx, order_id).await?;
    }
    tx.commit().await?;
    Ok(true)
}
