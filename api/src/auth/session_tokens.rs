//! Session tokens: access tokens (short-lived JWTs, HS256) and opaque refresh tokens, which
//! are random strings stored only as SHA-256 hashes.

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::Rng;
use rand::distr::Alphanumeric;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Default lifetime of an access token (`CECOP_ACCESS_TOKEN_TTL`).
pub const ACCESS_TTL_SECS: u64 = 15 * 60;
/// Lifetime of a refresh token (each use issues a new one).
pub const REFRESH_TTL_DAYS: i64 = 30;
/// Seconds a second-step challenge lives (after the password, before the code).
pub const CHALLENGE_TTL_SECS: u64 = 5 * 60;
/// The longest a session lives, however often it is refreshed: then its
/// user signs in again.
pub const SESSION_MAX_DAYS: i64 = 90;

/// The claims of an access token. Authorisation reads the user and the
/// session from the database on each request, so a disabled user, a
/// signed-out session or a changed password ends access at once; the claims
/// only say who it is and which session it belongs to.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The user's id.
    pub sub: String,
    pub exp: u64,
    pub iat: u64,
    /// `access`, or `two-factor` for a sign-in's second-step challenge, so
    /// neither can pass for the other.
    pub typ: String,
    /// The session (the refresh-token family of one sign-in) it was issued
    /// to; in a challenge, what ties it to the password it followed.
    pub sid: String,
}

/// The signing keys, built once from the configured secret.
#[derive(Clone)]
pub struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    access_ttl: u64,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(***)")
    }
}

impl Keys {
    pub fn from_secret(secret: &[u8], access_ttl: u64) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            access_ttl,
        }
    }

    /// Seconds an access token lives.
    pub fn access_ttl(&self) -> u64 {
        self.access_ttl
    }

    /// A signed access token for this user's session, valid for
    /// [`Keys::access_ttl`] while the session lasts.
    pub fn issue_access(&self, user_id: i64, session: &str) -> anyhow::Result<String> {
        let now = u64::try_from(Utc::now().timestamp()).unwrap_or_default();
        let claims = Claims {
            sub: user_id.to_string(),
            iat: now,
            exp: now + self.access_ttl,
            typ: "access".into(),
            sid: session.to_owned(),
        };
        Ok(jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.encoding,
        )?)
    }

    /// The user id and session of a valid, unexpired access token.
    pub fn verify_access(&self, token: &str) -> Option<(i64, String)> {
        self.verify(token, "access")
    }

    /// A signed second-step challenge: the password of this user was right
    /// just now. `binding` (derived from the password hash) ends it when the
    /// password changes.
    pub fn issue_challenge(&self, user_id: i64, binding: &str) -> anyhow::Result<String> {
        let now = u64::try_from(Utc::now().timestamp()).unwrap_or_default();
        let claims = Claims {
            sub: user_id.to_string(),
            iat: now,
            exp: now + CHALLENGE_TTL_SECS,
            typ: "two-factor".into(),
            sid: binding.to_owned(),
        };
        Ok(jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.encoding,
        )?)
    }

    /// The user id and binding of a valid, unexpired challenge.
    pub fn verify_challenge(&self, token: &str) -> Option<(i64, String)> {
        self.verify(token, "two-factor")
    }

    fn verify(&self, token: &str, typ: &str) -> Option<(i64, String)> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 5;
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).ok()?;
        (data.claims.typ == typ).then_some(())?;
        Some((data.claims.sub.parse().ok()?, data.claims.sid))
    }
}

/// `len` random characters from `[A-Za-z0-9]` (log2(62) ≈ 5.95 bits each).
pub fn random_string(len: usize) -> String {
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}

/// A new refresh token: 43 random characters (256 bits).
pub fn new_refresh_token() -> String {
    random_string(43)
}

/// The stored form of an opaque token.
pub fn sha256_hex(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

/// The key stream that seals a successor under the token it replaced:
/// SHA-256 in counter mode over that token, which only its holder knows
/// (the database keeps its hash). Each key seals one successor, once.
fn key_stream(token: &str, len: usize) -> Vec<u8> {
    (0u8..)
        .flat_map(|block| {
            let mut hash = Sha256::new();
            hash.update(b"cecop refresh successor\0");
            hash.update(token.as_bytes());
            hash.update([block]);
            hash.finalize().to_vec()
        })
        .take(len)
        .collect()
}

/// A successor refresh token sealed under the token it replaced (hex).
pub fn seal(successor: &str, under: &str) -> String {
    let stream = key_stream(under, successor.len());
    successor
        .bytes()
        .zip(stream)
        .map(|(b, k)| format!("{:02x}", b ^ k))
        .collect()
}

/// The successor, given the token it was sealed under; `None` if the seal
/// is not one.
pub fn unseal(sealed: &str, under: &str) -> Option<String> {
    let bytes: Vec<u8> = (0..sealed.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(sealed.get(i..i + 2)?, 16).ok())
        .collect::<Option<_>>()?;
    let stream = key_stream(under, bytes.len());
    String::from_utf8(bytes.iter().zip(stream).map(|(b, k)| b ^ k).collect()).ok()
}

/// A fingerprint of a client (address and user agent), to tell "the same
/// client again" from someone else; not reversible.
pub fn client_fingerprint(ip: Option<&str>, user_agent: Option<&str>) -> String {
    let mut hash = Sha256::new();
    hash.update(ip.unwrap_or_default().as_bytes());
    hash.update(b"\0");
    hash.update(user_agent.unwrap_or_default().as_bytes());
    format!("{:x}", hash.finalize())[..32].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_successor_opens_only_with_the_token_it_replaced() {
        let (old, new) = (new_refresh_token(), new_refresh_token());
        let sealed = seal(&new, &old);
        assert!(!sealed.contains(&new));
        assert_eq!(unseal(&sealed, &old).as_deref(), Some(new.as_str()));
        assert_ne!(
            unseal(&sealed, &new_refresh_token()).as_deref(),
            Some(new.as_str())
        );
        assert_eq!(unseal("zz", &old), None);
    }

    #[test]
    fn access_tokens_round_trip_and_reject_tampering() {
        let keys = Keys::from_secret(b"0123456789abcdef0123456789abcdef", ACCESS_TTL_SECS);
        let token = keys.issue_access(42, "family").unwrap_or_default();
        assert_eq!(keys.verify_access(&token), Some((42, "family".to_owned())));
        let other = Keys::from_secret(b"another secret of enough length!!", ACCESS_TTL_SECS);
        assert_eq!(other.verify_access(&token), None);
        assert_eq!(keys.verify_access("not.a.jwt"), None);
        let challenge = keys.issue_challenge(42, "binding").unwrap_or_default();
        assert_eq!(keys.verify_access(&challenge), None);
        assert_eq!(keys.verify_challenge(&token), None);
        assert_eq!(
            keys.verify_challenge(&challenge),
            Some((42, "binding".to_owned()))
        );
    }

    #[test]
    fn refresh_tokens_are_long_random_and_hashed() {
        let a = new_refresh_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, new_refresh_token());
        assert_eq!(sha256_hex("abc").len(), 64);
    }
}
