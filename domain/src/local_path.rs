//! Where a form may send the browser next: only somewhere on this site.

/// Only paths on this site: no scheme, no host, no protocol-relative `//`, no backslash tricks.
pub fn is_local_path(p: &str) -> bool {
    p.starts_with('/')
        && !p.starts_with("//")
        && !p.contains('\\')
        && p.len() <= 2000
        && p.chars().all(|c| !c.is_control())
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/"));
        assert!(is_local_path("/plans/russia-10gb-30d?x=1"));
        assert!(!is_local_path("https://evil.example/"));
        assert!(!is_local_path("//evil.example/"));
        assert!(!is_local_path("/\\evil.example"));
        assert!(!is_local_path("/\r\nSet-Cookie: x"));
        assert!(!is_local_path(""));
    }
}
