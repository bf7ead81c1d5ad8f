//! Middleware of our own that every request passes: its id for tracing, the HTTP status of a
//! server function's refusal, and the browser-facing protections (`web_safety`); and, when
//! metrics are on, each request's latency (`metrics`).
pub mod metrics;
pub mod page_cache;
pub mod web_safety;

use app::error::ApiError;
use app::request_id::RequestId;
use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderValue, StatusCode};
use tracing::Instrument;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Gives the request an id: every log line it causes is inside a span that names it, the answer
/// carries it in `x-request-id`, and an unexpected error shows it as the reference to quote.
pub async fn request_id(mut req: Request, next: Next) -> Response {
    let id = RequestId::new();
    req.extensions_mut().insert(id.clone());
    let span = tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path());
    let mut response = next.run(req).instrument(span).await;
    if let Ok(value) = HeaderValue::from_str(&id.0) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    response
}

/// A server function that fails answers 500 with its error as JSON; the status that error
/// stands for is decided by `ApiError::status`, here, for all of them. A plain form post
/// (no JavaScript) is answered with a redirect back to the form instead, which stays as it is.
pub async fn server_fn_status(req: Request, next: Next) -> Response {
    let is_server_fn = req.uri().path().starts_with("/api/");
    let response = next.run(req).await;
    if !is_server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // Errors are small; anything larger is not one of ours and is passed on unread.
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Some(error) = ApiError::from_wire(&bytes) {
        parts.status = error.status();
    }
    Response::from_parts(parts, Body::from(bytes))
}
