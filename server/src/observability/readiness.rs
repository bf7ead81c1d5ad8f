//! `/readyz`: whether this instance should get traffic. Ready means the database answers and
//! holds every migration this binary was built with, applied successfully and unchanged. A load
//! balancer takes an instance that is not ready out of rotation; `/healthz` (alive, database
//! reachable) is for restarting a process, not for routing to it.
//!
//! Migrations the database has and this binary does not know (a newer instance ran them during
//! a rolling upgrade) do not make it unready: migrations here only add, so the older code keeps
//! working until it is replaced.
use crate::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use sqlx::PgPool;
use sqlx::migrate::Migrator;
use std::time::Duration;

/// The migrations built into this binary; start-up applies them, `/readyz` checks them.
pub static MIGRATOR: Migrator = sqlx::migrate!("../migrations");

/// Probes come every few seconds; one that waits longer than this is answered "not ready".
const DATABASE_WAIT: Duration = Duration::from_secs(2);

pub async fn readyz(State(state): State<AppState>) -> Response {
    let verdict = tokio::time::timeout(DATABASE_WAIT, unready_because(&state.app.pool, &MIGRATOR)).await;
    let reason = match verdict {
        Ok(None) => return (StatusCode::OK, "ready").into_response(),
        Ok(Some(reason)) => reason,
        Err(_) => format!("the database did not answer within {} s", DATABASE_WAIT.as_secs()),
    };
    tracing::warn!(%reason, "not ready");
    (StatusCode::SERVICE_UNAVAILABLE, reason).into_response()
}

/// Why the instance is not ready, or `None` when it is. The reason is for operators: short,
/// plain text, naming the migration at fault.
pub async fn unready_because(pool: &PgPool, migrator: &Migrator) -> Option<String> {
    let applied: Vec<(i64, Vec<u8>, bool)> =
        match sqlx::query_as("SELECT version, checksum, success FROM _sqlx_migrations")
            .fetch_all(pool)
            .await
        {
            Ok(rows) => rows,
            Err(e) if is_undefined_table(&e) => return Some("no migration has been applied".into()),
            Err(e) => {
                // The detail goes to the log only: the probe's answer may be seen from outside.
                tracing::warn!(error = %e, "readiness: database unavailable");
                return Some("database unavailable".into());
            }
        };
    for migration in migrator.iter().filter(|m| !m.migration_type.is_down_migration()) {
        let name = format!("migration {} ({})", migration.version, migration.description);
        match applied.iter().find(|(version, ..)| *version == migration.version) {
            None => return Some(format!("{name} is not applied")),
            Some((_, _, false)) => return Some(format!("{name} failed")),
            Some((_, checksum, true)) if checksum[..] != migration.checksum[..] => {
                return Some(format!("{name} differs from the one applied"));
            }
            Some(_) => {}
        }
    }
    None
}

fn is_undefined_table(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .and_then(|d| d.code())
        .is_some_and(|code| code == "42P01")
}
