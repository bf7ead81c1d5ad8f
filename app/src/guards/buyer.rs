//! Who may pay: a signed-in account (for a new eSIM, or a renewal of one of theirs), or the
//! customer a lookup code opened (a renewal of that eSIM only). A new eSIM needs an account.
use super::current_principal;
use crate::error::ApiError;
use crate::request::{RequestScope, session};
use services::esims::{access, lookup};
use uuid::Uuid;

pub struct Buyer {
    pub customer_id: Uuid,
    pub email: String,
}

/// The no-account lookup's grant in this session, if it is for this storefront and still valid.
pub(super) async fn lookup_grant(scope: &RequestScope) -> Result<Option<lookup::LookupGrant>, ApiError> {
    Ok(lookup::current_grant(&session()?, scope.storefront.id).await?)
}

impl Buyer {
    /// The buyer, checked against the eSIM a renewal is for.
    pub async fn check(scope: &RequestScope, esim: Option<Uuid>) -> Result<Buyer, ApiError> {
        let pool = &scope.ctx.pool;
        if let Some(principal) = current_principal().await? {
            if let Some(esim_id) = esim
                && !access::belongs_to_account(pool, esim_id, principal.id(), scope.storefront.id).await?
            {
                return Err(ApiError::NotFound);
            }
            return Ok(Buyer {
                customer_id: services::accounts::repo::customer_for_account(pool, principal.id()).await?,
                email: principal.account.email.clone(),
            });
        }
        let grant = lookup_grant(scope).await?.ok_or(ApiError::Unauthorized)?;
        let Some(esim_id) = esim else {
            return Err(ApiError::Unauthorized);
        };
        let allowed = grant.esim_id.is_none_or(|only| only == esim_id);
        match access::contact_email(pool, esim_id, grant.customer_id).await? {
            Some(email) if allowed => Ok(Buyer {
                customer_id: grant.customer_id,
                email,
            }),
            _ => Err(ApiError::NotFound),
        }
    }
}
