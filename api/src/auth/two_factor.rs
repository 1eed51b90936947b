//! Two-factor sign-in: time-based one-time codes (TOTP, RFC 6238: SHA-1,
//! six digits, 30-second steps, one step of clock drift either way) from an
//! authenticator app, and one-use recovery codes for when the phone is lost.
//!
//! - The TOTP secret is sealed at rest ([`Sealer`]: XChaCha20-Poly1305 under
//!   a key derived from the signing secret, bound to the user's id), so a
//!   copy of the database alone does not give anyone codes.
//! - A code is accepted once: the step it belongs to is recorded, and a
//!   code for that step or an earlier one is refused (RFC 6238 § 5.2).
//! - Recovery codes carry 50 random bits each and are kept as SHA-256
//!   hashes; each works once.
//! - Every check is throttled per account and address and per account over
//!   every address (`rate_limit::reserve_second_factor`), reserved before
//!   the code is checked so that a parallel burst gets no extra guesses.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use chrono::Utc;
use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};
use totp_rs::{Builder, Totp};

use super::rate_limit;
use super::session_tokens::sha256_hex;
use crate::db::{self, DbConnection, two_factor};
use crate::error::ApiError;

/// The name authenticator apps show beside the account.
pub const ISSUER: &str = "CECOP";
/// Recovery codes issued at a time.
pub const RECOVERY_CODES: usize = 10;
/// The alphabet of recovery codes (Crockford's base 32, lower case: no
/// i, l, o or u to misread).
const RECOVERY_ALPHABET: &[u8] = b"0123456789abcdefghjkmnpqrstvwxyz";
/// Characters in a recovery code (five bits each), shown as two groups.
const RECOVERY_LEN: usize = 10;
/// Bytes of a TOTP secret (160 bits, RFC 4226's recommendation).
const SECRET_BYTES: usize = 20;

/// Seals and opens TOTP secrets. Changing the signing secret makes sealed
/// secrets unreadable: their users then sign in with a recovery code or
/// ask an admin to reset their two-factor sign-in.
#[derive(Clone)]
pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(***)")
    }
}

impl Sealer {
    pub fn from_secret(secret: &[u8]) -> Self {
        let mut hash = Sha256::new();
        hash.update(b"cecop two-factor seal\0");
        hash.update(secret);
        let key = hash.finalize();
        Self {
            cipher: XChaCha20Poly1305::new(&key),
        }
    }

    /// The secret sealed for this user: hex of a random nonce and the
    /// ciphertext with its tag.
    pub fn seal(&self, user_id: i64, secret: &[u8]) -> anyhow::Result<String> {
        let mut nonce = [0u8; 24];
        rand::rng().fill_bytes(&mut nonce);
        let aad = user_id.to_be_bytes();
        let sealed = self
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: secret,
                    aad: &aad,
                },
            )
            .map_err(|_| anyhow::anyhow!("cannot seal a two-factor secret"))?;
        Ok(hex(&nonce) + &hex(&sealed))
    }

    /// The secret, if `sealed` was sealed for this user with this key.
    pub fn open(&self, user_id: i64, sealed: &str) -> Option<Vec<u8>> {
        let bytes = unhex(sealed)?;
        let (nonce, sealed) = bytes.split_at_checked(24)?;
        let aad = user_id.to_be_bytes();
        self.cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: &aad,
                },
            )
            .ok()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// A new random TOTP secret.
pub fn new_secret() -> Vec<u8> {
    let mut secret = vec![0u8; SECRET_BYTES];
    rand::rng().fill_bytes(&mut secret);
    secret
}

/// The TOTP generator for a secret, labelled with the account's e-mail.
pub fn totp(secret: &[u8], account: &str) -> anyhow::Result<Totp> {
    // A colon would split the label; e-mail addresses do not have one, but
    // the label is cosmetic, so it is dropped rather than refused.
    let account: String = account.chars().filter(|c| *c != ':').collect();
    Builder::new()
        .with_secret(secret.to_vec())
        .with_account_name(account)
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| anyhow::anyhow!("cannot build a TOTP generator: {e}"))
}

/// Ten new recovery codes, as shown to the user (`abcde-fghjk`).
pub fn new_recovery_codes() -> Vec<String> {
    let mut rng = rand::rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            let raw: String = (0..RECOVERY_LEN)
                .map(|_| {
                    char::from(RECOVERY_ALPHABET[rng.random_range(0..RECOVERY_ALPHABET.len())])
                })
                .collect();
            format!("{}-{}", &raw[..5], &raw[5..])
        })
        .collect()
}

