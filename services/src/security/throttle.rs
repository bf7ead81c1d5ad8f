//! Limits on sign-in failures and reset requests, per account and per IP, counted in PostgreSQL
//! over a sliding window. A hand-rolled counter rather than a rate-limit layer: what is counted is
//! failures (and per account, not only per IP), and the counts must outlive a restart.
use domain::account::AccountProblem;
use sqlx::PgPool;
use std::time::Duration;

#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub max: i64,
    pub window: Duration,
}

pub const SIGN_IN_PER_ACCOUNT: Limit = Limit {
    max: 5,
    window: Duration::from_secs(15 * 60),
};
pub const SIGN_IN_PER_IP: Limit = Limit {
    max: 30,
    window: Duration::from_secs(15 * 60),
};
pub const RESET_PER_ACCOUNT: Limit = Limit {
    max: 3,
    window: Duration::from_secs(60 * 60),
};
pub const RESET_PER_IP: Limit = Limit {
    max: 20,
    window: Duration::from_secs(60 * 60),
};

/// Refuses when any key has reached its limit, saying how long until the oldest counted event
/// leaves the window.
pub async fn check(pool: &PgPool, keys: &[(&str, Limit)]) -> Result<Result<(), AccountProblem>, sqlx::Error> {
    for (key, limit) in keys {
        let row = sqlx::query!(
            r#"SELECT count(*) AS "count!",
                      ceil(extract(epoch FROM (min(at) + make_interval(secs => $2) - now())) / 60)::int AS wait_minutes
               FROM auth_throttle_events
               WHERE key = $1 AND at > now() - make_interval(secs => $2)"#,
            key,
            limit.window.as_secs_f64(),
        )
        .fetch_one(pool)
        .await?;
        if row.count >= limit.max {
            let minutes = row.wait_minutes.unwrap_or(1).max(1) as u32;
            return Ok(Err(AccountProblem::Throttled {
                retry_after_minutes: minutes,
            }));
        }
    }
    Ok(Ok(()))
}

pub async fn record(pool: &PgPool, keys: &[&str]) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO auth_throttle_events (key) SELECT unnest($1::text[])",
        &keys.iter().map(|k| k.to_string()).collect::<Vec<_>>()
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// A successful sign-in forgives that account's earlier failures (not the IP's).
pub async fn clear(pool: &PgPool, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM auth_throttle_events WHERE key = $1", key)
        .execute(pool)
        .await?;
    Ok(())
}

/// Drops events older than any window; run by the maintenance worker.
pub async fn prune(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!("DELETE FROM auth_throttle_events WHERE at < now() - interval '1 day'")
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

pub fn account_key(action: &str, storefront_id: uuid::Uuid, identifier: &str) -> String {
    format!("{action}-account:{storefront_id}:{}", identifier.trim().to_lowercase())
}

pub fn ip_key(action: &str, ip: &str) -> String {
    format!("{action}-ip:{ip}")
}
