//! What every repository shares: its error type and the conversions sqlx's macros need.

/// Errors from the data layer.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("data is inconsistent: {0}")]
    Inconsistent(String),
}

/// A chrono time as the `time` type sqlx's macros expect for `timestamptz` parameters (the
/// session store turns sqlx's `time` feature on, and the macros then prefer it).
pub fn pg_time(at: chrono::DateTime<chrono::Utc>) -> sqlx::types::time::OffsetDateTime {
    let nanos = at.timestamp_nanos_opt().unwrap_or(0);
    sqlx::types::time::OffsetDateTime::from_unix_timestamp_nanos(nanos.into())
        .unwrap_or(sqlx::types::time::OffsetDateTime::UNIX_EPOCH)
}

/// A date as the `time` type sqlx's macros expect for `date` parameters.
pub fn pg_date(day: chrono::NaiveDate) -> sqlx::types::time::Date {
    use chrono::Datelike;
    sqlx::types::time::Date::from_ordinal_date(day.year(), day.ordinal() as u16).unwrap_or(sqlx::types::time::Date::MIN)
}
