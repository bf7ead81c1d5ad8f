//! Background work: e-mail delivery from the outbox, periodic clean-up, and change notices. All stop when the
//! shutdown signal flips; a message being sent at that moment is rolled back and sent later.
use services::mail::{Mailer, outbox};
use services::payments::inbox;
use services::scheduler;
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// A connection that waits for NOTIFY on `channel`; `None` (polling only) if it cannot be had.
async fn listen(pool: &PgPool, channel: &str) -> Option<PgListener> {
    match services::changes::subscribe(pool, channel).await {
        Ok(l) => Some(l),
        Err(e) => {
            tracing::warn!(error = %e, channel, "cannot LISTEN; polling only");
            None
        }
    }
}

/// Wakes on a notification, or never when there is no listener.
async fn notified(listener: &mut Option<PgListener>) -> Result<(), sqlx::Error> {
    match listener.as_mut() {
        Some(l) => l.recv().await.map(|_| ()),
        None => std::future::pending().await,
    }
}

/// Longest sleep between outbox scans when nothing wakes the worker.
const IDLE_POLL: Duration = Duration::from_secs(30);

pub fn spawn_mail_worker(pool: PgPool, mailer: Mailer, mut shutdown: watch::Receiver<bool>) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut listener = listen(&pool, "roamdesk_outbox").await;
        tracing::info!("mail worker started");
        loop {
            match outbox::deliver_due(&pool, &mailer, Duration::ZERO, 50).await {
                Ok(report) if report.sent + report.failed > 0 => {
                    tracing::info!(sent = report.sent, failed = report.failed, "outbox delivery round");
                    if report.sent + report.failed == 50 {
                        continue;
                    }
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "outbox delivery round failed"),
            }
            let sleep_for = match outbox::next_due(&pool).await {
                Ok(Some(due)) => (due - chrono::Utc::now())
                    .to_std()
                    .unwrap_or(Duration::ZERO)
                    .min(IDLE_POLL),
                _ => IDLE_POLL,
            }
            .max(Duration::from_millis(200));
            tokio::select! {
                _ = shutdown.changed() => break,
                _ = tokio::time::sleep(sleep_for) => {}
                notification = notified(&mut listener) => {
                    if let Err(e) = notification {
                        tracing::warn!(error = %e, "outbox LISTEN connection lost; it reconnects on next use");
                    }
                }
            }
        }
        tracing::info!("mail worker stopped");
    })
}

/// The scheduler's hourly tidy-up (expired sessions, throttle counters, lookup codes, stopped
/// stock imports).
pub fn spawn_maintenance(pool: PgPool, mut shutdown: watch::Receiver<bool>) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            scheduler::prune(&pool).await;
            tokio::select! {
                _ = shutdown.changed() => break,
                _ = tokio::time::sleep(Duration::from_secs(3600)) => {}
            }
        }
    })
}

/// Payment events: processed as soon as one is stored (LISTEN), and every 10 s anyway; every
/// minute the scheduler's reconciliation asks the provider about payments left pending and delivers paid
/// orders that were not delivered, which is what makes a crash between payment and delivery
/// harmless.
pub fn spawn_payment_worker(ctx: services::AppContext, mut shutdown: watch::Receiver<bool>) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut listener = listen(&ctx.pool, inbox::NOTIFY_CHANNEL).await;
        tracing::info!(provider = ctx.payments.provider(), "payment worker started");
        let mut last_reconcile = std::time::Instant::now() - Duration::from_secs(3600);
        loop {
            match inbox::process_pending(&ctx, 100).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(events = n, "payment events processed"),
                Err(e) => tracing::error!(error = %e, "processing payment events failed"),
            }
            if last_reconcile.elapsed() >= Duration::from_secs(60) {
                last_reconcile = std::time::Instant::now();
                match scheduler::reconcile(&ctx).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(orders = n, "reconciliation moved orders forward"),
                    Err(e) => tracing::warn!(error = %e, "reconciliation failed"),
                }
            }
            tokio::select! {
                _ = shutdown.changed() => break,
                _ = tokio::time::sleep(Duration::from_secs(10)) => {}
                notification = notified(&mut listener) => {
                    if let Err(e) = notification {
                        tracing::warn!(error = %e, "payment LISTEN connection lost; it reconnects on next use");
                    }
                }
            }
        }
        tracing::info!("payment worker stopped");
    })
}

/// Keeps this instance's in-memory storefronts in step with the database (`services::changes`).
pub fn spawn_change_listener(ctx: services::AppContext, shutdown: watch::Receiver<bool>) -> JoinHandle<()> {
    tokio::spawn(services::changes::listen(
        ctx.pool.clone(),
        ctx.storefronts.clone(),
        shutdown,
    ))
}
