//! The operator's stock page: stock levels per storefront and the recent imports with their
//! progress. The upload itself is a multipart form handled by `ssr::stock::upload`.
use crate::domain::stock_import::{ImportRun, StockLevel};
use crate::error::ApiError;
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
    use crate::ssr::auth::{Access, authorize};
    authorize(Access::Operator).await?;
    let pool = crate::ssr::app_context()?.pool;
    let levels = crate::ssr::stock::levels(&pool)
        .await
        .map_err(crate::ssr::RepoError::from)?;
    let imports = crate::ssr::stock::recent(&pool, 10)
        .await
        .map_err(crate::ssr::RepoError::from)?;
    Ok(StockOverview { levels, imports })
}
