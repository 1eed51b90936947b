//! API token secrets: `cecop_pat_` + 32 random base62 characters + a 6-character
//! base62 CRC-32 checksum of them. The checksum lets typos and foreign strings
//! be refused without a database lookup, and lets secret scanners recognise
//! leaked tokens. Only the SHA-256 hash is stored.

use super::session_tokens::random_string;

pub const PREFIX: &str = "cecop_pat_";
const RANDOM_LEN: usize = 32;
const CHECKSUM_LEN: usize = 6;
/// Characters of a secret shown in listings to recognise it.
pub const SHOWN_LEN: usize = PREFIX.len() + 4;

const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn checksum(random: &str) -> String {
    let mut value = crc32fast::hash(random.as_bytes());
    let mut out = [b'0'; CHECKSUM_LEN];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(value % 62) as usize];
        value /= 62;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A fresh secret.
pub fn generate() -> String {
    let random = random_string(RANDOM_LEN);
    format!("{PREFIX}{random}{}", checksum(&random))
}

/// True when the string has the shape and checksum of one of our secrets.
pub fn is_well_formed(secret: &str) -> bool {
    let Some(rest) = secret.strip_prefix(PREFIX) else {
        return false;
    };
    if rest.len() != RANDOM_LEN + CHECKSUM_LEN || !rest.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return false;
    }
    let (random, sum) = rest.split_at(RANDOM_LEN);
    checksum(random) == sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_carry_a_checksum() {
        let secret = generate();
        assert!(secret.starts_with(PREFIX));
        assert_eq!(secret.len(), PREFIX.len() + RANDOM_LEN + CHECKSUM_LEN);
        assert!(is_well_formed(&secret));
        let mut typo = secret.clone().into_bytes();
        let i = PREFIX.len() + 3;
        typo[i] = if typo[i] == b'a' { b'b' } else { b'a' };
        assert!(!is_well_formed(&String::from_utf8_lossy(&typo)));
        assert!(!is_well_formed("cecop_pat_short"));
    }
}
