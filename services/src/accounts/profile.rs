//! The signed-in person's own data: profile, export, deletion.
use super::AccountError;
use super::repo::{self, AccountRecord};
use crate::AppContext;
use crate::audit::{self, AuditEvent};
use crate::security::password;
use crate::storefronts::Storefront;
use domain::account::{AccountProblem, check_full_name, normalize_phone};
use domain::locale::Locale;
use domain::money::Currency;

pub struct ProfileUpdate {
    pub full_name: String,
    pub phone: String,
    pub language: String,
    pub currency: String,
    /// An IANA name from `domain::time::zone_choices`, or empty for the browser's zone.
    pub time_zone: String,
}

/// Saves the profile; returns the time zone now stored, for the caller's cookie.
pub async fn update_profile(
    ctx: &AppContext,
    storefront: &Storefront,
    account: &AccountRecord,
    input: ProfileUpdate,
) -> Result<Option<&'static str>, AccountError> {
    let full_name = check_full_name(&input.full_name)?;
    let phone = normalize_phone(&input.phone)?;
    let language = Locale::from_code(&input.language)
        .filter(|l| storefront.brand.locales.contains(l))
        .ok_or(AccountProblem::LanguageNotOffered)?;
    let currency = Currency::from_code(&input.currency)
        .filter(|c| storefront.brand.currencies.contains(c))
        .ok_or(AccountProblem::CurrencyNotOffered)?;
    let time_zone = domain::time::chosen_zone(&input.time_zone)?;
    if let Some(p) = &phone {
        let holder = repo::find_by_sign_in_name(&ctx.pool, account.storefront_id, None, Some(p)).await?;
        if holder.is_some_and(|h| h.id != account.id) {
            return Err(AccountProblem::PhoneTaken.into());
        }
    }
    let mut tx = ctx.pool.begin().await?;
    sqlx::query!(
        r#"UPDATE accounts SET full_name = $2, phone = $3, preferred_language = $4, preferred_currency = $5,
                  time_zone = $6, updated_at = now()
           WHERE id = $1"#,
        account.id,
        full_name,
        phone,
        language.code(),
        currency.code(),
        time_zone,
    )
    .execute(&mut *tx)
    .await?;
    // The customer record on receipts follows the profile.
    sqlx::query!(
        r#"UPDATE customers SET full_name = $2, phone = $3, preferred_language = $4, preferred_currency = $5
           WHERE account_id = $1"#,
        account.id,
        full_name,
        phone,
        language.code(),
        currency.code(),
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(time_zone)
}

/// The time zone the person chose, if any (an IANA name).
pub async fn time_zone(pool: &sqlx::PgPool, account_id: uuid::Uuid) -> Result<Option<String>, sqlx::Error> {
    let zone = sqlx::query_scalar!("SELECT time_zone FROM accounts WHERE id = $1", account_id)
        .fetch_optional(pool)
        .await?;
    Ok(zone.flatten())
}

