DROP TABLE content_redirects;
DROP TABLE content_revisions;
ALTER TABLE content_translations DROP COLUMN written_version;
ALTER TABLE content_items DROP COLUMN updated_by;
ALTER TABLE content_items DROP COLUMN publish_zone;
ALTER TABLE content_items DROP COLUMN first_published_at;
ALTER TABLE content_items DROP COLUMN source_version;
ALTER TABLE content_items DROP COLUMN version;
