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
    let order = sqlx::query!(
        r#"SELECT storefront_id, customer_id, status::text AS "status!" FROM orders WHERE id = $1"#,
        order_id
    )
    .fetch_optional(&ctx.pool)
    .await?
    .ok_or(OrderError::NotFound)?;
    match OrderStatus::from_code(&order.status) {
        Some(OrderStatus::Paid) => {}
        Some(OrderStatus::Fulfilled) => return Ok(true),
        _ => return Ok(false),
    }
    let customer_id = order.customer_id.ok_or(OrderError::NotFound)?;
    let lines = sqlx::query!(
        r#"SELECT id, plan_id, kind::text AS "kind!", esim_id FROM order_lines WHERE order_id = $1 ORDER BY id"#,
        order_id
    )
    .fetch_all(&ctx.pool)
    .await?;
    for line in lines {
        let esim_id = match line.esim_id {
            Some(id) => id,
            None => {
                let profile = ctx
                    .provider
                    .allocate_profile(AllocateProfile {
                        storefront_id: order.storefront_id,
                        customer_id,
                        plan_id: line.plan_id,
                        idempotency_key: format!("line:{}:profile", line.id),
                    })
                    .await?;
                sqlx::query!(
                    "UPDATE order_lines SET esim_id = $2 WHERE id = $1",
                    line.id,
                    profile.esim_id
                )
                .execute(&ctx.pool)
                .await?;
                profile.esim_id
            }
        };
        ctx.provider
            .apply_bundle(ApplyBundle {
                esim_id,
                plan_id: line.plan_id,
                order_line_id: Some(line.id),
                idempotency_key: format!("line:{}:bundle", line.id),
            })
            .await?;
    }
    let mut tx = ctx.pool.begin().await?;
    let moved = transition::move_order(&mut tx, order_id, OrderStatus::Fulfilled, TransitionCause::Delivered).await?;
    if moved {
        super::read::queue_receipt(&mut tx, ctx, order_id).await?;
    }
    tx.commit().await?;
    Ok(true)
}
