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
}

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
        })
    }
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
