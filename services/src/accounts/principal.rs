//! The signed-in account behind a session.
use super::session::{self, SessionAccount};
use crate::accounts::repo::{self, AccountRecord};
use domain::account::{Role, Viewer};
use domain::locale::Locale;
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
