//! Catalog queries. Each is one round trip with every filter bound as a parameter.
use crate::db::RepoError;
use domain::locale::Locale;
use domain::money::{Currency, Money};
use domain::plan::{
    BillingPeriod, Country, DataAllowance, Destination, DestinationKind, Generation, Network, PlanCard, PlanDetail,
    PlanKind, RenewalOption, ValidityStart,
};
use sqlx::PgPool;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Where the catalog is read from: one storefront, in one language and currency.
#[derive(Clone, Copy, Debug)]
pub struct CatalogScope {
    pub storefront_id: Uuid,
    pub locale: Locale,
    pub fallback_locale: Locale,
    pub currency: Currency,
}

/// The columns every plan card is built from, as the queries below select them.
struct CardRow {
    slug: String,
    name: String,
    destination_code: String,
    destination_kind: String,
    destination_name: String,
    country_count: i64,
    data_mb: Option<i32>,
    fair_use_daily_mb: Option<i32>,
    throttle_kbps: Option<i32>,
    voice_minutes: i32,
    sms_count: i32,
    validity_days: i32,
    billing_period: String,
    kind: String,
    max_lines: i16,
    can_top_up: bool,
    max_generation: String,
    amount_minor: i64,
}

/// Moves the card columns out of a `sqlx::query!` record, whose type has no name to convert from.
macro_rules! card_row {
    ($r:ident) => {
        CardRow {
            slug: $r.slug,
            name: $r.name,
            destination_code: $r.destination_code,
            destination_kind: $r.destination_kind,
            destination_name: $r.destination_name,
            country_count: $r.country_count,
            data_mb: $r.data_mb,
            fair_use_daily_mb: $r.fair_use_daily_mb,
            throttle_kbps: $r.throttle_kbps,
            voice_minutes: $r.voice_minutes,
            sms_count: $r.sms_count,
            validity_days: $r.validity_days,
            billing_period: $r.billing_period,
            kind: $r.kind,
            max_lines: $r.max_lines,
            can_top_up: $r.can_top_up,
            max_generation: $r.max_generation,
            amount_minor: $r.amount_minor,
        }
    };
}

impl CardRow {
    fn into_card(self, currency: Currency) -> Result<PlanCard, RepoError> {
        let bad = |what: &str| RepoError::Inconsistent(format!("plan {}: {what}", self.slug));
        Ok(PlanCard {
            destination: Destination {
                kind: DestinationKind::from_code(&self.destination_kind).ok_or_else(|| bad("destination kind"))?,
                code: self.destination_code.clone(),
                name: self.destination_name.clone(),
            },
            country_count: self.country_count as u32,
            data: DataAllowance::from_columns(self.data_mb, self.fair_use_daily_mb).ok_or_else(|| bad("data"))?,
            throttle_kbps: self.throttle_kbps.map(|k| k as u32),
            voice_minutes: self.voice_minutes as u32,
            sms_count: self.sms_count as u32,
            validity_days: self.validity_days as u32,
            billing_period: BillingPeriod::from_code(&self.billing_period).ok_or_else(|| bad("billing period"))?,
            kind: PlanKind::from_code(&self.kind).ok_or_else(|| bad("kind"))?,
            max_lines: self.max_lines as u32,
            can_top_up: self.can_top_up,
            max_generation: Generation::from_code(&self.max_generation).ok_or_else(|| bad("generation"))?,
            price: Money::new(self.amount_minor, currency),
            name: self.name,
            slug: self.slug,
        })
    }
}

