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
