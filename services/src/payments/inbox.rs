//! The provider's events (or the test page's choice): stored once by id, then claimed and
//! processed by a worker, so none is lost on a crash; handling is idempotent, so an event handled
//! again after a crash changes nothing twice.
use super::settle::apply_event_outcome;
use crate::AppContext;
use crate::orders::OrderError;
use crate::payment_gateways::PaymentRef;
use sqlx::PgPool;

/// Woken with NOTIFY (a trigger on `payment_events`) when an event is stored, so the worker need
/// not wait for its next poll.
pub const NOTIFY_CHANNEL: &str = "roamdesk_payments";

/// Stores a provider event once. Returns false for an event already stored.
pub async fn record_event(
    pool: &PgPool,
    provider: &str,
    event_id: &str,
    event_type: &str,
    payment: Option<&PaymentRef>,
    payload: &serde_json::Value,
) -> Result<bool, sqlx::Error> {
    let (provider_ref, payment_id) = payment.map(PaymentRef::keys).unwrap_or_default();
    let inserted = sqlx::query_scalar!(
        r#"INSERT INTO payment_events (provider, event_id, event_type, order_id, payload)
           VALUES ($1::text::payment_provider, $2, $3,
                   (SELECT order_id FROM payments WHERE provider = $1::text::payment_provider
                      AND (provider_ref = $4 OR id = $6)), $5)
           ON CONFLICT (provider, event_id) DO NOTHING RETURNING id"#,
        provider,
        event_id,
        event_type,
        provider_ref,
        payload,
        payment_id
    )
    .fetch_optional(pool)
    .await?;
    // A trigger on the insert wakes the workers (NOTIFY_CHANNEL) when this commits.
    Ok(inserted.is_some())
}

/// Processes stored events, oldest first. Each is claimed for 30 s before it is handled, so
/// several workers (or a worker and a retry) do not handle the same event at once, and no
/// connection is held while it is handled. Returns how many were handled.
pub async fn process_pending(ctx: &AppContext, limit: u32) -> Result<u32, sqlx::Error> {
    let mut handled = 0;
    while handled < limit {
        let Some(event) = sqlx::query!(
            r#"UPDATE payment_events SET claimed_until = now() + interval '30 seconds'
               WHERE id = (SELECT id FROM payment_events
                           WHERE processed_at IS NULL AND attempts < 20
                             AND (claimed_until IS NULL OR claimed_until < now())
                           ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
               RETURNING id, provider::text AS "provider!", payload, attempts"#
        )
        .fetch_optional(&ctx.pool)
        .await?
        else {
            break;
        };
        settle(ctx, event.id, event.attempts, &event.provider, &event.payload).await?;
        handled += 1;
    }
    Ok(handled)
}

/// Processes one stored event now, so the answer to the test provider's checkout shows the
/// outcome. An event already processed is left alone; one a worker is handling is handled here
/// as well, which changes nothing twice (see `apply_outcome`).
pub async fn process_event_now(ctx: &AppContext, provider: &str, event_id: &str) -> Result<(), sqlx::Error> {
    let event = sqlx::query!(
        r#"UPDATE payment_events SET claimed_until = now() + interval '30 seconds'
           WHERE provider = $1::text::payment_provider AND event_id = $2
             AND processed_at IS NULL AND attempts < 20
           RETURNING id, provider::text AS "provider!", payload, attempts"#,
        provider,
        event_id
    )
    .fetch_optional(&ctx.pool)
    .await?;
    match event {
        Some(event) => settle(ctx, event.id, event.attempts, &event.provider, &event.payload).await,
        None => Ok(()),
    }
}

/// Handles a claimed event and records the result on it: processed (with a note when ignored),
/// or one more failed attempt, retried after a pause that grows with each attempt.
async fn settle(
    ctx: &AppContext,
    id: i64,
    attempts: i32,
    provider: &str,
    payload: &serde_json::Value,
) -> Result<(), sqlx::Error> {
    match handle_event(ctx, id, provider, payload).await {
        // Marked processed with the payment it settled.
        Ok(Handled::Settled) => {}
        Ok(Handled::Ignored(note)) => mark_processed(&ctx.pool, id, Some(&note)).await?,
        Err(e) => {
            let pause_seconds = f64::from(5 * (attempts + 1).min(60));
            let retried = sqlx::query!(
                "UPDATE payment_events SET attempts = attempts + 1, last_error = $2,
                        claimed_until = now() + make_interval(secs => $3)
                 WHERE id = $1 AND processed_at IS NULL",
                id,
                e.to_string(),
                pause_seconds
            )
            .execute(&ctx.pool)
            .await?;
            if retried.rows_affected() > 0 {
                tracing::warn!(event = id, error = %e, "processing a payment event failed; it will be retried");
            } else {
                tracing::warn!(event = id, error = %e, "a paid order could not be delivered yet; the reconciliation retries it");
            }
        }
    }
    Ok(())
}

/// Marks a claimed event processed, with a note when it was ignored.
pub(super) async fn mark_processed(
    conn: impl sqlx::PgExecutor<'_>,
    id: i64,
    note: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE payment_events SET processed_at = now(), attempts = attempts + 1, last_error = $2,
                claimed_until = NULL
         WHERE id = $1 AND processed_at IS NULL",
        id,
        note
    )
    .execute(conn)
    .await?;
    Ok(())
}

enum Handled {
    /// The payment moved; the event was marked processed with it.
    Settled,
    /// Why the event was stored and ignored.
    Ignored(String),
}

/// Settles the payment an event is about, or says why it is ignored; an error retries it.
async fn handle_event(
    ctx: &AppContext,
    event_id: i64,
    provider: &str,
    payload: &serde_json::Value,
) -> Result<Handled, OrderError> {
    if provider != ctx.payments.provider() {
        return Ok(Handled::Ignored(format!("no {provider} gateway configured")));
    }
    let Some(payment_ref) = ctx.payments.payment_ref(payload) else {
        return Ok(Handled::Ignored("not about a payment".into()));
    };
    let (provider_ref, payment_id) = payment_ref.keys();
    let Some(payment) = sqlx::query!(
        r#"SELECT id, provider_ref AS "provider_ref!" FROM payments
           WHERE provider = $1::text::payment_provider AND provider_ref IS NOT NULL
             AND (provider_ref = $2 OR id = $3)"#,
        provider,
        provider_ref,
        payment_id
    )
    .fetch_optional(&ctx.pool)
    .await?
    else {
        return Ok(Handled::Ignored("unknown payment: stored and ignored".into()));
    };
    let outcome = ctx
        .payments
        .outcome(&payment.provider_ref, Some(payload))
        .await
        .map_err(|e| OrderError::Payment(e.to_string()))?;
    apply_event_outcome(ctx, payment.id, outcome, Some(event_id)).await?;
    Ok(Handled::Settled)
}
