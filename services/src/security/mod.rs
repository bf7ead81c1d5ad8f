//! Secrets and abuse: password hashing, single-use tokens, and throttling by address and account.
pub mod password;
pub mod throttle;
pub mod token;
