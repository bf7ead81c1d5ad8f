//! Server functions: each checks its caller, calls the domain and maps errors. Thin on purpose.
pub mod account;
pub mod catalog;
pub mod checkout;
pub mod esims;
pub mod payment_settings;
pub mod staff;
pub mod stock;
