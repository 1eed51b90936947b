-- Two-factor sign-in (TOTP, RFC 6238). One row per user who began
-- enrolment; `confirmed_at` is set once they proved their authenticator
-- works, and only then does sign-in ask for a code. The secret is sealed
-- (XChaCha20-Poly1305 under a key derived from the signing secret), so a
-- copy of the database alone does not yield it. `last_step` is the last
-- time step a code was accepted for: a code is accepted once.
CREATE TABLE two_factor (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    sealed_secret TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    last_step BIGINT NOT NULL DEFAULT 0
);

-- One-use recovery codes, shown once and kept only as SHA-256 hashes
-- (each carries 50 random bits).
CREATE TABLE recovery_codes (
    code_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);
