//! Passwords: the policy (at least 12 characters, not a common password,
//! not the e-mail address) and argon2id hashing in PHC strings.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use cecop_shared::messages::Code;

/// Shortest password accepted (NIST SP 800-63B allows 8; CECOP asks 12).
pub const MIN_CHARS: usize = 12;
/// Longest password accepted, so hashing stays bounded.
pub const MAX_CHARS: usize = 256;

const COMMON: &str = include_str!("common-passwords.txt");

/// Why a new password is refused; shown to the person (its English text
/// reads "the password …").
pub fn check_policy(password: &str, email: &str) -> Result<(), Code> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(Code::TooShort {
            min: MIN_CHARS as u64,
        });
    }
    if chars > MAX_CHARS {
        return Err(Code::TooLong {
            max: MAX_CHARS as u64,
        });
    }
    let lower = password.to_lowercase();
    let common = COMMON
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    if common.into_iter().any(|c| c == lower) {
        return Err(Code::CommonPassword);
    }
    // zxcvbn's estimate, against its lists of the most common passwords,
    // names and words, keyboard patterns, dates and the account's own
    // address: below 3 ("safely unguessable" against a slow offline attack)
    // is too easy to guess, however long.
    let local_part = email.split('@').next().unwrap_or_default();
    if zxcvbn::zxcvbn(password, &[email, local_part]).score() < zxcvbn::Score::Three {
        return Err(Code::CommonPassword);
    }
    let local = email.split('@').next().unwrap_or_default().to_lowercase();
    if lower == email.to_lowercase() || (local.len() >= 4 && lower.contains(&local)) {
        return Err(Code::ContainsEmail);
    }
    if password.chars().all(|c| password.starts_with(c)) {
        return Err(Code::RepeatedCharacter);
    }
    Ok(())
}

/// Hashes with argon2id (default parameters: 19 MiB, 2 passes) and a random salt.
pub fn hash(password: &str) -> anyhow::Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
}

/// True when the password matches the stored PHC string.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A valid hash of a random password, verified against when the account
/// does not exist so that both paths take the same time.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        let random = super::session_tokens::random_string(32);
        hash(&random).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_refuses_short_common_and_personal_passwords() {
        let email = "maria.rossi@legacoop.coop";
        assert!(check_policy("short", email).is_err());
        assert!(
            check_policy("Password1234", email).is_err(),
            "common, whatever the case"
        );
        assert!(
            check_policy("maria.rossi-2026!", email).is_err(),
            "contains the e-mail"
        );
        assert!(check_policy("zzzzzzzzzzzzzz", email).is_err());
        assert!(check_policy("correct horse battery staple", email).is_ok());
    }

    #[test]
    fn too_easy_to_guess_is_refused_and_the_passphrases_in_use_are_not() {
        let email = "staff@coceta.coop";
        for weak in [
            "qwertyuiop123",
            "iloveyou1234",
            "1234567890ab",
            "abcdefgh12345",
            "passwordpassword",
        ] {
            assert_eq!(
                check_policy(weak, email),
                Err(Code::CommonPassword),
                "{weak}"
            );
        }
        // What the demo, the tests and the docs use must stay acceptable.
        for good in [
            "correct horse battery staple",
            "several writers at one moment",
            "a long enough passphrase 42",
            "approving returns since 1975",
            "cooperative figures 2024",
            "lighthouse-keeper-42",
            "walnut-orchard-1977",
            "a brand new passphrase",
            "another long passphrase 2026",
            "a sturdy editor passphrase",
            "a-much-better-passphrase-9",
            "another sturdy passphrase",
            "a much better passphrase 2026",
            "schemathesis passphrase 2026",
        ] {
            assert_eq!(check_policy(good, email), Ok(()), "{good}");
        }
    }

    #[test]
    fn hashes_verify_and_are_salted() {
        let a = hash("correct horse battery staple").unwrap_or_default();
        let b = hash("correct horse battery staple").unwrap_or_default();
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert_ne!(a, b);
        assert!(verify("correct horse battery staple", &a));
        assert!(!verify("correct horse battery stapler", &a));
        assert!(!verify("anything", "not a hash"));
    }
}
