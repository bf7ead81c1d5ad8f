//! The id each request is given at the edge (`server/src/layers/mod.rs`): on every log line the
//! request causes, in the `x-request-id` response header, and in the error a person sees, so
//! support can find what happened.
use std::fmt;

/// Kept in the request's extensions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestId(pub String);

impl RequestId {
    /// 12 hex digits from the OS's random source: short enough to read out over a phone.
    pub fn new() -> RequestId {
        let mut bytes = [0u8; 6];
        rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut bytes);
        RequestId(hex::encode(bytes))
    }
}

impl Default for RequestId {
    fn default() -> Self {
        RequestId::new()
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The id of the request being answered, when there is one (not in background workers).
pub fn current() -> Option<String> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<RequestId>().map(|id| id.0.clone()))
}
