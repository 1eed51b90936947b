-- Sign-in purges refresh tokens long expired (db::sessions::purge_expired):
-- by index, not by scanning every session's rotations.
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);
