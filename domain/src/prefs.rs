//! What the request says about the shopper and the storefront they are in.
use super::locale::Locale;
use super::money::Currency;
use serde::{Deserialize, Serialize};

/// Cookie names for the shopper's choices; they last a year.
pub const LOCALE_COOKIE: &str = "rd_lang";
pub const CURRENCY_COOKIE: &str = "rd_currency";

/// The storefront as every page needs it: its name, what it offers, how to reach support.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorefrontBrand {
    pub slug: String,
    pub name: String,
    pub support_email: Option<String>,
    pub brand_color: String,
    pub locales: Vec<Locale>,
    pub currencies: Vec<Currency>,
}

/// The storefront plus the shopper's language and currency for this request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopContext {
    pub storefront: StorefrontBrand,
    pub locale: Locale,
    pub currency: Currency,
    /// Where the reader's clock is: their profile's choice, else their browser's, else UTC.
    pub zone: super::time::ReaderZone,
}

impl ShopContext {
    /// Chooses language and currency: an explicit cookie wins if the storefront offers it; then
    /// the browser's `Accept-Language`; then the storefront's defaults. A shopper who arrives in
    /// Chinese or Russian and has not chosen a currency sees CNY or RUB when the shop sells in it.
    pub fn choose(
        storefront: StorefrontBrand,
        default_locale: Locale,
        default_currency: Currency,
        locale_cookie: Option<&str>,
        currency_cookie: Option<&str>,
        accept_language: Option<&str>,
    ) -> ShopContext {
        let offered_locale = |l: &Locale| storefront.locales.contains(l);
        let offered_currency = |c: &Currency| storefront.currencies.contains(c);
        let locale = locale_cookie
            .and_then(Locale::from_code)
            .filter(offered_locale)
            .or_else(|| accept_language.and_then(|h| Locale::negotiate(h, &storefront.locales)))
            .unwrap_or(default_locale);
        let currency = currency_cookie
            .and_then(Currency::from_code)
            .filter(offered_currency)
            .or_else(|| {
                currency_of_language(locale)
                    .filter(offered_currency)
                    .filter(|_| locale != default_locale)
            })
            .unwrap_or(default_currency);
        ShopContext {
            storefront,
            locale,
            currency,
            zone: super::time::ReaderZone::utc(),
        }
    }
}

/// The currency people reading a language most likely pay in, by language code; a language not
/// listed suggests none, and the storefront's default applies.
fn currency_of_language(locale: Locale) -> Option<Currency> {
    const BY_LANGUAGE: &[(&str, Currency)] = &[("zh", Currency::CNY), ("ru", Currency::RUB)];
    BY_LANGUAGE
        .iter()
        .find(|(code, _)| *code == locale.code())
        .map(|(_, currency)| *currency)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brand() -> StorefrontBrand {
        StorefrontBrand {
            slug: "demo".into(),
            name: "Demo".into(),
            support_email: None,
            brand_color: "#0f766e".into(),
            locales: Locale::ALL.to_vec(),
            currencies: vec![Currency::USD, Currency::EUR, Currency::CNY],
        }
    }

    fn choose(lang: Option<&str>, cur: Option<&str>, accept: Option<&str>) -> (Locale, Currency) {
        let c = ShopContext::choose(brand(), Locale::En, Currency::USD, lang, cur, accept);
        (c.locale, c.currency)
    }

    #[test]
    fn cookie_beats_accept_language() {
        assert_eq!(choose(Some("en"), None, Some("ru")), (Locale::En, Currency::USD));
        assert_eq!(choose(Some("zh"), Some("EUR"), Some("ru")), (Locale::Zh, Currency::EUR));
    }

    #[test]
    fn accept_language_sets_language_and_a_matching_offered_currency() {
        assert_eq!(choose(None, None, Some("zh-CN,zh;q=0.9")), (Locale::Zh, Currency::CNY));
        // RUB is not offered by this storefront: the default currency stays.
        assert_eq!(choose(None, None, Some("ru")), (Locale::Ru, Currency::USD));
    }

    #[test]
    fn unoffered_or_garbage_cookies_fall_back() {
        assert_eq!(choose(Some("de"), Some("RUB"), None), (Locale::En, Currency::USD));
        assert_eq!(choose(Some("%%"), Some("dollars"), None), (Locale::En, Currency::USD));
    }
}
