//! How the stock import reads on the operators' page: each refused row's reason, why a run
//! stopped, and a run's progress line, from the `staff` catalogue.
use super::format::integer;
use crate::esim_ids::IdProblem;
use crate::locale::Locale;
use crate::stock_import::{ImportFailure, ImportRun, RequiredColumn, RowProblem};
use crate::t;

impl RowProblem {
    pub fn describe(&self, l: Locale) -> String {
        match self {
            RowProblem::Malformed => t!(l, "staff-row-malformed"),
            RowProblem::Iccid(IdProblem::IccidLength) => t!(l, "staff-row-iccid-length"),
            RowProblem::Iccid(IdProblem::IccidPrefix) => t!(l, "staff-row-iccid-prefix"),
            RowProblem::Iccid(IdProblem::IccidLuhn) => t!(l, "staff-row-iccid-check-digit"),
            RowProblem::Iccid(_) => t!(l, "staff-row-iccid-digits"),
            RowProblem::SmdpAddress => t!(l, "staff-row-smdp-address"),
            RowProblem::MatchingId => t!(l, "staff-row-matching-id"),
            RowProblem::DuplicateInFile => t!(l, "staff-row-duplicate-in-file"),
            RowProblem::AlreadyInStock => t!(l, "staff-row-already-in-stock"),
            RowProblem::UnknownPlan(slug) => t!(l, "staff-row-unknown-plan", plan = slug.as_str()),
            RowProblem::NoPlans => t!(l, "staff-row-no-plans"),
        }
    }
}

impl ImportFailure {
    pub fn message(self, l: Locale) -> String {
        match self {
            ImportFailure::MissingColumn(RequiredColumn::Iccid) => t!(l, "staff-import-missing-iccid"),
            ImportFailure::MissingColumn(RequiredColumn::Plans) => t!(l, "staff-import-missing-plans"),
            ImportFailure::MissingColumn(RequiredColumn::ActivationCode) => {
                t!(l, "staff-import-missing-activation-code")
            }
            ImportFailure::Unreadable => t!(l, "staff-import-unreadable"),
            ImportFailure::Internal => t!(l, "staff-import-internal"),
            ImportFailure::Interrupted => t!(l, "staff-import-interrupted"),
        }
    }
}

impl ImportRun {
    /// Where the run stands: why it stopped, how far it got, or what it did.
    pub fn status_line(&self, l: Locale) -> String {
        let n = |count: i64| integer(l, count);
        if let Some(failure) = self.failure {
            return t!(l, "staff-import-stopped", reason = failure.message(l));
        }
        if self.finished_at.is_none() {
            let total = self.rows_total.unwrap_or(self.rows_done);
            return t!(
                l,
                "staff-import-progress",
                done = n(self.rows_done),
                count = total,
                total = n(total)
            );
        }
        t!(
            l,
            "staff-import-report",
            count = self.rows_done,
            rows = n(self.rows_done),
            imported = n(self.imported),
            unchanged = n(self.unchanged),
            refused = n(self.rejected),
            warned = n(self.warned),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(rows_done: i64, finished: bool, failure: Option<ImportFailure>) -> ImportRun {
        ImportRun {
            id: uuid::Uuid::nil(),
            storefront: "Demo".into(),
            file_name: "stock.csv".into(),
            started_at: chrono::Utc::now(),
            finished_at: finished.then(chrono::Utc::now),
            rows_total: Some(rows_done),
            rows_done,
            imported: 3,
            unchanged: 0,
            rejected: 6,
            warned: 1,
            failure,
            rejections: vec![],
        }
    }

    #[test]
    fn a_run_reads_in_the_readers_language() {
        assert_eq!(
            run(9, true, None).status_line(Locale::En),
            "9 rows: 3 imported, 0 unchanged, 6 refused, 1 with a wrong check digit"
        );
        assert_eq!(
            run(1, true, None).status_line(Locale::En),
            "1 row: 3 imported, 0 unchanged, 6 refused, 1 with a wrong check digit"
        );
        assert!(run(21, true, None).status_line(Locale::Ru).starts_with("21 строка:"));
        assert!(
            run(100_000, true, None)
                .status_line(Locale::Ru)
                .starts_with("100\u{a0}000 строк:")
        );
        assert_eq!(
            run(100_000, false, None).status_line(Locale::En),
            "Importing… 100,000 of 100,000 rows"
        );
        assert_eq!(
            run(0, true, Some(ImportFailure::MissingColumn(RequiredColumn::Plans))).status_line(Locale::En),
            "Stopped: the file has no header row with the column plans"
        );
    }

    #[test]
    fn upload_refusals_travel_as_codes_and_read_in_the_readers_language() {
        use crate::problem::StockProblem;
        assert_eq!(
            StockProblem::from_code(StockProblem::NoFile.code()),
            StockProblem::NoFile
        );
        assert_eq!(StockProblem::from_code("anything else"), StockProblem::Unreadable);
        assert_eq!(
            StockProblem::TooLarge.message(Locale::En),
            "The file is larger than 64 MB."
        );
        assert_eq!(StockProblem::TooLarge.message(Locale::Ru), "Файл больше 64 МБ.");
    }

    #[test]
    fn refused_rows_say_why() {
        let unknown = RowProblem::UnknownPlan("no-such-plan".into());
        assert_eq!(unknown.describe(Locale::En), "No plan no-such-plan in this storefront");
        assert_eq!(unknown.describe(Locale::Ru), "В этом магазине нет тарифа no-such-plan");
    }
}
