DROP TABLE api_tokens; ALTER TABLE members DROP COLUMN public_contact;
