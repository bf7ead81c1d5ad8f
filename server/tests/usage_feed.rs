//! The carrier's signed usage feed against PostgreSQL: signatures, replays, out-of-order
//! events, validation, and the CSV usage import.
mod common;

use axum::body::Body;
use common::{FEED_SECRET, demo_router_and_pool, send};
use http::Request;
use serde_json::{Value, json};
use services::usage::signature::sign;
use sqlx::PgPool;

/// Anna's active demo eSIM (China 10 GB) and her waiting one (Russia 5 GB, valid from first use).
async fn demo_iccid(pool: &PgPool, nickname: &str) -> String {
    sqlx::query_scalar("SELECT iccid FROM esim_profiles WHERE nickname = $1")
        .bind(nickname)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn post_feed(router: &axum::Router, body: &str, signature: Option<String>) -> common::Answer {
    let mut req = Request::post("/feed/v1/events")
        .header("host", "localhost:3000")
        .header("content-type", "application/json");
    if let Some(sig) = signature {
        req = req.header("x-roamdesk-signature", sig);
    }
    send(router, req.body(Body::from(body.to_string())).unwrap()).await
}

async fn post_signed(router: &axum::Router, body: &Value) -> common::Answer {
    let text = body.to_string();
    post_feed(router, &text, Some(sign(FEED_SECRET.as_bytes(), text.as_bytes()))).await
}

fn outcomes(answer: &common::Answer) -> Vec<String> {
    let v: Value = serde_json::from_str(&answer.body).unwrap_or_else(|_| panic!("JSON answer: {}", answer.body));
    v["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["outcome"].as_str().unwrap().to_string())
        .collect()
}

/// The current bundle's remaining data, its measurement time and the eSIM's data used today.
async fn state(pool: &PgPool, iccid: &str) -> (Option<i32>, Option<String>, i64, String) {
    sqlx::query_as(
        "SELECT b.data_remaining_mb, b.usage_measured_at::text,
                COALESCE((SELECT sum(data_mb) FROM esim_daily_usage u WHERE u.esim_id = p.id), 0)::bigint,
                p.status::text
         FROM esim_profiles p JOIN esim_bundles b ON b.esim_id = p.id WHERE p.iccid = $1
         ORDER BY b.created_at LIMIT 1",
    )
    .bind(iccid)
    .fetch_one(pool)
    .await
    .unwrap()
}

fn usage_event(id: &str, iccid: &str, at: &str, remaining: i64) -> Value {
    json!({"type": "usage", "event_id": id, "iccid": iccid, "measured_at": at, "data_remaining_mb": remaining})
}

fn minutes_ago(m: i64) -> String {
    (chrono::Utc::now() - chrono::Duration::minutes(m)).to_rfc3339()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_wrong_or_missing_signature_gets_401_and_changes_nothing(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let iccid = demo_iccid(&pool, "Anna's iPhone").await;
    let before = state(&pool, &iccid).await;
    let body = json!({"events": [usage_event("e-1", &iccid, &minutes_ago(1), 10)]}).to_string();

    let wrong_key = post_feed(&router, &body, Some(sign(b"not-the-key", body.as_bytes()))).await;
    assert_eq!(wrong_key.status, 401, "{}", wrong_key.body);
    let missing = post_feed(&router, &body, None).await;
    assert_eq!(missing.status, 401);
    // A signature of a different body does not carry over.
    let other = sign(FEED_SECRET.as_bytes(), b"{\"events\":[]}");
    assert_eq!(post_feed(&router, &body, Some(other)).await.status, 401);
    let garbage = post_feed(&router, &body, Some("sha256=nothex".into())).await;
    assert_eq!(garbage.status, 401);

    assert_eq!(state(&pool, &iccid).await, before);
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM esim_feed_events")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn usage_is_applied_once_and_a_replay_changes_nothing(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let iccid = demo_iccid(&pool, "Anna's iPhone").await;
    let (remaining_before, _, used_before, _) = state(&pool, &iccid).await;
    let remaining_before = remaining_before.unwrap();
    let batch =
        json!({"events": [usage_event("usage-42", &iccid, &minutes_ago(1), i64::from(remaining_before) - 300)]});

    let first = post_signed(&router, &batch).await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(outcomes(&first), ["applied"]);
    let after_first = state(&pool, &iccid).await;
    assert_eq!(after_first.0, Some(remaining_before - 300));
    assert_eq!(after_first.2, used_before + 300, "the 300 MB count as today's usage");

    let replay = post_signed(&router, &batch).await;
    assert_eq!(replay.status, 200);
    assert_eq!(outcomes(&replay), ["duplicate"]);
    assert_eq!(state(&pool, &iccid).await, after_first);

    // The same id with other figures is still the same event: ignored.
    let altered = json!({"events": [usage_event("usage-42", &iccid, &minutes_ago(0), 5)]});
    assert_eq!(outcomes(&post_signed(&router, &altered).await), ["duplicate"]);
    assert_eq!(state(&pool, &iccid).await, after_first);
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM esim_feed_events WHERE event_id = 'usage-42'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn an_older_event_does_not_overwrite_a_newer_one(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let iccid = demo_iccid(&pool, "Anna's iPhone").await;
    let newer = json!({"events": [usage_event("u-new", &iccid, &minutes_ago(5), 5000)]});
    assert_eq!(outcomes(&post_signed(&router, &newer).await), ["applied"]);
    let after_newer = state(&pool, &iccid).await;
    assert_eq!(after_newer.0, Some(5000));

    let older = json!({"events": [usage_event("u-old", &iccid, &minutes_ago(30), 6000)]});
    let answer = post_signed(&router, &older).await;
    assert_eq!(outcomes(&answer), ["stale"]);
    assert_eq!(
        state(&pool, &iccid).await,
        after_newer,
        "the older figure is recorded, not applied"
    );
    let outcome: String = sqlx::query_scalar("SELECT outcome FROM esim_feed_events WHERE event_id = 'u-old'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(outcome, "stale");

    // Status reports too: a late "active" does not undo a newer suspension.
    let suspend = json!({"events": [{"type": "status", "event_id": "s-2", "iccid": iccid, "occurred_at": minutes_ago(2), "status": "suspended"}]});
    assert_eq!(outcomes(&post_signed(&router, &suspend).await), ["applied"]);
    let late = json!({"events": [{"type": "status", "event_id": "s-1", "iccid": iccid, "occurred_at": minutes_ago(20), "status": "active"}]});
    assert_eq!(outcomes(&post_signed(&router, &late).await), ["stale"]);
    assert_eq!(state(&pool, &iccid).await.3, "suspended");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_bad_batch_is_refused_whole(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let iccid = demo_iccid(&pool, "Anna's iPhone").await;
    let before = state(&pool, &iccid).await;
    let batch = json!({"events": [
        usage_event("ok-1", &iccid, &minutes_ago(1), 100),
        usage_event("bad-2", "12345", &minutes_ago(1), 100),
    ]});
    let answer = post_signed(&router, &batch).await;
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert!(answer.body.contains("event 1"), "{}", answer.body);
    let negative = json!({"events": [usage_event("neg", &iccid, &minutes_ago(1), -5)]});
    assert_eq!(post_signed(&router, &negative).await.status, 400);
    let not_json = "{\"events\": [";
    let answer = post_feed(
        &router,
        not_json,
        Some(sign(FEED_SECRET.as_bytes(), not_json.as_bytes())),
    )
    .await;
    assert_eq!(answer.status, 400);
    assert_eq!(state(&pool, &iccid).await, before);
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM esim_feed_events")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn first_use_starts_a_waiting_bundle_and_unknown_iccids_are_recorded(pool: PgPool) {
    let (router, pool) = demo_router_and_pool(pool).await;
    let ipad = demo_iccid(&pool, "Travel iPad").await;
    let at = minutes_ago(3);
    let batch = json!({"events": [
        usage_event("first-use", &ipad, &at, 5000),
        usage_event("stranger", "8944538532008160222", &at, 1),
    ]});
    assert_eq!(
        outcomes(&post_signed(&router, &batch).await),
        ["applied", "unknown_esim"]
    );
    let (status, days, state, used): (String, f64, String, i64) = sqlx::query_as(
        "SELECT p.status::text, (extract(epoch FROM b.expires_at - b.starts_at) / 86400)::float8, b.status::text,
                (SELECT sum(data_mb) FROM esim_daily_usage WHERE esim_id = p.id)::bigint
         FROM esim_profiles p JOIN esim_bundles b ON b.esim_id = p.id WHERE p.iccid = $1",
    )
    .bind(&ipad)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(status, "active", "traffic means installed and in use");
    assert_eq!(state, "active");
    assert_eq!(
        days, 15.0,
        "a 15-day plan valid from first use runs 15 days from that use"
    );
    assert_eq!(used, 5120 - 5000);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_csv_usage_report_imports_once(pool: PgPool) {
    let (_router, pool) = demo_router_and_pool(pool).await;
    let iccid = demo_iccid(&pool, "Anna's iPhone").await;
    let csv = format!(
        "iccid,measured_at,data_remaining_mb\n{iccid},{},4000\n{iccid},{},4500\n",
        minutes_ago(10),
        minutes_ago(20)
    );
    let report = services::usage::csv_import::import(&pool, csv.as_bytes())
        .await
        .unwrap();
    assert_eq!(
        (report.applied, report.duplicate),
        (2, 0),
        "oldest first, so both apply"
    );
    assert_eq!(state(&pool, &iccid).await.0, Some(4000));
    let again = services::usage::csv_import::import(&pool, csv.as_bytes())
        .await
        .unwrap();
    assert_eq!((again.applied, again.duplicate), (0, 2));
    assert_eq!(state(&pool, &iccid).await.0, Some(4000));

    let bad = format!("iccid,measured_at,data_remaining_mb\n{iccid},yesterday,4000\n");
    let err = services::usage::csv_import::import(&pool, bad.as_bytes())
        .await
        .unwrap_err();
    assert!(err.to_string().starts_with("line 2"), "{err}");
}