/// Everything stored about the person, as JSON: account, customer record, orders, eSIMs, audit
/// entries about them. Activation codes are left out: they stay behind the install page.
pub async fn export(ctx: &AppContext, account: &AccountRecord) -> Result<serde_json::Value, AccountError> {
    let data = sqlx::query_scalar!(
        r#"SELECT jsonb_build_object(
             'exported_at', now(),
             'account', (SELECT jsonb_build_object(
                 'email', a.email, 'phone', a.phone, 'full_name', a.full_name,
                 'preferred_language', a.preferred_language, 'preferred_currency', a.preferred_currency, 'time_zone', a.time_zone,
                 'email_verified_at', a.email_verified_at, 'role', a.role, 'created_at', a.created_at)
               FROM accounts a WHERE a.id = $1),
             'customer', (SELECT to_jsonb(c) - 'account_id' - 'storefront_id' FROM customers c WHERE c.account_id = $1),
             'orders', coalesce((SELECT jsonb_agg(jsonb_build_object(
                 'order_number', o.order_number, 'status', o.status, 'currency', o.currency,
                 'subtotal_minor', o.subtotal_minor, 'discount_minor', o.discount_minor,
                 'total_minor', o.total_minor, 'created_at', o.created_at) ORDER BY o.created_at)
               FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.account_id = $1), '[]'::jsonb),
             'esims', coalesce((SELECT jsonb_agg(jsonb_build_object(
                 'iccid', p.iccid, 'nickname', p.nickname, 'status', p.status, 'carrier', p.carrier,
                 'allocated_at', p.allocated_at, 'installed_at', p.installed_at) ORDER BY p.allocated_at)
               FROM esim_profiles p JOIN customers c ON c.id = p.customer_id WHERE c.account_id = $1), '[]'::jsonb),
             'audit_log', coalesce((SELECT jsonb_agg(jsonb_build_object(
                 'at', l.at, 'action', l.action, 'ip', l.actor_ip) ORDER BY l.id)
               FROM audit_log l WHERE l.target_account_id = $1), '[]'::jsonb)
           ) AS "data!""#,
        account.id
    )
    .fetch_one(&ctx.pool)
    .await?;
    Ok(data)
}

/// Deletes an account the only way bookkeeping allows: personal data is erased or replaced, while
/// orders, payments and ledger entries stay, no longer pointing at a person. Needs the password.
pub async fn delete_account(
    ctx: &AppContext,
    ip: &str,
    account: &AccountRecord,
    password_input: String,
) -> Result<(), AccountError> {
    if account.role.is_staff() {
        return Err(AccountProblem::StaffCannotDeleteSelf.into());
    }
    if !password::verify(password_input, Some(account.password_hash.clone())).await {
        return Err(AccountProblem::CurrentPasswordWrong.into());
    }
    let mut tx = ctx.pool.begin().await?;
    let Some(account) = repo::lock_by_id(&mut tx, account.id).await? else {
        return Ok(());
    };
    let customer_ids: Vec<uuid::Uuid> =
        sqlx::query_scalar!("SELECT id FROM customers WHERE account_id = $1", account.id)
            .fetch_all(&mut *tx)
            .await?;
    sqlx::query!(
        r#"UPDATE orders SET email = 'anonymised@invalid', updated_at = now() WHERE customer_id = ANY($1)"#,
        &customer_ids
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE esim_profiles SET nickname = NULL WHERE customer_id = ANY($1)",
        &customer_ids
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        r#"UPDATE customers SET email = NULL, phone = NULL, full_name = NULL, anonymised_at = now()
           WHERE id = ANY($1)"#,
        &customer_ids
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        r#"UPDATE accounts SET email = NULL, phone = NULL, full_name = NULL, password_hash = NULL,
                  anonymised_at = now(), session_epoch = session_epoch + 1, updated_at = now()
           WHERE id = $1"#,
        account.id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!("DELETE FROM account_tokens WHERE account_id = $1", account.id)
        .execute(&mut *tx)
        .await?;
    // Mail not yet sent is dropped; mail already sent keeps its count but loses its content.
    sqlx::query!(
        "DELETE FROM outbox_emails WHERE storefront_id = $1 AND lower(to_address) = lower($2) AND status <> 'sent'",
        account.storefront_id,
        account.email
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        r#"UPDATE outbox_emails SET to_address = 'anonymised@invalid', subject = '', body_text = '', body_html = ''
           WHERE storefront_id = $1 AND lower(to_address) = lower($2)"#,
        account.storefront_id,
        account.email
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE audit_log SET target_email = NULL WHERE target_account_id = $1 AND target_email IS NOT NULL",
        account.id
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        AuditEvent {
            storefront_id: Some(account.storefront_id),
            actor: Some(account.id),
            ip,
            action: "account.deleted",
            target_account: Some(account.id),
            target_email: None,
            details: serde_json::json!({}),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
