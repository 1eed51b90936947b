//! A return's values, one row per indicator, type and sector, and the
//! packed form the statistics load them in.

use cecop_shared::{CoopType, Indicator, Sector};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{data_returns, return_values};

/// A stored value: an amount in the indicator's smallest unit.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = return_values)]
pub struct ValueRow {
    pub return_id: i64,
    pub indicator: Indicator,
    pub coop_type: CoopType,
    pub sector: Sector,
    pub amount: i64,
    pub cell_workers: Option<i64>,
}

pub fn values(conn: &mut DbConnection, return_id: i64) -> QueryResult<Vec<ValueRow>> {
    return_values::table
        .filter(return_values::return_id.eq(return_id))
        .select(ValueRow::as_select())
        .load(conn)
}

/// Replaces all of a return's values with these, and its packed copy
/// (see [`pack`]) with them.
pub fn replace_values(
    conn: &mut DbConnection,
    return_id: i64,
    rows: &[ValueRow],
) -> QueryResult<()> {
    diesel::delete(return_values::table.filter(return_values::return_id.eq(return_id)))
        .execute(conn)?;
    for row in rows {
        diesel::insert_into(return_values::table)
            .values(row)
            .execute(conn)?;
    }
    diesel::update(data_returns::table.find(return_id))
        .set(data_returns::packed_values.eq(pack(rows)))
        .execute(conn)?;
    Ok(())
}

/// A return's values as one string — entries
/// `indicator/coop_type/sector/amount/cell_workers` joined by `;` — which
/// statistics read instead of one row per value (migration 0010 says why).
pub fn pack(rows: &[ValueRow]) -> String {
    rows.iter()
        .map(|r| {
            let workers = r.cell_workers.map(|w| w.to_string()).unwrap_or_default();
            format!(
                "{}/{}/{}/{}/{workers}",
                r.indicator, r.coop_type, r.sector, r.amount
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// One packed entry: indicator, coop_type, sector, amount, cell_workers.
pub type Unpacked<'a> = (&'a str, &'a str, &'a str, i64, Option<i64>);

/// The entries of a packed string, or `None` when it is malformed.
pub fn unpack(packed: &str) -> Option<Vec<Unpacked<'_>>> {
    if packed.is_empty() {
        return Some(Vec::new());
    }
    packed
        .split(';')
        .map(|entry| {
            let mut parts = entry.split('/');
            let (indicator, coop_type, sector) = (parts.next()?, parts.next()?, parts.next()?);
            let amount = parts.next()?.parse().ok()?;
            let workers = match parts.next()? {
                "" => None,
                w => Some(w.parse().ok()?),
            };
            parts
                .next()
                .is_none()
                .then_some((indicator, coop_type, sector, amount, workers))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_values_round_trip() {
        let row = |indicator, amount, cell_workers| ValueRow {
            return_id: 1,
            indicator,
            coop_type: CoopType::Social,
            sector: Sector::Services,
            amount,
            cell_workers,
        };
        let rows = [
            row(Indicator::Workers, 10, Some(10)),
            row(Indicator::CoopsLeft, 0, None),
        ];
        let packed = pack(&rows);
        assert_eq!(
            packed,
            "workers/social/services/10/10;coops_left/social/services/0/"
        );
        assert_eq!(
            unpack(&packed),
            Some(vec![
                ("workers", "social", "services", 10, Some(10)),
                ("coops_left", "social", "services", 0, None)
            ])
        );
        assert_eq!(unpack(""), Some(vec![]));
        assert_eq!(unpack("workers/social/services/x/"), None);
        assert_eq!(unpack("workers/social"), None);
    }
}
