//! `server simulate-usage`: plays the carrier for the demo. Every few seconds it reads the
//! storefront's sold eSIMs and posts signed status and usage events to the server's own feed
//! endpoint, over HTTP, exactly as a carrier would: new eSIMs get installed, installed ones go
//! active, and active ones use some data.
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use rand_core::{OsRng, RngCore};
use services::usage::{FeedEvent, ReportedStatus, signature};
use sqlx::PgPool;
use std::time::Duration;

pub struct Simulation {
    pub storefront: String,
    /// `http://host:port` of the server.
    pub base_url: String,
    pub secret: String,
    pub interval: Duration,
}

pub async fn run(pool: &PgPool, sim: Simulation) -> Result<(), Box<dyn std::error::Error>> {
    tracing::info!(storefront = %sim.storefront, target = %sim.base_url, "usage simulator started");
    loop {
        match tick(pool, &sim).await {
            Ok(0) => {}
            Ok(n) => tracing::debug!(events = n, "usage simulator posted events"),
            Err(e) => tracing::warn!(error = %e, "usage simulator: this round failed; retrying"),
        }
        tokio::time::sleep(sim.interval).await;
    }
}

/// One round: builds the events and posts them. Returns how many were sent.
pub async fn tick(pool: &PgPool, sim: &Simulation) -> Result<usize, Box<dyn std::error::Error>> {
    let now = chrono::Utc::now();
    let rows = sqlx::query!(
        r#"SELECT p.iccid, p.status::text AS "status!",
                  p.allocated_at AS "allocated_at: chrono::DateTime<chrono::Utc>",
                  b.data_remaining_mb AS "data_remaining_mb?", b.data_total_mb AS "data_total_mb?"
           FROM esim_profiles p JOIN storefronts s ON s.id = p.storefront_id
           LEFT JOIN LATERAL (
               SELECT data_remaining_mb, data_total_mb FROM esim_bundles
               WHERE esim_id = p.id AND status IN ('active', 'pending') AND (expires_at IS NULL OR expires_at > now())
               ORDER BY status = 'active' DESC, expires_at, created_at LIMIT 1) b ON true
           WHERE s.slug = $1 AND p.status IN ('ready_to_install', 'installed', 'active')"#,
        sim.storefront
    )
    .fetch_all(pool)
    .await?;
    let mut events = Vec::new();
    for row in rows {
        let event_id = format!("sim-{}-{}", row.iccid, now.timestamp_millis());
        let age = row.allocated_at.map(|a| now - a).unwrap_or_default();
        match row.status.as_str() {
            // Customers install a few minutes after buying.
            "ready_to_install" if age > chrono::Duration::minutes(3) => events.push(FeedEvent::Status {
                event_id,
                iccid: row.iccid,
                occurred_at: now,
                status: ReportedStatus::Installed,
                eid: None,
            }),
            "installed" => events.push(FeedEvent::Status {
                event_id,
                iccid: row.iccid,
                occurred_at: now,
                status: ReportedStatus::Active,
                eid: None,
            }),
            "active" => {
                let (Some(left), Some(total)) = (row.data_remaining_mb, row.data_total_mb) else {
                    continue;
                };
                // Up to a tenth of a percent of the bundle a round: a lively chart, a bundle lasting hours.
                let most = (i64::from(total) / 1000).max(1);
                let used = 1 + i64::from(OsRng.next_u32()) % most;
                events.push(FeedEvent::Usage {
                    event_id,
                    iccid: row.iccid,
                    measured_at: now,
                    data_remaining_mb: Some((i64::from(left) - used).max(0)),
                    voice_remaining_min: None,
                    sms_remaining: None,
                });
            }
            _ => {}
        }
    }
    if events.is_empty() {
        return Ok(0);
    }
    let count = events.len();
    let body = serde_json::to_vec(&serde_json::json!({ "events": events }))?;
    let status = post_signed(&sim.base_url, "/feed/v1/events", &sim.secret, body).await?;
    if status != http::StatusCode::OK {
        return Err(format!("the feed answered {status}").into());
    }
    Ok(count)
}

/// POSTs `body` with its HMAC signature over one HTTP/1.1 connection.
pub async fn post_signed(
    base_url: &str,
    path: &str,
    secret: &str,
    body: Vec<u8>,
) -> Result<http::StatusCode, Box<dyn std::error::Error>> {
    let authority = base_url
        .strip_prefix("http://")
        .ok_or("the simulator speaks plain http to the local server")?
        .trim_end_matches('/');
    let stream = tokio::net::TcpStream::connect(authority).await?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(connection);
    let request = http::Request::post(path)
        .header(http::header::HOST, authority)
        .header(http::header::CONTENT_TYPE, "application/json")
        .header(signature::HEADER, signature::sign(secret.as_bytes(), &body))
        .body(Full::new(Bytes::from(body)))?;
    let response = sender.send_request(request).await?;
    let status = response.status();
    let _ = response.into_body().collect().await;
    Ok(status)
}
