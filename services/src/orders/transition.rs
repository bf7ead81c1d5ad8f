//! The one way an order's status changes: checked against the state machine, under a row lock,
//! and recorded with its cause.
use super::OrderError;
use domain::order::{OrderStatus, TransitionCause};
use sqlx::PgConnection;
use uuid::Uuid;

/// Moves the order to `to`. Already there: `Ok(false)`, so a repeated step is harmless. One
/// statement: the row is locked, checked against the states that may move to `to`, updated and
/// the step recorded, in a single round trip.
pub async fn move_order(
    conn: &mut PgConnection,
    order_id: Uuid,
    to: OrderStatus,
    cause: impl Into<TransitionCause>,
) -> Result<bool, OrderError> {
    let sources: Vec<String> = OrderStatus::ALL
        .into_iter()
        .filter(|from| from.can_move_to(to))
        .map(|from| from.code().to_string())
        .collect();
    let cause: String = cause.into().stored().chars().take(500).collect();
    let step = sqlx::query!(
        r#"WITH current AS (SELECT status FROM orders WHERE id = $1 FOR UPDATE),
           moved AS (
               UPDATE orders o SET status = $2::text::order_status, updated_at = now(),
                      fulfilled_at = CASE WHEN $2 = 'fulfilled' THEN now() ELSE o.fulfilled_at END
               FROM current WHERE o.id = $1 AND current.status::text = ANY($3)
               RETURNING current.status AS from_status),
           noted AS (
               INSERT INTO order_transitions (order_id, from_status, to_status, cause)
               SELECT $1, from_status, $2::text::order_status, $4 FROM moved)
           SELECT (SELECT status::text FROM current) AS "current", EXISTS (SELECT 1 FROM moved) AS "moved!""#,
        order_id,
        to.code(),
        &sources,
        cause
    )
    .fetch_one(&mut *conn)
    .await?;
    let from = step
        .current
        .as_deref()
        .and_then(OrderStatus::from_code)
        .ok_or(OrderError::NotFound)?;
    if step.moved {
        return Ok(true);
    }
    if from == to {
        return Ok(false);
    }
    Err(OrderError::BadTransition {
        from: from.code().into(),
        to: to.code().into(),
    })
}
