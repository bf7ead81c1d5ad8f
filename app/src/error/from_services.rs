//! How the services' errors reach a caller: each kind mapped once to a refusal the person reads,
//! or to an internal error logged with the request's id.
use super::ApiError;
use domain::problem::OrderProblem;
use services::accounts::AccountError;
use services::orders::OrderError;

impl From<services::db::RepoError> for ApiError {
    fn from(e: services::db::RepoError) -> Self {
        ApiError::internal(e)
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

impl From<OrderError> for ApiError {
    fn from(e: OrderError) -> Self {
        match e {
            OrderError::NotFound => ApiError::NotFound,
            OrderError::Promo(p) => p.into(),
            OrderError::Refused(p) => p.into(),
            OrderError::NotPriced => OrderProblem::NotPriced.into(),
            OrderError::NotCompatible => OrderProblem::NotCompatible.into(),
            OrderError::BadTransition { .. } => OrderProblem::CannotChange.into(),
            OrderError::ProviderRefused(why) => {
                tracing::warn!(provider_said = %why, "the payment provider refused");
                OrderProblem::ProviderRefused.into()
            }
            OrderError::RefundPending => OrderProblem::RefundPending.into(),
            OrderError::PaidMeanwhile => OrderProblem::PaidMeanwhile.into(),
            other => ApiError::internal(format_args!("order operation failed: {other}")),
        }
    }
}