/// Every plan the storefront sells in the scope's currency, in featured order: country plans,
/// then regions, then worldwide; by destination name; cheapest first. Plans without a price in
/// that currency are not for sale in it and are left out.
pub async fn all_plan_cards(pool: &PgPool, scope: CatalogScope) -> Result<Vec<PlanCard>, RepoError> {
    let rows = sqlx::query!(
        r#"SELECT p.slug,
                  COALESCE(tl.name, tf.name, p.slug) AS "name!",
                  p.destination_code,
                  d.kind::text AS "destination_kind!",
                  CASE $2 WHEN 'zh' THEN d.name_zh WHEN 'ru' THEN d.name_ru ELSE d.name_en END AS "destination_name!",
                  COALESCE(cc.n, 0) AS "country_count!",
                  p.data_mb, p.fair_use_daily_mb, p.throttle_kbps, p.voice_minutes, p.sms_count, p.validity_days,
                  p.billing_period::text AS "billing_period!", p.kind::text AS "kind!", p.max_lines, p.can_top_up,
                  p.max_generation::text AS "max_generation!",
                  pr.amount_minor
           FROM plans p
           JOIN destinations d ON d.code = p.destination_code
           JOIN plan_prices pr ON pr.plan_id = p.id AND pr.currency = $4
           LEFT JOIN (SELECT destination_code, count(*) AS n FROM destination_countries GROUP BY destination_code) cc
                  ON cc.destination_code = p.destination_code
           LEFT JOIN plan_texts tl ON tl.plan_id = p.id AND tl.language = $2
           LEFT JOIN plan_texts tf ON tf.plan_id = p.id AND tf.language = $3
           WHERE p.storefront_id = $1 AND p.active
           ORDER BY array_position(ARRAY['country','region','global'], d.kind::text),
                    CASE $2 WHEN 'zh' THEN d.name_zh WHEN 'ru' THEN d.name_ru ELSE d.name_en END,
                    pr.amount_minor, p.slug"#,
        scope.storefront_id,
        scope.locale.code(),
        scope.fallback_locale.code(),
        scope.currency.code(),
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| card_row!(r).into_card(scope.currency))
        .collect()
}

/// For each destination the storefront sells, the countries it covers.
pub async fn destination_coverage(
    pool: &PgPool,
    storefront_id: Uuid,
) -> Result<HashMap<String, HashSet<String>>, RepoError> {
    let rows = sqlx::query!(
        r#"SELECT dc.destination_code, dc.country_code::text AS "country_code!"
           FROM destination_countries dc
           WHERE dc.destination_code IN (SELECT destination_code FROM plans WHERE storefront_id = $1 AND active)"#,
        storefront_id,
    )
    .fetch_all(pool)
    .await?;
    let mut coverage: HashMap<String, HashSet<String>> = HashMap::new();
    for r in rows {
        coverage.entry(r.destination_code).or_default().insert(r.country_code);
    }
    Ok(coverage)
}

/// The destinations a shopper can filter by: every country some plan covers, then the regional
/// and worldwide destinations the storefront sells.
pub async fn filter_destinations(pool: &PgPool, scope: CatalogScope) -> Result<Vec<Destination>, RepoError> {
    let rows = sqlx::query!(
        r#"WITH sold AS (
               SELECT DISTINCT destination_code FROM plans WHERE storefront_id = $1 AND active
           )
           SELECT code AS "code!", kind AS "kind!", name AS "name!" FROM (
               SELECT DISTINCT c.code::text AS code, 'country' AS kind,
                      CASE $2 WHEN 'zh' THEN c.name_zh WHEN 'ru' THEN c.name_ru ELSE c.name_en END AS name
               FROM sold
               JOIN destination_countries dc ON dc.destination_code = sold.destination_code
               JOIN countries c ON c.code = dc.country_code
               UNION
               SELECT d.code, d.kind::text,
                      CASE $2 WHEN 'zh' THEN d.name_zh WHEN 'ru' THEN d.name_ru ELSE d.name_en END
               FROM sold JOIN destinations d ON d.code = sold.destination_code
               WHERE d.kind <> 'country'
           ) t
           ORDER BY kind = 'country' DESC, kind = 'global', name"#,
        scope.storefront_id,
        scope.locale.code(),
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let kind = DestinationKind::from_code(&r.kind)
                .ok_or_else(|| RepoError::Inconsistent(format!("destination kind {}", r.kind)))?;
            Ok(Destination {
                code: r.code,
                kind,
                name: r.name,
            })
        })
        .collect()
}

