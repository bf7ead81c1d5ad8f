//! The built-in provider: profiles come from the imported stock, and usage and install status
//! from the carrier's feed (`crate::usage`), both already in PostgreSQL.
use super::*;
use domain::esim::EsimStatus;
use sqlx::PgPool;

#[derive(Clone, Debug)]
pub struct BuiltinProvider {
    pool: PgPool,
}

impl BuiltinProvider {
    pub fn new(pool: PgPool) -> BuiltinProvider {
        BuiltinProvider { pool }
    }
}

#[async_trait::async_trait]
impl EsimProvider for BuiltinProvider {
    fn name(&self) -> &'static str {
        "builtin"
    }

    async fn allocate_profile(&self, req: AllocateProfile) -> Result<AllocatedProfile, ProviderError> {
        // One statement: the profile this key already took, else the oldest fitting one in stock
        // (SKIP LOCKED lets concurrent sales take different profiles). A profile imported
        // without a plan list fits every plan of its storefront.
        let allocated = sqlx::query_as!(
            AllocatedProfile,
            r#"WITH done AS (
                   SELECT id, iccid FROM esim_profiles WHERE allocation_key = $4),
               taken AS (
                   UPDATE esim_profiles SET status = 'ready_to_install', customer_id = $2, allocated_at = now(),
                          allocation_key = $4
                   WHERE NOT EXISTS (SELECT 1 FROM done) AND id = (
                       SELECT p.id FROM esim_profiles p
                       WHERE p.storefront_id = $1 AND p.status = 'in_stock'
                         AND (EXISTS (SELECT 1 FROM esim_profile_plans pp WHERE pp.esim_id = p.id AND pp.plan_id = $3)
                              OR NOT EXISTS (SELECT 1 FROM esim_profile_plans pp WHERE pp.esim_id = p.id))
                       ORDER BY p.created_at, p.iccid
                       LIMIT 1 FOR UPDATE SKIP LOCKED)
                   RETURNING id, iccid)
               SELECT id AS "esim_id!", iccid AS "iccid!" FROM done
               UNION ALL SELECT id, iccid FROM taken"#,
            req.storefront_id,
            req.customer_id,
            req.plan_id,
            req.idempotency_key,
        )
        .fetch_optional(&self.pool)
        .await;
        match allocated {
            Ok(Some(profile)) => Ok(profile),
            Ok(None) => Err(ProviderError::OutOfStock),
            // A concurrent call with the same key won the unique index: hand back its profile.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => sqlx::query_as!(
                AllocatedProfile,
                "SELECT id AS esim_id, iccid FROM esim_profiles WHERE allocation_key = $1",
                req.idempotency_key
            )
            .fetch_one(&self.pool)
            .await
            .map_err(Into::into),
            Err(e) => Err(e.into()),
        }
    }

    async fn apply_bundle(&self, req: ApplyBundle) -> Result<AppliedBundle, ProviderError> {
        let mut tx = self.pool.begin().await?;
        // One read under the profile's lock: a bundle this key already applied, the profile, the
        // plan (of the profile's storefront) and when the running plan ends.
        let found = sqlx::query!(
            r#"SELECT p.storefront_id, p.status::text AS "status!", p.installed_at AS "installed_at: DateTime<Utc>",
                      b.id AS "done_id?", b.starts_at AS "done_starts_at: DateTime<Utc>",
                      b.expires_at AS "done_expires_at: DateTime<Utc>",
                      pl.validity_starts::text AS "rule?", pl.validity_days AS "validity_days?",
                      esim_running_plan_end(p.id) AS "running_plan_end: DateTime<Utc>"
               FROM esim_profiles p
               LEFT JOIN esim_bundles b ON b.apply_key = $3
               LEFT JOIN plans pl ON pl.id = $2 AND pl.storefront_id = p.storefront_id
               WHERE p.id = $1 FOR UPDATE OF p"#,
            req.esim_id,
            req.plan_id,
            req.idempotency_key
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some(found) = found else {
            // No such profile; a key already used still answers with its bundle.
            return existing_bundle(&mut tx, &req.idempotency_key)
                .await?
                .ok_or(ProviderError::UnknownEsim);
        };
        if let Some(bundle_id) = found.done_id {
            return Ok(AppliedBundle {
                bundle_id,
                starts_at: found.done_starts_at,
                expires_at: found.done_expires_at,
            });
        }
        if found.status == EsimStatus::InStock.code() {
            return Err(ProviderError::UnknownEsim);
        }
        let (Some(rule), Some(validity_days)) = (found.rule, found.validity_days) else {
            return Err(ProviderError::IncompatiblePlan);
        };
        // The same rule the quote showed: after the running plan, else as the plan says.
        let rule = domain::plan::ValidityStart::from_code(&rule).unwrap_or(domain::plan::ValidityStart::OnFirstUse);
        let (starts, expires) = domain::order::renewal_window(
            Utc::now(),
            found.running_plan_end,
            found.installed_at.is_some(),
            rule,
            validity_days,
        );
        let inserted = sqlx::query!(
            r#"INSERT INTO esim_bundles (esim_id, plan_id, order_line_id, apply_key, status, data_total_mb, data_remaining_mb,
                   voice_total_min, voice_remaining_min, sms_total, sms_remaining, starts_at, expires_at)
               SELECT $1, pl.id, $3, $4, CASE WHEN $5::timestamptz IS NULL THEN 'pending' ELSE 'active' END::bundle_status,
                      pl.data_mb, pl.data_mb, pl.voice_minutes, pl.voice_minutes, pl.sms_count, pl.sms_count, $5, $6
               FROM plans pl WHERE pl.id = $2 AND pl.storefront_id = $7
               RETURNING id, starts_at AS "starts_at: DateTime<Utc>", expires_at AS "expires_at: DateTime<Utc>""#,
            req.esim_id,
            req.plan_id,
            req.order_line_id,
            req.idempotency_key,
            starts.map(crate::db::pg_time),
            expires.map(crate::db::pg_time),
            found.storefront_id,
        )
        .fetch_optional(&mut *tx)
        .await;
        let inserted = match inserted {
            Ok(Some(row)) => row,
            Ok(None) => return Err(ProviderError::IncompatiblePlan),
            // A concurrent call with the same key got there first: its bundle is the answer.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                drop(tx);
                let mut conn = self.pool.acquire().await?;
                return existing_bundle(&mut conn, &req.idempotency_key)
                    .await?
                    .ok_or_else(|| ProviderError::Unavailable("bundle vanished".into()));
            }
            Err(e) => return Err(e.into()),
        };
        tx.commit().await?;
        Ok(AppliedBundle {
            bundle_id: inserted.id,
            starts_at: inserted.starts_at,
            expires_at: inserted.expires_at,
        })
    }

    async fn compatible_top_ups(&self, esim_id: Uuid) -> Result<Vec<Uuid>, ProviderError> {
        let plans = sqlx::query_scalar!(
            r#"SELECT pl.id FROM esim_profiles p
               JOIN plans pl ON pl.storefront_id = p.storefront_id AND pl.active AND pl.can_top_up
               WHERE p.id = $1
                 AND (EXISTS (SELECT 1 FROM esim_profile_plans pp WHERE pp.esim_id = p.id AND pp.plan_id = pl.id)
                      OR NOT EXISTS (SELECT 1 FROM esim_profile_plans pp WHERE pp.esim_id = p.id))
               ORDER BY pl.slug"#,
            esim_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(plans)
    }

    async fn usage(&self, esim_id: Uuid) -> Result<Vec<BundleUsage>, ProviderError> {
        let rows = sqlx::query!(
            r#"SELECT id, data_remaining_mb, voice_remaining_min, sms_remaining,
                      usage_measured_at AS "measured_at: DateTime<Utc>"
               FROM esim_bundles WHERE esim_id = $1 ORDER BY created_at DESC"#,
            esim_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| BundleUsage {
                bundle_id: r.id,
                data_remaining_mb: r.data_remaining_mb.map(i64::from),
                voice_remaining_min: r.voice_remaining_min.into(),
                sms_remaining: r.sms_remaining.into(),
                measured_at: r.measured_at,
            })
            .collect())
    }

    async fn install_status(&self, esim_id: Uuid) -> Result<InstallStatus, ProviderError> {
        let row = sqlx::query!(
            r#"SELECT status::text AS "status!", installed_at AS "installed_at: DateTime<Utc>",
                      status_reported_at AS "reported_at: DateTime<Utc>"
               FROM esim_profiles WHERE id = $1"#,
            esim_id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or(ProviderError::UnknownEsim)?;
        Ok(InstallStatus {
            status: EsimStatus::from_code(&row.status).ok_or_else(|| ProviderError::Unavailable(row.status.clone()))?,
            installed_at: row.installed_at,
            reported_at: row.reported_at,
        })
    }
}

async fn existing_bundle(conn: &mut sqlx::PgConnection, key: &str) -> Result<Option<AppliedBundle>, sqlx::Error> {
    sqlx::query_as!(
        AppliedBundle,
        r#"SELECT id AS bundle_id, starts_at AS "starts_at: DateTime<Utc>", expires_at AS "expires_at: DateTime<Utc>"
           FROM esim_bundles WHERE apply_key = $1"#,
        key
    )
    .fetch_optional(conn)
    .await
}
