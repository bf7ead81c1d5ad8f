//! Orders from quote to fulfilment: the quote a customer sees, the order and its promo
//! redemption made in one transaction, every status change recorded, ledger entries for money,
//! and fulfilment through the eSIM provider exactly once.
pub mod create;
pub mod fulfil;
pub mod history;
pub mod ledger;
pub mod quote;
pub mod read;
pub mod refund;
pub mod transition;

use domain::order::PromoProblem;
use domain::problem::OrderProblem;

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
    /// Refused for a reason the person is shown.
    #[error("refused: {0:?}")]
    Refused(OrderProblem),
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
    Provider(#[from] crate::provider::ProviderError),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// Stored data that breaks an invariant the code relies on.
    #[error("inconsistent data: {0}")]
    Inconsistent(&'static str),
}
