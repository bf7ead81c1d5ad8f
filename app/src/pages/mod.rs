pub mod account;
pub mod catalog;
pub mod not_found;
pub mod plan;
pub mod staff;
