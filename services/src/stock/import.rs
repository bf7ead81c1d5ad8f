//! Importing eSIM profiles from CSV. Every row is checked on its own; good rows are imported,
//! bad ones are reported with their line and reason, and importing the same file again changes
//! nothing. Rows go to PostgreSQL in batches of 1,000, one transaction per batch.
//!
//! Columns (a header row is required; order and case do not matter):
//! `iccid`, `smdp_address` and `matching_id` (or one `activation_code` column instead),
//! optional `confirmation_code` and `carrier`, and `plans`: plan slugs separated by `;`.
use domain::esim_ids::{ActivationCode, Iccid, IdProblem};
use domain::stock_import::{ImportFailure, ImportReport, RequiredColumn, RowProblem, RowRejection};
use sqlx::PgPool;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

pub const BATCH: usize = 1_000;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file has no header row with the column {}", .0.name())]
    MissingColumn(RequiredColumn),
    #[error("the file could not be read: {0}")]
    Unreadable(String),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

impl ImportError {
    /// What the stock page says about it; the details stay in the log.
    pub fn failure(&self) -> ImportFailure {
        match self {
            ImportError::MissingColumn(column) => ImportFailure::MissingColumn(*column),
            ImportError::Unreadable(_) => ImportFailure::Unreadable,
            ImportError::Database(_) => ImportFailure::Internal,
        }
    }
}

/// A row that passed its own checks, waiting for the database.
struct Candidate {
    line: u64,
    iccid: String,
    check_digit_ok: bool,
    code: ActivationCode,
    confirmation_code: Option<String>,
    carrier: Option<String>,
    plan_ids: Vec<Uuid>,
}

struct Columns {
    iccid: usize,
    smdp: Option<usize>,
    matching_id: Option<usize>,
    activation_code: Option<usize>,
    confirmation_code: Option<usize>,
    carrier: Option<usize>,
    plans: usize,
}

impl Columns {
    fn from_header(header: &csv::StringRecord) -> Result<Columns, ImportError> {
        let find = |name: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
        let columns = Columns {
            iccid: find("iccid").ok_or(ImportError::MissingColumn(RequiredColumn::Iccid))?,
            smdp: find("smdp_address"),
            matching_id: find("matching_id"),
            activation_code: find("activation_code"),
            confirmation_code: find("confirmation_code"),
            carrier: find("carrier"),
            plans: find("plans").ok_or(ImportError::MissingColumn(RequiredColumn::Plans))?,
        };
        if columns.activation_code.is_none() && (columns.smdp.is_none() || columns.matching_id.is_none()) {
            return Err(ImportError::MissingColumn(RequiredColumn::ActivationCode));
        }
        Ok(columns)
    }
}

fn field(record: &csv::StringRecord, index: Option<usize>) -> Option<String> {
    index
        .and_then(|i| record.get(i))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// A row checked on its own: a candidate, or the raw ICCID and the problem.
type Checked = Result<Candidate, (String, RowProblem)>;

fn check_row(record: &csv::StringRecord, columns: &Columns, plans: &HashMap<String, Uuid>) -> Checked {
    let raw_iccid = field(record, Some(columns.iccid)).unwrap_or_default();
    let fail = |p: RowProblem| (raw_iccid.clone(), p);
    let iccid = Iccid::parse(&raw_iccid).map_err(|p| fail(RowProblem::Iccid(p)))?;
    let code = match field(record, columns.activation_code) {
        Some(ac) => ActivationCode::parse(&ac),
        None => ActivationCode::new(
            &field(record, columns.smdp).unwrap_or_default(),
            &field(record, columns.matching_id).unwrap_or_default(),
            false,
        ),
    }
    .map_err(|p| {
        fail(match p {
            IdProblem::SmdpAddress => RowProblem::SmdpAddress,
            _ => RowProblem::MatchingId,
        })
    })?;
    let confirmation_code = field(record, columns.confirmation_code);
    let mut plan_ids = vec![];
    for slug in field(record, Some(columns.plans)).unwrap_or_default().split([';', '|']) {
        let slug = slug.trim();
        if slug.is_empty() {
            continue;
        }
        match plans.get(slug) {
            Some(id) => plan_ids.push(*id),
            None => return Err(fail(RowProblem::UnknownPlan(slug.to_string()))),
        }
    }
    if plan_ids.is_empty() {
        return Err(fail(RowProblem::NoPlans));
    }
    Ok(Candidate {
        line: 0,
        check_digit_ok: iccid.luhn_ok(),
        iccid: iccid.as_str().to_string(),
        code: ActivationCode {
            confirmation_required: code.confirmation_required || confirmation_code.is_some(),
            ..code
        },
        confirmation_code,
        carrier: field(record, columns.carrier),
        plan_ids,
    })
}

/// Reads the header and checks each data row on its own, without the database: each row comes
/// with the line it starts on (the header is line 1), as a candidate or as the raw ICCID and the
/// problem. A row that is not valid CSV (bytes that are not UTF-8) is `Malformed`.
fn read_rows<'a>(
    input: &'a [u8],
    plans: &'a HashMap<String, Uuid>,
) -> Result<impl Iterator<Item = (u64, Checked)> + 'a, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let columns = Columns::from_header(reader.headers().map_err(|e| ImportError::Unreadable(e.to_string()))?)?;
    let mut lines = crate::csv_line::Lines::new(input);
    Ok(reader.into_records().map(move |record| {
        let line = lines.of_record(&record);
        let checked = match record {
            Ok(record) => check_row(&record, &columns, plans),
            Err(_) => Err((String::new(), RowProblem::Malformed)),
        };
        (line, checked)
    }))
}

