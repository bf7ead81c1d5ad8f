//! When an eSIM's running plan ends: a renewal starts there. The quote and the provider both
//! ask this one question, so the expiry a customer is shown is the expiry delivered.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

/// The latest expiry among the eSIM's active, unexpired bundles; `None` when nothing runs.
pub async fn running_plan_end(conn: &mut PgConnection, esim_id: Uuid) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT max(expires_at) AS "e: DateTime<Utc>" FROM esim_bundles
           WHERE esim_id = $1 AND status = 'active' AND expires_at > now()"#,
        esim_id
    )
    .fetch_one(conn)
    .await
}
