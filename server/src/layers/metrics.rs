//! Records how long each request took, by route, method and status class, for `/metrics`.
//!
//! The route is the pattern the router matched (`/orders/{id}`, `/api/orders/get`), never the
//! address itself: its ids would make a new series for every order and eSIM. Pages are routes
//! too (leptos_axum mounts each with its pattern). Requests no route matched share a label.
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{Method, StatusCode};
use prometheus::{HistogramOpts, HistogramVec, Registry};
use std::sync::Arc;
use std::time::Instant;

/// The label of requests that no route matched and that found no file: scanners' guesses and
/// refusals before routing must not add a series each.
pub const UNMATCHED: &str = "unmatched";

/// Seconds; pages here take milliseconds to a few hundred, checkout calls Stripe and can take
/// seconds.
const BUCKETS: &[f64] = &[0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

#[derive(Clone, Debug)]
pub struct HttpMetrics {
    duration: HistogramVec,
}

impl HttpMetrics {
    pub fn register(registry: &Registry) -> prometheus::Result<HttpMetrics> {
        let duration = HistogramVec::new(
            HistogramOpts::new(
                "roamdesk_http_request_duration_seconds",
                "Time from a request's arrival until its response head was ready.",
            )
            .buckets(BUCKETS.to_vec()),
            &["route", "method", "status"],
        )?;
        registry.register(Box::new(duration.clone()))?;
        Ok(HttpMetrics { duration })
    }
}

/// The middleware. Mounted with `Router::layer`, so it runs after routing and sees the
/// `MatchedPath` of the route that answers.
pub async fn record(State(metrics): State<Arc<HttpMetrics>>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let matched = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned());
    let folder = folder(req.uri().path());
    let method = method_label(req.method());
    let response = next.run(req).await;
    let status = response.status();
    let route = match matched {
        Some(pattern) => pattern,
        None => unmatched_label(folder, status),
    };
    metrics
        .duration
        .with_label_values(&[route.as_str(), method, status_class(status)])
        .observe(started.elapsed().as_secs_f64());
    response
}

/// Without a matched route, only files that exist (the content-named `/pkg/` files, which are
/// served under a nested path that sets no `MatchedPath`) answer with success, and there are
/// few folders of them; everything else shares [`UNMATCHED`].
fn unmatched_label(folder: String, status: StatusCode) -> String {
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        folder
    } else {
        UNMATCHED.to_string()
    }
}

/// `/pkg/*` for `/pkg/app.css`, the path itself for a file at the top (`/robots.txt`).
fn folder(path: &str) -> String {
    match path.trim_start_matches('/').split_once('/') {
        Some((first, _)) => format!("/{first}/*"),
        None => path.to_string(),
    }
}

/// Methods outside HTTP's own set (anyone can send `FOO`) share one label.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

fn status_class(status: StatusCode) -> &'static str {
    match status.as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmatched_requests_are_labelled_by_folder_only_when_a_file_answered() {
        assert_eq!(
            unmatched_label(folder("/pkg/roamdesk.abc123.wasm"), StatusCode::OK),
            "/pkg/*"
        );
        assert_eq!(
            unmatched_label(folder("/pkg/x.css"), StatusCode::NOT_MODIFIED),
            "/pkg/*"
        );
        assert_eq!(unmatched_label(folder("/robots.txt"), StatusCode::OK), "/robots.txt");
        assert_eq!(
            unmatched_label(folder("/wp-admin/setup.php"), StatusCode::NOT_FOUND),
            UNMATCHED
        );
        assert_eq!(
            unmatched_label(folder("/anything"), StatusCode::SERVICE_UNAVAILABLE),
            UNMATCHED
        );
    }

    #[test]
    fn odd_methods_and_statuses_fall_into_bounded_labels() {
        assert_eq!(method_label(&Method::from_bytes(b"FOO").unwrap()), "other");
        assert_eq!(method_label(&Method::POST), "POST");
        assert_eq!(status_class(StatusCode::IM_A_TEAPOT), "4xx");
        assert_eq!(status_class(StatusCode::from_u16(599).unwrap()), "5xx");
    }
}
