//! Signing up and confirming the e-mail address.
use super::AccountError;
use super::links::storefront_url;
use super::repo::{self, AccountRecord};
use crate::AppContext;
use crate::mail::outbox::{self, NewMail};
use crate::mail::templates::{MailContent, render};
use crate::security::throttle::{self, Limit};
use crate::security::{password, token};
use crate::storefronts::Storefront;
use domain::account::{check_full_name, check_new_password, normalize_email, normalize_phone};
use domain::locale::Locale;
use sqlx::PgConnection;
use std::time::Duration;

pub struct SignUp {
    pub email: String,
    pub password: String,
    pub confirm: String,
    pub full_name: String,
    pub phone: String,
    pub locale: Locale,
}

const VERIFY_LINK_TTL_HOURS: i32 = 48;
const SIGN_UP_PER_IP: Limit = Limit {
    max: 20,
    window: Duration::from_secs(3600),
};
/// Bounds how many "you already have an account" mails one address can be sent.
const SIGN_UP_PER_ADDRESS: Limit = Limit {
    max: 3,
    window: Duration::from_secs(3600),
};

/// Creates an unverified account and queues the verification mail. When the address already has
/// an account, nothing is created and that account's owner is told by e-mail instead; the caller
/// sees the same answer either way.
pub async fn sign_up(ctx: &AppContext, storefront: &Storefront, ip: &str, input: SignUp) -> Result<(), AccountError> {
    let email = normalize_email(&input.email)?;
    let phone = normalize_phone(&input.phone)?;
    let full_name = check_full_name(&input.full_name)?;
    check_new_password(&input.password, &input.confirm, &email)?;

    let address_key = throttle::account_key("signup", storefront.id, &email);
    let ip_key = throttle::ip_key("signup", ip);
    throttle::check(
        &ctx.pool,
        &[(&address_key, SIGN_UP_PER_ADDRESS), (&ip_key, SIGN_UP_PER_IP)],
    )
    .await??;
    throttle::record(&ctx.pool, &[&address_key, &ip_key]).await?;

    // Hashing happens whether or not the address is taken, so timing tells nothing either.
    let hash = password::hash(input.password)
        .await
        .map_err(|_| AccountError::Hashing)?;
    let mut tx = ctx.pool.begin().await?;
    // Serialises two sign-ups for the same address, so the unique index never surfaces as an error.
    sqlx::query!("SELECT pg_advisory_xact_lock(hashtext($1))", address_key)
        .execute(&mut *tx)
        .await?;
    if let Some(existing) = repo::find_by_sign_in_name(&mut *tx, storefront.id, Some(&email), None).await? {
        let content = MailContent::AccountExists {
            sign_in_link: storefront_url(&ctx.public_url, storefront, "/account/sign-in"),
            reset_link: storefront_url(&ctx.public_url, storefront, "/account/forgot"),
        };
        let locale = existing
            .preferred_language
            .as_deref()
            .and_then(Locale::from_code)
            .unwrap_or(input.locale);
        queue_mail(&mut tx, storefront, &existing.email, &content, locale).await?;
        tx.commit().await?;
        return Ok(());
    }
    let phone_free = match &phone {
        Some(p) => repo::find_by_sign_in_name(&mut *tx, storefront.id, None, Some(p))
            .await?
            .is_none(),
        None => true,
    };
    let account_id = sqlx::query_scalar!(
        r#"INSERT INTO accounts (storefront_id, email, phone, full_name, preferred_language, password_hash)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"#,
        storefront.id,
        email,
        phone.filter(|_| phone_free),
        full_name,
        input.locale.code(),
        hash,
    )
    .fetch_one(&mut *tx)
    .await?;
    send_verification(&mut tx, ctx, storefront, account_id, &email, input.locale).await?;
    tx.commit().await?;
    Ok(())
}

/// Issues a new verification link and queues it, inside the caller's transaction.
pub async fn send_verification(
    conn: &mut PgConnection,
    ctx: &AppContext,
    storefront: &Storefront,
    account_id: uuid::Uuid,
    email: &str,
    locale: Locale,
) -> Result<(), AccountError> {
    let link_token = token::new_link_token();
    sqlx::query!(
        r#"INSERT INTO account_tokens (token_hash, account_id, purpose, expires_at)
           VALUES ($1, $2, 'verify_email', now() + make_interval(hours => $3))"#,
        link_token.hash,
        account_id,
        VERIFY_LINK_TTL_HOURS,
    )
    .execute(&mut *conn)
    .await?;
    let link = storefront_url(
        &ctx.public_url,
        storefront,
        &format!("/account/verify?token={}", link_token.secret),
    );
    queue_mail(conn, storefront, email, &MailContent::VerifyEmail { link }, locale).await
}

pub(crate) async fn queue_mail(
    conn: &mut PgConnection,
    storefront: &Storefront,
    to: &str,
    content: &MailContent,
    locale: Locale,
) -> Result<(), AccountError> {
    let mail = render(content, locale, &storefront.brand.name);
    outbox::enqueue(
        conn,
        NewMail {
            storefront_id: storefront.id,
            kind: content.kind(),
            to,
            mail,
            dedupe_key: None,
        },
    )
    .await?;
    Ok(())
}

/// Uses a verification link: marks the address verified and returns the account, which the
/// caller then signs in, since following the link proves the mailbox is theirs.
pub async fn verify_email(
    ctx: &AppContext,
    storefront: &Storefront,
    secret: &str,
) -> Result<AccountRecord, AccountError> {
    let mut tx = ctx.pool.begin().await?;
    let account_id = consume_token(&mut tx, secret, "verify_email").await?;
    let account = repo::lock_by_id(&mut tx, account_id)
        .await?
        .filter(|a| a.storefront_id == storefront.id)
        .ok_or(domain::account::AccountProblem::LinkInvalid)?;
    repo::mark_email_verified(&mut tx, &account).await?;
    tx.commit().await?;
    Ok(AccountRecord {
        email_verified: true,
        ..account
    })
}

/// Marks a link token used, once. Any token that is unknown, used, expired or for another purpose
/// gives the same answer.
pub(crate) async fn consume_token(
    conn: &mut PgConnection,
    secret: &str,
    purpose: &str,
) -> Result<uuid::Uuid, AccountError> {
    sqlx::query_scalar!(
        r#"UPDATE account_tokens SET used_at = now()
           WHERE token_hash = $1 AND purpose = $2::text::account_token_purpose
             AND used_at IS NULL AND expires_at > now()
           RETURNING account_id"#,
        token::hash_secret(secret),
        purpose,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AccountError::Refused(domain::account::AccountProblem::LinkInvalid))
}

/// Sends a fresh verification link to a signed-in account that has not confirmed yet.
pub async fn resend_verification(
    ctx: &AppContext,
    storefront: &Storefront,
    account: &AccountRecord,
    locale: Locale,
) -> Result<(), AccountError> {
    if account.email_verified {
        return Ok(());
    }
    let key = throttle::account_key("verify-resend", storefront.id, &account.email);
    throttle::check(&ctx.pool, &[(&key, SIGN_UP_PER_ADDRESS)]).await??;
    throttle::record(&ctx.pool, &[&key]).await?;
    let mut tx = ctx.pool.begin().await?;
    send_verification(&mut tx, ctx, storefront, account.id, &account.email, locale).await?;
    tx.commit().await?;
    Ok(())
}
