pub mod catalog;
pub mod not_found;
pub mod plan;
