-- E-mail (crate::mail): the outbox the deliverer sends from, single-use
-- password-reset links, invitations, and each user's language for the
-- messages sent to them.

-- A message waiting to be sent. Written in the same transaction as what it
-- announces, so a change is never without its message; the deliverer claims
-- a row (claimed_until) before sending, so two instances never send it
-- twice at once. A sent message's row is deleted; one that keeps failing is
-- kept, without its body, as the record of the failure.
CREATE TABLE mail_outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    -- NULL once given up on: a reset link must not wait in the database.
    body TEXT,
    created_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    failed_at TIMESTAMP,
    last_error TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);

-- Password-reset links: the token only as its SHA-256 hash; used once,
-- expiring, and all of a user's unused ones end when one is used.
CREATE TABLE password_resets (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX password_resets_user ON password_resets (user_id);

-- An admin's invitation: the account it will create, and the token (as
-- its hash) the invitee accepts it with by choosing a password.
CREATE TABLE invitations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'member')),
    member_id BIGINT REFERENCES members (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP,
    revoked_at TIMESTAMP,
    CHECK ((role = 'member') = (member_id IS NOT NULL))
);
CREATE INDEX invitations_email ON invitations (email);

-- The language of the messages sent to a user (en, fr, es, it).
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
