//! Filtering, sorting and paging the catalog: a pure function over a storefront's plans, so the
//! server can answer from memory and the rules are tested without a database.
use super::catalog_query::{CatalogQuery, MinData, PAGE_SIZE, SortOrder};
use super::plan::{DataAllowance, PlanCard};

/// One page of `cards` for `query`, and how many match in all. `cards` must be in featured
/// order; `covers(destination, country)` says whether a destination includes a country.
pub fn select_page(
    cards: &[PlanCard],
    covers: impl Fn(&str, &str) -> bool,
    query: &CatalogQuery,
) -> (Vec<PlanCard>, u64) {
    let mut matching: Vec<&PlanCard> = cards.iter().filter(|c| matches(c, &covers, query)).collect();
    let cheapest_first = |a: &&PlanCard, b: &&PlanCard| {
        a.price
            .amount_minor
            .cmp(&b.price.amount_minor)
            .then_with(|| a.slug.cmp(&b.slug))
    };
    match query.sort {
        SortOrder::Featured => {}
        SortOrder::PriceAsc => matching.sort_by(cheapest_first),
        SortOrder::PriceDesc => matching.sort_by(|a, b| {
            b.price
                .amount_minor
                .cmp(&a.price.amount_minor)
                .then_with(|| cheapest_first(a, b))
        }),
        SortOrder::DataDesc => {
            matching.sort_by(|a, b| data_rank(b).cmp(&data_rank(a)).then_with(|| cheapest_first(a, b)))
        }
        SortOrder::ValidityDesc => {
            matching.sort_by(|a, b| b.validity_days.cmp(&a.validity_days).then_with(|| cheapest_first(a, b)))
        }
    }
    let total = matching.len() as u64;
    let skip = (query.page.max(1) as usize - 1).saturating_mul(PAGE_SIZE as usize);
    let page = matching
        .into_iter()
        .skip(skip)
        .take(PAGE_SIZE as usize)
        .cloned()
        .collect();
    (page, total)
}

/// Unlimited ranks above any amount of data.
fn data_rank(c: &PlanCard) -> u64 {
    match c.data {
        DataAllowance::Limited { mb } => mb as u64,
        DataAllowance::Unlimited { .. } => u64::MAX,
    }
}

