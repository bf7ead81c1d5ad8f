//! What an operator watches an instance by: `/readyz` for the load balancer, and `/metrics` for
//! Prometheus, behind its bearer token, with request latencies by route and the backlogs
//! counted in the database.
mod common;

use axum::Router;
use axum::body::Body;
use common::*;
use http::{StatusCode, header};
use server::config::MetricsToken;
use server::observability::{Metrics, observe};
use sqlx::PgPool;

const TOKEN: &str = "0123456789abcdef0123456789abcdef";

async fn observed(pool: PgPool, token: Option<&str>) -> (Router, PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let metrics = token.map(|t| Metrics::new(pool.clone(), &MetricsToken(t.into())));
    (observe(router, metrics), pool)
}

async fn scrape(router: &Router, authorization: Option<&str>) -> Answer {
    let mut req = get("/metrics");
    if let Some(value) = authorization {
        req = req.header(header::AUTHORIZATION, value);
    }
    send(router, req.body(Body::empty()).unwrap()).await
}

async fn metrics_text(router: &Router) -> String {
    let answer = scrape(router, Some(&format!("Bearer {TOKEN}"))).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert!(
        answer.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4"),
        "Prometheus's text format"
    );
    answer.body
}

/// The value of the one sample of `name` whose labels include all of `labels`.
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    let matching: Vec<f64> = text
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.rsplit_once(' '))
        .filter(|(series, _)| {
            let (series_name, series_labels) = series.split_once('{').unwrap_or((series, ""));
            series_name == name
                && labels
                    .iter()
                    .all(|(k, v)| series_labels.contains(&format!("{k}=\"{v}\"")))
        })
        .map(|(_, value)| value.parse().expect("a number"))
        .collect();
    assert!(matching.len() <= 1, "{name} {labels:?} is ambiguous in:\n{text}");
    matching.first().copied()
}

fn job(text: &str, job: &str) -> Option<f64> {
    sample(text, "roamdesk_jobs_pending", &[("job", job)])
}

#[sqlx::test(migrations = "../migrations")]
async fn ready_when_every_migration_of_the_binary_is_applied(pool: PgPool) {
    let router = demo_router(pool).await;
    let answer = get_page(&router, "/readyz").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.body, "ready");
}

#[sqlx::test(migrations = "../migrations")]
async fn not_ready_when_the_newest_migration_is_missing(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let newest: i64 = sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations")
        .fetch_one(&pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = $1")
        .bind(newest)
        .execute(&pool)
        .await
        .unwrap();
    let answer = get_page(&router, "/readyz").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        answer.body.contains(&format!("migration {newest} ")) && answer.body.contains("not applied"),
        "{}",
        answer.body
    );
    // Health is about the process and the connection, and stays green: restarting would not help.
    assert_eq!(get_page(&router, "/healthz").await.status, StatusCode::OK);
}

#[sqlx::test(migrations = "../migrations")]
async fn not_ready_when_a_migration_failed_or_was_changed(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let oldest: i64 = sqlx::query_scalar("SELECT min(version) FROM _sqlx_migrations")
        .fetch_one(&pool)
        .await
        .unwrap();
    let set = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query(sql).bind(oldest).execute(&pool).await.unwrap() }
    };
    set("UPDATE _sqlx_migrations SET success = false WHERE version = $1").await;
    let answer = get_page(&router, "/readyz").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        answer.body.contains(&format!("migration {oldest} ")) && answer.body.ends_with("failed"),
        "{}",
        answer.body
    );

    set("UPDATE _sqlx_migrations SET success = true, checksum = '\\x00'::bytea WHERE version = $1").await;
    let answer = get_page(&router, "/readyz").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(answer.body.contains("differs from the one applied"), "{}", answer.body);
}

#[sqlx::test(migrations = "../migrations")]
async fn not_ready_without_the_database(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    pool.close().await;
    let answer = get_page(&router, "/readyz").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.body, "database unavailable");
}

