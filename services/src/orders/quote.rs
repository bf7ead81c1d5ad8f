//! The quote: exactly what an order will buy and cost, computed the same way before payment
//! (shown to the customer) and when the order is created (stored with it).
use super::OrderError;
use crate::provider::EsimProvider;
use chrono::{DateTime, Utc};
use domain::locale::Locale;
use domain::money::{Currency, Money};
use domain::order::{Promo, PromoDiscount, PromoProblem, Quote, renewal_window};
use domain::plan::ValidityStart;
use sqlx::PgConnection;
use uuid::Uuid;

pub struct QuoteRequest<'a> {
    pub storefront_id: Uuid,
    pub locale: Locale,
    pub currency: Currency,
    pub plan_slug: &'a str,
    /// A renewal of this eSIM; the caller has checked it may act on it.
    pub esim_id: Option<Uuid>,
    pub promo_code: Option<&'a str>,
    /// The lower-cased e-mail of the buyer, for per-customer promo limits.
    pub customer_key: Option<&'a str>,
}

/// The plans that may renew the eSIM in `esim_id` (none for a new eSIM). Asked of the provider
/// before the quote takes its connection: the built-in provider answers from the same pool, and
/// a request that holds one connection while it waits for another can drain the pool.
pub async fn renewable_plans(provider: &dyn EsimProvider, esim_id: Option<Uuid>) -> Result<Vec<Uuid>, OrderError> {
    match esim_id {
        None => Ok(Vec::new()),
        Some(esim_id) => Ok(provider.compatible_top_ups(esim_id).await?),
    }
}

