//! Queries over the data collection: campaigns, data returns, their values
//! and revisions. Rows hold domain types, decoded once (see `db::types`).

mod campaign;
mod revision;
mod value;

pub use campaign::{
    CampaignFields, CampaignRow, campaign, campaigns, delete_campaign, insert_campaign,
    return_count, update_campaign,
};
pub use revision::{NewRevision, RevisionRow, add_revision, revisions};
pub use value::{Unpacked, ValueRow, pack, replace_values, unpack, values};

use cecop_shared::{CampaignState, ReturnState, Slug};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{campaigns, data_returns, members, return_values};
use super::{Backend, DbConnection};

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

/// The active members whose return for a campaign is not in yet: (slug,
/// name, their return when they started one), by name. Those that
/// submitted, or whose return was approved, are not listed.
pub fn missing(
    conn: &mut DbConnection,
    campaign_id: i64,
) -> QueryResult<Vec<(Slug, String, Option<i64>)>> {
    use cecop_shared::MemberStatus;
    members::table
        .left_join(
            data_returns::table.on(data_returns::member_id
                .eq(members::id)
                .and(data_returns::campaign_id.eq(campaign_id))),
        )
        .filter(members::status.eq(MemberStatus::Active))
        .filter(
            data_returns::id
                .is_null()
                .or(data_returns::state.eq(ReturnState::Draft))
                .or(data_returns::state.eq(ReturnState::Returned)),
        )
        .select((members::slug, members::name, data_returns::id.nullable()))
        .order_by(members::name.asc())
        .load(conn)
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

/// Moves a return from `expected` to the change's state; 0 when it is no
/// longer in `expected` (another request moved it first). On PostgreSQL the
/// update waits for a concurrent one on the row and then re-checks the
/// state, so of two decisions at once exactly one applies.
pub fn set_state(
    conn: &mut DbConnection,
    id: i64,
    expected: ReturnState,
    change: &StateChange,
) -> QueryResult<usize> {
    diesel::update(
        data_returns::table
            .find(id)
            .filter(data_returns::state.eq(expected)),
    )
    .set(change)
    .execute(conn)
}

/// Marks a return changed, if it is still in `expected`; 0 otherwise. Done
/// before its values are replaced, it also holds the row (PostgreSQL) so a
/// submit or decision cannot slip in between.
pub fn touch(
    conn: &mut DbConnection,
    id: i64,
    expected: ReturnState,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        data_returns::table
            .find(id)
            .filter(data_returns::state.eq(expected)),
    )
    .set(data_returns::updated_at.eq(at))
    .execute(conn)
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
        .filter(data_returns::state.eq(ReturnState::Approved))
        .filter(campaigns::year.lt(year))
        .order_by(campaigns::year.desc())
        .select((data_returns::id, campaigns::year))
        .first(conn)
        .optional()
}
