//! An independent RFC 6238 code generator (HMAC-SHA-1, six digits, 30 s
//! steps), written from the RFC rather than taken from the crate the API
//! uses, so the tests check the API against the standard itself.

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// Decodes RFC 4648 base 32 (upper case, padding optional).
pub fn base32_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut bits, mut buffer, mut out) = (0u32, 0u64, Vec::new());
    for c in text.trim_end_matches('=').bytes() {
        let value = ALPHABET
            .iter()
            .position(|a| *a == c.to_ascii_uppercase())
            .unwrap_or_else(|| panic!("not base 32: {text}"));
        buffer = (buffer << 5) | value as u64;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    out
}

/// The six-digit code for a secret at a Unix time.
pub fn code_at(secret: &[u8], unix_time: u64) -> String {
    let counter = unix_time / 30;
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).expect("any key length");
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let value = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    format!("{:06}", value % 1_000_000)
}

/// A code for the time step `offset` steps from now (-1, 0 or 1 are
/// accepted), waiting first if the current step ends within two seconds,
/// so the server is still in the same step when it checks.
pub async fn code(secret: &[u8], offset: i64) -> String {
    loop {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("clock")
            .as_secs();
        if now % 30 < 28 {
            let at = (now as i64 + offset * 30) as u64;
            return code_at(secret, at);
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_rfc_6238_test_vectors() {
        let secret = b"12345678901234567890";
        // Appendix B, SHA-1, the last six of the eight digits.
        assert_eq!(code_at(secret, 59), "287082");
        assert_eq!(code_at(secret, 1_111_111_109), "081804");
        assert_eq!(code_at(secret, 2_000_000_000), "279037");
        assert_eq!(base32_decode("GEZDGNBVGY3TQOJQ"), b"1234567890");
    }
}
