//! Account rows. Personal data and the password hash never leave this module in a `Debug` form.
use domain::account::{Role, Viewer};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

#[derive(Clone)]
pub struct AccountRecord {
    pub id: Uuid,
    pub storefront_id: Uuid,
    pub email: String,
    pub phone: Option<String>,
    pub full_name: Option<String>,
    pub preferred_language: Option<String>,
    pub preferred_currency: Option<String>,
    pub password_hash: String,
    pub email_verified: bool,
    pub role: Role,
    pub session_epoch: i32,
}

/// Leaves out the e-mail, phone and hash, so an account in a log line leaks nothing.
impl std::fmt::Debug for AccountRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountRecord")
            .field("id", &self.id)
            .field("storefront_id", &self.storefront_id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

impl AccountRecord {
    pub fn viewer(&self) -> Viewer {
        Viewer {
            email: self.email.clone(),
            full_name: self.full_name.clone(),
            role: self.role,
            email_verified: self.email_verified,
        }
    }
}

macro_rules! account_from_row {
    ($row:expr) => {{
        let row = $row;
        AccountRecord {
            id: row.id,
            storefront_id: row.storefront_id,
            email: row.email.unwrap_or_default(),
            phone: row.phone,
            full_name: row.full_name,
            preferred_language: row.preferred_language,
            preferred_currency: row.preferred_currency,
            password_hash: row.password_hash.unwrap_or_default(),
            email_verified: row.email_verified,
            role: Role::from_code(&row.role).unwrap_or(Role::Customer),
            session_epoch: row.session_epoch,
        }
    }};
}

pub async fn find_active_by_id(pool: &PgPool, id: Uuid) -> Result<Option<AccountRecord>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT id, storefront_id, email, phone, full_name, preferred_language,
                  preferred_currency::text AS preferred_currency, password_hash,
                  email_verified_at IS NOT NULL AS "email_verified!", role::text AS "role!", session_epoch
           FROM accounts WHERE id = $1 AND anonymised_at IS NULL"#,
        id
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| account_from_row!(r)))
}

/// Finds an account by e-mail (anything with an `@`) or by phone number.
pub async fn find_by_sign_in_name(
    db: impl sqlx::PgExecutor<'_>,
    storefront_id: Uuid,
    email: Option<&str>,
    phone: Option<&str>,
) -> Result<Option<AccountRecord>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT id, storefront_id, email, phone, full_name, preferred_language,
                  preferred_currency::text AS preferred_currency, password_hash,
                  email_verified_at IS NOT NULL AS "email_verified!", role::text AS "role!", session_epoch
           FROM accounts
           WHERE storefront_id = $1 AND anonymised_at IS NULL
             AND (lower(email) = lower($2) OR phone = $3)
           LIMIT 1"#,
        storefront_id,
        email,
        phone,
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| account_from_row!(r)))
}

/// Locks the account row for a change that must not race another (password, role, deletion).
pub async fn lock_by_id(conn: &mut PgConnection, id: Uuid) -> Result<Option<AccountRecord>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT id, storefront_id, email, phone, full_name, preferred_language,
                  preferred_currency::text AS preferred_currency, password_hash,
                  email_verified_at IS NOT NULL AS "email_verified!", role::text AS "role!", session_epoch
           FROM accounts WHERE id = $1 AND anonymised_at IS NULL
           FOR UPDATE"#,
        id
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| account_from_row!(r)))
}

/// Sets a new password and moves the session epoch on, which ends every existing session.
/// Returns the new epoch.
pub async fn set_password(conn: &mut PgConnection, id: Uuid, password_hash: &str) -> Result<i32, sqlx::Error> {
    sqlx::query_scalar!(
        r#"UPDATE accounts SET password_hash = $2, session_epoch = session_epoch + 1, updated_at = now()
           WHERE id = $1 RETURNING session_epoch"#,
        id,
        password_hash
    )
    .fetch_one(&mut *conn)
    .await
}

/// Marks the address verified and makes sure a customer record is linked to the account. An
/// account-less customer record with the same address (a renewal bought without signing in) is
/// claimed only now, once the person has proven the mailbox is theirs.
pub async fn mark_email_verified(conn: &mut PgConnection, account: &AccountRecord) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE accounts SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1",
        account.id
    )
    .execute(&mut *conn)
    .await?;
    let claimed = sqlx::query!(
        r#"UPDATE customers SET account_id = $1
           WHERE storefront_id = $2 AND lower(email) = lower($3) AND account_id IS NULL AND anonymised_at IS NULL"#,
        account.id,
        account.storefront_id,
        account.email,
    )
    .execute(&mut *conn)
    .await?;
    if claimed.rows_affected() == 0 {
        sqlx::query!(
            r#"INSERT INTO customers (storefront_id, email, phone, full_name, preferred_language, preferred_currency, account_id)
               SELECT storefront_id, email, phone, full_name, preferred_language, preferred_currency, id
               FROM accounts WHERE id = $1
               ON CONFLICT DO NOTHING"#,
            account.id
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The account's customer record, made on first purchase if verification has not made it yet.
pub async fn customer_for_account(pool: &PgPool, account_id: Uuid) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar!(
        "INSERT INTO customers (storefront_id, email, full_name, account_id)
         SELECT storefront_id, email, full_name, id FROM accounts WHERE id = $1
         ON CONFLICT (account_id) DO UPDATE SET account_id = EXCLUDED.account_id
         RETURNING id",
        account_id
    )
    .fetch_one(pool)
    .await
}
