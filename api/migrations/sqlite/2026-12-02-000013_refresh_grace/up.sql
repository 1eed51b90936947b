-- A refresh token presented twice within seconds by the same client (two
-- tabs, a retry after a lost answer) gets the same successor instead of
-- ending the session. For that a used token keeps its successor, sealed
-- with a key only the holder of the used token can derive (the database
-- keeps only hashes), and a fingerprint of the client that used it.
ALTER TABLE refresh_tokens ADD COLUMN successor_sealed TEXT;
ALTER TABLE refresh_tokens ADD COLUMN used_by TEXT;
