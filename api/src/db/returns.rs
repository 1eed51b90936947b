//! Queries over the data collection: campaigns, data returns, their values
//! and revisions. Rows hold domain types, decoded once (see `db::types`).

use cecop_shared::{
    CampaignState, CoopType, Indicator, ReturnState, RevisionAction, Sector, Slug, ValueChange,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{campaigns, data_returns, members, return_revisions, return_values};
use super::types::Json;
use super::{Backend, DbConnection};

/// A campaign as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = campaigns)]
pub struct CampaignRow {
    pub id: i64,
    pub year: i32,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub state: CampaignState,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = campaigns)]
pub struct CampaignFields {
    pub year: i32,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub state: CampaignState,
    pub updated_at: NaiveDateTime,
}

/// Every campaign, newest year first.
pub fn campaigns(conn: &mut DbConnection) -> QueryResult<Vec<CampaignRow>> {
    campaigns::table
        .select(CampaignRow::as_select())
        .order_by(campaigns::year.desc())
        .load(conn)
}

pub fn campaign(conn: &mut DbConnection, year: i32) -> QueryResult<Option<CampaignRow>> {
    campaigns::table
        .filter(campaigns::year.eq(year))
        .select(CampaignRow::as_select())
        .get_result(conn)
        .optional()
}

pub fn insert_campaign(
    conn: &mut DbConnection,
    fields: &CampaignFields,
    created_at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(campaigns::table)
        .values((fields, campaigns::created_at.eq(created_at)))
        .execute(conn)
}

pub fn update_campaign(
    conn: &mut DbConnection,
    id: i64,
    fields: &CampaignFields,
) -> QueryResult<usize> {
    diesel::update(campaigns::table.find(id))
        .set(fields)
        .execute(conn)
}

pub fn delete_campaign(conn: &mut DbConnection, id: i64) -> QueryResult<usize> {
    diesel::delete(campaigns::table.find(id)).execute(conn)
}

/// How many returns a campaign has, whatever their state.
pub fn return_count(conn: &mut DbConnection, campaign_id: i64) -> QueryResult<i64> {
    data_returns::table
        .filter(data_returns::campaign_id.eq(campaign_id))
        .count()
        .get_result(conn)
}

/// A return with its campaign's year and state and its member's name.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(check_for_backend(Backend))]
pub struct ReturnRow {
    #[diesel(select_expression = data_returns::id)]
    pub id: i64,
    #[diesel(select_expression = data_returns::campaign_id)]
    pub campaign_id: i64,
    #[diesel(select_expression = data_returns::member_id)]
    pub member_id: i64,
    #[diesel(select_expression = campaigns::year)]
    pub year: i32,
    #[diesel(select_expression = campaigns::state)]
    pub campaign_state: CampaignState,
    #[diesel(select_expression = members::slug)]
    pub member_slug: Slug,
    #[diesel(select_expression = members::name)]
    pub member_name: String,
    #[diesel(select_expression = data_returns::state)]
    pub state: ReturnState,
    #[diesel(select_expression = data_returns::reason)]
    pub reason: Option<String>,
    #[diesel(select_expression = data_returns::submitted_at)]
    pub submitted_at: Option<NaiveDateTime>,
    #[diesel(select_expression = data_returns::reviewed_at)]
    pub reviewed_at: Option<NaiveDateTime>,
    #[diesel(select_expression = data_returns::updated_at)]
    pub updated_at: NaiveDateTime,
}

type Joined = diesel::dsl::InnerJoin<
    diesel::dsl::InnerJoin<data_returns::table, campaigns::table>,
    members::table,
>;

fn joined() -> Joined {
    data_returns::table
        .inner_join(campaigns::table)
        .inner_join(members::table)
}

pub fn find_return(conn: &mut DbConnection, id: i64) -> QueryResult<Option<ReturnRow>> {
    joined()
        .filter(data_returns::id.eq(id))
        .select(ReturnRow::as_select())
        .get_result(conn)
        .optional()
}

pub fn find_member_return(
    conn: &mut DbConnection,
    campaign_id: i64,
    member_id: i64,
) -> QueryResult<Option<ReturnRow>> {
    joined()
        .filter(data_returns::campaign_id.eq(campaign_id))
        .filter(data_returns::member_id.eq(member_id))
        .select(ReturnRow::as_select())
        .get_result(conn)
        .optional()
}

/// The review queue's filters, already validated.
#[derive(Debug, Clone, Default)]
pub struct ReturnFilter {
    pub year: Option<i32>,
    pub state: Option<ReturnState>,
    pub member: Option<Slug>,
}

