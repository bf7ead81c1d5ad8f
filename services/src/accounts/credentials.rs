//! Signing in, forgotten passwords and password changes.
use super::AccountError;
use super::links::storefront_url;
use super::registration::{consume_token, queue_mail};
use super::repo::{self, AccountRecord};
use crate::AppContext;
use crate::audit::{self, AuditEvent};
use crate::mail::templates::MailContent;
use crate::security::{password, throttle, token};
use crate::storefronts::Storefront;
use domain::account::{AccountProblem, check_new_password, normalize_email, normalize_phone};
use domain::locale::Locale;

const RESET_LINK_TTL_MINUTES: i32 = 60;

/// Checks an e-mail-or-phone and password. Failures count against both the sign-in name and the
/// IP; past the limit the password is not even checked.
pub async fn sign_in(
    ctx: &AppContext,
    storefront: &Storefront,
    ip: &str,
    identifier: &str,
    password_input: String,
) -> Result<AccountRecord, AccountError> {
    let (email, phone) = if identifier.contains('@') {
        (normalize_email(identifier).ok(), None)
    } else {
        (None, normalize_phone(identifier).ok().flatten())
    };
    let name_key = throttle::account_key(
        "signin",
        storefront.id,
        email.as_deref().or(phone.as_deref()).unwrap_or(identifier),
    );
    let ip_key = throttle::ip_key("signin", ip);
    throttle::check(
        &ctx.pool,
        &[
            (&name_key, throttle::SIGN_IN_PER_ACCOUNT),
            (&ip_key, throttle::SIGN_IN_PER_IP),
        ],
    )
    .await??;

    let account = match (&email, &phone) {
        (None, None) => None,
        _ => repo::find_by_sign_in_name(&ctx.pool, storefront.id, email.as_deref(), phone.as_deref()).await?,
    };
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    if password::verify(password_input, stored).await {
        throttle::clear(&ctx.pool, &name_key).await?;
        Ok(account.expect("a password only verifies against an account"))
    } else {
        throttle::record(&ctx.pool, &[&name_key, &ip_key]).await?;
        Err(AccountProblem::WrongCredentials.into())
    }
}

