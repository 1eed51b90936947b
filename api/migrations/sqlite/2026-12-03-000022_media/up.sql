-- The media library. A file is stored once, under its SHA-256, in the
-- media store (a folder, or S3-compatible object storage); an image's sizes
-- beside it. Records point at files: two uploads of the same file are two
-- records and one stored file. A stored file no record names is collected.
CREATE TABLE media (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL,
    kind TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    width INTEGER,
    height INTEGER,
    colour TEXT,
    -- The widths an image is served in, narrowest first ("320,640,1280"),
    -- and their format ("jpg" or "png").
    variants TEXT NOT NULL,
    variant_format TEXT,
    file_name TEXT NOT NULL,
    title TEXT NOT NULL,
    credit TEXT,
    licence TEXT,
    visibility TEXT NOT NULL,
    member_id BIGINT REFERENCES members (id) ON DELETE SET NULL,
    uploaded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX media_sha256 ON media (sha256);
CREATE INDEX media_member ON media (member_id);

-- What an image shows, per language.
CREATE TABLE media_alts (
    media_id BIGINT NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    alt TEXT NOT NULL,
    PRIMARY KEY (media_id, lang)
);
