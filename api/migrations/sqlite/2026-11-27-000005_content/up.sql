-- Published content: articles, events and #COOPTALES stories in one table
-- (they share slug, status, visibility, languages, themes, tags and related
-- members; the columns of one kind are NULL for the others), their
-- translations, and the full-text search index over content and members.

CREATE TABLE story_consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    given_at TIMESTAMP NOT NULL,
    given_by TEXT NOT NULL,
    wording TEXT NOT NULL,
    withdrawn_at TIMESTAMP
);

CREATE TABLE content_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_type TEXT NOT NULL CHECK (item_type IN ('article', 'event', 'story')),
    slug TEXT NOT NULL,
    kind TEXT,
    status TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'archived')),
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'members_only')),
    publish_at TIMESTAMP NOT NULL,
    default_lang TEXT NOT NULL,
    country TEXT,
    eu_funded BOOLEAN NOT NULL DEFAULT FALSE,
    illustrative BOOLEAN NOT NULL DEFAULT FALSE,
    attachments TEXT NOT NULL DEFAULT '[]',
    starts_at TIMESTAMP,
    ends_at TIMESTAMP,
    time_zone TEXT,
    venue TEXT,
    city TEXT,
    online_url TEXT,
    registration_url TEXT,
    organisers TEXT NOT NULL DEFAULT '[]',
    cooperative TEXT,
    sector TEXT,
    quote TEXT,
    photo TEXT,
    consent_id BIGINT REFERENCES story_consents (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (item_type, slug),
    CHECK (item_type <> 'event' OR (starts_at IS NOT NULL AND ends_at IS NOT NULL AND time_zone IS NOT NULL AND ends_at >= starts_at))
);
-- Newest-first lists of what is public.
CREATE INDEX content_items_listing ON content_items (item_type, visibility, publish_at DESC, id DESC);
CREATE INDEX content_items_country ON content_items (item_type, country, publish_at DESC);
CREATE INDEX content_items_starts ON content_items (item_type, starts_at);

CREATE TABLE content_translations (
    content_id BIGINT NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    PRIMARY KEY (content_id, lang)
);

CREATE TABLE content_themes (
    content_id BIGINT NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    PRIMARY KEY (content_id, theme)
);
CREATE INDEX content_themes_theme ON content_themes (theme, content_id);

CREATE TABLE content_tags (
    content_id BIGINT NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (content_id, tag)
);
CREATE INDEX content_tags_tag ON content_tags (tag, content_id);

CREATE TABLE content_members (
    content_id BIGINT NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL REFERENCES members (id),
    PRIMARY KEY (content_id, member_id)
);
CREATE INDEX content_members_member ON content_members (member_id, content_id);

-- One row per document and language. `doc_type` is 'content' or 'member';
-- `doc_id` the row's id. unicode61 with remove_diacritics 2 makes matching
-- accent- and case-insensitive (coopérative = cooperative).
CREATE VIRTUAL TABLE search_index USING fts5 (
    title,
    body,
    doc_type UNINDEXED,
    doc_id UNINDEXED,
    lang UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
