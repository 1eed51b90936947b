//! The time publication decisions are made against. A scheduled item becomes
//! public when this clock passes its publication time, on the next request,
//! with no restart. Tests (and only non-production deployments) may shift it
//! with `CECOP_CLOCK_OFFSET` to see the future without waiting for it.

use chrono::{Duration, NaiveDateTime, Utc};

#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    offset: Duration,
}

impl Clock {
    /// A clock `offset_seconds` ahead of (or, negative, behind) the system's.
    pub fn shifted(offset_seconds: i64) -> Self {
        Self {
            offset: Duration::seconds(offset_seconds),
        }
    }

    /// The current time in UTC, as the database stores timestamps.
    pub fn now(&self) -> NaiveDateTime {
        Utc::now().naive_utc() + self.offset
    }
}
