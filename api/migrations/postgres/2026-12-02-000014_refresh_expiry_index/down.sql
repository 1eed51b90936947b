DROP INDEX refresh_tokens_expires_at;
