//! Who is calling, and whether they may. A server function starts with one guard and reads as
//! guard, call, return: [`authorize`] for a role, [`EsimOwner`] for an eSIM, [`OrderReader`] for
//! an order, [`Buyer`] for whoever may pay, [`StorefrontAdmin`] for a storefront's back office.
//! A guard that fails answers 401, 403 or 404 before anything else runs. The route table test in
//! `server/tests/authorization.rs` fails for any server function that is neither public nor
//! listed with the role it needs.
mod buyer;
mod esim_owner;
mod order_reader;
mod storefront_admin;

pub use buyer::Buyer;
pub use esim_owner::EsimOwner;
pub use order_reader::OrderReader;
pub use services::accounts::principal::Principal;
pub use storefront_admin::StorefrontAdmin;

use crate::error::ApiError;
use crate::request::{app_context, shop};
use domain::account::Role;
use services::accounts::principal::principal_for_session;
use uuid::Uuid;

/// The least a caller needs to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Any signed-in account of this storefront.
    SignedIn,
    /// An agent, reseller admin or operator.
    Staff,
    ResellerAdmin,
    Operator,
}

impl Access {
    fn min_role(self) -> Role {
        match self {
            Access::SignedIn => Role::Customer,
            Access::Staff => Role::Agent,
            Access::ResellerAdmin => Role::ResellerAdmin,
            Access::Operator => Role::Operator,
        }
    }
}

/// The valid session's account for this request, and whether it may act in this request's
/// storefront (its own, or any for an operator).
async fn load() -> Result<Option<(Principal, bool)>, ApiError> {
    let Some(session) = crate::request::request_session() else {
        return Ok(None);
    };
    let ctx = app_context()?;
    let shop = shop::current()?;
    let principal = principal_for_session(&ctx.pool, &session)
        .await
        .map_err(|e| ApiError::internal(format_args!("{}: {}", "loading the session's account failed", e)))?;
    Ok(principal.map(|p| {
        let here = p.role() == Role::Operator || p.storefront_id() == shop.storefront.id;
        (p, here)
    }))
}

/// The signed-in caller of this request, if any, as long as they belong to this storefront (or
/// run the platform). A session from another storefront counts as nobody here.
pub async fn current_principal() -> Result<Option<Principal>, ApiError> {
    Ok(load().await?.filter(|(_, here)| *here).map(|(p, _)| p))
}

/// The gate at the top of every protected server function: 401 without a valid session, 403 when
/// the caller's role is too low or their account belongs to another storefront.
pub async fn authorize(access: Access) -> Result<Principal, ApiError> {
    let (principal, here) = load().await?.ok_or(ApiError::Unauthorized)?;
    if !here || principal.role() < access.min_role() {
        return Err(ApiError::Forbidden);
    }
    Ok(principal)
}

/// For staff functions that name a storefront: operators reach every storefront, everyone else
/// only their own.
pub fn ensure_storefront(principal: &Principal, storefront_id: Uuid) -> Result<(), ApiError> {
    if principal.role() == Role::Operator || principal.storefront_id() == storefront_id {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}
