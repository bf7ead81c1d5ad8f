//! Absolute links for e-mails. A storefront with its own host gets links on that host, with the
//! scheme of the configured public URL; the rest get the public URL itself.
use crate::storefronts::Storefront;

pub fn storefront_url(public_url: &str, storefront: &Storefront, path_and_query: &str) -> String {
    host_url(public_url, storefront.host.as_deref(), path_and_query)
}

/// The same, from a storefront's host column alone.
pub fn host_url(public_url: &str, host: Option<&str>, path_and_query: &str) -> String {
    match host {
        Some(host) => {
            let scheme = public_url.split_once("://").map(|(s, _)| s).unwrap_or("https");
            format!("{scheme}://{host}{path_and_query}")
        }
        None => format!("{}{path_and_query}", public_url.trim_end_matches('/')),
    }
}
