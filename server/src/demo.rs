//! The demo storefront: loaded once into an empty database so `./run` shows a real shop.
use sqlx::PgPool;

const DEMO_SQL: &str = include_str!("../demo/demo.sql");

/// Loads the demo data if no storefront exists yet. Returns whether it loaded. Safe to call from
/// several processes at once: an advisory lock (per database) serialises them and the check runs under it.
pub async fn load_if_empty(pool: &PgPool) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext(current_database() || ':roamdesk-demo-data'))")
        .execute(&mut *tx)
        .await?;
    let empty: bool = sqlx::query_scalar("SELECT NOT EXISTS (SELECT 1 FROM storefronts)")
        .fetch_one(&mut *tx)
        .await?;
    if empty {
        sqlx::raw_sql(DEMO_SQL).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(empty)
}
