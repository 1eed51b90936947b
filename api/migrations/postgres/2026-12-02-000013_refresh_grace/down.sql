ALTER TABLE refresh_tokens DROP COLUMN used_by;
ALTER TABLE refresh_tokens DROP COLUMN successor_sealed;
