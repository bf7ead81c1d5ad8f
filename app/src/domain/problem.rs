//! Every refusal a person can be shown, as data: which area refused and why. The words are in the
//! catalogues (`errors.ftl`), chosen by `i18n::problems`; the HTTP status by `ApiError::status`.
use super::account::AccountProblem;
use super::money::{Currency, Money};
use super::order::PromoProblem;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Account(AccountProblem),
    Promo(PromoProblem),
    Order(OrderProblem),
    Settings(SettingsProblem),
}

/// Why an order, payment or refund request was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderProblem {
    NotPriced,
    NotCompatible,
    /// Cancelling needs an order that still awaits payment.
    NotAwaitingPayment,
    /// Any other change the order's state no longer allows.
    CannotChange,
    RefundReason,
    /// The amount was not a number in the order's currency.
    RefundAmountFormat { currency: Currency },
    RefundAmountNotPositive,
    RefundNotPaid,
    RefundNoPayment,
    RefundOtherProvider,
    /// More than was paid and not yet refunded; `available` is that remainder.
    RefundTooMuch { available: Money },
    /// The payment provider said no; its own words go to the log, not to the page.
    ProviderRefused,
    RefundPending,
    PaidMeanwhile,
    /// TEST MODE only: the card number is neither of the two test cards.
    TestCardUnknown,
}

/// Why a storefront's payment settings were refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SettingsProblem {
    NoPaymentMethod,
    LegalDetails,
}

impl Problem {
    /// Too many attempts, rather than a form to correct.
    pub fn is_throttle(&self) -> bool {
        matches!(self, Problem::Account(AccountProblem::Throttled { .. }))
    }
}

impl From<AccountProblem> for Problem {
    fn from(p: AccountProblem) -> Self {
        Problem::Account(p)
    }
}

impl From<PromoProblem> for Problem {
    fn from(p: PromoProblem) -> Self {
        Problem::Promo(p)
    }
}

impl From<OrderProblem> for Problem {
    fn from(p: OrderProblem) -> Self {
        Problem::Order(p)
    }
}

impl From<SettingsProblem> for Problem {
    fn from(p: SettingsProblem) -> Self {
        Problem::Settings(p)
    }
}
