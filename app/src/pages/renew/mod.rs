//! Renewing without an account: find the eSIM, prove the mailbox with a code, see its status.
pub mod code;
pub mod lookup;
pub mod result;
