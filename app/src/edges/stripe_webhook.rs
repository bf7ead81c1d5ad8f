//! `POST /webhooks/stripe`: Stripe's event deliveries. The signature is checked on the raw body
//! (400 and nothing stored when it fails); the event is stored once by its id and the answer
//! goes back at once. The payment worker, woken by NOTIFY, does the work, so a slow provider
//! call or a crash never loses an event Stripe believes delivered.
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode};
use services::AppContext;
use services::payments::inbox;

pub const SIGNATURE_HEADER: &str = "stripe-signature";

pub async fn receive_stripe(State(ctx): State<AppContext>, headers: HeaderMap, body: Bytes) -> Response {
    let gateway = ctx.payments.clone();
    if gateway.provider() != "stripe" {
        return (StatusCode::NOT_FOUND, "Stripe is not configured").into_response();
    }
    let Ok(body) = std::str::from_utf8(&body) else {
        return (StatusCode::BAD_REQUEST, "the body is not UTF-8").into_response();
    };
    let signature = headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let Some((event_id, event_type)) = gateway.verify_webhook(body, signature) else {
        return (StatusCode::BAD_REQUEST, "missing or wrong Stripe-Signature").into_response();
    };
    let Ok(payload) = serde_json::from_str::<serde_json::Value>(body) else {
        return (StatusCode::BAD_REQUEST, "the body is not JSON").into_response();
    };
    let payment = gateway.payment_ref(&payload);
    match inbox::record_event(&ctx.pool, "stripe", &event_id, &event_type, payment.as_ref(), &payload).await {
        Ok(new) => {
            tracing::info!(event = %event_id, kind = %event_type, new, "Stripe event received");
            StatusCode::OK.into_response()
        }
        Err(e) => {
            // Stripe retries anything but 2xx; storing is idempotent, so a retry is safe.
            tracing::error!(event = %event_id, error = %e, "storing a Stripe event failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
