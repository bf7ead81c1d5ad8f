//! What a profile import reports, row by row.
use serde::{Deserialize, Serialize};

/// Why a CSV row was not imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowProblem {
    /// The row could not be read as CSV, or has the wrong number of fields.
    Malformed,
    Iccid(super::esim_ids::IdProblem),
    SmdpAddress,
    MatchingId,
    /// The same ICCID appears earlier in this file.
    DuplicateInFile,
    /// The ICCID is already in stock with other details, or in another storefront.
    AlreadyInStock,
    UnknownPlan(String),
    NoPlans,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowRejection {
    /// 1-based line number in the file, the header being line 1.
    pub line: u64,
    pub iccid: String,
    pub problem: RowProblem,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub rows: u64,
    pub imported: u64,
    /// Already in stock with the same details: a re-run of the same file changes nothing.
    pub unchanged: u64,
    pub rejected: Vec<RowRejection>,
    /// Imported, but the ICCID's check digit is wrong (common in providers' test stock).
    pub check_digit_warnings: Vec<RowRejection>,
}

/// The largest stock file the browser upload takes, in MB.
pub const MAX_UPLOAD_MB: u32 = 64;

/// A column the header row must name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequiredColumn {
    Iccid,
    Plans,
    /// `smdp_address` and `matching_id`, or `activation_code` instead.
    ActivationCode,
}

impl RequiredColumn {
    /// As the header row spells it.
    pub fn name(self) -> &'static str {
        match self {
            RequiredColumn::Iccid => "iccid",
            RequiredColumn::Plans => "plans",
            RequiredColumn::ActivationCode => "smdp_address and matching_id, or activation_code",
        }
    }
}

/// Why an import stopped before its end. Stored in `profile_imports.failure` as a code, so the
/// stock page can say it in the reader's language; the details of unexpected failures are in
/// the server log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportFailure {
    MissingColumn(RequiredColumn),
    /// The header row could not be read as CSV.
    Unreadable,
    /// The database failed, or anything else on our side.
    Internal,
    /// The server stopped while the import ran.
    Interrupted,
}

impl ImportFailure {
    pub fn code(self) -> &'static str {
        match self {
            ImportFailure::MissingColumn(RequiredColumn::Iccid) => "missing_column_iccid",
            ImportFailure::MissingColumn(RequiredColumn::Plans) => "missing_column_plans",
            ImportFailure::MissingColumn(RequiredColumn::ActivationCode) => "missing_column_activation_code",
            ImportFailure::Unreadable => "unreadable",
            ImportFailure::Internal => "internal",
            ImportFailure::Interrupted => "interrupted",
        }
    }

    /// The failure a stored code names. Runs recorded before codes were stored hold an English
    /// sentence instead: they read as a failure on our side, which the log of the time explains.
    pub fn from_code(code: &str) -> ImportFailure {
        [
            ImportFailure::MissingColumn(RequiredColumn::Iccid),
            ImportFailure::MissingColumn(RequiredColumn::Plans),
            ImportFailure::MissingColumn(RequiredColumn::ActivationCode),
            ImportFailure::Unreadable,
            ImportFailure::Interrupted,
        ]
        .into_iter()
        .find(|f| f.code() == code)
        .unwrap_or(ImportFailure::Internal)
    }
}

/// One import run as the operator page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRun {
    pub id: uuid::Uuid,
    pub storefront: String,
    pub file_name: String,
    pub started_at: chrono::DateTime<chrono::Utc>,
    pub finished_at: Option<chrono::DateTime<chrono::Utc>>,
    pub rows_total: Option<i64>,
    pub rows_done: i64,
    pub imported: i64,
    pub unchanged: i64,
    pub rejected: i64,
    pub warned: i64,
    pub failure: Option<ImportFailure>,
    /// The first 100 refused rows.
    pub rejections: Vec<RowRejection>,
}

impl ImportRun {
    /// Progress in percent, 0–100; 100 once finished.
    pub fn percent(&self) -> u8 {
        if self.finished_at.is_some() {
            return 100;
        }
        match self.rows_total {
            Some(total) if total > 0 => ((self.rows_done.min(total) * 100) / total) as u8,
            _ => 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockLevel {
    pub slug: String,
    pub name: String,
    pub in_stock: i64,
    pub sold: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_codes_round_trip() {
        for failure in [
            ImportFailure::MissingColumn(RequiredColumn::Iccid),
            ImportFailure::MissingColumn(RequiredColumn::Plans),
            ImportFailure::MissingColumn(RequiredColumn::ActivationCode),
            ImportFailure::Unreadable,
            ImportFailure::Internal,
            ImportFailure::Interrupted,
        ] {
            assert_eq!(ImportFailure::from_code(failure.code()), failure);
        }
        assert_eq!(
            ImportFailure::from_code("database: pool timed out"),
            ImportFailure::Internal
        );
    }
}
