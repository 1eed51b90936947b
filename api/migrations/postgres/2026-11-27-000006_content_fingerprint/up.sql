-- Indexes that make the content "fingerprint" cheap (db::content::fingerprint):
-- the newest change, the next item to become public, the next event to end.
CREATE INDEX content_items_updated ON content_items (updated_at);
CREATE INDEX content_items_publishing ON content_items (status, publish_at);
CREATE INDEX content_items_ends ON content_items (item_type, ends_at);
