-- Signed-in devices: one row per session (a refresh-token family), for the
-- list a user sees and the sign-out of one device. The address and user
-- agent are personal data: kept while the session's tokens are, deleted
-- with them (db::sessions::purge_expired) and with the user.
CREATE TABLE sessions (
    family TEXT PRIMARY KEY,
    -- What the API names the session by (the family itself never leaves
    -- the server except inside signed access tokens).
    public_id TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP NOT NULL,
    user_agent TEXT,
    address TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Sessions begun before this table: known by their tokens only.
INSERT INTO sessions (family, public_id, user_id, created_at, last_used_at)
SELECT family, 'old-' || family, user_id, MIN(created_at), MAX(created_at)
FROM refresh_tokens
WHERE revoked_at IS NULL
GROUP BY family, user_id;
