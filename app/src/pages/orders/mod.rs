//! An order's page (status, payment, what was delivered) and its printable receipt.
pub mod detail;
pub mod history;
pub mod receipt;
