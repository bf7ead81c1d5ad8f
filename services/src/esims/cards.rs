//! The "My eSIMs" read model: each eSIM with its bundles and 30 days of usage.
use chrono::{DateTime, NaiveDate, Utc};
use domain::esim::{Allowance, BundleCard, BundleState, DailyUsage, EsimCard, EsimStatus, days_until};
use domain::locale::Locale;
use domain::plan::ValidityStart;
use sqlx::PgPool;
use std::collections::HashMap;
use uuid::Uuid;

/// Ended bundles stay on the card this long, so a customer sees what just ran out.
const ENDED_BUNDLES_SHOWN_DAYS: i32 = 30;

/// The eSIMs of the customer records linked to `account_id` in `storefront_id`, newest first.
pub async fn for_account(
    pool: &PgPool,
    storefront_id: Uuid,
    account_id: Uuid,
    locale: Locale,
) -> Result<Vec<EsimCard>, sqlx::Error> {
    let ids = sqlx::query_scalar!(
        r#"SELECT p.id FROM esim_profiles p JOIN customers c ON c.id = p.customer_id
           WHERE c.account_id = $1 AND p.storefront_id = $2
           ORDER BY p.allocated_at DESC NULLS LAST, p.iccid"#,
        account_id,
        storefront_id
    )
    .fetch_all(pool)
    .await?;
    load(pool, &ids, locale).await
}

/// The eSIMs of a customer record (for a lookup without an account), optionally just one.
pub async fn for_customer(
    pool: &PgPool,
    customer_id: Uuid,
    only: Option<Uuid>,
    locale: Locale,
) -> Result<Vec<EsimCard>, sqlx::Error> {
    let ids = sqlx::query_scalar!(
        r#"SELECT id FROM esim_profiles WHERE customer_id = $1 AND ($2::uuid IS NULL OR id = $2)
           ORDER BY allocated_at DESC NULLS LAST, iccid"#,
        customer_id,
        only
    )
    .fetch_all(pool)
    .await?;
    load(pool, &ids, locale).await
}

/// Cards for the given eSIMs, in the given order. Callers have checked access.
pub async fn load(pool: &PgPool, ids: &[Uuid], locale: Locale) -> Result<Vec<EsimCard>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let now = Utc::now();
    let profiles = sqlx::query!(
        r#"SELECT id, iccid, nickname, status::text AS "status!", carrier,
                  installed_at AS "installed_at: DateTime<Utc>"
           FROM esim_profiles WHERE id = ANY($1)"#,
        ids
    )
    .fetch_all(pool)
    .await?;
    let bundles = sqlx::query!(
        r#"SELECT b.id, b.esim_id, b.status::text AS "status!", b.data_total_mb, b.data_remaining_mb,
                  b.voice_total_min, b.voice_remaining_min, b.sms_total, b.sms_remaining,
                  b.starts_at AS "starts_at: DateTime<Utc>", b.expires_at AS "expires_at: DateTime<Utc>",
                  b.usage_measured_at AS "measured_at: DateTime<Utc>",
                  pl.validity_starts::text AS "validity_starts!", pl.validity_days, pl.fair_use_daily_mb,
                  COALESCE((SELECT name FROM plan_texts WHERE plan_id = pl.id AND language = $2),
                           (SELECT name FROM plan_texts WHERE plan_id = pl.id AND language = 'en'),
                           pl.slug) AS "plan_name!"
           FROM esim_bundles b JOIN plans pl ON pl.id = b.plan_id
           WHERE b.esim_id = ANY($1)
             AND (b.expires_at IS NULL OR b.expires_at > now() - make_interval(days => $3))
           ORDER BY b.created_at DESC"#,
        ids,
        locale.code(),
        ENDED_BUNDLES_SHOWN_DAYS,
    )
    .fetch_all(pool)
    .await?;
    let usage = sqlx::query!(
        r#"SELECT e.id AS "esim_id!", d.day AS "day!: NaiveDate", COALESCE(u.data_mb, 0) AS "data_mb!"
           FROM unnest($1::uuid[]) AS e(id)
           CROSS JOIN LATERAL (SELECT generate_series(current_date - 29, current_date, interval '1 day')::date AS day) d
           LEFT JOIN esim_daily_usage u ON u.esim_id = e.id AND u.day = d.day
           ORDER BY e.id, d.day"#,
        ids
    )
    .fetch_all(pool)
    .await?;

    let mut bundles_by_esim: HashMap<Uuid, Vec<BundleCard>> = HashMap::new();
    for b in bundles {
        let stored = b.status.as_str();
        let state = match stored {
            "pending" => BundleState::Waiting,
            "depleted" => BundleState::Depleted,
            "expired" => BundleState::Expired,
            _ if b.expires_at.is_some_and(|e| e <= now) => BundleState::Expired,
            // A renewal queued after the running plan.
            _ if b.starts_at.is_some_and(|s| s > now) => BundleState::Waiting,
            _ => BundleState::Active,
        };
        let allowance = |remaining: i32, total: i32| {
            (total > 0).then_some(Allowance {
                remaining: remaining.into(),
                total: Some(total.into()),
            })
        };
        bundles_by_esim.entry(b.esim_id).or_default().push(BundleCard {
            id: b.id,
            plan_name: b.plan_name,
            state,
            validity_starts: ValidityStart::from_code(&b.validity_starts).unwrap_or(ValidityStart::OnFirstUse),
            validity_days: b.validity_days,
            data: Allowance {
                remaining: b.data_remaining_mb.unwrap_or(0).into(),
                total: b.data_total_mb.map(i64::from),
            },
            fair_use_daily_mb: b.fair_use_daily_mb,
            voice: allowance(b.voice_remaining_min, b.voice_total_min),
            sms: allowance(b.sms_remaining, b.sms_total),
            starts_at: b.starts_at,
            expires_at: b.expires_at,
            days_left: b.expires_at.map(|e| days_until(now, e)),
            usage_measured_at: b.measured_at,
        });
    }
    let mut usage_by_esim: HashMap<Uuid, Vec<DailyUsage>> = HashMap::new();
    for u in usage {
        usage_by_esim.entry(u.esim_id).or_default().push(DailyUsage {
            day: u.day,
            data_mb: u.data_mb,
        });
    }
    let mut by_id: HashMap<Uuid, EsimCard> = profiles
        .into_iter()
        .map(|p| {
            let bundles = bundles_by_esim.remove(&p.id).unwrap_or_default();
            let mut status = EsimStatus::from_code(&p.status).unwrap_or(EsimStatus::Suspended);
            // The carrier reports expiry late; once every bundle has ended, say so.
            let all_ended = !bundles.is_empty()
                && bundles
                    .iter()
                    .all(|b| matches!(b.state, BundleState::Expired | BundleState::Depleted));
            if all_ended && matches!(status, EsimStatus::Installed | EsimStatus::Active) {
                status = EsimStatus::Expired;
            }
            let card = EsimCard {
                id: p.id,
                iccid: p.iccid,
                nickname: p.nickname,
                status,
                carrier: p.carrier,
                installed_at: p.installed_at,
                bundles,
                daily_usage: usage_by_esim.remove(&p.id).unwrap_or_default(),
            };
            (card.id, card)
        })
        .collect();
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// Renames an eSIM; an empty name clears it. The caller has checked access.
pub async fn set_nickname(pool: &PgPool, esim_id: Uuid, nickname: Option<&str>) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE esim_profiles SET nickname = $2 WHERE id = $1",
        esim_id,
        nickname
    )
    .execute(pool)
    .await?;
    Ok(())
}
