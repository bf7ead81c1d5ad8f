//! Seeing an eSIM without an account: the ICCID or the phone number on file, plus the e-mail on
//! file, get a six-digit code by e-mail; the code opens that eSIM's status for 30 minutes.
//! Every answer is the same whether or not anything matched, so the form cannot be used to
//! learn which ICCIDs or numbers exist.
use crate::accounts::AccountError;
use crate::accounts::links::storefront_url;
use crate::mail::outbox::{self, NewMail};
use crate::mail::templates::{MailContent, render};
use crate::security::throttle::{self, Limit};
use crate::storefronts::Storefront;
use domain::account::{AccountProblem, normalize_email, normalize_phone};
use domain::esim_ids::Iccid;
use domain::locale::Locale;
use rand_core::{OsRng, RngCore};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use std::time::Duration;
use uuid::Uuid;

pub const CODE_VALID_MINUTES: i32 = 15;
pub const MAX_ATTEMPTS: i32 = 5;
/// How long a verified code keeps the eSIM open in the browser's session.
pub const GRANT_MINUTES: i64 = 30;

const PER_IDENTIFIER: Limit = Limit {
    max: 3,
    window: Duration::from_secs(60 * 60),
};
const PER_IP: Limit = Limit {
    max: 20,
    window: Duration::from_secs(60 * 60),
};

/// Where the session keeps the ticket and the grant.
pub const TICKET_SESSION_KEY: &str = "esim_lookup_ticket";
pub const GRANT_SESSION_KEY: &str = "esim_lookup_grant";

/// What the session keeps between asking for a code and entering it. For a lookup that matched
/// nothing the ticket is random and has no row, and entering any code fails the same way.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct LookupTicket(pub Uuid);

/// What a verified code grants, kept in the session.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct LookupGrant {
    pub customer_id: Uuid,
    pub esim_id: Option<Uuid>,
    pub storefront_id: Uuid,
    pub until: chrono::DateTime<chrono::Utc>,
}

/// The session's grant for this storefront, if one is there and still current.
pub async fn current_grant(
    session: &tower_sessions::Session,
    storefront_id: Uuid,
) -> Result<Option<LookupGrant>, tower_sessions::session::Error> {
    Ok(session
        .get::<LookupGrant>(GRANT_SESSION_KEY)
        .await?
        .filter(|g| g.until > chrono::Utc::now() && g.storefront_id == storefront_id))
}

enum Identifier {
    Iccid(String),
    Phone(String),
}

fn parse_identifier(input: &str) -> Result<Identifier, AccountProblem> {
    let trimmed = input.trim();
    if trimmed.starts_with('+') {
        return match normalize_phone(trimmed)? {
            Some(p) => Ok(Identifier::Phone(p)),
            None => Err(AccountProblem::LookupIdentifier),
        };
    }
    Iccid::parse(trimmed)
        .map(|i| Identifier::Iccid(i.as_str().to_string()))
        .map_err(|_| AccountProblem::LookupIdentifier)
}

fn code_hash(ticket: Uuid, code: &str) -> Vec<u8> {
    Sha256::digest(format!("{ticket}:{}", code.trim())).to_vec()
}

