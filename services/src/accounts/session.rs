//! What a session remembers about its account. tower-sessions stores it in PostgreSQL; the id in
//! the cookie is random and rotated at sign-in, so a planted session id is useless.
use serde::{Deserialize, Serialize};
use tower_sessions::Session;
use uuid::Uuid;

const ACCOUNT_KEY: &str = "account";

/// The session's account and the account's session epoch when it signed in. When the epoch in
/// the database has moved on (password reset, password change, deletion) the session is dead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionAccount {
    pub account_id: Uuid,
    pub epoch: i32,
}

impl SessionAccount {
    /// The account as it stands now, for a session starting now.
    pub fn of(account: &crate::accounts::repo::AccountRecord) -> SessionAccount {
        SessionAccount {
            account_id: account.id,
            epoch: account.session_epoch,
        }
    }
}

pub async fn signed_in_account(session: &Session) -> Option<SessionAccount> {
    session.get::<SessionAccount>(ACCOUNT_KEY).await.ok().flatten()
}

/// Starts a signed-in session under a fresh id.
pub async fn sign_in(session: &Session, account: SessionAccount) -> Result<(), tower_sessions::session::Error> {
    session.cycle_id().await?;
    session.insert(ACCOUNT_KEY, account).await
}

/// Ends the session and deletes it from the store.
pub async fn sign_out(session: &Session) -> Result<(), tower_sessions::session::Error> {
    session.flush().await
}
