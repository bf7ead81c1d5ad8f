//! HMAC-SHA256 over the raw request body, sent as `X-Roamdesk-Signature: sha256=<hex>`.
use hmac::{Hmac, Mac};
use sha2::Sha256;

pub const HEADER: &str = "x-roamdesk-signature";

type HmacSha256 = Hmac<Sha256>;

/// The header value for `body`, as the carrier (and the simulator) computes it.
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Whether `header` is the signature of `body`; compared in constant time.
pub fn verify(secret: &[u8], body: &[u8], header: &str) -> bool {
    let Some(hex_sig) = header.trim().strip_prefix("sha256=") else {
        return false;
    };
    let Ok(sig) = hex::decode(hex_sig) else {
        return false;
    };
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(body);
    mac.verify_slice(&sig).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_round_trip_and_tamper() {
        let sig = sign(b"secret", b"{\"events\":[]}");
        assert!(verify(b"secret", b"{\"events\":[]}", &sig));
        assert!(!verify(b"other", b"{\"events\":[]}", &sig));
        assert!(!verify(b"secret", b"{\"events\":[1]}", &sig));
        assert!(!verify(b"secret", b"{\"events\":[]}", "sha256=zz"));
        assert!(!verify(b"secret", b"{\"events\":[]}", &sig[7..]));
        // RFC 4231 test case 2.
        assert_eq!(
            sign(b"Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
