//! The plans a storefront sells: the repository and the in-memory snapshot pages read.
pub mod cache;
pub mod repo;
