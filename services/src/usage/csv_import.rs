//! Usage from a carrier's CSV report: `iccid,measured_at,data_remaining_mb[,voice_remaining_min,sms_remaining]`.
//! Each row becomes a usage event whose id is derived from the row's ICCID and time, so
//! importing the same report twice changes nothing.
use super::{FeedEvent, Outcome, apply, validate};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use sqlx::PgPool;

#[derive(Debug, thiserror::Error)]
pub enum UsageCsvError {
    #[error("line {line}: {message}")]
    Row { line: u64, message: String },
    #[error("the file has no usage rows")]
    Empty,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct UsageImportReport {
    pub applied: u64,
    pub stale: u64,
    pub duplicate: u64,
    pub unknown: u64,
}

#[derive(serde::Deserialize)]
struct Row {
    iccid: String,
    measured_at: DateTime<Utc>,
    data_remaining_mb: Option<i64>,
    #[serde(default)]
    voice_remaining_min: Option<i64>,
    #[serde(default)]
    sms_remaining: Option<i64>,
}

/// Parses the whole file first: a bad row refuses the file and nothing is applied.
pub fn parse(bytes: &[u8]) -> Result<Vec<FeedEvent>, UsageCsvError> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(bytes);
    let headers = reader.headers().ok().cloned();
    let mut events = Vec::new();
    // The line each event's row starts on (the header is line 1), for the messages.
    let mut lines = Vec::new();
    let mut counter = crate::csv_line::Lines::new(bytes);
    for record in reader.records() {
        let line = counter.of_record(&record);
        let row: Row = record
            .and_then(|r| r.deserialize(headers.as_ref()))
            .map_err(|e| UsageCsvError::Row {
                line,
                message: e.to_string(),
            })?;
        let digest = Sha256::digest(format!("{}|{}", row.iccid.trim(), row.measured_at.to_rfc3339()));
        events.push(FeedEvent::Usage {
            event_id: format!("csv-{}", hex::encode(&digest[..16])),
            iccid: row.iccid,
            measured_at: row.measured_at,
            data_remaining_mb: row.data_remaining_mb,
            voice_remaining_min: row.voice_remaining_min,
            sms_remaining: row.sms_remaining,
        });
        lines.push(line);
    }
    if events.is_empty() {
        return Err(UsageCsvError::Empty);
    }
    for (chunk_no, chunk) in events.chunks_mut(1000).enumerate() {
        validate(chunk, Utc::now()).map_err(|p| UsageCsvError::Row {
            line: lines[chunk_no * 1000 + p.index().unwrap_or(0)],
            message: p.to_string(),
        })?;
    }
    Ok(events)
}

/// Applies a usage report, oldest measurement first so each bundle ends at its latest figure.
pub async fn import(pool: &PgPool, bytes: &[u8]) -> Result<UsageImportReport, UsageCsvError> {
    let mut events = parse(bytes)?;
    events.sort_by_key(|e| e.at());
    let mut report = UsageImportReport::default();
    for chunk in events.chunks(1000) {
        for outcome in apply::apply_events(pool, "csv", chunk).await? {
            match outcome {
                Outcome::Applied => report.applied += 1,
                Outcome::Stale => report.stale += 1,
                Outcome::Duplicate => report.duplicate += 1,
                Outcome::UnknownEsim | Outcome::NoBundle => report.unknown += 1,
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod properties;
