-- API tokens for member federations' systems and integrators, stored only
-- as SHA-256 hashes; and the public contact a member may publish.
CREATE TABLE api_tokens (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    member_id BIGINT REFERENCES members (id),
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE INDEX api_tokens_member ON api_tokens (member_id);

ALTER TABLE members ADD COLUMN public_contact TEXT;