/// Asks for a code. Returns the ticket to keep in the session.
pub async fn request_code(
    pool: &PgPool,
    public_url: &str,
    storefront: &Storefront,
    ip: &str,
    identifier: &str,
    email: &str,
    locale: Locale,
) -> Result<LookupTicket, AccountError> {
    let identifier = parse_identifier(identifier)?;
    let email = normalize_email(email)?;
    let id_text = match &identifier {
        Identifier::Iccid(i) | Identifier::Phone(i) => i.clone(),
    };
    let id_key = throttle::account_key("esim_lookup", storefront.id, &id_text);
    let ip_key = throttle::ip_key("esim_lookup", ip);
    throttle::check(pool, &[(&id_key, PER_IDENTIFIER), (&ip_key, PER_IP)]).await??;
    throttle::record(pool, &[&id_key, &ip_key]).await?;

    let matched = match &identifier {
        Identifier::Iccid(iccid) => sqlx::query!(
            r#"SELECT c.id AS customer_id, p.id AS "esim_id?", c.email AS "email!", c.preferred_language
               FROM esim_profiles p JOIN customers c ON c.id = p.customer_id
               WHERE p.storefront_id = $1 AND p.iccid = $2 AND lower(c.email) = $3 AND c.anonymised_at IS NULL"#,
            storefront.id,
            iccid,
            email
        )
        .fetch_optional(pool)
        .await?
        .map(|r| (r.customer_id, r.esim_id, r.email, r.preferred_language)),
        Identifier::Phone(phone) => sqlx::query!(
            r#"SELECT c.id AS customer_id, c.email AS "email!", c.preferred_language
               FROM customers c
               WHERE c.storefront_id = $1 AND c.phone = $2 AND lower(c.email) = $3 AND c.anonymised_at IS NULL
                 AND EXISTS (SELECT 1 FROM esim_profiles p WHERE p.customer_id = c.id)"#,
            storefront.id,
            phone,
            email
        )
        .fetch_optional(pool)
        .await?
        .map(|r| (r.customer_id, None, r.email, r.preferred_language)),
    };
    let mut random = [0u8; 16];
    OsRng.fill_bytes(&mut random);
    let ticket = uuid::Builder::from_random_bytes(random).into_uuid();
    let Some((customer_id, esim_id, to, _)) = matched else {
        return Ok(LookupTicket(ticket));
    };
    let code = format!("{:06}", OsRng.next_u32() % 1_000_000);
    let mut tx = pool.begin().await?;
    sqlx::query!(
        r#"INSERT INTO esim_lookup_codes (id, storefront_id, customer_id, esim_id, code_hash, expires_at)
           VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))"#,
        ticket,
        storefront.id,
        customer_id,
        esim_id,
        code_hash(ticket, &code),
        CODE_VALID_MINUTES,
    )
    .execute(&mut *tx)
    .await?;
    let content = MailContent::EsimLookupCode {
        code,
        link: storefront_url(public_url, storefront, "/renew/code"),
    };
    // The page's language: the person is using it now.
    let mail = render(&content, locale, &storefront.brand.name);
    outbox::enqueue(
        &mut tx,
        NewMail {
            storefront_id: storefront.id,
            kind: content.kind(),
            to: &to,
            mail,
            dedupe_key: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(LookupTicket(ticket))
}

/// Spends a code. Each try counts; after [`MAX_ATTEMPTS`] the code is dead.
pub async fn verify_code(pool: &PgPool, ticket: LookupTicket, code: &str) -> Result<LookupGrant, AccountError> {
    let code = code.trim();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(AccountProblem::CodeInvalid.into());
    }
    let mut tx = pool.begin().await?;
    let row = sqlx::query!(
        r#"UPDATE esim_lookup_codes SET attempts = attempts + 1
           WHERE id = $1 AND used_at IS NULL AND expires_at > now() AND attempts < $2
           RETURNING code_hash, customer_id, esim_id, storefront_id"#,
        ticket.0,
        MAX_ATTEMPTS,
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        tx.commit().await?;
        return Err(AccountProblem::CodeInvalid.into());
    };
    let matches: bool = subtle_eq(&row.code_hash, &code_hash(ticket.0, code));
    if !matches {
        // The attempt is counted even though the code was wrong.
        tx.commit().await?;
        return Err(AccountProblem::CodeInvalid.into());
    }
    sqlx::query!("UPDATE esim_lookup_codes SET used_at = now() WHERE id = $1", ticket.0)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(LookupGrant {
        customer_id: row.customer_id,
        esim_id: row.esim_id,
        storefront_id: row.storefront_id,
        until: chrono::Utc::now() + chrono::Duration::minutes(GRANT_MINUTES),
    })
}

/// Compares two hashes without stopping at the first difference.
fn subtle_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The e-mail of the customer a grant is for, masked, for the page header.
pub async fn masked_email(pool: &PgPool, customer_id: Uuid) -> Result<String, sqlx::Error> {
    let email = sqlx::query_scalar!("SELECT email FROM customers WHERE id = $1", customer_id)
        .fetch_one(pool)
        .await?;
    Ok(domain::esim::mask_email(email.as_deref().unwrap_or("")))
}

/// Forgets codes a day after they expired; they are useless by then.
pub async fn prune(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!("DELETE FROM esim_lookup_codes WHERE expires_at < now() - interval '1 day'")
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}