fn filtered(filter: &ReturnFilter) -> diesel::dsl::IntoBoxed<'static, Joined, Backend> {
    let mut query = joined().into_boxed();
    if let Some(year) = filter.year {
        query = query.filter(campaigns::year.eq(year));
    }
    if let Some(state) = &filter.state {
        query = query.filter(data_returns::state.eq(*state));
    }
    if let Some(member) = &filter.member {
        query = query.filter(members::slug.eq(member.clone()));
    }
    query
}

/// One page of returns, newest campaign first, then oldest change first (a
/// queue: what waits longest comes first), with the total of all pages.
pub fn list_returns(
    conn: &mut DbConnection,
    filter: &ReturnFilter,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<ReturnRow>, i64)> {
    conn.transaction(|conn| {
        let total = filtered(filter).count().get_result(conn)?;
        let rows = filtered(filter)
            .select(ReturnRow::as_select())
            .order_by((
                campaigns::year.desc(),
                data_returns::updated_at.asc(),
                data_returns::id.asc(),
            ))
            .offset(offset)
            .limit(limit)
            .load(conn)?;
        Ok((rows, total))
    })
}

/// How many values each of these returns has.
pub fn value_counts(
    conn: &mut DbConnection,
    ids: &[i64],
) -> QueryResult<std::collections::HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> = return_values::table
        .filter(return_values::return_id.eq_any(ids.to_vec()))
        .group_by(return_values::return_id)
        .select((return_values::return_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = data_returns)]
pub struct NewReturn {
    pub campaign_id: i64,
    pub member_id: i64,
    pub state: ReturnState,
    pub illustrative: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Inserts a return and gives its id.
pub fn insert_return(conn: &mut DbConnection, new: &NewReturn) -> QueryResult<i64> {
    diesel::insert_into(data_returns::table)
        .values(new)
        .returning(data_returns::id)
        .get_result(conn)
}

/// A change of state, with the timestamps it sets.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = data_returns, treat_none_as_null = true)]
pub struct StateChange {
    pub state: ReturnState,
    pub reason: Option<String>,
    pub submitted_at: Option<NaiveDateTime>,
    pub reviewed_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

pub fn set_state(conn: &mut DbConnection, id: i64, change: &StateChange) -> QueryResult<usize> {
    diesel::update(data_returns::table.find(id))
        .set(change)
        .execute(conn)
}

pub fn touch(conn: &mut DbConnection, id: i64, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(data_returns::table.find(id))
        .set(data_returns::updated_at.eq(at))
        .execute(conn)
}

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

/// The member's latest approved return of a year before `year`: its id and year.
pub fn previous_approved(
    conn: &mut DbConnection,
    member_id: i64,
    year: i32,
) -> QueryResult<Option<(i64, i32)>> {
    data_returns::table
        .inner_join(campaigns::table)
        .filter(data_returns::member_id.eq(member_id))
        .filter(data_returns::state.eq("approved"))
        .filter(campaigns::year.lt(year))
        .order_by(campaigns::year.desc())
        .select((data_returns::id, campaigns::year))
        .first(conn)
        .optional()
}

/// A revision as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = return_revisions)]
pub struct RevisionRow {
    pub return_id: i64,
    pub at: NaiveDateTime,
    pub actor: String,
    pub actor_name: Option<String>,
    pub action: RevisionAction,
    pub from_state: Option<ReturnState>,
    pub to_state: ReturnState,
    pub reason: Option<String>,
    pub changes: Json<Vec<ValueChange>>,
}

/// A revision to record; `changes` is the JSON array of `ValueChange`.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = return_revisions)]
pub struct NewRevision {
    pub return_id: i64,
    pub at: NaiveDateTime,
    pub actor: String,
    pub actor_name: Option<String>,
    pub action: RevisionAction,
    pub from_state: Option<ReturnState>,
    pub to_state: ReturnState,
    pub reason: Option<String>,
    pub changes: String,
}

pub fn add_revision(conn: &mut DbConnection, row: &NewRevision) -> QueryResult<usize> {
    diesel::insert_into(return_revisions::table)
        .values(row)
        .execute(conn)
}

/// A return's revisions, newest first.
pub fn revisions(conn: &mut DbConnection, return_id: i64) -> QueryResult<Vec<RevisionRow>> {
    return_revisions::table
        .filter(return_revisions::return_id.eq(return_id))
        .order_by(return_revisions::id.desc())
        .select(RevisionRow::as_select())
        .load(conn)
}
