//! Work that is waiting, and how payments stand, counted for monitoring. Each count is one
//! cheap query (a partial index, or a scan of a table a small reseller keeps small), meant to be
//! read when a monitoring system asks, every 15 to 60 seconds.
use sqlx::PgPool;

/// What the workers and the scheduler have not done yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Backlog {
    /// E-mail in the outbox waiting for its first or next attempt.
    pub mail_pending: i64,
    /// E-mail the worker gave up on; only an operator can help it now.
    pub mail_failed: i64,
    /// Payment events stored but not yet processed, and still being retried.
    pub payment_events: i64,
    /// Payment events past their last attempt: they will never be processed without help.
    pub payment_events_given_up: i64,
    /// Refunds the provider has not confirmed; the scheduler asks again.
    pub refunds_pending: i64,
    /// Orders paid but not delivered; the scheduler delivers them.
    pub orders_undelivered: i64,
}

pub async fn backlog(pool: &PgPool) -> Result<Backlog, sqlx::Error> {
    // 20 attempts: where `payments::inbox` stops retrying an event.
    let row = sqlx::query!(
        r#"SELECT
             (SELECT count(*) FROM outbox_emails WHERE status = 'pending') AS "mail_pending!",
             (SELECT count(*) FROM outbox_emails WHERE status = 'failed') AS "mail_failed!",
             (SELECT count(*) FROM payment_events WHERE processed_at IS NULL AND attempts < 20) AS "payment_events!",
             (SELECT count(*) FROM payment_events WHERE processed_at IS NULL AND attempts >= 20) AS "payment_events_given_up!",
             (SELECT count(*) FROM refunds WHERE status = 'pending') AS "refunds_pending!",
             (SELECT count(*) FROM orders WHERE status = 'paid') AS "orders_undelivered!""#
    )
    .fetch_one(pool)
    .await?;
    Ok(Backlog {
        mail_pending: row.mail_pending,
        mail_failed: row.mail_failed,
        payment_events: row.payment_events,
        payment_events_given_up: row.payment_events_given_up,
        refunds_pending: row.refunds_pending,
        orders_undelivered: row.orders_undelivered,
    })
}

/// How many payments are in each status, every status listed (zero included), so a series
/// never vanishes when its last payment moves on.
pub async fn payments_by_status(pool: &PgPool) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT s::text AS "status!", count(p.id) AS "payments!"
           FROM unnest(enum_range(NULL::payment_status)) AS s
           LEFT JOIN payments p ON p.status = s
           GROUP BY s ORDER BY s"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| (r.status, r.payments)).collect())
}
