//! Staff management: invitations, roles, the team list, customer lookups for agents.
use super::AccountError;
use super::links::storefront_url;
use super::registration::queue_mail;
use super::repo::{self, AccountRecord};
use crate::AppContext;
use crate::audit::{self, AuditEvent};
use crate::mail::templates::MailContent;
use crate::security::{password, token};
use crate::storefronts::Storefront;
use domain::account::{AccountProblem, Role, check_full_name, check_new_password, normalize_email};
use domain::locale::Locale;
use domain::staff::{CustomerMatch, InvitationDetails, PendingInvitation, StaffMember};
use uuid::Uuid;

const INVITATION_TTL_DAYS: i32 = 7;

pub async fn members(ctx: &AppContext, storefront_id: Uuid) -> Result<Vec<StaffMember>, AccountError> {
    let rows = sqlx::query!(
        r#"SELECT id, email AS "email!", full_name, role::text AS "role!", email_verified_at IS NOT NULL AS "verified!"
           FROM accounts
           WHERE storefront_id = $1 AND role <> 'customer' AND anonymised_at IS NULL
           ORDER BY role DESC, lower(email)"#,
        storefront_id
    )
    .fetch_all(&ctx.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| StaffMember {
            account_id: r.id,
            email: r.email,
            full_name: r.full_name,
            role: Role::from_code(&r.role).unwrap_or(Role::Customer),
            email_verified: r.verified,
        })
        .collect())
}

pub async fn pending_invitations(
    ctx: &AppContext,
    storefront_id: Uuid,
) -> Result<Vec<PendingInvitation>, AccountError> {
    let rows = sqlx::query!(
        r#"SELECT id, email, role::text AS "role!", expires_at AS "expires_at: chrono::DateTime<chrono::Utc>" FROM staff_invitations
           WHERE storefront_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
           ORDER BY created_at DESC"#,
        storefront_id
    )
    .fetch_all(&ctx.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PendingInvitation {
            id: r.id,
            email: r.email,
            role: Role::from_code(&r.role).unwrap_or(Role::Agent),
            expires_at: r.expires_at,
        })
        .collect())
}

