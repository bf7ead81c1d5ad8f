//! Roamdesk's web surface: pages, components and server functions, shared by the server (feature
//! `ssr`) and the browser (feature `hydrate`). With `ssr` it also holds what stands between HTTP
//! and the services: the request's context (`request`), the access guards (`guards`), the error
//! every caller gets (`error`) and the endpoints that are not pages (`edges`).
#![recursion_limit = "256"]

pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod edges;
pub mod error;
#[cfg(feature = "ssr")]
pub mod guards;
pub mod islands;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod request;
#[cfg(feature = "ssr")]
pub mod request_id;
mod root;

pub use root::{App, shell};
