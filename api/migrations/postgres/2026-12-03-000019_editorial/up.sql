-- The editorial back office: versions for optimistic concurrency, who
-- wrote what, every save kept as a revision, old slugs that redirect, and
-- which translations were written against an older default-language text.

-- `version` goes up by one on every write; it is the item's ETag and the
-- number of the revision that holds this state. `source_version` is the
-- version at which the default language's text last changed; a
-- translation written before it (`written_version` below) is outdated.
-- `first_published_at` is set once an item has been public (a draft that
-- never was may be deleted; others are archived). `publish_zone` is the
-- IANA time zone the editor meant when scheduling. Who created an item is
-- the author of its first revision (the table is at diesel's 32 columns).
ALTER TABLE content_items ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE content_items ADD COLUMN source_version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE content_items ADD COLUMN first_published_at TIMESTAMP;
ALTER TABLE content_items ADD COLUMN publish_zone TEXT;
ALTER TABLE content_items ADD COLUMN updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL;
UPDATE content_items SET first_published_at = publish_at WHERE status IN ('published', 'archived');

ALTER TABLE content_translations ADD COLUMN written_version BIGINT NOT NULL DEFAULT 1;

-- One row per saved state of an item: the whole editable document as
-- JSON (so a restore brings back exactly that state), what the save did,
-- which fields it changed, who saved it and when. Rows are never updated.
CREATE TABLE content_revisions (
    content_id BIGINT NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    action TEXT NOT NULL,
    status TEXT NOT NULL,
    saved_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    saved_at TIMESTAMP NOT NULL,
    document TEXT NOT NULL,
    changed TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (content_id, number)
);

-- Slugs a published item was once reachable at: the public API answers
-- them with a permanent redirect to the current slug.
CREATE TABLE content_redirects (
    item_type TEXT NOT NULL,
    old_slug TEXT NOT NULL,
    content_id BIGINT NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (item_type, old_slug)
);
CREATE INDEX content_redirects_item ON content_redirects (content_id);
