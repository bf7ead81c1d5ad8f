//! What an operator watches each instance by: readiness for the load balancer, Prometheus
//! metrics, and log lines as text or JSON. docs/deployment.md says how to use them.
pub mod logging;
pub mod metrics_endpoint;
pub mod readiness;

pub use metrics_endpoint::Metrics;

use crate::layers::metrics::record;
use axum::Router;
use axum::middleware;
use axum::routing::get;

/// Adds `/metrics` to the finished router and, when a scraper may read them, records every
/// request's latency. Without [`Metrics`] (no token configured) `/metrics` answers 404 and
/// nothing is recorded.
pub fn observe(router: Router, metrics: Option<Metrics>) -> Router {
    let http = metrics.as_ref().map(Metrics::http);
    let router = router.merge(
        Router::new()
            .route("/metrics", get(metrics_endpoint::serve))
            .with_state(metrics),
    );
    match http {
        // `layer` wraps each route after routing, so the recorder sees the route that matched.
        Some(http) => router.layer(middleware::from_fn_with_state(http, record)),
        None => router,
    }
}
