//! Types and validation shared by the server and the browser.
pub mod account;
pub mod catalog_query;
pub mod catalog_select;
pub mod devices;
pub mod esim;
pub mod esim_ids;
pub mod locale;
pub mod money;
pub mod order;
pub mod plan;
pub mod prefs;
pub mod problem;
pub mod receipt;
pub mod staff;
pub mod stock_import;
pub mod time;
