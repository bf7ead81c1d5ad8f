//! Account pages: one module per route.
pub mod forgot;
pub mod invitation;
pub mod profile;
pub mod reset;
pub mod sign_in;
pub mod sign_up;
pub mod verify;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A query parameter's value, read once (pages reload on every form result).
pub(crate) fn query_param(name: &'static str) -> Option<String> {
    use_query_map().with_untracked(|q| q.get(name))
}
