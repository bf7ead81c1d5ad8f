//! An order the caller may see: theirs when signed in, or the customer's a lookup code opened.
//! Anyone else gets 404; a guest whose order needs an account is asked to sign in.
use super::buyer::lookup_grant;
use super::current_principal;
use crate::error::ApiError;
use crate::request::RequestScope;
use services::orders::read::{self, OrderAccess};
use uuid::Uuid;

pub struct OrderReader {
    pub order_id: Uuid,
}

impl OrderReader {
    pub async fn check(scope: &RequestScope, order_id: Uuid) -> Result<OrderReader, ApiError> {
        let principal = current_principal().await?;
        let granted = lookup_grant(scope).await?.map(|g| g.customer_id);
        match read::access(
            &scope.ctx.pool,
            scope.storefront.id,
            order_id,
            principal.as_ref(),
            granted,
        )
        .await?
        {
            OrderAccess::Allowed => Ok(OrderReader { order_id }),
            OrderAccess::SignInFirst => Err(ApiError::Unauthorized),
            OrderAccess::NotFound => Err(ApiError::NotFound),
        }
    }
}
