//! Campaigns: one a year, opened, closed and published by CECOP staff.

use cecop_shared::CampaignState;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{campaigns, data_returns};

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
