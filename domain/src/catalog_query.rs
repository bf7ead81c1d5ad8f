//! The catalog's filters and sort, as they live in the query string.
use super::plan::{BillingPeriod, PlanKind};
use serde::{Deserialize, Serialize};

/// Plans shown per catalog page; bounds the work of one request however large the catalog grows.
pub const PAGE_SIZE: u32 = 48;

/// Minimum data choices offered by the filter, in GB; "unlimited" is its own choice.
pub const MIN_DATA_CHOICES_GB: [u32; 6] = [1, 3, 5, 10, 20, 50];
/// Trip-length choices: plans valid for at least this many days.
pub const MIN_DAYS_CHOICES: [u32; 7] = [1, 3, 7, 15, 30, 90, 365];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MinData {
    Gb(u32),
    Unlimited,
}

impl MinData {
    pub fn code(self) -> String {
        match self {
            MinData::Gb(gb) => gb.to_string(),
            MinData::Unlimited => "unlimited".into(),
        }
    }

    fn parse(s: &str) -> Option<Self> {
        if s == "unlimited" {
            return Some(MinData::Unlimited);
        }
        let gb: u32 = s.parse().ok()?;
        MIN_DATA_CHOICES_GB.contains(&gb).then_some(MinData::Gb(gb))
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortOrder {
    /// Country plans first, then regions, then global; cheapest first within each.
    #[default]
    Featured,
    PriceAsc,
    PriceDesc,
    /// Most data first; unlimited counts as the most.
    DataDesc,
    /// Longest validity first.
    ValidityDesc,
}

impl SortOrder {
    pub const ALL: [SortOrder; 5] = [
        SortOrder::Featured,
        SortOrder::PriceAsc,
        SortOrder::PriceDesc,
        SortOrder::DataDesc,
        SortOrder::ValidityDesc,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SortOrder::Featured => "featured",
            SortOrder::PriceAsc => "price",
            SortOrder::PriceDesc => "price-desc",
            SortOrder::DataDesc => "data",
            SortOrder::ValidityDesc => "validity",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == s)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogQuery {
    /// A country code (plans that cover it) or a region/global destination code.
    pub dest: Option<String>,
    pub min_data: Option<MinData>,
    pub min_days: Option<u32>,
    pub period: Option<BillingPeriod>,
    pub kind: Option<PlanKind>,
    pub sort: SortOrder,
    /// 1-based.
    pub page: u32,
}

/// A parsed query plus the names of parameters whose values were not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedQuery {
    pub query: CatalogQuery,
    pub rejected: Vec<&'static str>,
}

impl CatalogQuery {
    /// Reads the query string's pairs. Empty values mean "any"; values that are not one of the
    /// offered choices are dropped and reported, so a mistyped link still shows the catalog.
    pub fn parse<'a>(get: impl Fn(&str) -> Option<&'a str>) -> ParsedQuery {
        let mut rejected = Vec::new();
        let field = |name: &'static str| -> Option<&'a str> { get(name).map(str::trim).filter(|v| !v.is_empty()) };
        let dest = field("dest").and_then(|d| {
            let valid = d.len() <= 24 && d.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
            valid.then(|| d.to_ascii_uppercase())
        });
        let query = CatalogQuery {
            dest: check(&mut rejected, "dest", field("dest"), dest),
            min_data: parse_field(&mut rejected, "data", field("data"), MinData::parse),
            min_days: parse_field(&mut rejected, "days", field("days"), |s| {
                s.parse().ok().filter(|d| MIN_DAYS_CHOICES.contains(d))
            }),
            period: parse_field(&mut rejected, "period", field("period"), BillingPeriod::from_code),
            kind: parse_field(&mut rejected, "kind", field("kind"), PlanKind::from_code),
            sort: parse_field(&mut rejected, "sort", field("sort"), SortOrder::parse).unwrap_or_default(),
            page: parse_field(&mut rejected, "page", field("page"), |s| {
                s.parse().ok().filter(|p| (1..=10_000).contains(p))
            })
            .unwrap_or(1),
        };
        ParsedQuery { query, rejected }
    }

    /// The query string that reproduces this query (without a leading `?`), omitting defaults.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(d) = &self.dest {
            pairs.push(("dest", d.clone()));
        }
        if let Some(d) = self.min_data {
            pairs.push(("data", d.code()));
        }
        if let Some(d) = self.min_days {
            pairs.push(("days", d.to_string()));
        }
        if let Some(p) = self.period {
            pairs.push(("period", p.code().into()));
        }
        if let Some(k) = self.kind {
            pairs.push(("kind", k.code().into()));
        }
        if self.sort != SortOrder::Featured {
            pairs.push(("sort", self.sort.code().into()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        // Every value is already restricted to [A-Za-z0-9-], so no percent-encoding is needed.
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    pub fn with_page(&self, page: u32) -> CatalogQuery {
        CatalogQuery { page, ..self.clone() }
    }

    pub fn is_filtered(&self) -> bool {
        self.dest.is_some()
            || self.min_data.is_some()
            || self.min_days.is_some()
            || self.period.is_some()
            || self.kind.is_some()
    }
}

fn check<T>(rejected: &mut Vec<&'static str>, name: &'static str, raw: Option<&str>, parsed: Option<T>) -> Option<T> {
    if raw.is_some() && parsed.is_none() {
        rejected.push(name);
    }
    parsed
}

fn parse_field<T>(
    rejected: &mut Vec<&'static str>,
    name: &'static str,
    raw: Option<&str>,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Option<T> {
    let parsed = raw.and_then(parse);
    check(rejected, name, raw, parsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> ParsedQuery {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        CatalogQuery::parse(|k| map.get(k).map(String::as_str))
    }

    #[test]
    fn parses_every_filter_and_round_trips() {
        let parsed = parse(&[
            ("dest", "ru"),
            ("data", "10"),
            ("days", "30"),
            ("period", "month"),
            ("kind", "family"),
            ("sort", "price-desc"),
            ("page", "2"),
        ]);
        assert!(parsed.rejected.is_empty());
        let q = parsed.query;
        assert_eq!(q.dest.as_deref(), Some("RU"));
        assert_eq!(q.min_data, Some(MinData::Gb(10)));
        assert_eq!(q.min_days, Some(30));
        assert_eq!(q.period, Some(BillingPeriod::Month));
        assert_eq!(q.kind, Some(PlanKind::Family));
        assert_eq!(q.sort, SortOrder::PriceDesc);
        assert_eq!(q.page, 2);
        assert_eq!(
            q.to_query_string(),
            "dest=RU&data=10&days=30&period=month&kind=family&sort=price-desc&page=2"
        );
    }

    #[test]
    fn empty_values_mean_any_and_defaults_are_omitted() {
        let parsed = parse(&[("dest", ""), ("data", " "), ("sort", "featured"), ("page", "1")]);
        assert!(parsed.rejected.is_empty());
        assert_eq!(
            parsed.query,
            CatalogQuery {
                page: 1,
                ..Default::default()
            }
        );
        assert_eq!(parsed.query.to_query_string(), "");
        assert!(!parsed.query.is_filtered());
    }

    #[test]
    fn bad_values_are_dropped_and_reported() {
        let parsed = parse(&[
            ("dest", "R U<script>"),
            ("data", "7"),
            ("days", "-3"),
            ("period", "week"),
            ("kind", "x"),
            ("sort", "random"),
            ("page", "0"),
        ]);
        assert_eq!(
            parsed.rejected,
            vec!["dest", "data", "days", "period", "kind", "sort", "page"]
        );
        assert_eq!(
            parsed.query,
            CatalogQuery {
                page: 1,
                ..Default::default()
            }
        );
    }

    #[test]
    fn unlimited_is_a_data_choice() {
        let q = parse(&[("data", "unlimited")]).query;
        assert_eq!(q.min_data, Some(MinData::Unlimited));
        assert_eq!(q.to_query_string(), "data=unlimited");
    }
}
