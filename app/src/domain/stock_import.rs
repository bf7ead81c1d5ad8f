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
    pub failure: Option<String>,
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

impl RowProblem {
    pub fn describe(&self, l: super::locale::Locale) -> String {
        use super::esim_ids::IdProblem;
        let t = |o: [&str; 3]| l.pick(o).to_string();
        match self {
            RowProblem::Malformed => t([
                "The row could not be read (wrong number of fields?)",
                "无法读取此行（字段数不对？）",
                "Строку не удалось прочитать (неверное число полей?)",
            ]),
            RowProblem::Iccid(IdProblem::IccidLength) => t([
                "ICCID must have 18 to 22 digits",
                "ICCID 必须为 18 至 22 位数字",
                "ICCID должен содержать 18–22 цифры",
            ]),
            RowProblem::Iccid(IdProblem::IccidPrefix) => t([
                "ICCID must start with 89",
                "ICCID 必须以 89 开头",
                "ICCID должен начинаться с 89",
            ]),
            RowProblem::Iccid(IdProblem::IccidLuhn) => t([
                "ICCID check digit is wrong",
                "ICCID 校验位错误",
                "Неверная контрольная цифра ICCID",
            ]),
            RowProblem::Iccid(_) => t([
                "ICCID must be digits only",
                "ICCID 只能包含数字",
                "ICCID должен состоять из цифр",
            ]),
            RowProblem::SmdpAddress => t([
                "SM-DP+ address is not a host name",
                "SM-DP+ 地址不是有效的主机名",
                "Адрес SM-DP+ не является именем хоста",
            ]),
            RowProblem::MatchingId => t([
                "Matching ID may only hold letters, digits and dashes",
                "匹配 ID 只能包含字母、数字和连字符",
                "Matching ID: только буквы, цифры и дефисы",
            ]),
            RowProblem::DuplicateInFile => t([
                "The same ICCID appears earlier in the file",
                "文件中前面已出现相同的 ICCID",
                "Этот ICCID уже встречался выше в файле",
            ]),
            RowProblem::AlreadyInStock => t([
                "This ICCID is already in stock with other details",
                "该 ICCID 已在库存中且信息不同",
                "Этот ICCID уже на складе с другими данными",
            ]),
            RowProblem::UnknownPlan(slug) => match l {
                super::locale::Locale::En => format!("No plan {slug} in this storefront"),
                super::locale::Locale::Zh => format!("此店铺没有套餐 {slug}"),
                super::locale::Locale::Ru => format!("В этом магазине нет тарифа {slug}"),
            },
            RowProblem::NoPlans => t(["No plans listed", "未列出套餐", "Не указаны тарифы"]),
        }
    }
}
