//! `/metrics` in Prometheus's text format, for a scraper holding the bearer token
//! (`ROAMDESK_METRICS_TOKEN`). Request latencies come from what `layers::metrics` recorded in
//! this process; payments, the outbox and the workers' backlog are counted in the database at
//! each scrape, so every instance reports the same numbers for them.
use crate::config::MetricsToken;
use crate::layers::metrics::HttpMetrics;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use prometheus::{Encoder, IntGauge, IntGaugeVec, Opts, Registry, TextEncoder};
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;

/// A scrape waits this long for the database, then reports it down instead of hanging.
const DATABASE_WAIT: Duration = Duration::from_secs(5);

/// What `/metrics` reports, and who may read it.
#[derive(Clone, Debug)]
pub struct Metrics {
    registry: Registry,
    http: Arc<HttpMetrics>,
    pool: PgPool,
    /// The token's hash: comparing hashes takes the same time wherever a guess goes wrong.
    token_hash: [u8; 32],
}

impl Metrics {
    pub fn new(pool: PgPool, token: &MetricsToken) -> Metrics {
        let registry = Registry::new();
        // Registering fixed, valid names in a fresh registry cannot fail.
        let http = HttpMetrics::register(&registry).expect("request metrics register");
        let build = IntGauge::with_opts(
            Opts::new("roamdesk_build_info", "The running version, as a label.")
                .const_label("version", env!("CARGO_PKG_VERSION")),
        )
        .expect("build info is a valid gauge");
        build.set(1);
        registry.register(Box::new(build)).expect("build info registers");
        Metrics {
            registry,
            http: Arc::new(http),
            pool,
            token_hash: hash(token.0.as_bytes()),
        }
    }

    pub fn http(&self) -> Arc<HttpMetrics> {
        self.http.clone()
    }

    fn admits(&self, headers: &HeaderMap) -> Result<(), StatusCode> {
        let presented = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(StatusCode::UNAUTHORIZED)?;
        if hash(presented.trim().as_bytes()) == self.token_hash {
            Ok(())
        } else {
            Err(StatusCode::FORBIDDEN)
        }
    }
}

fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// The endpoint: 404 unless a token is configured (the address then looks like any missing
/// page), 401 without a token, 403 with a wrong one.
pub async fn serve(State(metrics): State<Option<Metrics>>, headers: HeaderMap) -> Response {
    let Some(metrics) = metrics else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    if let Err(status) = metrics.admits(&headers) {
        let mut response = (status, "a valid bearer token is required").into_response();
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        return response;
    }
    let mut families = metrics.registry.gather();
    families.extend(database_gauges(&metrics.pool).await.gather());
    let encoder = TextEncoder::new();
    let mut body = Vec::new();
    if let Err(e) = encoder.encode(&families, &mut body) {
        tracing::error!(error = %e, "encoding metrics failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}

/// Counts read now, in a registry of their own: when the database does not answer, only
/// `roamdesk_database_up 0` is reported, never the last numbers as if they were current.
async fn database_gauges(pool: &PgPool) -> Registry {
    let registry = Registry::new();
    let up = gauge(
        &registry,
        "roamdesk_database_up",
        "1 when this scrape's counts came from the database.",
    );
    let counts = async {
        let backlog = services::backlog::backlog(pool).await?;
        let payments = services::backlog::payments_by_status(pool).await?;
        Ok::<_, sqlx::Error>((backlog, payments))
    };
    let (backlog, payments) = match tokio::time::timeout(DATABASE_WAIT, counts).await {
        Ok(Ok(counts)) => counts,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "metrics: counting in the database failed");
            return registry;
        }
        Err(_) => {
            tracing::warn!("metrics: the database did not answer in time");
            return registry;
        }
    };
    up.set(1);
    let by_status = gauge_vec(&registry, "roamdesk_payments", "Payments in each status.", "status");
    for (status, count) in payments {
        by_status.with_label_values(&[status.as_str()]).set(count);
    }
    let outbox = gauge_vec(
        &registry,
        "roamdesk_outbox_emails",
        "E-mail not sent: pending (waiting for an attempt) or failed (given up).",
        "status",
    );
    outbox.with_label_values(&["pending"]).set(backlog.mail_pending);
    outbox.with_label_values(&["failed"]).set(backlog.mail_failed);
    let jobs = gauge_vec(
        &registry,
        "roamdesk_jobs_pending",
        "Work the workers and the scheduler have not done yet (e-mail: roamdesk_outbox_emails).",
        "job",
    );
    jobs.with_label_values(&["payment_events"]).set(backlog.payment_events);
    jobs.with_label_values(&["payment_events_given_up"])
        .set(backlog.payment_events_given_up);
    jobs.with_label_values(&["refunds"]).set(backlog.refunds_pending);
    jobs.with_label_values(&["undelivered_orders"])
        .set(backlog.orders_undelivered);
    registry
}

// The names and help texts below are fixed and valid, and each registry is new: registering
// cannot fail.
fn gauge(registry: &Registry, name: &str, help: &str) -> IntGauge {
    let gauge = IntGauge::new(name, help).expect("valid gauge");
    registry.register(Box::new(gauge.clone())).expect("gauge registers");
    gauge
}

fn gauge_vec(registry: &Registry, name: &str, help: &str, label: &str) -> IntGaugeVec {
    let gauge = IntGaugeVec::new(Opts::new(name, help), &[label]).expect("valid gauge");
    registry.register(Box::new(gauge.clone())).expect("gauge registers");
    gauge
}
