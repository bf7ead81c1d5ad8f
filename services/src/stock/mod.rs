//! eSIM profile stock: imports from CSV, recorded in `profile_imports` with their progress.
pub mod import;

use domain::stock_import::{ImportFailure, ImportReport, ImportRun, StockLevel};
use import::ImportError;
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use uuid::Uuid;

/// Imports a CSV file's bytes, recording the run, its progress and its outcome in
/// `profile_imports` so the operator page can follow it.
pub async fn import_file(
    pool: &PgPool,
    storefront_id: Uuid,
    file_name: &str,
    bytes: &[u8],
    started_by: Option<Uuid>,
    progress: impl FnMut(u64),
) -> Result<(Uuid, ImportReport), ImportError> {
    let import_id = start(pool, storefront_id, file_name, bytes, started_by).await?;
    let report = run(pool, import_id, storefront_id, bytes, progress).await?;
    Ok((import_id, report))
}

/// Records a new import run, with the number of data rows to expect.
pub async fn start(
    pool: &PgPool,
    storefront_id: Uuid,
    file_name: &str,
    bytes: &[u8],
    started_by: Option<Uuid>,
) -> Result<Uuid, sqlx::Error> {
    // Lines after the header: what the progress bar counts up to (quoted newlines make it approximate).
    let lines = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    sqlx::query_scalar!(
        r#"INSERT INTO profile_imports (storefront_id, file_name, file_sha256, started_by, rows_total)
           VALUES ($1, $2, $3, $4, $5) RETURNING id"#,
        storefront_id,
        file_name.chars().take(255).collect::<String>(),
        Sha256::digest(bytes).to_vec(),
        started_by,
        i32::try_from(lines.saturating_sub(1)).unwrap_or(i32::MAX),
    )
    .fetch_one(pool)
    .await
}

/// Runs a recorded import, keeping `rows_done` current; a failure is recorded on the run too.
pub async fn run(
    pool: &PgPool,
    import_id: Uuid,
    storefront_id: Uuid,
    bytes: &[u8],
    mut progress: impl FnMut(u64),
) -> Result<ImportReport, ImportError> {
    let (done_tx, mut done_rx) = tokio::sync::watch::channel(0u64);
    let recorder = {
        let pool = pool.clone();
        tokio::spawn(async move {
            while done_rx.changed().await.is_ok() {
                let done = *done_rx.borrow_and_update();
                let _ = sqlx::query!(
                    "UPDATE profile_imports SET rows_done = $2 WHERE id = $1",
                    import_id,
                    i32::try_from(done).unwrap_or(i32::MAX)
                )
                .execute(&pool)
                .await;
            }
        })
    };
    let report = import::import_csv(pool, storefront_id, bytes, |done| {
        let _ = done_tx.send(done);
        progress(done);
    })
    .await;
    drop(done_tx);
    let _ = recorder.await;
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            let _ = sqlx::query!(
                "UPDATE profile_imports SET finished_at = now(), failure = $2 WHERE id = $1",
                import_id,
                e.failure().code()
            )
            .execute(pool)
            .await;
            return Err(e);
        }
    };
    let count = |n: u64| i32::try_from(n).unwrap_or(i32::MAX);
    sqlx::query!(
        r#"UPDATE profile_imports
           SET finished_at = now(), rows_done = $2, rows_imported = $3, rows_unchanged = $4, rows_rejected = $5,
               rows_warned = $6, rejections = $7, warnings = $8
           WHERE id = $1"#,
        import_id,
        count(report.rows),
        count(report.imported),
        count(report.unchanged),
        count(report.rejected.len() as u64),
        count(report.check_digit_warnings.len() as u64),
        serde_json::to_value(&report.rejected).unwrap_or_default(),
        serde_json::to_value(&report.check_digit_warnings).unwrap_or_default(),
    )
    .execute(pool)
    .await?;
    Ok(report)
}

/// Recent imports, newest first, for the operator page.
pub async fn recent(pool: &PgPool, limit: i64) -> Result<Vec<ImportRun>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT i.id, s.name AS storefront, i.file_name, i.started_at AS "started_at: chrono::DateTime<chrono::Utc>",
                  i.finished_at AS "finished_at: chrono::DateTime<chrono::Utc>", i.rows_total, i.rows_done,
                  i.rows_imported, i.rows_unchanged, i.rows_rejected, i.rows_warned, i.failure,
                  (SELECT COALESCE(jsonb_agg(r), '[]') FROM (SELECT r FROM jsonb_array_elements(i.rejections) r LIMIT 100) x) AS "rejections!"
           FROM profile_imports i JOIN storefronts s ON s.id = i.storefront_id
           ORDER BY i.started_at DESC LIMIT $1"#,
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ImportRun {
            id: r.id,
            storefront: r.storefront,
            file_name: r.file_name,
            started_at: r.started_at,
            finished_at: r.finished_at,
            rows_total: r.rows_total.map(i64::from),
            rows_done: r.rows_done.into(),
            imported: r.rows_imported.into(),
            unchanged: r.rows_unchanged.into(),
            rejected: r.rows_rejected.into(),
            warned: r.rows_warned.into(),
            failure: r.failure.as_deref().map(ImportFailure::from_code),
            rejections: serde_json::from_value(r.rejections).unwrap_or_default(),
        })
        .collect())
}

/// Profiles in stock and sold, per storefront.
pub async fn levels(pool: &PgPool) -> Result<Vec<StockLevel>, sqlx::Error> {
    sqlx::query_as!(
        StockLevel,
        r#"SELECT s.slug, s.name,
                  count(p.id) FILTER (WHERE p.status = 'in_stock') AS "in_stock!",
                  count(p.id) FILTER (WHERE p.status <> 'in_stock') AS "sold!"
           FROM storefronts s LEFT JOIN esim_profiles p ON p.storefront_id = s.id
           GROUP BY s.id ORDER BY s.name"#
    )
    .fetch_all(pool)
    .await
}

/// Imports that have run for over an hour died with their server (100,000 rows take seconds):
/// they are marked stopped, so the stock page stops waiting for them.
pub async fn mark_abandoned(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE profile_imports SET finished_at = now(), failure = $1
         WHERE finished_at IS NULL AND started_at < now() - interval '1 hour'",
        ImportFailure::Interrupted.code()
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}
