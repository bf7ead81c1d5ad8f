//! Applies validated feed events in one transaction. The event table's unique id makes a replay
//! a no-op; the stored measurement and report times make an older event a no-op.
use super::{FeedEvent, Outcome};
use crate::db::pg_time;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

/// Applies `events` (already validated) and returns each one's outcome, in order.
pub async fn apply_events(pool: &PgPool, source: &str, events: &[FeedEvent]) -> Result<Vec<Outcome>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let mut outcomes = Vec::with_capacity(events.len());
    for event in events {
        outcomes.push(apply_one(&mut tx, source, event).await?);
    }
    tx.commit().await?;
    Ok(outcomes)
}

async fn apply_one(conn: &mut PgConnection, source: &str, event: &FeedEvent) -> Result<Outcome, sqlx::Error> {
    let payload = serde_json::to_value(event).unwrap_or_default();
    // Claim the id first: a concurrent copy of the same event waits here, then finds it taken.
    let claimed = sqlx::query_scalar!(
        r#"INSERT INTO esim_feed_events (event_id, source, kind, iccid, occurred_at, outcome, payload)
           VALUES ($1, $2, $3, $4, $5, 'applied', $6)
           ON CONFLICT (event_id) DO NOTHING RETURNING id"#,
        event.event_id(),
        source,
        event.kind(),
        event.iccid(),
        pg_time(event.at()),
        payload,
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row_id) = claimed else {
        return Ok(Outcome::Duplicate);
    };
    let outcome = match event {
        FeedEvent::Usage { .. } => apply_usage(conn, event).await?,
        FeedEvent::Status { .. } => apply_status(conn, event).await?,
    };
    if outcome != Outcome::Applied {
        sqlx::query!(
            "UPDATE esim_feed_events SET outcome = $2 WHERE id = $1",
            row_id,
            outcome.code()
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(outcome)
}

async fn apply_usage(conn: &mut PgConnection, event: &FeedEvent) -> Result<Outcome, sqlx::Error> {
    let FeedEvent::Usage {
        iccid,
        measured_at,
        data_remaining_mb,
        voice_remaining_min,
        sms_remaining,
        ..
    } = event
    else {
        unreachable!("apply_usage takes usage events")
    };
    let Some(profile) = sqlx::query!(
        "SELECT id, status::text AS \"status!\" FROM esim_profiles WHERE iccid = $1 AND status <> 'in_stock' FOR UPDATE",
        iccid
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(Outcome::UnknownEsim);
    };
    // The current bundle: the active one ending first, else the oldest waiting one.
    let Some(bundle) = sqlx::query!(
        r#"SELECT b.id, b.status::text AS "status!", b.data_total_mb, b.data_remaining_mb, b.voice_remaining_min, b.voice_total_min,
                  b.sms_remaining, b.sms_total, b.usage_measured_at AS "measured_at: DateTime<Utc>", pl.validity_days
           FROM esim_bundles b JOIN plans pl ON pl.id = b.plan_id
           WHERE b.esim_id = $1 AND b.status IN ('active', 'pending')
             AND (b.expires_at IS NULL OR b.expires_at > $2)
           ORDER BY b.status = 'active' DESC, b.expires_at, b.created_at
           LIMIT 1 FOR UPDATE OF b"#,
        profile.id,
        pg_time(*measured_at),
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(Outcome::NoBundle);
    };
    if bundle.measured_at.is_some_and(|stored| stored >= *measured_at) {
        return Ok(Outcome::Stale);
    }
    let clamp = |reported: Option<i64>, old: i64, total: Option<i64>| -> i64 {
        let v = reported.unwrap_or(old);
        match total {
            Some(t) => v.min(t),
            None => v,
        }
    };
    let old_data = bundle.data_remaining_mb.map(i64::from);
    let new_data = old_data.map(|old| clamp(*data_remaining_mb, old, bundle.data_total_mb.map(i64::from)));
    let new_voice = clamp(
        *voice_remaining_min,
        bundle.voice_remaining_min.into(),
        Some(bundle.voice_total_min.into()),
    );
    let new_sms = clamp(
        *sms_remaining,
        bundle.sms_remaining.into(),
        Some(bundle.sms_total.into()),
    );
    let used_data = match (old_data, new_data) {
        (Some(old), Some(new)) => (old - new).max(0),
        _ => 0,
    };
    let used_voice = (i64::from(bundle.voice_remaining_min) - new_voice).max(0);
    let used_sms = (i64::from(bundle.sms_remaining) - new_sms).max(0);
    let depleted = new_data == Some(0);
    // Usage on a waiting bundle means it is in use now: its validity starts at this measurement.
    sqlx::query!(
        r#"UPDATE esim_bundles SET
               data_remaining_mb = $2, voice_remaining_min = $3, sms_remaining = $4, usage_measured_at = $5,
               status = CASE WHEN $6 THEN 'depleted' ELSE 'active' END::bundle_status,
               starts_at = COALESCE(starts_at, $5),
               expires_at = COALESCE(expires_at, $5 + make_interval(days => $7))
           WHERE id = $1"#,
        bundle.id,
        new_data.map(|v| v as i32),
        new_voice as i32,
        new_sms as i32,
        pg_time(*measured_at),
        depleted,
        bundle.validity_days,
    )
    .execute(&mut *conn)
    .await?;
    if used_data + used_voice + used_sms > 0 {
        sqlx::query!(
            r#"INSERT INTO esim_daily_usage (esim_id, day, data_mb, voice_min, sms)
               VALUES ($1, ($2::timestamptz AT TIME ZONE 'UTC')::date, $3, $4, $5)
               ON CONFLICT (esim_id, day) DO UPDATE SET data_mb = esim_daily_usage.data_mb + EXCLUDED.data_mb,
                   voice_min = esim_daily_usage.voice_min + EXCLUDED.voice_min, sms = esim_daily_usage.sms + EXCLUDED.sms"#,
            profile.id,
            pg_time(*measured_at),
            used_data,
            used_voice as i32,
            used_sms as i32,
        )
        .execute(&mut *conn)
        .await?;
        // Traffic means the eSIM is installed and in use, whatever status report is still on its way.
        if matches!(profile.status.as_str(), "ready_to_install" | "installed") {
            sqlx::query!(
                "UPDATE esim_profiles SET status = 'active', installed_at = COALESCE(installed_at, $2) WHERE id = $1",
                profile.id,
                pg_time(*measured_at)
            )
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(Outcome::Applied)
}

async fn apply_status(conn: &mut PgConnection, event: &FeedEvent) -> Result<Outcome, sqlx::Error> {
    let FeedEvent::Status {
        iccid,
        occurred_at,
        status,
        eid,
        ..
    } = event
    else {
        unreachable!("apply_status takes status events")
    };
    let Some(profile) = sqlx::query!(
        r#"SELECT id, status_reported_at AS "reported_at: DateTime<Utc>"
           FROM esim_profiles WHERE iccid = $1 AND status <> 'in_stock' FOR UPDATE"#,
        iccid
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(Outcome::UnknownEsim);
    };
    if profile.reported_at.is_some_and(|stored| stored >= *occurred_at) {
        return Ok(Outcome::Stale);
    }
    let installed = matches!(status, super::ReportedStatus::Installed | super::ReportedStatus::Active);
    sqlx::query!(
        r#"UPDATE esim_profiles SET status = $2::text::esim_status, status_reported_at = $3,
               installed_at = CASE WHEN $4 THEN COALESCE(installed_at, $3) ELSE installed_at END,
               eid = COALESCE($5, eid)
           WHERE id = $1"#,
        profile.id,
        status.code(),
        pg_time(*occurred_at),
        installed,
        eid.as_deref(),
    )
    .execute(&mut *conn)
    .await?;
    if installed {
        // Bundles valid from installation start their clock now.
        sqlx::query!(
            r#"UPDATE esim_bundles b SET status = 'active', starts_at = $2::timestamptz,
                   expires_at = $2::timestamptz + make_interval(days => pl.validity_days)
               FROM plans pl
               WHERE pl.id = b.plan_id AND b.esim_id = $1 AND b.status = 'pending' AND pl.validity_starts = 'on_install'"#,
            profile.id,
            pg_time(*occurred_at)
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(Outcome::Applied)
}
