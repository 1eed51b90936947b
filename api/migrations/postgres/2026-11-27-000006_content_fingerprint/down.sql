DROP INDEX content_items_ends;
DROP INDEX content_items_publishing;
DROP INDEX content_items_updated;
