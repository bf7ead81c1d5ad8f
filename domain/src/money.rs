//! Money is an integer count of a currency's minor units; there is no float anywhere on its path.
//! How an amount reads in a language (`Money::format`) is in `i18n::orders`.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Currency {
    USD,
    EUR,
    CNY,
    RUB,
    GBP,
    JPY,
}

impl Currency {
    pub const ALL: [Currency; 6] = [
        Currency::USD,
        Currency::EUR,
        Currency::CNY,
        Currency::RUB,
        Currency::GBP,
        Currency::JPY,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Currency::USD => "USD",
            Currency::EUR => "EUR",
            Currency::CNY => "CNY",
            Currency::RUB => "RUB",
            Currency::GBP => "GBP",
            Currency::JPY => "JPY",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    /// Digits after the decimal point (ISO 4217 exponent).
    pub fn minor_units(self) -> u32 {
        match self {
            Currency::JPY => 0,
            _ => 2,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub amount_minor: i64,
    pub currency: Currency,
}

impl Money {
    /// Parses an amount typed in major units ("12.5", "12,50", "1 790") into minor units;
    /// `None` for anything else, including more decimals than the currency has.
    pub fn parse(input: &str, currency: Currency) -> Option<Money> {
        let cleaned: String = input
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .collect();
        let cleaned = cleaned.replace(',', ".");
        let (whole, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
        let digits = currency.minor_units() as usize;
        if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || whole.len() > 12 {
            return None;
        }
        if frac.len() > digits || !frac.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let frac: i64 = if frac.is_empty() {
            0
        } else {
            format!("{frac:0<digits$}").parse().ok()?
        };
        Some(Money::new(whole * 10i64.pow(digits as u32) + frac, currency))
    }

    pub fn new(amount_minor: i64, currency: Currency) -> Money {
        Money { amount_minor, currency }
    }
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    #[test]
    fn typed_amounts_become_minor_units() {
        assert_eq!(
            Money::parse("12.5", Currency::USD),
            Some(Money::new(1250, Currency::USD))
        );
        assert_eq!(
            Money::parse("12,50", Currency::EUR),
            Some(Money::new(1250, Currency::EUR))
        );
        assert_eq!(
            Money::parse("1 790", Currency::RUB),
            Some(Money::new(179000, Currency::RUB))
        );
        assert_eq!(Money::parse("500", Currency::JPY), Some(Money::new(500, Currency::JPY)));
        assert_eq!(Money::parse("5.5", Currency::JPY), None);
        assert_eq!(Money::parse("1.234", Currency::USD), None);
        assert_eq!(Money::parse("-3", Currency::USD), None);
        assert_eq!(Money::parse("", Currency::USD), None);
        assert_eq!(Money::parse("abc", Currency::USD), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_codes_parse() {
        assert_eq!(Currency::from_code("cny"), Some(Currency::CNY));
        assert_eq!(Currency::from_code("XBT"), None);
        for c in Currency::ALL {
            assert_eq!(Currency::from_code(c.code()), Some(c));
        }
    }
}
