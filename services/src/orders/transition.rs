//! The one way an order's status changes: checked against the state machine, under a row lock,
//! and recorded with its cause.
use super::OrderError;
use domain::order::{OrderStatus, TransitionCause};
use sqlx::PgConnection;
use uuid::Uuid;

/// Moves the order to `to`. Already there: `Ok(false)`, so a repeated step is harmless.
pub async fn move_order(
    conn: &mut PgConnection,
    order_id: Uuid,
    to: OrderStatus,
    cause: impl Into<TransitionCause>,
) -> Result<bool, OrderError> {
    let current = sqlx::query_scalar!(
        r#"SELECT status::text AS "s!" FROM orders WHERE id = $1 FOR UPDATE"#,
        order_id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(OrderError::NotFound)?;
    let from = OrderStatus::from_code(&current).ok_or(OrderError::NotFound)?;
    if from == to && to != OrderStatus::PartiallyRefunded {
        return Ok(false);
    }
    if !from.can_move_to(to) {
        return Err(OrderError::BadTransition {
            from: from.code().into(),
            to: to.code().into(),
        });
    }
    sqlx::query!(
        "UPDATE orders SET status = $2::text::order_status, updated_at = now(),
                fulfilled_at = CASE WHEN $2 = 'fulfilled' THEN now() ELSE fulfilled_at END
         WHERE id = $1",
        order_id,
        to.code()
    )
    .execute(&mut *conn)
    .await?;
    record(conn, order_id, Some(from), to, cause).await?;
    Ok(true)
}

pub async fn record(
    conn: &mut PgConnection,
    order_id: Uuid,
    from: Option<OrderStatus>,
    to: OrderStatus,
    cause: impl Into<TransitionCause>,
) -> Result<(), sqlx::Error> {
    let cause: String = cause.into().stored().chars().take(500).collect();
    sqlx::query!(
        "INSERT INTO order_transitions (order_id, from_status, to_status, cause)
         VALUES ($1, $2::text::order_status, $3::text::order_status, $4)",
        order_id,
        from.map(|f| f.code()),
        to.code(),
        cause
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
