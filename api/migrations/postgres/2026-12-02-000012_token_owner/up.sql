-- Who owns an API token: by default the person who created it, and it is
-- revoked when they are disabled, deleted or move to another organisation
-- (auth::api_tokens::revoke_created_by). An admin can make it the
-- organisation's own, and then it survives its creator.
ALTER TABLE api_tokens ADD COLUMN survives_creator BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX api_tokens_created_by ON api_tokens (created_by);
