//! How orders read: order states and why they changed, payment failures, and when a quote's
//! bundle runs. Amounts of money are in `money`, the receipt's words in `receipt`.
mod money;
mod receipt;

use crate::locale::Locale;
use crate::order::{OrderStatus, PaymentFailure, Quote, TransitionCause};
use crate::t;
use crate::time::ReaderZone;

impl OrderStatus {
    pub fn label(self, l: Locale) -> String {
        match self {
            OrderStatus::AwaitingPayment => t!(l, "orders-status-awaiting-payment"),
            OrderStatus::Paid => t!(l, "orders-status-paid"),
            OrderStatus::Fulfilled => t!(l, "orders-status-fulfilled"),
            OrderStatus::Failed => t!(l, "orders-status-failed"),
            OrderStatus::Cancelled => t!(l, "orders-status-cancelled"),
            OrderStatus::Refunded => t!(l, "orders-status-refunded"),
            OrderStatus::PartiallyRefunded => t!(l, "orders-status-partially-refunded"),
        }
    }
}

impl TransitionCause {
    /// The cause as the order's history shows it.
    pub fn describe(&self, l: Locale) -> String {
        match self {
            TransitionCause::Placed => t!(l, "orders-cause-placed"),
            TransitionCause::NothingToPay => t!(l, "orders-cause-nothing-to-pay"),
            TransitionCause::PaymentSucceeded { method } => {
                t!(l, "orders-cause-payment-succeeded", method = method.as_str())
            }
            TransitionCause::Delivered => t!(l, "orders-cause-delivered"),
            TransitionCause::CancelledByCustomer => t!(l, "orders-cause-cancelled-by-customer"),
            TransitionCause::NotPaidInTime => t!(l, "orders-cause-not-paid-in-time"),
            TransitionCause::Refund { reason } => t!(l, "orders-cause-refund", reason = reason.as_str()),
            TransitionCause::Other(text) => text.clone(),
        }
    }
}

impl PaymentFailure {
    /// What to tell the customer: what happened, that no money was taken, and what to do.
    pub fn message(self, l: Locale) -> String {
        match self {
            PaymentFailure::Declined => t!(l, "orders-payment-declined"),
            PaymentFailure::InsufficientFunds => t!(l, "orders-payment-insufficient-funds"),
            PaymentFailure::ExpiredCard => t!(l, "orders-payment-expired-card"),
            PaymentFailure::WrongCardDetails => t!(l, "orders-payment-wrong-card-details"),
            PaymentFailure::NotAuthenticated => t!(l, "orders-payment-not-authenticated"),
            PaymentFailure::Other => t!(l, "orders-payment-failed"),
        }
    }
}

impl Quote {
    /// When the new bundle runs: exact dates where they are known before payment, else the
    /// plan's rule.
    pub fn validity_text(&self, l: Locale, zone: &ReaderZone) -> String {
        let when = |at| super::format::moment(l, zone, at);
        match (self.starts_at, self.expires_at) {
            (Some(start), Some(end)) => t!(l, "orders-valid-between", start = when(start), end = when(end)),
            _ => self.validity_starts.rule(self.validity_days, l),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_say_no_money_was_taken_in_every_language() {
        let all = [
            PaymentFailure::Declined,
            PaymentFailure::InsufficientFunds,
            PaymentFailure::ExpiredCard,
            PaymentFailure::WrongCardDetails,
            PaymentFailure::NotAuthenticated,
            PaymentFailure::Other,
        ];
        for failure in all {
            assert!(failure.message(Locale::En).contains("no money was taken"));
            assert!(failure.message(Locale::Ru).contains("не списаны"));
            assert!(failure.message(Locale::Zh).contains("未扣任何款项"));
        }
        let en = |code| PaymentFailure::from_code(code).message(Locale::En);
        assert!(en("card_declined").contains("declined"));
        assert!(en("insufficient_funds").contains("insufficient funds"));
        assert!(en("incorrect_cvc").contains("security code"));
        assert!(en("payment_intent_authentication_failure").contains("3-D Secure"));
        assert!(en("something_new").contains("did not go through"));
    }

    #[test]
    fn causes_and_states_read_in_the_readers_language() {
        let paid = TransitionCause::PaymentSucceeded {
            method: "Visa ···4242".into(),
        };
        assert_eq!(paid.describe(Locale::En), "payment succeeded (Visa ···4242)");
        assert!(paid.describe(Locale::Ru).contains("Visa ···4242"));
        assert_eq!(TransitionCause::Other("by hand".into()).describe(Locale::Zh), "by hand");
        assert_eq!(OrderStatus::PartiallyRefunded.label(Locale::En), "Partly refunded");
        assert_eq!(OrderStatus::Fulfilled.label(Locale::Ru), "Выполнен");
    }
}