/// Invites someone by e-mail to a role in `storefront`. The caller's right to act on that
/// storefront was checked by the server function; here the role itself is checked.
pub async fn invite(
    ctx: &AppContext,
    storefront: &Storefront,
    inviter: &AccountRecord,
    ip: &str,
    email_input: &str,
    role: Role,
    locale: Locale,
) -> Result<(), AccountError> {
    let email = normalize_email(email_input)?;
    if role == Role::Customer || !Role::grantable_by(inviter.role).contains(&role) {
        return Err(AccountProblem::RoleNotGrantable.into());
    }
    let link_token = token::new_link_token();
    let mut tx = ctx.pool.begin().await?;
    // A new invitation replaces any earlier one for the same address.
    sqlx::query!(
        r#"UPDATE staff_invitations SET revoked_at = now()
           WHERE storefront_id = $1 AND lower(email) = $2 AND accepted_at IS NULL AND revoked_at IS NULL"#,
        storefront.id,
        email
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        r#"INSERT INTO staff_invitations (storefront_id, email, role, token_hash, invited_by, expires_at)
           VALUES ($1, $2, $3::text::account_role, $4, $5, now() + make_interval(days => $6))"#,
        storefront.id,
        email,
        role.code(),
        link_token.hash,
        inviter.id,
        INVITATION_TTL_DAYS,
    )
    .execute(&mut *tx)
    .await?;
    let link = storefront_url(
        &ctx.public_url,
        storefront,
        &format!("/account/invitation?token={}", link_token.secret),
    );
    let inviter_name = inviter.full_name.clone().unwrap_or_else(|| inviter.email.clone());
    let content = MailContent::StaffInvitation {
        link,
        role,
        inviter: inviter_name,
    };
    queue_mail(&mut tx, storefront, &email, &content, locale).await?;
    audit::record(
        &mut tx,
        AuditEvent {
            storefront_id: Some(storefront.id),
            actor: Some(inviter.id),
            ip,
            action: "staff.invited",
            target_account: None,
            target_email: Some(&email),
            details: serde_json::json!({ "role": role.code() }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn revoke_invitation(
    ctx: &AppContext,
    actor: &AccountRecord,
    ip: &str,
    storefront_id: Uuid,
    invitation_id: Uuid,
) -> Result<(), AccountError> {
    let mut tx = ctx.pool.begin().await?;
    let email = sqlx::query_scalar!(
        r#"UPDATE staff_invitations SET revoked_at = now()
           WHERE id = $1 AND storefront_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL
           RETURNING email"#,
        invitation_id,
        storefront_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AccountProblem::UnknownAccount)?;
    audit::record(
        &mut tx,
        AuditEvent {
            storefront_id: Some(storefront_id),
            actor: Some(actor.id),
            ip,
            action: "staff.invitation_revoked",
            target_account: None,
            target_email: Some(&email),
            details: serde_json::json!({}),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Changes another account's role within `storefront_id`; "revoke" is a change to customer.
pub async fn change_role(
    ctx: &AppContext,
    actor: &AccountRecord,
    ip: &str,
    storefront_id: Uuid,
    target_id: Uuid,
    new_role: Role,
) -> Result<(), AccountError> {
    if target_id == actor.id {
        return Err(AccountProblem::CannotChangeOwnRole.into());
    }
    let grantable = Role::grantable_by(actor.role);
    let mut tx = ctx.pool.begin().await?;
    let target = repo::lock_by_id(&mut tx, target_id)
        .await?
        .filter(|t| t.storefront_id == storefront_id)
        .ok_or(AccountProblem::UnknownAccount)?;
    // Both the role taken away and the role given must be within the actor's power.
    if !grantable.contains(&new_role) || !grantable.contains(&target.role) {
        return Err(AccountProblem::RoleNotGrantable.into());
    }
    if target.role == new_role {
        return Ok(());
    }
    sqlx::query!(
        "UPDATE accounts SET role = $2::text::account_role, updated_at = now() WHERE id = $1",
        target.id,
        new_role.code()
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        AuditEvent {
            storefront_id: Some(storefront_id),
            actor: Some(actor.id),
            ip,
            action: if new_role == Role::Customer {
                "role.revoked"
            } else {
                "role.changed"
            },
            target_account: Some(target.id),
            target_email: Some(&target.email),
            details: serde_json::json!({ "from": target.role.code(), "to": new_role.code() }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What an invitation link offers, for the acceptance page.
pub async fn invitation_details(ctx: &AppContext, secret: &str) -> Result<InvitationDetails, AccountError> {
    let row = sqlx::query!(
        r#"SELECT i.email, i.role::text AS "role!", s.name AS storefront_name,
                  EXISTS (SELECT 1 FROM accounts a WHERE a.storefront_id = i.storefront_id
                          AND lower(a.email) = lower(i.email) AND a.anonymised_at IS NULL) AS "account_exists!"
           FROM staff_invitations i JOIN storefronts s ON s.id = i.storefront_id
           WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()"#,
        token::hash_secret(secret)
    )
    .fetch_optional(&ctx.pool)
    .await?
    .ok_or(AccountProblem::LinkInvalid)?;
    Ok(InvitationDetails {
        email: row.email,
        role: Role::from_code(&row.role).unwrap_or(Role::Agent),
        storefront_name: row.storefront_name,
        account_exists: row.account_exists,
    })
}

pub struct Acceptance {
    pub secret: String,
    pub full_name: String,
    pub password: String,
    pub confirm: String,
}

/// Accepts an invitation. A new person chooses a name and password; someone who already has an
/// account here proves it with their password and keeps it. Returns the account to sign in.
pub async fn accept_invitation(
    ctx: &AppContext,
    storefront: &Storefront,
    ip: &str,
    input: Acceptance,
    locale: Locale,
) -> Result<AccountRecord, AccountError> {
    let hash = token::hash_secret(&input.secret);
    let invitation = sqlx::query!(
        r#"SELECT id, email, role::text AS "role!", invited_by FROM staff_invitations
           WHERE token_hash = $1 AND storefront_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()"#,
        hash,
        storefront.id
    )
    .fetch_optional(&ctx.pool)
    .await?
    .ok_or(AccountProblem::LinkInvalid)?;
    let role = Role::from_code(&invitation.role).ok_or(AccountProblem::LinkInvalid)?;
    let existing = repo::find_by_sign_in_name(&ctx.pool, storefront.id, Some(&invitation.email), None).await?;
    let new_hash = match &existing {
        Some(account) => {
            if !password::verify(input.password.clone(), Some(account.password_hash.clone())).await {
                return Err(AccountProblem::CurrentPasswordWrong.into());
            }
            None
        }
        None => {
            check_new_password(&input.password, &input.confirm, &invitation.email)?;
            Some(
                password::hash(input.password)
                    .await
                    .map_err(|_| AccountError::Hashing)?,
            )
        }
    };
    let full_name = check_full_name(&input.full_name)?;

    let mut tx = ctx.pool.begin().await?;
    let claimed = sqlx::query!(
        "UPDATE staff_invitations SET accepted_at = now() WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL",
        invitation.id
    )
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() != 1 {
        return Err(AccountProblem::LinkInvalid.into());
    }
    let account_id = match (existing, new_hash) {
        (Some(account), _) => {
            sqlx::query!(
                r#"UPDATE accounts SET role = greatest(role, $2::text::account_role),
                          email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
                   WHERE id = $1"#,
                account.id,
                role.code()
            )
            .execute(&mut *tx)
            .await?;
            account.id
        }
        (None, Some(hash)) => {
            sqlx::query_scalar!(
                r#"INSERT INTO accounts (storefront_id, email, full_name, preferred_language, password_hash, role, email_verified_at)
                   VALUES ($1, $2, $3, $4, $5, $6::text::account_role, now()) RETURNING id"#,
                storefront.id,
                invitation.email,
                full_name,
                locale.code(),
                hash,
                role.code(),
            )
            .fetch_one(&mut *tx)
            .await?
        }
        (None, None) => unreachable!("a new account always gets a password hash"),
    };
    audit::record(
        &mut tx,
        AuditEvent {
            storefront_id: Some(storefront.id),
            actor: Some(account_id),
            ip,
            action: "staff.invitation_accepted",
            target_account: Some(account_id),
            target_email: Some(&invitation.email),
            details: serde_json::json!({ "role": role.code(), "invited_by": invitation.invited_by }),
        },
    )
    .await?;
    let account = repo::lock_by_id(&mut tx, account_id)
        .await?
        .ok_or(AccountProblem::LinkInvalid)?;
    tx.commit().await?;
    Ok(account)
}

/// Finds customers of one storefront by e-mail, phone or name, for the counter.
pub async fn search_customers(
    ctx: &AppContext,
    storefront_id: Uuid,
    query: &str,
) -> Result<Vec<CustomerMatch>, AccountError> {
    let q = query.trim();
    if q.chars().count() < 3 {
        return Ok(vec![]);
    }
    let digits: String = q.chars().filter(char::is_ascii_digit).collect();
    // Typed text is matched literally: `%` and `_` are not wildcards here.
    let q = q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    let rows = sqlx::query!(
        r#"SELECT email AS "email!", full_name, phone, email_verified_at IS NOT NULL AS "verified!", created_at AS "created_at: chrono::DateTime<chrono::Utc>"
           FROM accounts
           WHERE storefront_id = $1 AND role = 'customer' AND anonymised_at IS NULL
             AND (lower(email) LIKE '%' || lower($2) || '%'
                  OR lower(full_name) LIKE '%' || lower($2) || '%'
                  OR ($3 <> '' AND length($3) >= 4 AND phone LIKE '%' || $3 || '%'))
           ORDER BY lower(email)
           LIMIT 20"#,
        storefront_id,
        q,
        digits,
    )
    .fetch_all(&ctx.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| CustomerMatch {
            email: r.email,
            full_name: r.full_name,
            phone: r.phone,
            email_verified: r.verified,
            created_at: r.created_at,
        })
        .collect())
}