/// A recovery code as typed (any case, with or without the dash or
/// spaces), in the form that is hashed; `None` if it cannot be one.
fn normalise_recovery_code(code: &str) -> Option<String> {
    let raw: String = code
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (raw.len() == RECOVERY_LEN && raw.bytes().all(|b| RECOVERY_ALPHABET.contains(&b)))
        .then_some(raw)
}

/// The stored hash of a recovery code.
pub fn recovery_code_hash(code: &str) -> Option<String> {
    normalise_recovery_code(code).map(|raw| sha256_hex(&format!("recovery:{raw}")))
}

/// What a code that was accepted was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepted {
    /// A code from the authenticator app.
    Authenticator,
    /// A recovery code, now used up; how many remain.
    RecoveryCode { left: i64 },
}

/// Longest input taken as a code (anything longer is not one).
pub const MAX_CODE_CHARS: usize = 32;

/// Checks a code (authenticator or recovery) for a user with a confirmed
/// (or, with `pending`, an unconfirmed) authenticator, throttled as the
/// module says. A wrong code is `Ok(None)`; too many are a 429.
pub fn check(
    conn: &mut DbConnection,
    sealer: &Sealer,
    user_id: i64,
    code: &str,
    source: &str,
    pending: bool,
) -> Result<Option<Accepted>, ApiError> {
    let reservation = rate_limit::reserve_second_factor(conn, user_id, source)?;
    let accepted = db::write(conn, |conn| -> Result<Option<Accepted>, ApiError> {
        let Some(factor) = two_factor::find(conn, user_id)? else {
            return Ok(None);
        };
        if factor.confirmed_at.is_none() != pending {
            return Ok(None);
        }
        let code = code.trim();
        let now = Utc::now();
        if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
            let Some(secret) = sealer.open(user_id, &factor.sealed_secret) else {
                tracing::warn!(
                    user_id,
                    "a two-factor secret cannot be opened with this key"
                );
                return Ok(None);
            };
            let time = u64::try_from(now.timestamp()).unwrap_or_default();
            let step = totp(&secret, "")?.check(code, time);
            let Some(step) = step.and_then(|s| i64::try_from(s).ok()) else {
                return Ok(None);
            };
            let fresh = two_factor::accept_step(conn, user_id, step)? == 1;
            return Ok(fresh.then_some(Accepted::Authenticator));
        }
        if pending {
            return Ok(None);
        }
        let Some(hash) = recovery_code_hash(code) else {
            return Ok(None);
        };
        if two_factor::use_recovery_code(conn, user_id, &hash, now.naive_utc())? == 0 {
            return Ok(None);
        }
        let left = two_factor::recovery_codes_left(conn, user_id)?;
        Ok(Some(Accepted::RecoveryCode { left }))
    })?;
    if accepted.is_some() {
        db::write(conn, |conn| rate_limit::succeeded(conn, &reservation))?;
    }
    Ok(accepted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_for_its_user_and_key() {
        let sealer = Sealer::from_secret(b"0123456789abcdef0123456789abcdef");
        let secret = new_secret();
        let sealed = sealer.seal(7, &secret).unwrap_or_default();
        assert_eq!(sealer.open(7, &sealed), Some(secret.clone()));
        assert_eq!(sealer.open(8, &sealed), None);
        let other = Sealer::from_secret(b"another secret of enough length!!");
        assert_eq!(other.open(7, &sealed), None);
        assert_eq!(sealer.open(7, "zz"), None);
        assert!(!sealed.contains(&hex(&secret)));
    }

    #[test]
    fn recovery_codes_are_random_and_read_leniently() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert!(codes.iter().all(|c| c.len() == RECOVERY_LEN + 1));
        let first = &codes[0];
        assert_eq!(
            recovery_code_hash(first),
            recovery_code_hash(&first.to_uppercase().replace('-', " "))
        );
        assert_ne!(recovery_code_hash(first), recovery_code_hash(&codes[1]));
        assert_eq!(recovery_code_hash("123456"), None);
        assert_eq!(recovery_code_hash("iiiii-lllll"), None);
    }

    #[test]
    fn totp_codes_match_rfc_6238() {
        // RFC 6238 appendix B, SHA-1, truncated to six digits.
        let totp = totp(b"12345678901234567890", "a@example.org").ok();
        let code = totp.map(|t| t.generate(59).to_string());
        assert_eq!(code.as_deref(), Some("287082"));
    }
}
