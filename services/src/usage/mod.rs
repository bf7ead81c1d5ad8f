//! The carrier's usage and status feed: signed JSON pushed to `/feed/v1/events`, and the same
//! events from a CSV file. Each event is stored once by its id; an event older than what is
//! stored is recorded but changes nothing.
pub mod apply;
pub mod csv_import;
pub mod signature;

use chrono::{DateTime, Utc};
use domain::esim_ids::Iccid;
use serde::{Deserialize, Serialize};

/// A batch as the carrier sends it: `{"events": [...]}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedBatch {
    pub events: Vec<FeedEvent>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum FeedEvent {
    /// What is left on the eSIM's current bundle at `measured_at`.
    Usage {
        event_id: String,
        iccid: String,
        measured_at: DateTime<Utc>,
        data_remaining_mb: Option<i64>,
        voice_remaining_min: Option<i64>,
        sms_remaining: Option<i64>,
    },
    /// The profile's state on the network.
    Status {
        event_id: String,
        iccid: String,
        occurred_at: DateTime<Utc>,
        status: ReportedStatus,
        /// The device's EID, once installed.
        eid: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportedStatus {
    Installed,
    Active,
    Suspended,
    Expired,
}

impl ReportedStatus {
    pub fn code(self) -> &'static str {
        match self {
            ReportedStatus::Installed => "installed",
            ReportedStatus::Active => "active",
            ReportedStatus::Suspended => "suspended",
            ReportedStatus::Expired => "expired",
        }
    }
}

/// What one event did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Applied,
    /// Older than what is stored: recorded, not applied.
    Stale,
    /// Seen before under the same id: nothing done.
    Duplicate,
    UnknownEsim,
    /// A usage event for an eSIM without a current bundle.
    NoBundle,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Applied => "applied",
            Outcome::Stale => "stale",
            Outcome::Duplicate => "duplicate",
            Outcome::UnknownEsim => "unknown_esim",
            Outcome::NoBundle => "no_bundle",
        }
    }
}

/// Why a batch was refused as a whole; nothing of it is applied.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum FeedProblem {
    #[error("event {index}: the event id must be 1 to 200 characters")]
    EventId { index: usize },
    #[error("event {index}: the ICCID is not valid")]
    Iccid { index: usize },
    #[error("event {index}: remaining amounts cannot be negative")]
    Negative { index: usize },
    #[error("event {index}: the EID is not valid")]
    Eid { index: usize },
    #[error("event {index}: the time is more than five minutes in the future")]
    FutureTime { index: usize },
    #[error("a batch holds 1 to 1000 events")]
    BatchSize,
}

impl FeedProblem {
    /// The position of the event at fault in its batch.
    pub fn index(&self) -> Option<usize> {
        match self {
            FeedProblem::EventId { index }
            | FeedProblem::Iccid { index }
            | FeedProblem::Negative { index }
            | FeedProblem::Eid { index }
            | FeedProblem::FutureTime { index } => Some(*index),
            FeedProblem::BatchSize => None,
        }
    }
}

impl FeedEvent {
    pub fn event_id(&self) -> &str {
        match self {
            FeedEvent::Usage { event_id, .. } | FeedEvent::Status { event_id, .. } => event_id,
        }
    }

    pub fn iccid(&self) -> &str {
        match self {
            FeedEvent::Usage { iccid, .. } | FeedEvent::Status { iccid, .. } => iccid,
        }
    }

    pub fn at(&self) -> DateTime<Utc> {
        match self {
            FeedEvent::Usage { measured_at, .. } => *measured_at,
            FeedEvent::Status { occurred_at, .. } => *occurred_at,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            FeedEvent::Usage { .. } => "usage",
            FeedEvent::Status { .. } => "status",
        }
    }
}

/// Checks every event of a batch before any is applied, and normalises ICCIDs.
pub fn validate(events: &mut [FeedEvent], now: DateTime<Utc>) -> Result<(), FeedProblem> {
    if events.is_empty() || events.len() > 1000 {
        return Err(FeedProblem::BatchSize);
    }
    for (index, event) in events.iter_mut().enumerate() {
        let id_len = event.event_id().chars().count();
        if id_len == 0 || id_len > 200 {
            return Err(FeedProblem::EventId { index });
        }
        if event.at() > now + chrono::Duration::minutes(5) {
            return Err(FeedProblem::FutureTime { index });
        }
        let parsed = Iccid::parse(event.iccid()).map_err(|_| FeedProblem::Iccid { index })?;
        match event {
            FeedEvent::Usage {
                iccid,
                data_remaining_mb,
                voice_remaining_min,
                sms_remaining,
                ..
            } => {
                if [*data_remaining_mb, *voice_remaining_min, *sms_remaining]
                    .iter()
                    .flatten()
                    .any(|v| *v < 0)
                {
                    return Err(FeedProblem::Negative { index });
                }
                *iccid = parsed.as_str().to_string();
            }
            FeedEvent::Status { iccid, eid, .. } => {
                if let Some(e) = eid {
                    *e = domain::esim_ids::check_eid(e).map_err(|_| FeedProblem::Eid { index })?;
                }
                *iccid = parsed.as_str().to_string();
            }
        }
    }
    Ok(())
}
