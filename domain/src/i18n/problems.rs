//! The words for each refusal, from the `errors` catalogue.
use crate::account::{AccountProblem, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use crate::locale::Locale;
use crate::order::PromoProblem;
use crate::problem::{OrderProblem, Problem, SettingsProblem, StockProblem};
use crate::t;

impl Problem {
    pub fn message(&self, l: Locale) -> String {
        match self {
            Problem::Account(p) => p.message(l),
            Problem::Promo(p) => p.message(l),
            Problem::Order(p) => p.message(l),
            Problem::Settings(p) => p.message(l),
            Problem::Stock(p) => p.message(l),
        }
    }
}

impl AccountProblem {
    pub fn message(&self, l: Locale) -> String {
        match self {
            AccountProblem::Throttled { retry_after_minutes } => {
                t!(l, "errors-account-throttled", minutes = *retry_after_minutes)
            }
            AccountProblem::PasswordTooShort => t!(l, "errors-account-password-too-short", count = MIN_PASSWORD_CHARS),
            AccountProblem::PasswordTooLong => t!(l, "errors-account-password-too-long", count = MAX_PASSWORD_CHARS),
            AccountProblem::WrongCredentials => t!(l, "errors-account-wrong-credentials"),
            AccountProblem::InvalidEmail => t!(l, "errors-account-invalid-email"),
            AccountProblem::InvalidPhone => t!(l, "errors-account-invalid-phone"),
            AccountProblem::PasswordIsEmail => t!(l, "errors-account-password-is-email"),
            AccountProblem::PasswordsDiffer => t!(l, "errors-account-passwords-differ"),
            AccountProblem::CurrentPasswordWrong => t!(l, "errors-account-current-password-wrong"),
            AccountProblem::NameTooLong => t!(l, "errors-account-name-too-long"),
            AccountProblem::LinkInvalid => t!(l, "errors-account-link-invalid"),
            AccountProblem::PhoneTaken => t!(l, "errors-account-phone-taken"),
            AccountProblem::LanguageNotOffered => t!(l, "errors-account-language-not-offered"),
            AccountProblem::TimeZoneUnknown => t!(l, "errors-account-time-zone-unknown"),
            AccountProblem::CurrencyNotOffered => t!(l, "errors-account-currency-not-offered"),
            AccountProblem::RoleNotGrantable => t!(l, "errors-account-role-not-grantable"),
            AccountProblem::CannotChangeOwnRole => t!(l, "errors-account-cannot-change-own-role"),
            AccountProblem::UnknownAccount => t!(l, "errors-account-unknown-account"),
            AccountProblem::StaffCannotDeleteSelf => t!(l, "errors-account-staff-cannot-delete-self"),
            AccountProblem::LookupIdentifier => t!(l, "errors-account-lookup-identifier"),
            AccountProblem::CodeInvalid => t!(l, "errors-account-code-invalid"),
        }
    }
}

impl PromoProblem {
    pub fn message(&self, l: Locale) -> String {
        match self {
            PromoProblem::Unknown => t!(l, "errors-promo-unknown"),
            PromoProblem::NotYetValid => t!(l, "errors-promo-not-yet-valid"),
            PromoProblem::Expired => t!(l, "errors-promo-expired"),
            PromoProblem::UsedUp => t!(l, "errors-promo-used-up"),
            PromoProblem::UsedByYou => t!(l, "errors-promo-used-by-you"),
            PromoProblem::NotForThisPlan => t!(l, "errors-promo-not-for-this-plan"),
            PromoProblem::WrongCurrency => t!(l, "errors-promo-wrong-currency"),
        }
    }
}

impl OrderProblem {
    pub fn message(&self, l: Locale) -> String {
        match self {
            OrderProblem::RefundAmountFormat { currency } => {
                let example = super::format::minor_units(
                    l,
                    1250 * 10_i64.pow(currency.minor_units()) / 100,
                    currency.minor_units(),
                );
                t!(l, "errors-order-refund-amount-format", example = example)
            }
            OrderProblem::RefundTooMuch { available } => {
                t!(l, "errors-order-refund-too-much", available = available.format(l))
            }
            OrderProblem::TestCardUnknown => t!(l, "errors-order-test-card"),
            OrderProblem::NotPriced => t!(l, "errors-order-not-priced"),
            OrderProblem::NotCompatible => t!(l, "errors-order-not-compatible"),
            OrderProblem::NotAwaitingPayment => t!(l, "errors-order-not-awaiting-payment"),
            OrderProblem::CannotChange => t!(l, "errors-order-cannot-change"),
            OrderProblem::RefundReason => t!(l, "errors-order-refund-reason"),
            OrderProblem::RefundAmountNotPositive => t!(l, "errors-order-refund-amount-not-positive"),
            OrderProblem::RefundNotPaid => t!(l, "errors-order-refund-not-paid"),
            OrderProblem::RefundNoPayment => t!(l, "errors-order-refund-no-payment"),
            OrderProblem::RefundOtherProvider => t!(l, "errors-order-refund-other-provider"),
            OrderProblem::ProviderRefused => t!(l, "errors-order-provider-refused"),
            OrderProblem::RefundPending => t!(l, "errors-order-refund-pending"),
            OrderProblem::PaidMeanwhile => t!(l, "errors-order-paid-meanwhile"),
        }
    }
}

impl SettingsProblem {
    pub fn message(&self, l: Locale) -> String {
        match self {
            SettingsProblem::NoPaymentMethod => t!(l, "errors-settings-no-payment-method"),
            SettingsProblem::LegalDetails => t!(l, "errors-settings-legal-details"),
        }
    }
}

impl StockProblem {
    pub fn message(&self, l: Locale) -> String {
        match self {
            StockProblem::NoFile => t!(l, "errors-stock-no-file"),
            StockProblem::TooLarge => {
                let size = super::format::data_amount(l, crate::stock_import::MAX_UPLOAD_MB);
                t!(l, "errors-stock-too-large", size = size)
            }
            StockProblem::NoStorefront => t!(l, "errors-stock-no-storefront"),
            StockProblem::Unreadable => t!(l, "errors-stock-unreadable"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{Currency, Money};

    #[test]
    fn refusals_read_in_the_readers_language() {
        let available = Money::new(1250, Currency::EUR);
        let too_much = OrderProblem::RefundTooMuch { available };
        assert!(
            too_much.message(Locale::Ru).contains("не более 12,50\u{a0}€"),
            "{}",
            too_much.message(Locale::Ru)
        );
        assert!(
            too_much.message(Locale::Zh).contains("最多 €12.50"),
            "{}",
            too_much.message(Locale::Zh)
        );
        let format = OrderProblem::RefundAmountFormat {
            currency: Currency::RUB,
        };
        assert!(
            format.message(Locale::Ru).contains("12,50"),
            "{}",
            format.message(Locale::Ru)
        );
        let throttled = AccountProblem::Throttled { retry_after_minutes: 2 };
        assert!(throttled.message(Locale::Ru).contains("2 минуты"));
        assert!(throttled.message(Locale::En).contains("2 minutes"));
        assert_eq!(
            AccountProblem::Throttled { retry_after_minutes: 1 }.message(Locale::En),
            "Too many attempts. For your security, please wait 1 minute and try again."
        );
    }
}
