//! The HTTP endpoints that are not pages or server functions: what other systems send (Stripe's
//! webhook, the carrier's usage feed), uploads (stock CSV), downloads (receipt PDF, orders CSV)
//! and the no-JavaScript preference form. Each checks its caller, calls a service and answers.
pub mod orders_csv;
pub mod prefs;
pub mod receipt_download;
pub mod stock_upload;
pub mod stripe_webhook;
pub mod usage_feed;
