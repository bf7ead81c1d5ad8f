//! The periodic work that keeps orders moving when an event is lost or a process crashed: asks
//! the provider about payments left pending, cancels orders abandoned at checkout, sends refunds
//! again that the provider did not answer, and delivers paid orders that were not delivered.
//! The server's payment worker runs [`reconcile`] every minute; the maintenance worker runs
//! [`prune`] hourly.
use crate::AppContext;
use crate::orders::{OrderError, fulfil};
use crate::payment_gateways::PaymentOutcome;
use crate::payments::settle::apply_outcome;
use sqlx::PgPool;

/// The safety net for lost or late events: asks the provider about payments left pending, and
/// delivers paid orders that were not delivered (a crash between payment and fulfilment).
pub async fn reconcile(ctx: &AppContext) -> Result<u32, OrderError> {
    let mut moved = 0;
    let stuck = sqlx::query!(
        r#"SELECT id, provider_ref AS "provider_ref!" FROM payments
           WHERE status = 'pending' AND provider = $1::text::payment_provider AND provider_ref IS NOT NULL
             AND created_at < now() - interval '1 minute' AND created_at > now() - interval '2 days'
           ORDER BY created_at LIMIT 100"#,
        ctx.payments.provider()
    )
    .fetch_all(&ctx.pool)
    .await?;
    for payment in stuck {
        match ctx.payments.outcome(&payment.provider_ref, None).await {
            Ok(PaymentOutcome::Pending) => {}
            Ok(outcome) => {
                apply_outcome(ctx, payment.id, outcome).await?;
                moved += 1;
            }
            Err(e) => tracing::warn!(payment = %payment.id, error = %e, "reconciliation could not ask the provider"),
        }
    }
    moved += crate::orders::create::cancel_abandoned(&ctx.pool).await?;
    moved += crate::orders::refund::retry_pending(ctx).await?;
    let undelivered = sqlx::query_scalar!("SELECT id FROM orders WHERE status = 'paid' ORDER BY updated_at LIMIT 100")
        .fetch_all(&ctx.pool)
        .await?;
    for order_id in undelivered {
        match fulfil::fulfil(ctx, order_id).await {
            Ok(true) => moved += 1,
            Ok(false) => {}
            Err(e) => tracing::warn!(order = %order_id, error = %e, "delivering a paid order failed; will retry"),
        }
    }
    Ok(moved)
}

/// The hourly tidy-up: expired sessions, old throttle counters and eSIM lookup codes go, and
/// stock imports a restart interrupted are marked stopped. Each step fails on its own.
pub async fn prune(pool: &PgPool) {
    use tower_sessions::ExpiredDeletion;
    let sessions = tower_sessions_sqlx_store::PostgresStore::new(pool.clone());
    if let Err(e) = sessions.delete_expired().await {
        tracing::warn!(error = %e, "deleting expired sessions failed");
    }
    if let Err(e) = crate::security::throttle::prune(pool).await {
        tracing::warn!(error = %e, "pruning throttle counters failed");
    }
    if let Err(e) = crate::esims::lookup::prune(pool).await {
        tracing::warn!(error = %e, "pruning eSIM lookup codes failed");
    }
    match crate::stock::mark_abandoned(pool).await {
        Ok(0) => {}
        Ok(n) => tracing::warn!(imports = n, "marked stock imports interrupted by a restart as stopped"),
        Err(e) => tracing::warn!(error = %e, "checking for abandoned stock imports failed"),
    }
}
