//! Configuration from environment variables; every one is listed in the README.
use std::env;

#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    pub database_max_connections: u32,
    /// The storefront served on hosts that no storefront claims.
    pub default_storefront: String,
    /// Load the demo storefront into an empty database at start-up.
    pub load_demo_data: bool,
    /// Mark cookies `Secure`; on whenever the site is served over TLS.
    pub secure_cookies: bool,
    /// How the platform is reached from outside; the start of links in e-mails.
    pub public_url: String,
    /// `smtp://host:port`, `smtp://user:pass@host:587?tls=required` or `smtps://…`; unset keeps
    /// mail in the outbox for operators to read.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// Believe `X-Forwarded-For` for the client IP; only behind a reverse proxy that sets it.
    pub trust_forwarded_for: bool,
    /// The HMAC key the carrier signs usage-feed requests with. With demo data and no key set,
    /// [`DEMO_FEED_SECRET`], so the simulator works out of the box.
    pub feed_secret: Option<String>,
    /// Stripe, when its key is set; otherwise the built-in TEST MODE provider takes payments.
    pub stripe: Option<StripeConfig>,
    /// The font of PDF receipts; WenQuanYi Micro Hei from Debian when unset.
    pub receipt_font: Option<std::path::PathBuf>,
    /// The bearer token Prometheus scrapes `/metrics` with; unset, `/metrics` answers 404.
    pub metrics_token: Option<MetricsToken>,
}

impl std::fmt::Debug for Config {
    // Whatever prints a `Config` shows which secrets are set, never what they are: the database
    // URL and the SMTP URL can hold passwords.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let set = |value: bool| if value { "set" } else { "unset" };
        f.debug_struct("Config")
            .field("database_url", &"..")
            .field("database_max_connections", &self.database_max_connections)
            .field("default_storefront", &self.default_storefront)
            .field("load_demo_data", &self.load_demo_data)
            .field("secure_cookies", &self.secure_cookies)
            .field("public_url", &self.public_url)
            .field("smtp_url", &set(self.smtp_url.is_some()))
            .field("mail_from", &self.mail_from)
            .field("trust_forwarded_for", &self.trust_forwarded_for)
            .field("feed_secret", &set(self.feed_secret.is_some()))
            .field("stripe", &self.stripe)
            .field("receipt_font", &self.receipt_font)
            .field("metrics_token", &set(self.metrics_token.is_some()))
            .finish()
    }
}

/// How log lines are written: for people reading a terminal, or one JSON object a line for a
/// log collector.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// The secret a scraper presents at `/metrics`.
#[derive(Clone)]
pub struct MetricsToken(pub String);

impl std::fmt::Debug for MetricsToken {
    // The token stays out of logs and panic messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MetricsToken(..)")
    }
}

/// A shorter token could be guessed by a scraper-shaped attacker.
pub const MIN_METRICS_TOKEN_LEN: usize = 32;

#[derive(Clone)]
pub struct StripeConfig {
    pub secret_key: String,
    /// The endpoint's signing secret (`whsec_…`) for `Stripe-Signature`.
    pub webhook_secret: String,
    /// Another API server, such as the emulator the tests run; Stripe's own when unset.
    pub api_base: Option<String>,
}

impl std::fmt::Debug for StripeConfig {
    // Keys stay out of logs and panic messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StripeConfig")
            .field("api_base", &self.api_base)
            .finish_non_exhaustive()
    }
}

/// The usage-feed key of the demo, known to the simulator. Never used without demo data.
pub const DEMO_FEED_SECRET: &str = "roamdesk-demo-feed-secret";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0} is not set")]
    Missing(&'static str),
    /// A secret that is set but unusable; its value is never repeated.
    #[error("{name} is not usable: {reason}")]
    Secret { name: &'static str, reason: &'static str },
    #[error("{name} has an invalid value {value:?}: {reason}")]
    Invalid {
        name: &'static str,
        value: String,
        reason: &'static str,
    },
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Ok(Config {
            database_url: env::var("DATABASE_URL").map_err(|_| ConfigError::Missing("DATABASE_URL"))?,
            database_max_connections: parse("ROAMDESK_DB_MAX_CONNECTIONS", 10, |v| {
                v.parse()
                    .ok()
                    .filter(|n| (1..=500).contains(n))
                    .ok_or("a number from 1 to 500")
            })?,
            default_storefront: env::var("ROAMDESK_DEFAULT_STOREFRONT").unwrap_or_else(|_| "demo".into()),
            load_demo_data: parse("ROAMDESK_DEMO_DATA", false, parse_bool)?,
            secure_cookies: parse("ROAMDESK_SECURE_COOKIES", false, parse_bool)?,
            public_url: parse("ROAMDESK_PUBLIC_URL", "http://127.0.0.1:3000".to_string(), |v| {
                (v.starts_with("http://") || v.starts_with("https://"))
                    .then(|| v.trim_end_matches('/').to_string())
                    .ok_or("an http:// or https:// URL")
            })?,
            smtp_url: env::var("ROAMDESK_SMTP_URL").ok().filter(|v| !v.trim().is_empty()),
            mail_from: env::var("ROAMDESK_MAIL_FROM").unwrap_or_else(|_| "Roamdesk <no-reply@roamdesk.invalid>".into()),
            trust_forwarded_for: parse("ROAMDESK_TRUST_FORWARDED_FOR", false, parse_bool)?,
            feed_secret: None,
            stripe: stripe_from_env()?,
            receipt_font: non_empty("ROAMDESK_RECEIPT_FONT").map(Into::into),
            metrics_token: metrics_token(non_empty("ROAMDESK_METRICS_TOKEN"))?,
        }
        .with_feed_secret(env::var("ROAMDESK_FEED_SECRET").ok()))
    }

    fn with_feed_secret(mut self, secret: Option<String>) -> Config {
        self.feed_secret = secret
            .filter(|s| !s.trim().is_empty())
            .or_else(|| self.load_demo_data.then(|| DEMO_FEED_SECRET.to_string()));
        self
    }
}

