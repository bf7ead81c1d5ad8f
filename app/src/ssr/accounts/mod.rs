//! Accounts: registration, credentials, profile, and staff management. Server functions call these;
//! each takes what it needs explicitly, so tests can call them without a request.
pub mod credentials;
pub mod links;
pub mod profile;
pub mod registration;
pub mod repo;
pub mod staff;

use crate::domain::account::AccountProblem;
use crate::error::ApiError;

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

impl From<tower_sessions::session::Error> for ApiError {
    fn from(e: tower_sessions::session::Error) -> Self {
        AccountError::Session(e).into()
    }
}

impl From<AccountError> for ApiError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Refused(problem) => problem.into(),
            AccountError::Forbidden => ApiError::Forbidden,
            other => ApiError::internal(format_args!("account operation failed: {other}")),
        }
    }
}
