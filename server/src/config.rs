//! Configuration from environment variables; every one is listed in the README.
use std::env;

#[derive(Clone, Debug)]
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
}

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
