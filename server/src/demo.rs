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
        add_demo_accounts(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(empty)
}

/// The password of every demo account; printed by `./run` and in the README. Demo data only.
pub const DEMO_PASSWORD: &str = "roamdesk-demo";

/// One account per role, so every page can be tried out of the box.
pub const DEMO_ACCOUNTS: [(&str, &str, &str); 4] = [
    ("operator@demo.roamdesk.test", "Olga Operator", "operator"),
    ("admin@demo.roamdesk.test", "Ravi Reseller", "reseller_admin"),
    ("agent@demo.roamdesk.test", "Ali Agent", "agent"),
    ("anna@demo.roamdesk.test", "Anna Traveller", "customer"),
];

async fn add_demo_accounts(conn: &mut sqlx::PgConnection) -> Result<(), sqlx::Error> {
    let hash = app::ssr::auth::password::hash(DEMO_PASSWORD.to_string())
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("hashing the demo password: {e}")))?;
    for (email, name, role) in DEMO_ACCOUNTS {
        let id: uuid::Uuid = sqlx::query_scalar(
            "INSERT INTO accounts (storefront_id, email, full_name, password_hash, role, email_verified_at, preferred_language)
             SELECT id, $1, $2, $3, $4::account_role, now(), 'en' FROM storefronts WHERE slug = 'demo'
             RETURNING id",
        )
        .bind(email)
        .bind(name)
        .bind(&hash)
        .bind(role)
        .fetch_one(&mut *conn)
        .await?;
        sqlx::query(
            "INSERT INTO customers (storefront_id, email, full_name, account_id)
             SELECT storefront_id, email, full_name, id FROM accounts WHERE id = $1",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
