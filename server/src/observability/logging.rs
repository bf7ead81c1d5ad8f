//! Log lines for people (the default) or for a log collector (`ROAMDESK_LOG_FORMAT=json`, one
//! JSON object a line). Either way each line a request causes names the request's id, method
//! and path (`layers::request_id`), never its query string, cookies or other headers, where
//! secrets travel.
use crate::config::LogFormat;
use tracing::Subscriber;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::util::SubscriberInitExt;

pub const DEFAULT_FILTER: &str = "info,sqlx=warn";

/// Logs to standard output, filtered by `RUST_LOG` (else [`DEFAULT_FILTER`]).
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    // Colours for a terminal only: in the journal they are escape codes.
    let colours = std::io::IsTerminal::is_terminal(&std::io::stdout());
    subscriber(format, filter, colours, std::io::stdout).init();
}

pub fn subscriber<W>(
    format: LogFormat,
    filter: EnvFilter,
    colours: bool,
    writer: W,
) -> Box<dyn Subscriber + Send + Sync>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer);
    match format {
        LogFormat::Text => Box::new(builder.with_ansi(colours).finish()),
        // The event's fields at the top level beside `message`; the request's span (id, method,
        // path) under `span`.
        LogFormat::Json => Box::new(
            builder
                .json()
                .flatten_event(true)
                .with_current_span(true)
                .with_span_list(false)
                .finish(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    fn logged(format: LogFormat) -> String {
        let lines = Arc::new(Mutex::new(Vec::<u8>::new()));
        let sink = lines.clone();
        let writer = move || Sink(sink.clone());
        tracing::subscriber::with_default(subscriber(format, EnvFilter::new("info"), false, writer), || {
            let span = tracing::info_span!("request", id = "req-1", method = "GET", path = "/orders");
            let _entered = span.enter();
            tracing::warn!(attempts = 3, "delivery failed");
        });
        String::from_utf8(lines.lock().unwrap().clone()).unwrap()
    }

    struct Sink(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn json_lines_carry_the_message_its_fields_and_the_request() {
        let out = logged(LogFormat::Json);
        let line: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
        assert_eq!(line["level"], "WARN");
        assert_eq!(line["message"], "delivery failed");
        assert_eq!(line["attempts"], 3);
        assert_eq!(line["span"]["id"], "req-1");
        assert_eq!(line["span"]["path"], "/orders");
    }

    #[test]
    fn text_is_the_default_and_is_not_json() {
        assert_eq!(LogFormat::default(), LogFormat::Text);
        let out = logged(LogFormat::Text);
        assert!(out.contains("delivery failed") && out.contains("req-1"), "{out}");
        assert!(serde_json::from_str::<serde_json::Value>(out.trim()).is_err(), "{out}");
    }
}