fn non_empty(name: &str) -> Option<String> {
    env::var(name)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn stripe_from_env() -> Result<Option<StripeConfig>, ConfigError> {
    let Some(secret_key) = non_empty("ROAMDESK_STRIPE_SECRET_KEY") else {
        return Ok(None);
    };
    let webhook_secret =
        non_empty("ROAMDESK_STRIPE_WEBHOOK_SECRET").ok_or(ConfigError::Missing("ROAMDESK_STRIPE_WEBHOOK_SECRET"))?;
    let api_base = match non_empty("ROAMDESK_STRIPE_API_BASE") {
        Some(v) if !(v.starts_with("http://") || v.starts_with("https://")) => {
            return Err(ConfigError::Invalid {
                name: "ROAMDESK_STRIPE_API_BASE",
                value: v,
                reason: "an http:// or https:// URL",
            });
        }
        other => other,
    };
    Ok(Some(StripeConfig {
        secret_key,
        webhook_secret,
        api_base,
    }))
}

fn metrics_token(value: Option<String>) -> Result<Option<MetricsToken>, ConfigError> {
    match value {
        None => Ok(None),
        Some(token) if token.len() < MIN_METRICS_TOKEN_LEN => Err(ConfigError::Secret {
            name: "ROAMDESK_METRICS_TOKEN",
            reason: "shorter than 32 characters (make one with `openssl rand -hex 32`)",
        }),
        Some(token) => Ok(Some(MetricsToken(token))),
    }
}

/// `ROAMDESK_LOG_FORMAT`, read apart from [`Config`]: logging is set up first, so that whatever
/// goes wrong later (a bad setting included) is logged in the format asked for.
pub fn log_format_from_env() -> Result<LogFormat, ConfigError> {
    parse("ROAMDESK_LOG_FORMAT", LogFormat::Text, |v| {
        match v.to_ascii_lowercase().as_str() {
            "" | "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            _ => Err("text or json"),
        }
    })
}

fn parse<T>(name: &'static str, default: T, f: impl Fn(&str) -> Result<T, &'static str>) -> Result<T, ConfigError> {
    match env::var(name) {
        Err(_) => Ok(default),
        Ok(value) => f(value.trim()).map_err(|reason| ConfigError::Invalid { name, value, reason }),
    }
}

fn parse_bool(v: &str) -> Result<bool, &'static str> {
    match v.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" | "" => Ok(false),
        _ => Err("true or false"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_metrics_token_is_refused_without_repeating_it() {
        let short = "guessable-token".to_string();
        let error = metrics_token(Some(short.clone())).unwrap_err();
        assert!(!error.to_string().contains(&short), "{error}");
        assert!(!format!("{error:?}").contains(&short), "{error:?}");
        assert!(metrics_token(None).unwrap().is_none());
    }

    #[test]
    fn a_configuration_shows_no_secret() {
        let config = Config {
            database_url: "postgres://roamdesk:db-password@db/roamdesk".into(),
            database_max_connections: 10,
            default_storefront: "demo".into(),
            load_demo_data: false,
            secure_cookies: true,
            public_url: "https://shop.example".into(),
            smtp_url: Some("smtps://user:smtp-password@mail.example:465".into()),
            mail_from: "Shop <no-reply@shop.example>".into(),
            trust_forwarded_for: true,
            feed_secret: Some("feed-secret".into()),
            stripe: Some(StripeConfig {
                secret_key: "sk_live_stripe-secret".into(),
                webhook_secret: "whsec_webhook-secret".into(),
                api_base: None,
            }),
            receipt_font: None,
            metrics_token: Some(MetricsToken("m".repeat(MIN_METRICS_TOKEN_LEN))),
        };
        let shown = format!("{config:?}");
        for secret in [
            "db-password",
            "smtp-password",
            "feed-secret",
            "stripe-secret",
            "webhook-secret",
            "mmmm",
        ] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("https://shop.example"), "{shown}");
    }

    #[test]
    fn a_metrics_token_is_kept_but_never_shown() {
        let token = "f".repeat(MIN_METRICS_TOKEN_LEN);
        let kept = metrics_token(Some(token.clone())).unwrap().expect("a token");
        assert_eq!(kept.0, token);
        assert!(!format!("{kept:?}").contains(&token));
    }
}
