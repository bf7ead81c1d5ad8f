//! Roamdesk's server side below HTTP: the services each area offers and the repositories they
//! read and write through. Never compiled to WebAssembly. Nothing here knows about requests,
//! pages or server functions: callers pass in what a service needs, so tests and workers call
//! services exactly as server functions do.
//!
//! Areas depend one way: `platform` pieces (`db`, `storefronts`, `security`, `audit`, `mail`)
//! serve everyone; `catalog`, `accounts`, `provider` and `esims` build on them; `orders` on
//! those; `payments` (the lifecycle of a payment) on `orders` and `payment_gateways`; the
//! `scheduler` on all of them.
pub mod accounts;
pub mod audit;
pub mod backlog;
pub mod catalog;
pub mod changes;
mod csv_line;
pub mod db;
pub mod esims;
pub mod mail;
pub mod orders;
pub mod payment_gateways;
pub mod payment_settings;
pub mod payments;
pub mod provider;
pub mod reader_zone;
pub mod receipts;
pub mod scheduler;
pub mod security;
pub mod stock;
pub mod storefronts;
pub mod usage;

/// What every service needs from the running server: the database, the catalogue cache, the
/// providers behind their traits and the settings read at start-up. The server builds one and
/// hands it to pages, server functions, edges and workers.
#[derive(Clone, Debug)]
pub struct AppContext {
    pub pool: sqlx::PgPool,
    pub catalog: std::sync::Arc<catalog::cache::CatalogCache>,
    /// Storefronts in memory while change notices arrive (`changes`).
    pub storefronts: std::sync::Arc<storefronts::directory::StorefrontDirectory>,
    /// Where the platform is reached from outside, e.g. `https://shop.example`; e-mailed links to
    /// storefronts without a host of their own start with it. Never taken from the request's
    /// `Host` header, which an attacker controls.
    pub public_url: std::sync::Arc<str>,
    /// Whether a delivery worker sends mail; without one the outbox page is where mail is read.
    pub smtp_configured: bool,
    /// Where eSIM profiles and bundles come from: the built-in provider (the only one so far).
    pub provider: std::sync::Arc<dyn provider::EsimProvider>,
    /// How money is taken online: Stripe, or the built-in test provider without a Stripe key.
    pub payments: std::sync::Arc<dyn payment_gateways::PaymentGateway>,
    /// The key the carrier signs usage-feed requests with; without it the feed answers 503.
    pub feed_secret: Option<std::sync::Arc<[u8]>>,
    /// The font PDF receipts are set in.
    pub receipt_font: std::sync::Arc<receipts::pdf::ReceiptFontSource>,
}

impl AppContext {
    pub fn new(pool: sqlx::PgPool) -> AppContext {
        AppContext {
            catalog: Default::default(),
            storefronts: Default::default(),
            public_url: "http://127.0.0.1:3000".into(),
            smtp_configured: false,
            provider: std::sync::Arc::new(provider::builtin::BuiltinProvider::new(pool.clone())),
            feed_secret: None,
            payments: std::sync::Arc::new(payment_gateways::test_mode::TestGateway),
            receipt_font: std::sync::Arc::new(receipts::pdf::ReceiptFontSource::new(receipts::pdf::INSTALLED_FONT)),
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

    pub fn with_payments(mut self, gateway: std::sync::Arc<dyn payment_gateways::PaymentGateway>) -> AppContext {
        self.payments = gateway;
        self
    }

    pub fn with_smtp_configured(mut self, configured: bool) -> AppContext {
        self.smtp_configured = configured;
        self
    }

    pub fn with_receipt_font(mut self, path: &std::path::Path) -> AppContext {
        self.receipt_font = std::sync::Arc::new(receipts::pdf::ReceiptFontSource::new(path));
        self
    }
}
