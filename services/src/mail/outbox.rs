//! The transactional outbox. [`enqueue`] runs inside the caller's transaction; [`deliver_due`]
//! is called by the delivery worker and sends what is due, one row at a time under a row lock
//! (`FOR UPDATE SKIP LOCKED`), so several workers never send the same message.
use super::mailer::{Mailer, OutgoingMail};
use super::templates::RenderedMail;
use chrono::{DateTime, Utc};
use domain::staff::OutboxRow;
use sqlx::{PgConnection, PgPool};
use std::time::Duration;
use uuid::Uuid;

/// After this many failed attempts (about a day of retries) a message is marked failed and shown
/// as such on the outbox page.
pub const MAX_ATTEMPTS: i32 = 16;

pub struct NewMail<'a> {
    pub storefront_id: Uuid,
    pub kind: &'a str,
    pub to: &'a str,
    pub mail: RenderedMail,
    /// Set when the cause may run twice but the mail must go once.
    pub dedupe_key: Option<String>,
}

pub async fn enqueue(conn: &mut PgConnection, new: NewMail<'_>) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"INSERT INTO outbox_emails (storefront_id, dedupe_key, kind, to_address, subject, body_text, body_html)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (dedupe_key) DO NOTHING"#,
        new.storefront_id,
        new.dedupe_key,
        new.kind,
        new.to,
        new.mail.subject,
        new.mail.text,
        new.mail.html,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Wait before the next attempt: 30 s, 1 min, 2 min … capped at 2 hours.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = attempts.clamp(1, 16) as u32 - 1;
    Duration::from_secs((30u64 << exponent).min(2 * 3600))
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: u32,
    pub failed: u32,
}

/// Sends every message due, up to `limit`. Returns what happened; SMTP errors are recorded on the
/// row, not returned. `clock_skew` moves the database's "now" forward, so tests can skip waits.
pub async fn deliver_due(
    pool: &PgPool,
    mailer: &Mailer,
    clock_skew: Duration,
    limit: u32,
) -> Result<DeliveryReport, sqlx::Error> {
    let skew = clock_skew.as_secs_f64();
    let mut report = DeliveryReport::default();
    for _ in 0..limit {
        let mut tx = pool.begin().await?;
        let Some(row) = sqlx::query!(
            r#"SELECT id, to_address, subject, body_text, body_html, attempts
               FROM outbox_emails
               WHERE status = 'pending' AND next_attempt_at <= now() + make_interval(secs => $1)
               ORDER BY next_attempt_at, created_at
               LIMIT 1
               FOR UPDATE SKIP LOCKED"#,
            skew
        )
        .fetch_optional(&mut *tx)
        .await?
        else {
            break;
        };
        let outcome = mailer
            .send(OutgoingMail {
                id: row.id,
                to: &row.to_address,
                subject: &row.subject,
                text: &row.body_text,
                html: &row.body_html,
            })
            .await;
        match outcome {
            Ok(()) => {
                sqlx::query!(
                    "UPDATE outbox_emails SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1",
                    row.id
                )
                .execute(&mut *tx)
                .await?;
                report.sent += 1;
            }
            Err(error) => {
                let attempts = row.attempts + 1;
                let wait = backoff(attempts).as_secs_f64();
                tracing::warn!(outbox_id = %row.id, attempts, %error, "e-mail delivery failed; will retry");
                sqlx::query!(
                    r#"UPDATE outbox_emails
                       SET attempts = $2::int, next_attempt_at = now() + make_interval(secs => $3), last_error = $4,
                           status = CASE WHEN $2::int >= $5::int THEN 'failed'::outbox_status ELSE 'pending'::outbox_status END
                       WHERE id = $1"#,
                    row.id,
                    attempts,
                    skew + wait,
                    error.chars().take(500).collect::<String>(),
                    MAX_ATTEMPTS,
                )
                .execute(&mut *tx)
                .await?;
                report.failed += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(report)
}

/// When the next pending message falls due, so the worker can sleep until then.
pub async fn next_due(pool: &PgPool) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT min(next_attempt_at) AS "due: chrono::DateTime<chrono::Utc>" FROM outbox_emails WHERE status = 'pending'"#
    )
        .fetch_one(pool)
        .await
}

pub async fn recent(pool: &PgPool, limit: i64) -> Result<Vec<OutboxRow>, sqlx::Error> {
    sqlx::query_as!(
        OutboxRow,
        r#"SELECT o.id, s.name AS storefront, o.kind, o.to_address AS "to", o.subject, o.body_text,
                  o.status::text AS "status!", o.attempts, o.last_error,
                  o.created_at AS "created_at: chrono::DateTime<chrono::Utc>", o.sent_at AS "sent_at: chrono::DateTime<chrono::Utc>"
           FROM outbox_emails o JOIN storefronts s ON s.id = o.storefront_id
           ORDER BY o.created_at DESC
           LIMIT $1"#,
        limit
    )
    .fetch_all(pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::backoff;
    use std::time::Duration;

    #[test]
    fn backoff_doubles_and_caps() {
        assert_eq!(backoff(1), Duration::from_secs(30));
        assert_eq!(backoff(2), Duration::from_secs(60));
        assert_eq!(backoff(5), Duration::from_secs(480));
        assert_eq!(backoff(12), Duration::from_secs(7200));
        assert_eq!(backoff(40), Duration::from_secs(7200));
    }
}
