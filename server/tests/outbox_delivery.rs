//! E-mail delivery through a real SMTP server process (aiosmtpd, installed by ./test): mail
//! queued while the server is down is delivered once when it comes back.
mod common;

use common::accounts::post_form;
use common::demo_router;
use common::smtp::{SmtpSink, free_port};
use services::mail::Mailer;
use services::mail::outbox;
use sqlx::PgPool;
use std::time::Duration;

#[sqlx::test(migrations = "../migrations")]
async fn mail_queued_while_smtp_is_down_arrives_once_when_it_is_back(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    let port = free_port();
    let mailer = Mailer::from_url(&format!("smtp://127.0.0.1:{port}"), "Roamdesk <no-reply@roamdesk.test>").unwrap();

    // A password reset queues a mail in the same transaction as its link.
    let a = post_form(
        &router,
        "localhost:3000",
        "/api/account/forgot",
        None,
        "203.0.113.4",
        &[("email", "anna@demo.roamdesk.test")],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.body);

    // SMTP is down: the attempt fails, is recorded, and waits for its backoff.
    let report = outbox::deliver_due(&pool, &mailer, Duration::ZERO, 10).await.unwrap();
    assert_eq!((report.sent, report.failed), (0, 1));
    let (status, attempts, error): (String, i32, Option<String>) =
        sqlx::query_as("SELECT status::text, attempts, last_error FROM outbox_emails")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!((status.as_str(), attempts), ("pending", 1));
    assert!(error.is_some());

    let dir = std::env::temp_dir().join(format!("roamdesk-maildir-{port}"));
    let _ = std::fs::remove_dir_all(&dir);
    let sink = SmtpSink::start(port, &dir);
    // Not due yet: nothing is sent before the backoff ends.
    let report = outbox::deliver_due(&pool, &mailer, Duration::ZERO, 10).await.unwrap();
    assert_eq!(report.sent, 0);
    // Once due, it goes, exactly once however often the worker runs.
    let report = outbox::deliver_due(&pool, &mailer, Duration::from_secs(60), 10)
        .await
        .unwrap();
    assert_eq!((report.sent, report.failed), (1, 0));
    for _ in 0..3 {
        let report = outbox::deliver_due(&pool, &mailer, Duration::from_secs(7200), 10)
            .await
            .unwrap();
        assert_eq!(report.sent, 0);
    }
    let mut delivered = vec![];
    for _ in 0..50 {
        delivered = sink.delivered();
        if !delivered.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(delivered.len(), 1, "exactly one message arrived");
    let message = &delivered[0];
    assert!(message.contains("anna@demo.roamdesk.test"), "{message}");
    assert!(message.contains("Reset your password"), "{message}");
    assert!(message.contains("/account/reset?token="), "{message}");
    let status: String = sqlx::query_scalar("SELECT status::text FROM outbox_emails")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(status, "sent");
    let _ = std::fs::remove_dir_all(&dir);
}
