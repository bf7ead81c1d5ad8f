//! The append-only audit log: who changed what about whom, when and from where.
use domain::staff::AuditRow;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

pub struct AuditEvent<'a> {
    pub storefront_id: Option<Uuid>,
    pub actor: Option<Uuid>,
    pub ip: &'a str,
    pub action: &'a str,
    pub target_account: Option<Uuid>,
    pub target_email: Option<&'a str>,
    pub details: serde_json::Value,
}

pub async fn record(conn: &mut PgConnection, event: AuditEvent<'_>) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"INSERT INTO audit_log (storefront_id, actor_account_id, actor_ip, action, target_account_id, target_email, details)
           VALUES ($1, $2, $3, $4, $5, $6, $7)"#,
        event.storefront_id,
        event.actor,
        event.ip,
        event.action,
        event.target_account,
        event.target_email,
        event.details,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The newest entries for one storefront, or for all of them (operators) when `storefront` is `None`.
pub async fn recent(pool: &PgPool, storefront: Option<Uuid>, limit: i64) -> Result<Vec<AuditRow>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT l.at AS "at: chrono::DateTime<chrono::Utc>", a.email AS "actor_email?", l.actor_ip, l.action, l.target_email, l.details
           FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_account_id
           WHERE $1::uuid IS NULL OR l.storefront_id = $1
           ORDER BY l.id DESC
           LIMIT $2"#,
        storefront,
        limit,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AuditRow {
            at: r.at,
            actor: r.actor_email,
            ip: r.actor_ip,
            action: r.action,
            target: r.target_email,
            details: r.details.to_string(),
        })
        .collect())
}
