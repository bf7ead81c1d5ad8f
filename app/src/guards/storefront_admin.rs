//! A storefront's back office: its reseller admins, and operators for any storefront. A call may
//! name the storefront (an operator switching shops); without a name it is the request's own.
use super::{Access, Principal, authorize, ensure_storefront};
use crate::error::ApiError;
use crate::request::{RequestScope, request_scope};
use services::storefronts::{self, Storefront};
use std::sync::Arc;
use uuid::Uuid;

pub struct StorefrontAdmin {
    pub principal: Principal,
    pub scope: RequestScope,
    pub storefront: Arc<Storefront>,
}

impl StorefrontAdmin {
    pub async fn check(named: Option<Uuid>) -> Result<StorefrontAdmin, ApiError> {
        let principal = authorize(Access::ResellerAdmin).await?;
        let scope = request_scope()?;
        let storefront = match named.filter(|id| *id != scope.storefront.id) {
            None => scope.storefront.clone(),
            Some(id) => {
                ensure_storefront(&principal, id)?;
                Arc::new(
                    storefronts::find_by_id(&scope.ctx.pool, id)
                        .await?
                        .ok_or(ApiError::NotFound)?,
                )
            }
        };
        Ok(StorefrontAdmin {
            principal,
            scope,
            storefront,
        })
    }
}
