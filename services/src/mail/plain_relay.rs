//! Delivery to a relay on plain SMTP without credentials (a local MTA, the test sink), over one
//! kept connection with Nagle's algorithm off. lettre's own transport writes a message and its
//! closing `.` in two writes on a socket that keeps Nagle on, so the closing dot waits for the
//! relay's delayed ACK, about 40 ms: a mail took 46 ms instead of 2, and a crash during that wait
//! still delivered the mail when the socket closed, so the restarted worker sent it again.
use lettre::Message;
use lettre::transport::smtp::client::AsyncSmtpConnection;
use lettre::transport::smtp::extension::ClientId;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;
use tokio::sync::Mutex;
use tokio::time::timeout;

/// A kept connection idle longer than this is checked with NOOP before use: the relay may have
/// closed it meanwhile.
const IDLE_CHECK: Duration = Duration::from_secs(1);

pub struct PlainRelay {
    address: String,
    timeout: Duration,
    kept: Mutex<Option<Kept>>,
}

struct Kept {
    connection: AsyncSmtpConnection,
    last_used: Instant,
}

impl PlainRelay {
    /// For `smtp://host[:port]` with no credentials and nothing asked in the query (TLS, a hello
    /// name); `None` for any other URL, which lettre's transport then serves.
    pub fn for_url(url: &str, timeout: Duration) -> Option<PlainRelay> {
        let rest = url.strip_prefix("smtp://")?;
        if rest.contains('?') || rest.contains('@') {
            return None;
        }
        let authority = rest.trim_end_matches('/');
        if authority.is_empty() || authority.contains('/') {
            return None;
        }
        let has_port = authority
            .rsplit_once(':')
            .is_some_and(|(_, port)| port.parse::<u16>().is_ok());
        let address = if has_port {
            authority.to_string()
        } else {
            format!("{authority}:25")
        };
        Some(PlainRelay {
            address,
            timeout,
            kept: Mutex::new(None),
        })
    }

    /// Sends one message. On any failure the connection is dropped and the error returned; the
    /// outbox retries the message later, on a fresh connection.
    pub async fn send(&self, message: &Message) -> Result<(), String> {
        let mut kept = self.kept.lock().await;
        let reusable = match kept.take() {
            Some(mut k) => self.still_open(&mut k).await.then_some(k.connection),
            None => None,
        };
        let mut connection = match reusable {
            Some(connection) => connection,
            None => self.connect().await?,
        };
        let body = message.formatted();
        match timeout(self.timeout, connection.send(message.envelope(), &body)).await {
            Ok(Ok(_)) => {
                *kept = Some(Kept {
                    connection,
                    last_used: Instant::now(),
                });
                Ok(())
            }
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err(format!("no answer from {} in {:?}", self.address, self.timeout)),
        }
    }

    async fn still_open(&self, kept: &mut Kept) -> bool {
        if kept.connection.has_broken() {
            return false;
        }
        kept.last_used.elapsed() < IDLE_CHECK
            || timeout(self.timeout, kept.connection.test_connected())
                .await
                .unwrap_or(false)
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, String> {
        let stream = timeout(self.timeout, TcpStream::connect(&self.address))
            .await
            .map_err(|_| format!("connecting to {} timed out", self.address))?
            .map_err(|e| format!("connecting to {}: {e}", self.address))?;
        stream.set_nodelay(true).map_err(|e| e.to_string())?;
        timeout(
            self.timeout,
            AsyncSmtpConnection::connect_with_transport(Box::new(stream), &ClientId::default()),
        )
        .await
        .map_err(|_| format!("no greeting from {} in {:?}", self.address, self.timeout))?
        .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(url: &str) -> Option<String> {
        PlainRelay::for_url(url, Duration::from_secs(1)).map(|r| r.address)
    }

    #[test]
    fn only_plain_urls_without_credentials_or_options_are_served_here() {
        assert_eq!(address("smtp://127.0.0.1:2525").as_deref(), Some("127.0.0.1:2525"));
        assert_eq!(address("smtp://localhost/").as_deref(), Some("localhost:25"));
        assert_eq!(address("smtp://[::1]").as_deref(), Some("[::1]:25"));
        assert_eq!(address("smtp://[::1]:2525").as_deref(), Some("[::1]:2525"));
        assert_eq!(address("smtp://user:pass@mail.example:587"), None);
        assert_eq!(address("smtp://mail.example:587?tls=required"), None);
        assert_eq!(address("smtps://mail.example"), None);
        assert_eq!(address("smtp://"), None);
    }
}
