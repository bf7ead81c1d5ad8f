// `Locale`, its codes and names, and its catalogue sources, written by build.rs from the folders
// under `domain/locales/`.
include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

impl Locale {
    /// This language's place in `Locale::ALL`, for tables kept per language.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The language for a code or tag: an exact match first (`en-XA`), then the primary subtag
    /// (`ru-RU` is Russian).
    pub fn from_code(code: &str) -> Option<Locale> {
        let code = code.trim();
        let matching = |c: &str| Locale::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(c));
        matching(code).or_else(|| matching(code.split(['-', '_']).next()?.trim()))
    }

    /// Picks the best of `offered` for an `Accept-Language` header, by quality then order.
    /// Traditional-script Chinese tags still map to Chinese: simplified is the only Chinese we have.
    pub fn negotiate(accept_language: &str, offered: &[Locale]) -> Option<Locale> {
        let mut best: Option<(u16, Locale)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map(parse_quality)
                .unwrap_or(1000);
            if quality == 0 || tag.is_empty() || tag == "*" {
                continue;
            }
            if let Some(locale) = Locale::from_code(tag).filter(|l| offered.contains(l))
                && best.is_none_or(|(q, _)| quality > q)
            {
                best = Some((quality, locale));
            }
        }
        best.map(|(_, l)| l)
    }
}

/// Quality values have at most three decimals; kept as thousandths to compare exactly.
fn parse_quality(q: &str) -> u16 {
    let q = q.trim();
    let (whole, frac) = q.split_once('.').unwrap_or((q, ""));
    let whole: u16 = match whole {
        "0" => 0,
        "1" => 1,
        _ => return 0,
    };
    let mut thousandths = 0u16;
    for (i, c) in frac.chars().take(3).enumerate() {
        let Some(d) = c.to_digit(10) else { return 0 };
        thousandths += d as u16 * [100, 10, 1][i];
    }
    (whole * 1000 + thousandths).min(1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &[Locale] = &Locale::ALL;

    #[test]
    fn negotiates_by_quality_then_order() {
        assert_eq!(Locale::negotiate("ru-RU,ru;q=0.9,en;q=0.8", ALL), Some(Locale::Ru));
        assert_eq!(Locale::negotiate("de;q=1,en;q=0.5,zh-CN;q=0.7", ALL), Some(Locale::Zh));
        assert_eq!(Locale::negotiate("zh-TW", ALL), Some(Locale::Zh));
        assert_eq!(Locale::negotiate("en;q=0.9,ru;q=0.9", ALL), Some(Locale::En));
    }

    #[test]
    fn ignores_unknown_refused_and_unoffered() {
        assert_eq!(Locale::negotiate("de,fr;q=0.5", ALL), None);
        assert_eq!(Locale::negotiate("ru;q=0,en;q=0.1", ALL), Some(Locale::En));
        assert_eq!(Locale::negotiate("ru", &[Locale::En, Locale::Zh]), None);
        assert_eq!(Locale::negotiate("", ALL), None);
        assert_eq!(Locale::negotiate("*", ALL), None);
        assert_eq!(Locale::negotiate("ru;q=bogus,zh;q=0.2", ALL), Some(Locale::Zh));
    }

    #[test]
    fn codes_round_trip() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_code(l.code()), Some(l));
            assert_eq!(Locale::ALL[l.index()], l);
        }
        assert_eq!(Locale::from_code("RU"), Some(Locale::Ru));
        assert_eq!(Locale::from_code("xx"), None);
    }
}
