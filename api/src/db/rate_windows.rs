//! The shared counts behind the rate limits on API traffic (`crate::traffic`).

use diesel::prelude::*;

use super::DbConnection;
use super::schema::rate_windows;

/// Adds this instance's counts for the window starting at `start`.
pub fn add(conn: &mut DbConnection, start: i64, counts: &[(String, u64)]) -> QueryResult<()> {
    if counts.is_empty() {
        return Ok(());
    }
    super::write(conn, |conn| {
        for (key, n) in counts {
            let n = i64::try_from(*n).unwrap_or(i64::MAX);
            let row = rate_windows::table
                .filter(rate_windows::key.eq(key))
                .filter(rate_windows::window_start.eq(start));
            let updated = diesel::update(row)
                .set(rate_windows::count.eq(rate_windows::count + n))
                .execute(conn)?;
            if updated == 0 {
                let inserted = diesel::insert_into(rate_windows::table)
                    .values((
                        rate_windows::key.eq(key),
                        rate_windows::window_start.eq(start),
                        rate_windows::count.eq(n),
                    ))
                    .execute(conn);
                // Another instance inserted it first: add to theirs.
                if inserted.is_err() {
                    diesel::update(row)
                        .set(rate_windows::count.eq(rate_windows::count + n))
                        .execute(conn)?;
                }
            }
        }
        Ok(())
    })
}

/// Every instance's totals for these keys in the window starting at `start`.
pub fn totals(
    conn: &mut DbConnection,
    start: i64,
    keys: &[String],
) -> QueryResult<Vec<(String, i64)>> {
    let mut totals = Vec::new();
    for chunk in keys.chunks(500) {
        totals.extend(
            rate_windows::table
                .filter(rate_windows::window_start.eq(start))
                .filter(rate_windows::key.eq_any(chunk))
                .select((rate_windows::key, rate_windows::count))
                .load::<(String, i64)>(conn)?,
        );
    }
    Ok(totals)
}

/// Forgets windows that started before `before`.
pub fn purge(conn: &mut DbConnection, before: i64) -> QueryResult<usize> {
    diesel::delete(rate_windows::table.filter(rate_windows::window_start.lt(before))).execute(conn)
}
