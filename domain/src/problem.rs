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
    Stock(StockProblem),
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
    RefundAmountFormat {
        currency: Currency,
    },
    RefundAmountNotPositive,
    RefundNotPaid,
    RefundNoPayment,
    RefundOtherProvider,
    /// More than was paid and not yet refunded; `available` is that remainder.
    RefundTooMuch {
        available: Money,
    },
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

/// Why a stock file upload was refused. It is answered by a redirect to the stock page, which
/// carries the problem as `?error=<code>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StockProblem {
    NoFile,
    TooLarge,
    NoStorefront,
    /// The form could not be read, or named an unknown problem.
    Unreadable,
}

impl StockProblem {
    pub fn code(self) -> &'static str {
        match self {
            StockProblem::NoFile => "no_file",
            StockProblem::TooLarge => "too_large",
            StockProblem::NoStorefront => "storefront",
            StockProblem::Unreadable => "unreadable",
        }
    }

    pub fn from_code(code: &str) -> StockProblem {
        [StockProblem::NoFile, StockProblem::TooLarge, StockProblem::NoStorefront]
            .into_iter()
            .find(|p| p.code() == code)
            .unwrap_or(StockProblem::Unreadable)
    }
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

impl From<StockProblem> for Problem {
    fn from(p: StockProblem) -> Self {
        Problem::Stock(p)
    }
}