/// Queues a single-use reset link if the address has an account. The answer is the same either
/// way; requests are limited per address and per IP.
pub async fn request_password_reset(
    ctx: &AppContext,
    storefront: &Storefront,
    ip: &str,
    email_input: &str,
    locale: Locale,
) -> Result<(), AccountError> {
    let email = normalize_email(email_input)?;
    let address_key = throttle::account_key("reset", storefront.id, &email);
    let ip_key = throttle::ip_key("reset", ip);
    throttle::check(
        &ctx.pool,
        &[
            (&address_key, throttle::RESET_PER_ACCOUNT),
            (&ip_key, throttle::RESET_PER_IP),
        ],
    )
    .await??;
    throttle::record(&ctx.pool, &[&address_key, &ip_key]).await?;

    let Some(account) = repo::find_by_sign_in_name(&ctx.pool, storefront.id, Some(&email), None).await? else {
        return Ok(());
    };
    let link_token = token::new_link_token();
    let mut tx = ctx.pool.begin().await?;
    sqlx::query!(
        r#"INSERT INTO account_tokens (token_hash, account_id, purpose, expires_at)
           VALUES ($1, $2, 'reset_password', now() + make_interval(mins => $3))"#,
        link_token.hash,
        account.id,
        RESET_LINK_TTL_MINUTES,
    )
    .execute(&mut *tx)
    .await?;
    let link = storefront_url(
        &ctx.public_url,
        storefront,
        &format!("/account/reset?token={}", link_token.secret),
    );
    let locale = account
        .preferred_language
        .as_deref()
        .and_then(Locale::from_code)
        .unwrap_or(locale);
    queue_mail(
        &mut tx,
        storefront,
        &account.email,
        &MailContent::ResetPassword { link },
        locale,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a new password from a reset link. The link is spent only when the new password is
/// accepted; every session of the account ends, and other outstanding reset links die with it.
pub async fn reset_password(
    ctx: &AppContext,
    storefront: &Storefront,
    ip: &str,
    secret: &str,
    new_password: String,
    confirm: &str,
) -> Result<(), AccountError> {
    let pending = sqlx::query!(
        r#"SELECT a.email AS "email!"
           FROM account_tokens t JOIN accounts a ON a.id = t.account_id
           WHERE t.token_hash = $1 AND t.purpose = 'reset_password' AND t.used_at IS NULL
             AND t.expires_at > now() AND a.anonymised_at IS NULL AND a.storefront_id = $2"#,
        token::hash_secret(secret),
        storefront.id,
    )
    .fetch_optional(&ctx.pool)
    .await?
    .ok_or(AccountProblem::LinkInvalid)?;
    check_new_password(&new_password, confirm, &pending.email)?;
    let hash = password::hash(new_password).await.map_err(|_| AccountError::Hashing)?;

    let mut tx = ctx.pool.begin().await?;
    let account_id = consume_token(&mut tx, secret, "reset_password").await?;
    let account = repo::lock_by_id(&mut tx, account_id)
        .await?
        .ok_or(AccountProblem::LinkInvalid)?;
    repo::set_password(&mut tx, account.id, &hash).await?;
    sqlx::query!(
        "UPDATE account_tokens SET used_at = now() WHERE account_id = $1 AND purpose = 'reset_password' AND used_at IS NULL",
        account.id
    )
    .execute(&mut *tx)
    .await?;
    // The link arrived by e-mail, so the address is proven too.
    repo::mark_email_verified(&mut tx, &account).await?;
    audit::record(
        &mut tx,
        AuditEvent {
            storefront_id: Some(account.storefront_id),
            actor: Some(account.id),
            ip,
            action: "password.reset",
            target_account: Some(account.id),
            target_email: Some(&account.email),
            details: serde_json::json!({}),
        },
    )
    .await?;
    tx.commit().await?;
    throttle::clear(
        &ctx.pool,
        &throttle::account_key("signin", storefront.id, &account.email),
    )
    .await?;
    Ok(())
}

/// Changes the password of a signed-in account after checking the current one. Returns the new
/// session epoch: the caller's own session is kept, every other one ends.
pub async fn change_password(
    ctx: &AppContext,
    storefront: &Storefront,
    ip: &str,
    account: &AccountRecord,
    current: String,
    new_password: String,
    confirm: &str,
) -> Result<i32, AccountError> {
    let key = throttle::account_key("change-password", account.storefront_id, &account.email);
    throttle::check(&ctx.pool, &[(&key, throttle::SIGN_IN_PER_ACCOUNT)]).await??;
    if !password::verify(current, Some(account.password_hash.clone())).await {
        throttle::record(&ctx.pool, &[&key]).await?;
        return Err(AccountProblem::CurrentPasswordWrong.into());
    }
    check_new_password(&new_password, confirm, &account.email)?;
    let hash = password::hash(new_password).await.map_err(|_| AccountError::Hashing)?;
    let mut tx = ctx.pool.begin().await?;
    let epoch = repo::set_password(&mut tx, account.id, &hash).await?;
    let reset_link = storefront_url(&ctx.public_url, storefront, "/account/forgot");
    let locale = account
        .preferred_language
        .as_deref()
        .and_then(Locale::from_code)
        .unwrap_or(Locale::En);
    queue_mail(
        &mut tx,
        storefront,
        &account.email,
        &MailContent::PasswordChanged { reset_link },
        locale,
    )
    .await?;
    audit::record(
        &mut tx,
        AuditEvent {
            storefront_id: Some(account.storefront_id),
            actor: Some(account.id),
            ip,
            action: "password.changed",
            target_account: Some(account.id),
            target_email: Some(&account.email),
            details: serde_json::json!({}),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(epoch)
}
