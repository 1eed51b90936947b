DROP INDEX content_items_country;
CREATE INDEX content_items_country ON content_items (item_type, country, publish_at DESC);
DROP INDEX content_items_listing;
CREATE INDEX content_items_listing ON content_items (item_type, visibility, publish_at DESC, id DESC);
