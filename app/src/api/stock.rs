//! The operator's stock page: stock levels per storefront and the recent imports with their
//! progress. The upload itself is a multipart form handled by `edges::stock_upload`.
use crate::error::ApiError;
use domain::stock_import::{ImportRun, StockLevel};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockOverview {
    pub levels: Vec<StockLevel>,
    pub imports: Vec<ImportRun>,
}

impl StockOverview {
    pub fn running(&self) -> bool {
        self.imports.iter().any(|i| i.finished_at.is_none())
    }
}

#[server(prefix = "/api", endpoint = "operator/stock")]
pub async fn get_stock_overview() -> Result<StockOverview, ApiError> {
    use crate::guards::{Access, authorize};
    authorize(Access::Operator).await?;
    let pool = crate::request::app_context()?.pool;
    let levels = services::stock::levels(&pool).await?;
    let imports = services::stock::recent(&pool, 10).await?;
    Ok(StockOverview { levels, imports })
}
