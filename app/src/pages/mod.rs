pub mod account;
pub mod catalog;
pub mod esims;
pub mod not_found;
pub mod plan;
pub mod renew;
pub mod staff;
