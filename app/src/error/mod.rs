//! The one error type server functions return. It crosses the wire, so it lives in shared code;
//! its HTTP status and user-facing message are decided here, once.
use domain::account::AccountProblem;
use domain::locale::Locale;
use domain::order::PromoProblem;
use domain::problem::{OrderProblem, Problem, SettingsProblem};
use domain::t;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    /// Not signed in, or the session ended.
    #[error("sign-in required")]
    Unauthorized,
    /// Signed in, but this person may not do this here.
    #[error("forbidden")]
    Forbidden,
    /// The request was understood and refused; the reason is shown to the person.
    #[error("refused: {0:?}")]
    Refused(Problem),
    /// Something failed on our side; the details are in the server log under `reference` (the
    /// request's id), never in the response.
    #[error("internal error (reference {reference:?})")]
    Internal { reference: Option<String> },
    /// The call did not reach the function or its answer could not be read.
    #[error("transport: {0}")]
    Transport(String),
}

impl ApiError {
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::Refused(p) if p.is_throttle() => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Refused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::Transport(_) => StatusCode::BAD_REQUEST,
        }
    }

    /// What the person is told, in their language.
    pub fn user_message(&self, l: Locale) -> String {
        match self {
            ApiError::NotFound => t!(l, "errors-not-found"),
            ApiError::Unauthorized => t!(l, "errors-sign-in"),
            ApiError::Forbidden => t!(l, "errors-forbidden"),
            ApiError::Refused(problem) => problem.message(l),
            ApiError::Internal { reference: Some(r) } => t!(l, "errors-internal-reference", reference = r.as_str()),
            ApiError::Internal { reference: None } => t!(l, "errors-internal"),
            ApiError::Transport(_) => t!(l, "errors-transport"),
        }
    }

    /// The refusal's problem, for pages that show some of them beside a field.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ApiError::Refused(p) => Some(p),
            _ => None,
        }
    }
}

#[cfg(feature = "ssr")]
impl ApiError {
    /// An unexpected failure: logged with its cause (the log line carries the request's id), and
    /// answered with that id as the reference support can look up.
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        tracing::error!(error = %cause, "request failed");
        ApiError::Internal {
            reference: crate::request_id::current(),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        ApiError::internal(format_args!("database: {e}"))
    }
}

impl From<Problem> for ApiError {
    fn from(problem: Problem) -> Self {
        ApiError::Refused(problem)
    }
}

impl From<AccountProblem> for ApiError {
    fn from(problem: AccountProblem) -> Self {
        ApiError::Refused(problem.into())
    }
}

impl From<PromoProblem> for ApiError {
    fn from(problem: PromoProblem) -> Self {
        ApiError::Refused(problem.into())
    }
}

impl From<OrderProblem> for ApiError {
    fn from(problem: OrderProblem) -> Self {
        ApiError::Refused(problem.into())
    }
}

impl From<SettingsProblem> for ApiError {
    fn from(problem: SettingsProblem) -> Self {
        ApiError::Refused(problem.into())
    }
}

/// An error as it crosses the wire. A call from the page in the browser also gets the message in
/// the caller's language, so the browser needs no catalogues to show it.
#[derive(Serialize, Deserialize)]
struct WireError {
    error: ApiError,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        ApiError::Transport(value.to_string())
    }

    fn ser(&self) -> leptos::server_fn::Bytes {
        // Serialised inside the server function's request scope, where the shop is known. A
        // plain form post gets the error back in its URL instead, and the page words it.
        #[cfg(feature = "ssr")]
        let message = crate::request::shop::try_current()
            .filter(|_| !crate::request::is_plain_form_post())
            .map(|shop| self.user_message(shop.shop.locale));
        #[cfg(not(feature = "ssr"))]
        let message = None;
        let wire = WireError {
            error: self.clone(),
            message,
        };
        serde_json::to_vec(&wire).unwrap_or_default().into()
    }

    fn de(data: leptos::server_fn::Bytes) -> Self {
        read_wire(&data).unwrap_or_else(|e| ApiError::Transport(e.to_string()))
    }
}

impl ApiError {
    /// The error in a server function's answer, if the answer is one.
    pub fn from_wire(body: &[u8]) -> Option<ApiError> {
        read_wire(body).ok()
    }
}

fn read_wire(body: &[u8]) -> Result<ApiError, serde_json::Error> {
    serde_json::from_slice::<WireError>(body).map(|wire| wire.error)
}

#[cfg(feature = "ssr")]
mod from_services;
