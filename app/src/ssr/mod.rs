//! Server-only code: database access and request context. Never compiled to WASM.
pub mod accounts;
pub mod audit;
pub mod auth;
pub mod catalog_cache;
pub mod catalog_repo;
pub mod esims;
pub mod orders;
pub mod payments;
pub mod provider;
pub mod shop_context;
pub mod stock;
pub mod storefront_repo;
pub mod usage_feed;

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
        ApiError::internal(e)
    }
}

/// Everything server functions need from the running server, provided as Leptos context.
#[derive(Clone, Debug)]
pub struct AppContext {
    pub pool: sqlx::PgPool,
    pub catalog: std::sync::Arc<catalog_cache::CatalogCache>,
    /// Where the platform is reached from outside, e.g. `https://shop.example`; e-mailed links to
    /// storefronts without a host of their own start with it. Never taken from the request's
    /// `Host` header, which an attacker controls.
    pub public_url: std::sync::Arc<str>,
    /// Whether a delivery worker sends mail; without one the outbox page is where mail is read.
    pub smtp_configured: bool,
    /// Where eSIM profiles and bundles come from: the built-in provider (the only one so far).
    pub provider: std::sync::Arc<dyn provider::EsimProvider>,
    /// How money is taken online: Stripe, or the built-in test provider without a Stripe key.
    pub payments: std::sync::Arc<dyn payments::PaymentGateway>,
    /// The key the carrier signs usage-feed requests with; without it the feed answers 503.
    pub feed_secret: Option<std::sync::Arc<[u8]>>,
    /// The font PDF receipts are set in.
    pub receipt_font: std::sync::Arc<orders::receipt_pdf::ReceiptFontSource>,
}

impl AppContext {
    pub fn new(pool: sqlx::PgPool) -> AppContext {
        AppContext {
            catalog: Default::default(),
            public_url: "http://127.0.0.1:3000".into(),
            smtp_configured: false,
            provider: std::sync::Arc::new(provider::builtin::BuiltinProvider::new(pool.clone())),
            feed_secret: None,
            payments: std::sync::Arc::new(payments::test_gateway::TestGateway),
            receipt_font: std::sync::Arc::new(orders::receipt_pdf::ReceiptFontSource::new(
                orders::receipt_pdf::INSTALLED_FONT,
            )),
            pool,
        }
    }

    pub fn with_public_url(mut self, url: &str) -> AppContext {
        self.public_url = url.trim_end_matches('/').into();
        self
    }

    pub fn with_feed_secret(mut self, secret: Option<&str>) -> AppContext {
        self.feed_secret = secret.filter(|s| !s.is_empty()).map(|s| s.as_bytes().into());
        self
    }

    pub fn with_payments(mut self, gateway: std::sync::Arc<dyn payments::PaymentGateway>) -> AppContext {
        self.payments = gateway;
        self
    }

    pub fn with_smtp_configured(mut self, configured: bool) -> AppContext {
        self.smtp_configured = configured;
        self
    }

    pub fn with_receipt_font(mut self, path: &std::path::Path) -> AppContext {
        self.receipt_font = std::sync::Arc::new(orders::receipt_pdf::ReceiptFontSource::new(path));
        self
    }
}

/// A chrono time as the `time` type sqlx's macros expect for `timestamptz` parameters (the
/// session store turns sqlx's `time` feature on, and the macros then prefer it).
pub fn pg_time(at: chrono::DateTime<chrono::Utc>) -> sqlx::types::time::OffsetDateTime {
    let nanos = at.timestamp_nanos_opt().unwrap_or(0);
    sqlx::types::time::OffsetDateTime::from_unix_timestamp_nanos(nanos.into())
        .unwrap_or(sqlx::types::time::OffsetDateTime::UNIX_EPOCH)
}

/// A date as the `time` type sqlx's macros expect for `date` parameters.
pub fn pg_date(day: chrono::NaiveDate) -> sqlx::types::time::Date {
    use chrono::Datelike;
    sqlx::types::time::Date::from_ordinal_date(day.year(), day.ordinal() as u16).unwrap_or(sqlx::types::time::Date::MIN)
}

pub fn app_context() -> Result<AppContext, ApiError> {
    leptos::prelude::use_context::<AppContext>()
        .ok_or_else(|| ApiError::internal("AppContext missing from the Leptos context"))
}
pub mod mail;
pub mod prefs_handler;
pub mod reader_zone;
pub mod request;
pub mod request_id;
pub mod web_safety;
