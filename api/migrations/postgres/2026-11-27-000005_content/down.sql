DROP TABLE search_index;
DROP TABLE content_members;
DROP TABLE content_tags;
DROP TABLE content_themes;
DROP TABLE content_translations;
DROP TABLE content_items;
DROP TABLE story_consents;
