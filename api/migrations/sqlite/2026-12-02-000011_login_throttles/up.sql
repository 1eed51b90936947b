-- Sign-in throttles (auth::rate_limit): one row per account and client
-- address that has tried, and one per address (account = ''). An attempt
-- reserves its place here before the password is checked, so a parallel
-- burst gets no more guesses than one at a time, and the limits hold across
-- every instance sharing the database.
CREATE TABLE login_throttles (
    account TEXT NOT NULL,
    source TEXT NOT NULL,
    -- Failed (or still running) attempts since window_start.
    failures INTEGER NOT NULL,
    window_start TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL,
    -- No attempt before this: the growing delay.
    next_at TIMESTAMP NOT NULL,
    PRIMARY KEY (account, source)
);
CREATE INDEX login_throttles_last_at ON login_throttles (last_at);
