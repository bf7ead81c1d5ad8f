//! The cookies the server sets: how long they live and whether they are marked Secure.

/// Whether cookies get the `Secure` attribute; set once at start-up from configuration.
#[derive(Clone, Copy, Debug)]
pub struct SecureCookies(pub bool);

const ONE_YEAR_SECONDS: u32 = 365 * 24 * 3600;

/// A preference cookie (language or currency): a year, the whole site, not readable by scripts.
pub fn pref_cookie(name: &str, value: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={ONE_YEAR_SECONDS}; SameSite=Lax; HttpOnly{secure}")
}

/// The same cookie, expired: the browser drops it.
pub fn expired_cookie(name: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly{secure}")
}
