//! Accounts: registration, credentials, profile, and staff management. Server functions call these;
//! each takes what it needs explicitly, so tests can call them without a request.
pub mod credentials;
pub mod links;
pub mod principal;
pub mod profile;
pub mod registration;
pub mod repo;
pub mod session;
pub mod staff;

use domain::account::AccountProblem;

/// What can go wrong below the server functions.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("refused: {0:?}")]
    Refused(AccountProblem),
    #[error("forbidden")]
    Forbidden,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("password hashing failed")]
    Hashing,
    #[error("session store: {0}")]
    Session(#[from] tower_sessions::session::Error),
}

impl From<AccountProblem> for AccountError {
    fn from(p: AccountProblem) -> Self {
        AccountError::Refused(p)
    }
}
