//! Server functions: each checks its caller, calls the data layer and maps errors. Thin on purpose.
pub mod catalog;
