-- Member organisations of CECOP, with their declared headline figures.
CREATE TABLE members (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    acronym TEXT,
    country TEXT NOT NULL CHECK (length(country) = 2),
    kind TEXT NOT NULL CHECK (kind IN ('national_federation', 'promotion_body')),
    membership TEXT CHECK (membership IN ('full', 'associate')),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'former')),
    joined_year INTEGER,
    website TEXT,
    description TEXT NOT NULL DEFAULT '',
    sectors TEXT NOT NULL DEFAULT '[]',
    illustrative BOOLEAN NOT NULL DEFAULT FALSE,
    source_url TEXT,
    figures_year INTEGER,
    cooperatives BIGINT CHECK (cooperatives >= 0),
    workers BIGINT CHECK (workers >= 0),
    worker_members BIGINT CHECK (worker_members >= 0),
    turnover_eur BIGINT CHECK (turnover_eur >= 0),
    figures_provenance TEXT CHECK (figures_provenance IN ('confirmed', 'third_party', 'illustrative')),
    figures_note TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX members_status_name ON members (status, name);
CREATE INDEX members_country ON members (country);
