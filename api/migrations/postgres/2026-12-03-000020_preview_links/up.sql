-- Shareable preview links: a colleague without an account sees an item
-- of any status, as it will be published, until the link expires or is
-- revoked. Only the SHA-256 hash of the link's 256-bit random token is
-- kept, so the table alone opens nothing.
CREATE TABLE preview_links (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    content_id BIGINT NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX preview_links_item ON preview_links (content_id);
