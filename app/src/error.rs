//! The one error type server functions return. It crosses the wire, so it lives in shared code;
//! its HTTP status and user-facing message are decided here, once.
use crate::domain::account::AccountProblem;
use crate::i18n::Messages;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    #[error("bad request: {0}")]
    BadRequest(String),
    /// Not signed in, or the session ended.
    #[error("sign-in required")]
    Unauthorized,
    /// Signed in, but this person may not do this here.
    #[error("forbidden")]
    Forbidden,
    /// An account form was refused; the reason is shown to the person.
    #[error("refused: {0:?}")]
    Account(AccountProblem),
    /// A promo code does not apply; the reason is shown next to the code.
    #[error("promo code: {0:?}")]
    Promo(crate::domain::order::PromoProblem),
    /// Something failed on our side; the details are in the server log, never in the response.
    #[error("internal error")]
    Internal,
    /// The call did not reach the function or its answer could not be read.
    #[error("transport: {0}")]
    Transport(String),
}

impl ApiError {
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::BadRequest(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::Account(AccountProblem::Throttled { .. }) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Account(_) | ApiError::Promo(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::Transport(_) => StatusCode::BAD_REQUEST,
        }
    }

    pub fn user_message(&self, m: &Messages) -> String {
        match self {
            ApiError::NotFound => m.not_found_text.to_string(),
            ApiError::BadRequest(reason) => reason.clone(),
            ApiError::Account(problem) => problem.message(m.locale),
            ApiError::Promo(problem) => problem.message(m.locale).to_string(),
            ApiError::Unauthorized => m
                .locale
                .pick([
                    "Please sign in to continue.",
                    "请先登录。",
                    "Войдите, чтобы продолжить.",
                ])
                .to_string(),
            ApiError::Forbidden => m
                .locale
                .pick([
                    "You do not have permission to do this.",
                    "您没有执行此操作的权限。",
                    "У вас нет прав на это действие.",
                ])
                .to_string(),
            ApiError::Internal | ApiError::Transport(_) => m.load_failed.to_string(),
        }
    }
}

impl From<AccountProblem> for ApiError {
    fn from(problem: AccountProblem) -> Self {
        ApiError::Account(problem)
    }
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        ApiError::Transport(value.to_string())
    }
}
