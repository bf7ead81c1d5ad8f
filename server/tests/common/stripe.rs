//! The Stripe emulator (localstripe plus `scripts/stripe_emulator.py`) as a child process, and
//! the real router served over TCP so the emulator can deliver webhooks to it.
use axum::Router;
use std::net::SocketAddr;
use std::process::Stdio;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::net::TcpListener;

pub const WEBHOOK_SECRET: &str = "whsec_roamdesk_tests";
pub const SECRET_KEY: &str = "sk_test_roamdesk";

pub struct Emulator {
    /// `http://127.0.0.1:PORT/`
    pub base: String,
    _child: tokio::process::Child,
}

/// The Python that has localstripe: `ROAMDESK_TEST_PYTHON`, else the venv `./test` makes.
fn python() -> String {
    std::env::var("ROAMDESK_TEST_PYTHON")
        .unwrap_or_else(|_| format!("{}/../target/venv/bin/python", env!("CARGO_MANIFEST_DIR")))
}

impl Emulator {
    pub async fn start() -> Emulator {
        let script = format!("{}/../scripts/stripe_emulator.py", env!("CARGO_MANIFEST_DIR"));
        let mut child = tokio::process::Command::new(python())
            .args([script.as_str(), "--port", "0", "--quiet", "--webhook-delay", "0.05"])
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start the Stripe emulator with {} ({e}); run ./test once to install it",
                    python()
                )
            });
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let ready = tokio::time::timeout(std::time::Duration::from_secs(30), lines.next_line())
            .await
            .expect("the Stripe emulator starts within 30 s")
            .unwrap()
            .expect("the Stripe emulator prints its address");
        let base = ready
            .split_whitespace()
            .nth(2)
            .unwrap_or_else(|| panic!("unexpected emulator banner {ready:?}"))
            .to_string();
        Emulator { base, _child: child }
    }

    /// Sends Stripe's webhooks for every event to `url`, signed with [`WEBHOOK_SECRET`].
    pub async fn deliver_webhooks_to(&self, url: &str) {
        let (status, body) = self
            .post(
                "/_config/webhooks/roamdesk",
                &format!("url={url}&secret={WEBHOOK_SECRET}"),
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }

    /// Pays an open Checkout Session with a test card, as the hosted page would.
    pub async fn complete(&self, session: &str, card: &str) -> (u16, String) {
        self.post(
            &format!("/_test/checkout/sessions/{session}/complete"),
            &format!("card_number={card}"),
        )
        .await
    }

    pub async fn resend(&self, event: &str) -> (u16, String) {
        self.post(&format!("/_test/events/{event}/resend"), "").await
    }

    /// A form POST (the API ones carry the test key); returns status and body.
    pub async fn post(&self, path: &str, body: &str) -> (u16, String) {
        self.request("POST", path, body).await
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        self.request("GET", path, "").await
    }

    async fn request(&self, method: &str, path: &str, body: &str) -> (u16, String) {
        let addr = self.base.trim_start_matches("http://").trim_end_matches('/');
        let bearer = format!("Bearer {SECRET_KEY}");
        let headers = [
            ("Authorization", bearer.as_str()),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ];
        let reply = super::loopback::http(addr, method, path, &headers, body).await;
        (reply.status, reply.body)
    }
}

/// Serves `router` on 127.0.0.1 (any free port) until the returned task is aborted.
pub async fn serve(router: Router) -> (SocketAddr, tokio::task::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
            .await
            .unwrap();
    });
    (addr, task)
}

/// Waits up to 15 s for `check` to hold, polling every 50 ms.
pub async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..300 {
        if check().await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for: {what}");
}
