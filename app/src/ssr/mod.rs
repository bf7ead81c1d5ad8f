//! Server-only code: database access and request context. Never compiled to WASM.
pub mod catalog_cache;
pub mod catalog_repo;
pub mod shop_context;
pub mod storefront_repo;

use crate::error::ApiError;

/// Errors from the data layer.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("data is inconsistent: {0}")]
    Inconsistent(String),
}

impl From<RepoError> for ApiError {
    fn from(e: RepoError) -> Self {
        tracing::error!(error = %e, "data layer failed");
        ApiError::Internal
    }
}

/// Everything server functions need from the running server, provided as Leptos context.
#[derive(Clone, Debug)]
pub struct AppContext {
    pub pool: sqlx::PgPool,
    pub catalog: std::sync::Arc<catalog_cache::CatalogCache>,
}

impl AppContext {
    pub fn new(pool: sqlx::PgPool) -> AppContext {
        AppContext {
            pool,
            catalog: Default::default(),
        }
    }
}

/// Sets the response status for `err` and hands it back; the one place an API error meets HTTP.
pub fn respond_with(err: ApiError) -> ApiError {
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(err.status());
    }
    err
}

pub fn app_context() -> Result<AppContext, ApiError> {
    leptos::prelude::use_context::<AppContext>().ok_or_else(|| {
        tracing::error!("AppContext missing from the Leptos context");
        respond_with(ApiError::Internal)
    })
}
pub mod prefs_handler;
pub mod web_safety;
