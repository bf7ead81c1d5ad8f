//! The signed-in caller and the one check that decides what they may do.
use super::session::{self, SessionAccount};
use crate::domain::account::{Role, Viewer};
use crate::domain::locale::Locale;
use crate::error::ApiError;
use crate::ssr::accounts::repo::{self, AccountRecord};
use crate::ssr::{app_context, shop_context};
use sqlx::PgPool;
use tower_sessions::Session;
use uuid::Uuid;

/// A signed-in account whose session is still valid.
#[derive(Clone, Debug)]
pub struct Principal {
    pub account: AccountRecord,
    pub session: Session,
}

impl Principal {
    pub fn id(&self) -> Uuid {
        self.account.id
    }
    pub fn role(&self) -> Role {
        self.account.role
    }
    pub fn storefront_id(&self) -> Uuid {
        self.account.storefront_id
    }
    pub fn locale(&self) -> Option<Locale> {
        self.account.preferred_language.as_deref().and_then(Locale::from_code)
    }
    pub fn viewer(&self) -> Viewer {
        self.account.viewer()
    }
}

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

/// Loads the account behind a session. A session whose epoch is stale, or whose account is gone,
/// is flushed: that is how a password reset signs out every other device.
pub async fn principal_for_session(pool: &PgPool, session: &Session) -> Result<Option<Principal>, sqlx::Error> {
    let Some(SessionAccount { account_id, epoch }) = session::signed_in_account(session).await else {
        return Ok(None);
    };
    match repo::find_active_by_id(pool, account_id).await? {
        Some(account) if account.session_epoch == epoch => Ok(Some(Principal {
            account,
            session: session.clone(),
        })),
        _ => {
            let _ = session::sign_out(session).await;
            Ok(None)
        }
    }
}

/// The valid session's account for this request, and whether it may act in this request's
/// storefront (its own, or any for an operator).
async fn load() -> Result<Option<(Principal, bool)>, ApiError> {
    let Some(session) = session::from_request() else {
        return Ok(None);
    };
    let ctx = app_context()?;
    let shop = shop_context::current()?;
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