fn matches(c: &PlanCard, covers: &impl Fn(&str, &str) -> bool, q: &CatalogQuery) -> bool {
    let dest_ok = q
        .dest
        .as_deref()
        .is_none_or(|d| c.destination.code == d || covers(&c.destination.code, d));
    let data_ok = match (q.min_data, c.data) {
        (None, _) | (_, DataAllowance::Unlimited { .. }) => true,
        (Some(MinData::Unlimited), DataAllowance::Limited { .. }) => false,
        (Some(MinData::Gb(gb)), DataAllowance::Limited { mb }) => mb as u64 >= gb as u64 * 1024,
    };
    dest_ok
        && data_ok
        && q.min_days.is_none_or(|d| c.validity_days >= d)
        && q.period.is_none_or(|p| c.billing_period == p)
        && q.kind.is_none_or(|k| c.kind == k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{Currency, Money};
    use crate::plan::{BillingPeriod, Destination, DestinationKind, Generation, PlanKind};

    fn card(slug: &str, dest: &str, data_mb: Option<u32>, days: u32, price: i64) -> PlanCard {
        PlanCard {
            slug: slug.into(),
            name: slug.into(),
            destination: Destination {
                code: dest.into(),
                kind: if dest.len() == 2 {
                    DestinationKind::Country
                } else {
                    DestinationKind::Region
                },
                name: dest.into(),
            },
            country_count: 1,
            data: match data_mb {
                Some(mb) => DataAllowance::Limited { mb },
                None => DataAllowance::Unlimited {
                    fair_use_daily_mb: 1024,
                },
            },
            throttle_kbps: None,
            voice_minutes: 0,
            sms_count: 0,
            validity_days: days,
            billing_period: if days <= 3 {
                BillingPeriod::Day
            } else {
                BillingPeriod::Month
            },
            kind: PlanKind::Single,
            max_lines: 1,
            can_top_up: true,
            max_generation: Generation::G4,
            price: Money::new(price, Currency::USD),
        }
    }

    fn catalog() -> Vec<PlanCard> {
        vec![
            card("fr-5", "FR", Some(5 * 1024), 15, 900),
            card("ru-10", "RU", Some(10 * 1024), 30, 1900),
            card("ru-unl", "RU", None, 1, 500),
            card("eu-10", "EU", Some(10 * 1024), 30, 1900),
            card("eu-unl", "EU", None, 30, 4900),
        ]
    }

    fn covers(dest: &str, country: &str) -> bool {
        dest == "EU" && ["FR", "DE"].contains(&country)
    }

    fn slugs(q: CatalogQuery) -> Vec<String> {
        select_page(&catalog(), covers, &q)
            .0
            .into_iter()
            .map(|c| c.slug)
            .collect()
    }

    #[test]
    fn country_filter_includes_regions_that_cover_it() {
        let q = CatalogQuery {
            dest: Some("FR".into()),
            page: 1,
            ..Default::default()
        };
        assert_eq!(slugs(q), ["fr-5", "eu-10", "eu-unl"]);
        let q = CatalogQuery {
            dest: Some("EU".into()),
            page: 1,
            ..Default::default()
        };
        assert_eq!(slugs(q), ["eu-10", "eu-unl"]);
    }

    #[test]
    fn data_filter_counts_unlimited_as_enough() {
        let q = CatalogQuery {
            min_data: Some(MinData::Gb(10)),
            page: 1,
            ..Default::default()
        };
        assert_eq!(slugs(q), ["ru-10", "ru-unl", "eu-10", "eu-unl"]);
        let q = CatalogQuery {
            min_data: Some(MinData::Unlimited),
            page: 1,
            ..Default::default()
        };
        assert_eq!(slugs(q), ["ru-unl", "eu-unl"]);
    }

    #[test]
    fn sorts_break_ties_by_price_then_slug() {
        let q = |sort| CatalogQuery {
            sort,
            page: 1,
            ..Default::default()
        };
        assert_eq!(
            slugs(q(SortOrder::PriceAsc)),
            ["ru-unl", "fr-5", "eu-10", "ru-10", "eu-unl"]
        );
        assert_eq!(
            slugs(q(SortOrder::PriceDesc)),
            ["eu-unl", "eu-10", "ru-10", "fr-5", "ru-unl"]
        );
        assert_eq!(
            slugs(q(SortOrder::DataDesc)),
            ["ru-unl", "eu-unl", "eu-10", "ru-10", "fr-5"]
        );
        assert_eq!(
            slugs(q(SortOrder::ValidityDesc)),
            ["eu-10", "ru-10", "eu-unl", "fr-5", "ru-unl"]
        );
        assert_eq!(
            slugs(q(SortOrder::Featured)),
            ["fr-5", "ru-10", "ru-unl", "eu-10", "eu-unl"]
        );
    }

    #[test]
    fn pages_and_totals() {
        let many: Vec<PlanCard> = (0..100)
            .map(|i| card(&format!("p{i:03}"), "RU", Some(1024), 7, 100 + i))
            .collect();
        let q = |page| CatalogQuery {
            page,
            ..Default::default()
        };
        let (first, total) = select_page(&many, covers, &q(1));
        assert_eq!((first.len(), total), (PAGE_SIZE as usize, 100));
        let (third, _) = select_page(&many, covers, &q(3));
        assert_eq!(third.len(), 100 - 2 * PAGE_SIZE as usize);
        assert_eq!(third[0].slug, format!("p{:03}", 2 * PAGE_SIZE));
        assert!(select_page(&many, covers, &q(9)).0.is_empty());
    }

    #[test]
    fn other_filters_combine() {
        let q = CatalogQuery {
            min_days: Some(15),
            period: Some(BillingPeriod::Month),
            kind: Some(PlanKind::Single),
            page: 1,
            ..Default::default()
        };
        assert_eq!(slugs(q), ["fr-5", "ru-10", "eu-10", "eu-unl"]);
        let q = CatalogQuery {
            kind: Some(PlanKind::Family),
            page: 1,
            ..Default::default()
        };
        assert!(slugs(q).is_empty());
    }
}
