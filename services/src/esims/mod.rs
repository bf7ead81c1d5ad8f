//! The eSIMs customers own: the "My eSIMs" cards, the install page's details, nicknames, and
//! the one-time-code lookup for people without an account.
pub mod access;
pub mod cards;
pub mod install;
pub mod lookup;
pub mod qr;
