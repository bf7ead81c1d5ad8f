//! eSIM profile stock: imports from CSV, recorded in `profile_imports` with their progress.
pub mod import;

use crate::domain::stock_import::ImportReport;
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
    mut progress: impl FnMut(u64),
) -> Result<(Uuid, ImportReport), ImportError> {
    let import_id = sqlx::query_scalar!(
        r#"INSERT INTO profile_imports (storefront_id, file_name, file_sha256, started_by)
           VALUES ($1, $2, $3, $4) RETURNING id"#,
        storefront_id,
        file_name.chars().take(255).collect::<String>(),
        Sha256::digest(bytes).to_vec(),
        started_by,
    )
    .fetch_one(pool)
    .await?;
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
    let report = report?;
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
    Ok((import_id, report))
}
