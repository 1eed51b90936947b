-- Rate limits on API traffic (crate::traffic): each instance adds its
-- counts per key (an API token's hash, or a client address) and one-minute
-- window here once a second, and reads back every instance's totals.
CREATE TABLE rate_windows (
    key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_windows_start ON rate_windows (window_start);
