//! Who may see an eSIM: its owner, and staff of its storefront (operators: any). Everyone else
//! gets "not found", which does not even confirm the eSIM exists.
use crate::accounts::principal::Principal;
use domain::account::Role;
use sqlx::PgPool;
use uuid::Uuid;

/// The eSIM's storefront and whether `principal` may see it; `None` when it does not exist or
/// is hidden from them.
pub async fn visible_to(
    pool: &PgPool,
    principal: &Principal,
    storefront_id: Uuid,
    esim_id: Uuid,
) -> Result<bool, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT p.storefront_id, c.account_id
           FROM esim_profiles p LEFT JOIN customers c ON c.id = p.customer_id
           WHERE p.id = $1 AND p.status <> 'in_stock'"#,
        esim_id
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(false) };
    // Only within the storefront the request is for, so one shop's pages never show another's eSIM.
    if row.storefront_id != storefront_id {
        return Ok(false);
    }
    let owner = row.account_id == Some(principal.id());
    let staff = principal.role() >= Role::Agent
        && (principal.role() == Role::Operator || principal.storefront_id() == row.storefront_id);
    Ok(owner || staff)
}

/// Whether the eSIM is one of this account's in this storefront (a renewal of one's own eSIM).
pub async fn belongs_to_account(
    pool: &PgPool,
    esim_id: Uuid,
    account_id: Uuid,
    storefront_id: Uuid,
) -> Result<bool, sqlx::Error> {
    let mine = sqlx::query_scalar!(
        "SELECT EXISTS (SELECT 1 FROM esim_profiles p JOIN customers c ON c.id = p.customer_id
                        WHERE p.id = $1 AND c.account_id = $2 AND p.storefront_id = $3)",
        esim_id,
        account_id,
        storefront_id
    )
    .fetch_one(pool)
    .await?;
    Ok(mine.unwrap_or(false))
}

/// The e-mail of the eSIM's customer when the eSIM is theirs; `None` otherwise.
pub async fn contact_email(pool: &PgPool, esim_id: Uuid, customer_id: Uuid) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query!(
        "SELECT c.email FROM esim_profiles p JOIN customers c ON c.id = p.customer_id WHERE p.id = $1 AND c.id = $2",
        esim_id,
        customer_id
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| r.email.unwrap_or_default()))
}
