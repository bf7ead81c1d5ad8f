//! The caller's IP address, for throttling and the audit log. Behind a reverse proxy the socket
//! address is the proxy's, so `X-Forwarded-For` is believed only when configured to be.
use http::HeaderMap;
use std::net::SocketAddr;

/// Stored in request extensions by the server's middleware.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientIp(pub String);

pub fn client_ip(headers: &HeaderMap, peer: Option<SocketAddr>, trust_forwarded_for: bool) -> ClientIp {
    let forwarded = trust_forwarded_for
        .then(|| headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()))
        .flatten()
        // The proxy appends the address it saw last; earlier entries are the client's own claims.
        .and_then(|v| v.rsplit(',').next())
        .map(str::trim)
        .filter(|ip| ip.parse::<std::net::IpAddr>().is_ok());
    match (forwarded, peer) {
        (Some(ip), _) => ClientIp(ip.to_string()),
        (None, Some(addr)) => ClientIp(addr.ip().to_string()),
        (None, None) => ClientIp("unknown".into()),
    }
}

/// The current request's client IP, inside pages and server functions.
pub fn current() -> ClientIp {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<ClientIp>().cloned())
        .unwrap_or_else(|| ClientIp("unknown".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_for_only_when_trusted_and_last_hop_wins() {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "1.2.3.4, 203.0.113.9".parse().unwrap());
        let peer = Some("10.0.0.1:5555".parse().unwrap());
        assert_eq!(client_ip(&h, peer, true).0, "203.0.113.9");
        assert_eq!(client_ip(&h, peer, false).0, "10.0.0.1");
        h.insert("x-forwarded-for", "not-an-ip".parse().unwrap());
        assert_eq!(client_ip(&h, peer, true).0, "10.0.0.1");
        assert_eq!(client_ip(&HeaderMap::new(), None, false).0, "unknown");
    }
}
