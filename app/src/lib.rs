//! Roamdesk's web application: pages, components and server functions, shared by the server
//! (feature `ssr`) and the browser (feature `hydrate`).
#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod pages;
mod root;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use root::{App, shell};
