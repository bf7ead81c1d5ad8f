//! An eSIM the caller may see: its owner's, or any of their storefront's for staff (operators:
//! any). Everyone else gets 404, which does not even confirm the eSIM exists.
use super::{Access, Principal, authorize};
use crate::error::ApiError;
use crate::request::{RequestScope, request_scope};
use services::esims::access;
use uuid::Uuid;

pub struct EsimOwner {
    pub principal: Principal,
    pub scope: RequestScope,
    pub esim_id: Uuid,
}

impl EsimOwner {
    pub async fn check(esim_id: Uuid) -> Result<EsimOwner, ApiError> {
        let principal = authorize(Access::SignedIn).await?;
        let scope = request_scope()?;
        if !access::visible_to(&scope.ctx.pool, &principal, scope.storefront.id, esim_id).await? {
            return Err(ApiError::NotFound);
        }
        Ok(EsimOwner {
            principal,
            scope,
            esim_id,
        })
    }
}
