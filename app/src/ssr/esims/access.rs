//! Who may see an eSIM: its owner, and staff of its storefront (operators: any). Everyone else
//! gets "not found", which does not even confirm the eSIM exists.
use crate::domain::account::Role;
use crate::ssr::auth::principal::Principal;
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
