//! Amounts of money as each language writes them: its digits (`format::minor_units`), the
//! currency's sign in that language, and which side the sign goes on (`orders-money`).
use crate::i18n::format;
use crate::locale::Locale;
use crate::money::{Currency, Money};
use crate::t;

impl Currency {
    /// "$" for English readers; "US$" where a bare "$" would be ambiguous.
    pub fn symbol(self, l: Locale) -> String {
        match self {
            Currency::USD => t!(l, "orders-symbol-usd"),
            Currency::EUR => t!(l, "orders-symbol-eur"),
            Currency::CNY => t!(l, "orders-symbol-cny"),
            Currency::RUB => t!(l, "orders-symbol-rub"),
            Currency::GBP => t!(l, "orders-symbol-gbp"),
            Currency::JPY => t!(l, "orders-symbol-jpy"),
        }
    }
}

impl Money {
    /// "$19.00", "19,00 €", "¥135.00", "1 790,00 ₽"; a minus sign goes before it all.
    pub fn format(&self, l: Locale) -> String {
        let digits = format::minor_units(l, self.amount_minor.saturating_abs(), self.currency.minor_units());
        let text = t!(l, "orders-money", symbol = self.currency.symbol(l), amount = digits);
        if self.amount_minor < 0 {
            format!("-{text}")
        } else {
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_each_locale() {
        let usd = Money::new(1900, Currency::USD);
        assert_eq!(usd.format(Locale::En), "$19.00");
        assert_eq!(usd.format(Locale::Zh), "US$19.00");
        assert_eq!(usd.format(Locale::Ru), "19,00\u{a0}US$");
        assert_eq!(Money::new(13_505, Currency::CNY).format(Locale::Zh), "¥135.05");
        assert_eq!(
            Money::new(179_000, Currency::RUB).format(Locale::Ru),
            "1\u{a0}790,00\u{a0}₽"
        );
        assert_eq!(
            Money::new(123_456_789, Currency::EUR).format(Locale::En),
            "€1,234,567.89"
        );
    }

    #[test]
    fn zero_decimal_and_negative_amounts() {
        assert_eq!(Money::new(1500, Currency::JPY).format(Locale::En), "¥1,500");
        assert_eq!(Money::new(1500, Currency::JPY).format(Locale::Zh), "JP¥1,500");
        assert_eq!(Money::new(-5, Currency::USD).format(Locale::En), "-$0.05");
        assert_eq!(Money::new(-1250, Currency::EUR).format(Locale::Ru), "-12,50\u{a0}€");
        assert_eq!(Money::new(0, Currency::EUR).format(Locale::Ru), "0,00\u{a0}€");
    }
}
