//! Orders from quote to fulfilment: the quote a customer sees, the order and its promo
//! redemption made in one transaction, every status change recorded, ledger entries for money,
//! and fulfilment through the eSIM provider exactly once.
pub mod create;
pub mod events;
pub mod fulfil;
pub mod history;
pub mod ledger;
pub mod quote;
pub mod read;
pub mod receipt_download;
pub mod receipt_pdf;
pub mod refund;
pub mod transition;

use crate::domain::order::PromoProblem;
use crate::error::ApiError;

#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    #[error("not found")]
    NotFound,
    #[error("promo code: {0:?}")]
    Promo(PromoProblem),
    #[error("this plan is not sold in that currency")]
    NotPriced,
    #[error("this plan cannot top up that eSIM")]
    NotCompatible,
    #[error("order is {from}, cannot become {to}")]
    BadTransition { from: String, to: String },
    #[error("refund: {0}")]
    Refund(&'static str),
    #[error("payment provider: {0}")]
    Payment(String),
    /// The payment provider said no (a refund above what it holds, a closed account…).
    #[error("the payment provider refused: {0}")]
    ProviderRefused(String),
    /// The provider did not answer a refund; it stays reserved and is sent again.
    #[error("the refund awaits the payment provider's answer")]
    RefundPending,
    /// A checkout that was to be closed had been paid meanwhile.
    #[error("the order was paid meanwhile")]
    PaidMeanwhile,
    #[error("eSIM provider: {0}")]
    Provider(#[from] crate::ssr::provider::ProviderError),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

impl From<OrderError> for ApiError {
    fn from(e: OrderError) -> Self {
        let api = match e {
            OrderError::NotFound => ApiError::NotFound,
            OrderError::Promo(p) => ApiError::Promo(p),
            OrderError::NotPriced | OrderError::NotCompatible => ApiError::BadRequest(e.to_string()),
            OrderError::Refund(why) => ApiError::BadRequest(why.to_string()),
            OrderError::BadTransition { .. } => ApiError::BadRequest(e.to_string()),
            OrderError::ProviderRefused(why) => ApiError::BadRequest(format!("The payment provider refused: {why}")),
            OrderError::RefundPending => ApiError::BadRequest(
                "The payment provider did not answer. The refund is kept and sent again automatically; reload this page in a minute."
                    .into(),
            ),
            OrderError::PaidMeanwhile => {
                ApiError::BadRequest("This order has just been paid. Reload the page to see it.".into())
            }
            other => {
                tracing::error!(error = %other, "order operation failed");
                ApiError::Internal
            }
        };
        crate::ssr::respond_with(api)
    }
}
