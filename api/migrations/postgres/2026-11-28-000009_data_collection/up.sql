-- The yearly data collection: campaigns, one data return per member and
-- campaign, its values, and every revision of it.
CREATE TABLE campaigns (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year INTEGER NOT NULL UNIQUE,
    opens_on DATE NOT NULL,
    closes_on DATE NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('planned', 'open', 'closed', 'published')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (opens_on <= closes_on)
);

CREATE TABLE data_returns (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id),
    member_id BIGINT NOT NULL REFERENCES members (id),
    state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'returned')),
    -- Why it was sent back or reopened, shown to the member.
    reason TEXT,
    -- Demo data whose breakdown no source gives.
    illustrative BOOLEAN NOT NULL DEFAULT FALSE,
    submitted_at TIMESTAMP,
    reviewed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (campaign_id, member_id)
);
CREATE INDEX data_returns_state ON data_returns (campaign_id, state, member_id);
CREATE INDEX data_returns_member ON data_returns (member_id, state);

-- One number per (indicator, cooperative type, sector). Amounts are whole
-- numbers in the indicator's smallest unit (cents for turnover_eur).
-- `cell_workers` repeats the workers value of the same cell so that shares
-- are computed without a self-join; every write replaces a return's values
-- as a whole, which keeps it true.
CREATE TABLE return_values (
    return_id BIGINT NOT NULL REFERENCES data_returns (id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    coop_type TEXT NOT NULL,
    sector TEXT NOT NULL,
    amount BIGINT NOT NULL CHECK (amount >= 0),
    cell_workers BIGINT,
    PRIMARY KEY (return_id, indicator, coop_type, sector)
);

-- Every change to a return: who, when, which state, and old -> new values
-- (a JSON array of {indicator, coop_type, sector, old, new}).
CREATE TABLE return_revisions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    return_id BIGINT NOT NULL REFERENCES data_returns (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    -- The person's name at the time, when the actor is a user.
    actor_name TEXT,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    reason TEXT,
    changes TEXT NOT NULL
);
CREATE INDEX return_revisions_return ON return_revisions (return_id, id);