/// Imports `input` into `storefront_id`'s stock. `progress` is called with the number of rows
/// handled so far, after each batch.
pub async fn import_csv(
    pool: &PgPool,
    storefront_id: Uuid,
    input: &[u8],
    mut progress: impl FnMut(u64),
) -> Result<ImportReport, ImportError> {
    let plans: HashMap<String, Uuid> =
        sqlx::query!("SELECT slug, id FROM plans WHERE storefront_id = $1", storefront_id)
            .fetch_all(pool)
            .await?
            .into_iter()
            .map(|r| (r.slug, r.id))
            .collect();

    let mut report = ImportReport::default();
    let mut seen = HashSet::new();
    let mut batch = Vec::with_capacity(BATCH);
    for (line, checked) in read_rows(input, &plans)? {
        report.rows += 1;
        match checked {
            Err((iccid, problem)) => report.rejected.push(RowRejection { line, iccid, problem }),
            Ok(candidate) if !seen.insert(candidate.iccid.clone()) => report.rejected.push(RowRejection {
                line,
                iccid: candidate.iccid,
                problem: RowProblem::DuplicateInFile,
            }),
            Ok(candidate) => {
                batch.push(Candidate { line, ..candidate });
                if batch.len() == BATCH {
                    store_batch(pool, storefront_id, std::mem::take(&mut batch), &mut report).await?;
                    progress(report.rows);
                }
            }
        }
    }
    if !batch.is_empty() {
        store_batch(pool, storefront_id, batch, &mut report).await?;
    }
    progress(report.rows);
    report.rejected.sort_by_key(|r| r.line);
    Ok(report)
}

async fn store_batch(
    pool: &PgPool,
    storefront_id: Uuid,
    batch: Vec<Candidate>,
    report: &mut ImportReport,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    let iccids: Vec<String> = batch.iter().map(|c| c.iccid.clone()).collect();
    let inserted: HashMap<String, Uuid> = sqlx::query!(
        r#"INSERT INTO esim_profiles (storefront_id, iccid, smdp_address, matching_id, confirmation_code, carrier, iccid_check_digit_ok)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[])
           ON CONFLICT (iccid) DO NOTHING
           RETURNING iccid, id"#,
        storefront_id,
        &iccids,
        &batch.iter().map(|c| c.code.smdp_address.clone()).collect::<Vec<_>>(),
        &batch.iter().map(|c| c.code.matching_id.clone()).collect::<Vec<_>>(),
        &batch.iter().map(|c| c.confirmation_code.clone()).collect::<Vec<_>>() as &[Option<String>],
        &batch.iter().map(|c| c.carrier.clone()).collect::<Vec<_>>() as &[Option<String>],
        &batch.iter().map(|c| c.check_digit_ok).collect::<Vec<_>>(),
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|r| (r.iccid, r.id))
    .collect();
    // Rows already present: the same profile in the same storefront is "unchanged" (a re-run);
    // anything else is a clash.
    let existing: HashMap<String, (Uuid, Uuid, String, String)> = sqlx::query!(
        "SELECT iccid, id, storefront_id, smdp_address, matching_id FROM esim_profiles WHERE iccid = ANY($1)",
        &iccids
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|r| (r.iccid, (r.id, r.storefront_id, r.smdp_address, r.matching_id)))
    .collect();
    let (mut esim_ids, mut plan_ids) = (vec![], vec![]);
    for c in &batch {
        let id = if let Some(id) = inserted.get(&c.iccid) {
            report.imported += 1;
            if !c.check_digit_ok {
                report.check_digit_warnings.push(RowRejection {
                    line: c.line,
                    iccid: c.iccid.clone(),
                    problem: RowProblem::Iccid(IdProblem::IccidLuhn),
                });
            }
            *id
        } else {
            match existing.get(&c.iccid) {
                Some((id, sf, smdp, mid))
                    if *sf == storefront_id && *smdp == c.code.smdp_address && *mid == c.code.matching_id =>
                {
                    report.unchanged += 1;
                    *id
                }
                _ => {
                    report.rejected.push(RowRejection {
                        line: c.line,
                        iccid: c.iccid.clone(),
                        problem: RowProblem::AlreadyInStock,
                    });
                    continue;
                }
            }
        };
        for plan in &c.plan_ids {
            esim_ids.push(id);
            plan_ids.push(*plan);
        }
    }
    sqlx::query!(
        r#"INSERT INTO esim_profile_plans (esim_id, plan_id)
           SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING"#,
        &esim_ids,
        &plan_ids
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod properties;