/// One active plan by its slug, with its coverage and networks; `None` if the storefront does not
/// sell it in the scope's currency.
pub async fn find_plan(pool: &PgPool, scope: CatalogScope, slug: &str) -> Result<Option<PlanDetail>, RepoError> {
    let Some(r) = sqlx::query!(
        r#"SELECT p.id, p.slug,
                  COALESCE(tl.name, tf.name, p.slug) AS "name!",
                  COALESCE(tl.description, tf.description, '') AS "description!",
                  p.destination_code,
                  d.kind::text AS "destination_kind!",
                  CASE $2 WHEN 'zh' THEN d.name_zh WHEN 'ru' THEN d.name_ru ELSE d.name_en END AS "destination_name!",
                  (SELECT count(*) FROM destination_countries dc WHERE dc.destination_code = p.destination_code) AS "country_count!",
                  p.data_mb, p.fair_use_daily_mb, p.throttle_kbps, p.voice_minutes, p.sms_count, p.validity_days,
                  p.billing_period::text AS "billing_period!", p.kind::text AS "kind!", p.max_lines, p.can_top_up,
                  p.max_generation::text AS "max_generation!", p.validity_starts::text AS "validity_starts!",
                  p.hotspot_allowed, pr.amount_minor
           FROM plans p
           JOIN destinations d ON d.code = p.destination_code
           JOIN plan_prices pr ON pr.plan_id = p.id AND pr.currency = $4
           LEFT JOIN plan_texts tl ON tl.plan_id = p.id AND tl.language = $2
           LEFT JOIN plan_texts tf ON tf.plan_id = p.id AND tf.language = $3
           WHERE p.storefront_id = $1 AND p.active AND p.slug = $5"#,
        scope.storefront_id,
        scope.locale.code(),
        scope.fallback_locale.code(),
        scope.currency.code(),
        slug,
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };

    let countries = sqlx::query!(
        r#"SELECT c.code::text AS "code!",
                  CASE $2 WHEN 'zh' THEN c.name_zh WHEN 'ru' THEN c.name_ru ELSE c.name_en END AS "name!"
           FROM destination_countries dc JOIN countries c ON c.code = dc.country_code
           WHERE dc.destination_code = $1
           ORDER BY 2"#,
        r.destination_code,
        scope.locale.code(),
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|c| Country {
        code: c.code,
        name: c.name,
    })
    .collect();

    let networks = sqlx::query!(
        r#"SELECT CASE $2 WHEN 'zh' THEN c.name_zh WHEN 'ru' THEN c.name_ru ELSE c.name_en END AS "country!",
                  n.operator, n.generation::text AS "generation!"
           FROM plan_networks n JOIN countries c ON c.code = n.country_code
           WHERE n.plan_id = $1
           ORDER BY 1, n.operator"#,
        r.id,
        scope.locale.code(),
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|n| {
        let generation = Generation::from_code(&n.generation)
            .ok_or_else(|| RepoError::Inconsistent(format!("network generation {}", n.generation)))?;
        Ok(Network {
            country: n.country,
            operator: n.operator,
            generation,
        })
    })
    .collect::<Result<Vec<_>, RepoError>>()?;

    let validity_starts = ValidityStart::from_code(&r.validity_starts)
        .ok_or_else(|| RepoError::Inconsistent(format!("validity start {}", r.validity_starts)))?;
    let card = card_row!(r).into_card(scope.currency)?;
    Ok(Some(PlanDetail {
        card,
        description: r.description,
        validity_starts,
        hotspot_allowed: r.hotspot_allowed,
        countries,
        networks,
    }))
}

/// The active plans among `plan_ids` (those the provider says can top up an eSIM) priced in
/// `currency`, cheapest first, named in `locale` (English when it has no name there).
pub async fn renewal_options(
    pool: &PgPool,
    plan_ids: &[Uuid],
    locale: Locale,
    currency: Currency,
) -> Result<Vec<RenewalOption>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT p.slug, pr.amount_minor,
                  COALESCE((SELECT name FROM plan_texts WHERE plan_id = p.id AND language = $2),
                           (SELECT name FROM plan_texts WHERE plan_id = p.id AND language = 'en'), p.slug) AS "name!"
           FROM plans p JOIN plan_prices pr ON pr.plan_id = p.id AND pr.currency = $3
           WHERE p.id = ANY($1) AND p.active ORDER BY pr.amount_minor"#,
        plan_ids,
        locale.code(),
        currency.code()
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| RenewalOption {
            slug: r.slug,
            name: r.name,
            price: Money::new(r.amount_minor, currency),
        })
        .collect())
}