#[sqlx::test(migrations = "../migrations")]
async fn metrics_are_not_found_without_a_configured_token(pool: PgPool) {
    let (router, _) = observed(pool, None).await;
    for authorization in [None, Some("Bearer anything"), Some(format!("Bearer {TOKEN}").as_str())] {
        let answer = scrape(&router, authorization).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{authorization:?}");
        assert!(!answer.body.contains("roamdesk_"), "{}", answer.body);
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn metrics_refuse_a_missing_or_wrong_token(pool: PgPool) {
    let (router, _) = observed(pool, Some(TOKEN)).await;
    let missing = scrape(&router, None).await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    assert_eq!(missing.headers[header::WWW_AUTHENTICATE], "Bearer");
    for wrong in [
        "Bearer 0123456789abcdef0123456789abcdeX".to_string(),
        format!("Bearer {TOKEN}x"),
        format!("Basic {TOKEN}"),
    ] {
        let answer = scrape(&router, Some(&wrong)).await;
        assert!(
            answer.status == StatusCode::FORBIDDEN || answer.status == StatusCode::UNAUTHORIZED,
            "{wrong}: {}",
            answer.status
        );
        assert!(!answer.body.contains("roamdesk_"), "{}", answer.body);
    }
    assert!(metrics_text(&router).await.contains("roamdesk_build_info"));
}

#[sqlx::test(migrations = "../migrations")]
async fn request_latency_is_recorded_by_route_pattern_never_by_address(pool: PgPool) {
    let (router, _) = observed(pool, Some(TOKEN)).await;
    assert_eq!(get_page(&router, "/plans/russia-10gb-30d").await.status, StatusCode::OK);
    assert_eq!(get_page(&router, "/plans/russia-10gb-30d").await.status, StatusCode::OK);
    assert_eq!(
        get_page(&router, "/plans/no-such-plan").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get_page(&router, "/no/such/page/42").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get_page(&router, "/healthz").await.status, StatusCode::OK);

    let text = metrics_text(&router).await;
    let count = |route: &str, status: &str| {
        sample(
            &text,
            "roamdesk_http_request_duration_seconds_count",
            &[("route", route), ("method", "GET"), ("status", status)],
        )
    };
    assert_eq!(count("/plans/{slug}", "2xx"), Some(2.0), "{text}");
    assert_eq!(count("/plans/{slug}", "4xx"), Some(1.0), "{text}");
    assert_eq!(count("/healthz", "2xx"), Some(1.0), "{text}");
    assert_eq!(count("unmatched", "4xx"), Some(1.0), "{text}");
    let seconds = sample(
        &text,
        "roamdesk_http_request_duration_seconds_sum",
        &[("route", "/plans/{slug}"), ("status", "2xx")],
    )
    .expect("a latency sum");
    assert!(seconds > 0.0, "{text}");
    assert!(
        text.contains("roamdesk_http_request_duration_seconds_bucket{method=\"GET\",route=\"/plans/{slug}\",status=\"2xx\",le=\"0.1\"}"),
        "a histogram with buckets: {text}"
    );
    for address in ["russia-10gb-30d", "no-such-plan", "/no/such"] {
        assert!(!text.contains(address), "{address} in a label: {text}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn backlog_gauges_count_what_the_database_holds_at_each_scrape(pool: PgPool) {
    let (router, pool) = observed(pool, Some(TOKEN)).await;
    let before = metrics_text(&router).await;
    assert_eq!(sample(&before, "roamdesk_database_up", &[]), Some(1.0));
    assert_eq!(
        sample(&before, "roamdesk_outbox_emails", &[("status", "pending")]),
        Some(0.0),
        "{before}"
    );
    for status in ["pending", "requires_action", "succeeded", "failed", "cancelled"] {
        assert_eq!(
            sample(&before, "roamdesk_payments", &[("status", status)]),
            Some(0.0),
            "{status}: {before}"
        );
    }
    for name in [
        "payment_events",
        "payment_events_given_up",
        "refunds",
        "undelivered_orders",
    ] {
        assert_eq!(job(&before, name), Some(0.0), "{name}: {before}");
    }

    sqlx::raw_sql(
        "INSERT INTO outbox_emails (storefront_id, kind, to_address, subject, body_text, body_html)
           SELECT id, 'test', 'a@example.com', 's', 't', 'h' FROM storefronts WHERE slug = 'demo';
         INSERT INTO outbox_emails (storefront_id, kind, to_address, subject, body_text, body_html)
           SELECT id, 'test', 'b@example.com', 's', 't', 'h' FROM storefronts WHERE slug = 'demo';
         INSERT INTO outbox_emails (storefront_id, kind, to_address, subject, body_text, body_html, status, sent_at)
           SELECT id, 'test', 'c@example.com', 's', 't', 'h', 'sent', now() FROM storefronts WHERE slug = 'demo';
         INSERT INTO outbox_emails (storefront_id, kind, to_address, subject, body_text, body_html, status)
           SELECT id, 'test', 'd@example.com', 's', 't', 'h', 'failed' FROM storefronts WHERE slug = 'demo';
         INSERT INTO orders (storefront_id, order_number, email, currency, subtotal_minor, total_minor, status)
           SELECT id, 9001, 'a@example.com', 'USD', 1900, 1900, 'paid' FROM storefronts WHERE slug = 'demo';
         INSERT INTO payments (order_id, provider, provider_ref, status, amount_minor, currency)
           SELECT id, 'test', 'p-1', 'succeeded', 1900, 'USD' FROM orders WHERE order_number = 9001;
         INSERT INTO payments (order_id, provider, provider_ref, status, amount_minor, currency)
           SELECT id, 'test', 'p-2', 'pending', 1900, 'USD' FROM orders WHERE order_number = 9001;
         INSERT INTO payments (order_id, provider, provider_ref, status, amount_minor, currency)
           SELECT id, 'test', 'p-3', 'pending', 1900, 'USD' FROM orders WHERE order_number = 9001;
         INSERT INTO refunds (order_id, payment_id, amount_minor, currency, reason)
           SELECT order_id, id, 500, 'USD', 'test' FROM payments WHERE provider_ref = 'p-1';
         INSERT INTO payment_events (provider, event_id, event_type, payload)
           VALUES ('test', 'e-1', 't', '{}'), ('test', 'e-2', 't', '{}');
         INSERT INTO payment_events (provider, event_id, event_type, payload, processed_at)
           VALUES ('test', 'e-3', 't', '{}', now());
         INSERT INTO payment_events (provider, event_id, event_type, payload, attempts)
           VALUES ('test', 'e-4', 't', '{}', 20);",
    )
    .execute(&pool)
    .await
    .unwrap();

    let after = metrics_text(&router).await;
    assert_eq!(
        sample(&after, "roamdesk_outbox_emails", &[("status", "pending")]),
        Some(2.0),
        "{after}"
    );
    assert_eq!(
        sample(&after, "roamdesk_outbox_emails", &[("status", "failed")]),
        Some(1.0),
        "{after}"
    );
    assert_eq!(
        sample(&after, "roamdesk_payments", &[("status", "pending")]),
        Some(2.0),
        "{after}"
    );
    assert_eq!(
        sample(&after, "roamdesk_payments", &[("status", "succeeded")]),
        Some(1.0),
        "{after}"
    );
    assert_eq!(
        sample(&after, "roamdesk_payments", &[("status", "failed")]),
        Some(0.0),
        "{after}"
    );
    assert_eq!(job(&after, "payment_events"), Some(2.0), "{after}");
    assert_eq!(job(&after, "payment_events_given_up"), Some(1.0), "{after}");
    assert_eq!(job(&after, "refunds"), Some(1.0), "{after}");
    assert_eq!(job(&after, "undelivered_orders"), Some(1.0), "{after}");
}

#[sqlx::test(migrations = "../migrations")]
async fn without_the_database_the_scrape_says_so_instead_of_old_numbers(pool: PgPool) {
    let (router, pool) = observed(pool, Some(TOKEN)).await;
    assert_eq!(get_page(&router, "/healthz").await.status, StatusCode::OK);
    pool.close().await;
    let text = metrics_text(&router).await;
    assert_eq!(sample(&text, "roamdesk_database_up", &[]), Some(0.0), "{text}");
    assert_eq!(
        sample(&text, "roamdesk_outbox_emails", &[("status", "pending")]),
        None,
        "{text}"
    );
    // What this process measured itself is still there.
    assert!(text.contains("route=\"/healthz\""), "{text}");
}
