//! `POST /feed/v1/events`: the carrier pushes signed batches of usage and status events.
//! Answers 401 for a missing or wrong signature, 400 for a batch that does not parse or
//! validate (nothing applied), 200 with each event's outcome otherwise. A 503 asks the carrier
//! to retry later; retrying is always safe because events are stored once by id.
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode};
use serde::Serialize;
use services::AppContext;
use services::usage::{FeedBatch, Outcome, apply, signature, validate};

#[derive(Serialize)]
struct EventResult<'a> {
    event_id: &'a str,
    outcome: Outcome,
}

#[derive(Serialize)]
struct FeedError {
    error: String,
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(FeedError { error: message.into() })).into_response()
}

pub async fn receive(State(ctx): State<AppContext>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(secret) = ctx.feed_secret.as_deref() else {
        return error(StatusCode::SERVICE_UNAVAILABLE, "the usage feed is not configured");
    };
    let signed = headers
        .get(signature::HEADER)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|sig| signature::verify(secret, &body, sig));
    if !signed {
        tracing::warn!("usage feed: refused a request with a missing or wrong signature");
        return error(StatusCode::UNAUTHORIZED, "missing or wrong X-Roamdesk-Signature");
    }
    let mut batch: FeedBatch = match serde_json::from_slice(&body) {
        Ok(b) => b,
        Err(e) => return error(StatusCode::BAD_REQUEST, format!("the body is not a valid batch: {e}")),
    };
    if let Err(problem) = validate(&mut batch.events, chrono::Utc::now()) {
        return error(StatusCode::BAD_REQUEST, problem.to_string());
    }
    match apply::apply_events(&ctx.pool, "feed", &batch.events).await {
        Ok(outcomes) => {
            let results: Vec<EventResult> = batch
                .events
                .iter()
                .zip(outcomes)
                .map(|(e, outcome)| EventResult {
                    event_id: e.event_id(),
                    outcome,
                })
                .collect();
            Json(serde_json::json!({ "results": results })).into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "usage feed: applying a batch failed");
            error(StatusCode::SERVICE_UNAVAILABLE, "temporarily unavailable, retry later")
        }
    }
}
