//! Roamdesk's rules and words: the types, validation and money arithmetic shared by the server and
//! the browser, and the message catalogues every visible string comes from (`i18n`, `t!`). Pure
//! code: no database, no HTTP, no UI framework, so the services and the pages both build on it and
//! it compiles to WebAssembly unchanged.
pub mod account;
pub mod catalog_query;
pub mod catalog_select;
pub mod devices;
pub mod esim;
pub mod esim_ids;
pub mod i18n;
pub mod local_path;
pub mod locale;
pub mod money;
pub mod order;
pub mod payment_settings;
pub mod plan;
pub mod prefs;
pub mod problem;
pub mod receipt;
pub mod staff;
pub mod stock_import;
pub mod test_checkout;
pub mod time;
