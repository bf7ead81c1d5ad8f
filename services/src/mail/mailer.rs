//! SMTP delivery through lettre. Configured by a URL: `smtp://host:port` (plain, for a local relay
//! or tests), `smtp://user:pass@host:587?tls=required` (STARTTLS) or `smtps://…` (TLS).
use super::plain_relay::PlainRelay;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

#[derive(Clone)]
enum Transport {
    /// A relay on plain SMTP without credentials (a local MTA): see `PlainRelay`.
    Plain(Arc<PlainRelay>),
    /// Anything else lettre's URL takes: STARTTLS, TLS, credentials.
    Lettre(AsyncSmtpTransport<Tokio1Executor>),
}

/// One message as the outbox hands it over.
pub struct OutgoingMail<'a> {
    pub id: Uuid,
    pub to: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    pub html: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("invalid SMTP URL: {0}")]
    Url(String),
    #[error("invalid sender address: {0}")]
    From(String),
}

impl Mailer {
    pub fn from_url(url: &str, from: &str) -> Result<Mailer, MailerError> {
        let transport = match PlainRelay::for_url(url, TIMEOUT) {
            Some(relay) => Transport::Plain(Arc::new(relay)),
            None => Transport::Lettre(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| MailerError::Url(e.to_string()))?
                    .timeout(Some(TIMEOUT))
                    .build(),
            ),
        };
        let from = from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailerError::From(e.to_string()))?;
        Ok(Mailer { transport, from })
    }

    /// Sends one message. The Message-ID is derived from the outbox id, so if a crash between
    /// sending and recording makes the worker send it again, mail clients can tell it is the same.
    pub async fn send(&self, mail: OutgoingMail<'_>) -> Result<(), String> {
        let to: Mailbox = mail.to.parse().map_err(|e| format!("bad recipient: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .message_id(Some(format!("<{}@roamdesk.outbox>", mail.id)))
            .multipart(MultiPart::alternative_plain_html(
                mail.text.to_string(),
                mail.html.to_string(),
            ))
            .map_err(|e| format!("cannot build message: {e}"))?;
        match &self.transport {
            Transport::Plain(relay) => relay.send(&message).await,
            Transport::Lettre(transport) => transport.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
        }
    }
}

/// For each SMTP step: connecting, each command, the message.
const TIMEOUT: Duration = Duration::from_secs(20);
