//! Change notices between server instances. Triggers in the database `NOTIFY` this channel when a
//! storefront, its languages or currencies, or anything its catalogue shows changes (the catalogue
//! triggers move `storefronts.catalog_version`, which notifies in turn). Each instance listens
//! and forgets what it keeps in memory, so the next request anywhere sees the change.
use crate::storefronts::directory::StorefrontDirectory;
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use std::sync::Arc;
use std::time::Duration;

pub const CHANNEL: &str = "roamdesk_changes";

/// Listens until `stop` turns true, reconnecting after a lost connection. While disconnected the
/// directory remembers nothing, so no change can be missed.
pub async fn listen(pool: PgPool, directory: Arc<StorefrontDirectory>, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        let mut listener = match subscribe(&pool, CHANNEL).await {
            Ok(listener) => listener,
            Err(e) => {
                tracing::warn!(error = %e, "change listener: cannot connect; retrying");
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_secs(2)) => continue,
                    _ = stop.changed() => return,
                }
            }
        };
        directory.set_listening(true);
        loop {
            tokio::select! {
                notice = listener.try_recv() => match notice {
                    Ok(Some(_)) => directory.changed(),
                    Ok(None) | Err(_) => {
                        tracing::warn!("change listener: connection lost; reconnecting");
                        break;
                    }
                },
                _ = stop.changed() => {
                    directory.set_listening(false);
                    return;
                }
            }
        }
        directory.set_listening(false);
    }
}

/// A connection that waits for NOTIFY on `channel`, made with `pool`'s settings but outside it:
/// a listener keeps its connection for good, and the pool's are for requests.
pub async fn subscribe(pool: &PgPool, channel: &str) -> Result<PgListener, sqlx::Error> {
    let own = sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .max_lifetime(None)
        .idle_timeout(None)
        .connect_with((*pool.connect_options()).clone())
        .await?;
    let mut listener = PgListener::connect_with(&own).await?;
    listener.listen(channel).await?;
    Ok(listener)
}