/// Builds the quote; `renewable` comes from [`renewable_plans`]. Inside a transaction, the promo
/// code's row stays locked until it ends.
pub async fn quote(
    conn: &mut PgConnection,
    renewable: &[Uuid],
    req: &QuoteRequest<'_>,
) -> Result<(Quote, Option<Promo>), OrderError> {
    let plan = sqlx::query!(
        r#"SELECT p.id, p.destination_code, p.data_mb, p.voice_minutes, p.sms_count, p.validity_days,
                  p.validity_starts::text AS "validity_starts!", p.can_top_up, pr.amount_minor AS "price?",
                  COALESCE((SELECT name FROM plan_texts WHERE plan_id = p.id AND language = $3),
                           (SELECT name FROM plan_texts WHERE plan_id = p.id AND language = 'en'), p.slug) AS "name!"
           FROM plans p LEFT JOIN plan_prices pr ON pr.plan_id = p.id AND pr.currency = $4
           WHERE p.storefront_id = $1 AND p.slug = $2 AND p.active"#,
        req.storefront_id,
        req.plan_slug,
        req.locale.code(),
        req.currency.code(),
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(OrderError::NotFound)?;
    let price = Money::new(plan.price.ok_or(OrderError::NotPriced)?, req.currency);
    let rule = ValidityStart::from_code(&plan.validity_starts).unwrap_or(ValidityStart::OnFirstUse);
    let now = Utc::now();

    let (esim_name, current_expiry, installed, data_left) = match req.esim_id {
        None => (None, None, false, None),
        Some(esim_id) => {
            if !plan.can_top_up || !renewable.contains(&plan.id) {
                return Err(OrderError::NotCompatible);
            }
            let e = sqlx::query!(
                r#"SELECT p.iccid, p.nickname, p.installed_at IS NOT NULL AS "installed!",
                          (SELECT sum(data_remaining_mb) FROM esim_bundles b WHERE b.esim_id = p.id
                             AND b.status IN ('active', 'pending') AND (b.expires_at IS NULL OR b.expires_at > now()))::bigint AS data_left,
                          esim_running_plan_end(p.id) AS "running_plan_end: DateTime<Utc>"
                   FROM esim_profiles p WHERE p.id = $1 AND p.storefront_id = $2"#,
                esim_id,
                req.storefront_id
            )
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(OrderError::NotFound)?;
            let tail = e.iccid[e.iccid.len().saturating_sub(5)..].to_string();
            (
                Some(e.nickname.unwrap_or(format!("eSIM ···{tail}"))),
                e.running_plan_end,
                e.installed,
                e.data_left,
            )
        }
    };
    // A new eSIM is not installed yet; a renewal starts after the running plan.
    let (starts_at, expires_at) = renewal_window(now, current_expiry, installed, rule, plan.validity_days);

    let (promo, discount_minor) = match req.promo_code {
        None => (None, 0),
        Some(code) => {
            let promo = load_promo(conn, req.storefront_id, code)
                .await?
                .ok_or(OrderError::Promo(PromoProblem::Unknown))?;
            let used_by_customer =
                match req.customer_key {
                    Some(key) => sqlx::query_scalar!(
                        r#"SELECT count(*) AS "n!" FROM promo_redemptions WHERE promo_id = $1 AND customer_key = $2"#,
                        promo.id,
                        key
                    )
                    .fetch_one(&mut *conn)
                    .await?,
                    None => 0,
                };
            let off = promo
                .discount_for(price, plan.id, &plan.destination_code, used_by_customer, now)
                .map_err(OrderError::Promo)?;
            (Some(promo), off)
        }
    };
    let quote = Quote {
        plan_id: plan.id,
        plan_name: plan.name,
        esim_id: req.esim_id,
        esim_name,
        data_mb: plan.data_mb.map(i64::from),
        voice_minutes: plan.voice_minutes.into(),
        sms: plan.sms_count.into(),
        validity_days: plan.validity_days,
        validity_starts: rule,
        starts_at,
        expires_at,
        data_left_now_mb: data_left,
        price,
        discount: Money::new(discount_minor, req.currency),
        total: Money::new(price.amount_minor - discount_minor, req.currency),
        promo_code: promo.as_ref().map(|p| p.code.clone()),
    };
    Ok((quote, promo))
}

/// Loads a promo code with `FOR UPDATE`: inside the order's transaction the row stays locked
/// until it commits, so its limits cannot change between this check and the redemption; outside
/// one (a quote) the lock ends with the statement.
async fn load_promo(conn: &mut PgConnection, storefront_id: Uuid, code: &str) -> Result<Option<Promo>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT id, code, kind::text AS "kind!", percent_off, amount_off_minor, currency,
                  valid_from AS "valid_from: DateTime<Utc>", valid_until AS "valid_until: DateTime<Utc>",
                  max_redemptions, max_per_customer, redemptions, plan_ids, destination_codes, active
           FROM promo_codes WHERE storefront_id = $1 AND code = $2 FOR UPDATE"#,
        storefront_id,
        code
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.and_then(|r| {
        promo_from(
            r.id,
            r.code,
            &r.kind,
            r.percent_off,
            r.amount_off_minor,
            r.currency,
            (r.valid_from, r.valid_until),
            (r.max_redemptions, r.max_per_customer, r.redemptions),
            r.plan_ids,
            r.destination_codes,
            r.active,
        )
    }))
}

#[allow(clippy::too_many_arguments)]
fn promo_from(
    id: Uuid,
    code: String,
    kind: &str,
    percent_off: Option<i16>,
    amount_off_minor: Option<i64>,
    currency: Option<String>,
    (valid_from, valid_until): (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
    (max_redemptions, max_per_customer, redemptions): (Option<i32>, Option<i32>, i32),
    plan_ids: Option<Vec<Uuid>>,
    destination_codes: Option<Vec<String>>,
    active: bool,
) -> Option<Promo> {
    let discount = match kind {
        "percent" => PromoDiscount::Percent(percent_off?),
        _ => PromoDiscount::Fixed(Money::new(amount_off_minor?, Currency::from_code(&currency?)?)),
    };
    Some(Promo {
        id,
        code,
        discount,
        valid_from,
        valid_until,
        max_redemptions,
        max_per_customer,
        redemptions,
        plan_ids,
        destination_codes,
        active,
    })
}
