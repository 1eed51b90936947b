//! The approved values of a year, loaded once ([`load_facts`]), and every
//! breakdown summed from them in memory ([`Facts::aggregate`]): one plain
//! scan instead of a GROUP BY per request, which at 100 times the demo data
//! cut the full breakdown from about 110 ms to what the scan costs.

use std::collections::HashMap;

use cecop_shared::{
    CampaignState, CoopType, CountryCode, Dimension, Indicator, ReturnState, Sector, Slug,
};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use crate::db::DbConnection;

/// One aggregate: sums over the approved values of one group.
#[derive(Debug, Clone, PartialEq)]
pub struct AggregateRow {
    pub year: i32,
    pub indicator: Indicator,
    pub country: Option<CountryCode>,
    pub sector: Option<Sector>,
    pub coop_type: Option<CoopType>,
    pub member: Option<Slug>,
    pub member_name: Option<String>,
    /// Sum of the amounts (smallest units).
    pub total: i64,
    /// Sum of the workers of the same cells, for shares.
    pub workers: Option<i64>,
    /// Members whose values make up the sums.
    pub members: i64,
}

/// One approved value, parsed and compact.
#[derive(Debug, Clone, Copy)]
struct Fact {
    year: i32,
    /// Index into [`Facts::members`].
    member: usize,
    indicator: Indicator,
    coop_type: CoopType,
    sector: Sector,
    amount: i64,
    workers: Option<i64>,
}

#[derive(Debug, Clone)]
struct MemberInfo {
    slug: Slug,
    name: String,
    country: CountryCode,
}

/// The approved values of published campaigns (one year's or all), held
/// in memory so that any breakdown is computed without another query.
/// At 100 times the demo data a year is about 63,000 values (~3 MB).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    members: Vec<MemberInfo>,
    facts: Vec<Fact>,
}

#[derive(Debug, Clone, QueryableByName)]
struct MemberRow {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    slug: Slug,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    country: CountryCode,
}

/// Loads the approved values of one published year, or of all of them.
pub fn load_facts(conn: &mut DbConnection, year: Option<i32>) -> QueryResult<Facts> {
    use crate::db::schema::{campaigns, data_returns};
    // One row per return with its values packed (db::returns::pack): at
    // 60,000 values a row per value cost ~85 ms in row decoding alone.
    let mut query = data_returns::table
        .inner_join(campaigns::table)
        .filter(campaigns::state.eq(CampaignState::Published))
        .filter(data_returns::state.eq(ReturnState::Approved))
        .select((
            campaigns::year,
            data_returns::member_id,
            data_returns::packed_values,
        ))
        .into_boxed();
    if let Some(year) = year {
        query = query.filter(campaigns::year.eq(year));
    }
    let rows: Vec<(i32, i64, String)> = query.load(conn)?;
    let member_rows: Vec<MemberRow> = diesel::sql_query(
        "SELECT id, slug, name, country FROM members \
         WHERE id IN (SELECT member_id FROM data_returns WHERE state = 'approved')",
    )
    .load(conn)?;
    let mut index = HashMap::with_capacity(member_rows.len());
    let mut members = Vec::with_capacity(member_rows.len());
    for row in member_rows {
        index.insert(row.id, members.len());
        members.push(MemberInfo {
            slug: row.slug,
            name: row.name,
            country: row.country,
        });
    }
    let corrupt = |what: &str| {
        diesel::result::Error::DeserializationError(format!("stored value has a bad {what}").into())
    };
    let mut facts = Vec::with_capacity(rows.len() * 40);
    for (year, member_id, packed) in &rows {
        let member = *index.get(member_id).ok_or_else(|| corrupt("member"))?;
        for (indicator, coop_type, sector, amount, workers) in
            crate::db::returns::unpack(packed).ok_or_else(|| corrupt("packed value"))?
        {
            facts.push(Fact {
                year: *year,
                member,
                indicator: indicator.parse().map_err(|_| corrupt("indicator"))?,
                coop_type: coop_type.parse().map_err(|_| corrupt("coop_type"))?,
                sector: sector.parse().map_err(|_| corrupt("sector"))?,
                amount,
                workers,
            });
        }
    }
    Ok(Facts { members, facts })
}

type GroupKey = (
    i32,
    Indicator,
    Option<CountryCode>,
    Option<Sector>,
    Option<CoopType>,
    Option<usize>,
);

#[derive(Debug, Default)]
struct Group {
    total: i64,
    workers: Option<i64>,
    members: Vec<usize>,
}

impl Facts {
    /// Sums of `indicators` (reported ones) grouped by year, indicator and
    /// `dimensions`, ordered by year, then the dimensions.
    pub fn aggregate(
        &self,
        indicators: &[Indicator],
        dimensions: &[Dimension],
    ) -> Vec<AggregateRow> {
        let by = |d: Dimension| dimensions.contains(&d);
        let mut groups: HashMap<GroupKey, Group> = HashMap::new();
        for fact in &self.facts {
            if !indicators.contains(&fact.indicator) {
                continue;
            }
            let key = (
                fact.year,
                fact.indicator,
                by(Dimension::Country).then(|| self.members[fact.member].country),
                by(Dimension::Sector).then_some(fact.sector),
                by(Dimension::CoopType).then_some(fact.coop_type),
                by(Dimension::Member).then_some(fact.member),
            );
            let group = groups.entry(key).or_default();
            group.total += fact.amount;
            if let Some(workers) = fact.workers {
                group.workers = Some(group.workers.unwrap_or_default() + workers);
            }
            if group.members.last() != Some(&fact.member) {
                group.members.push(fact.member);
            }
        }
        let mut rows: Vec<AggregateRow> = groups
            .into_iter()
            .map(
                |((year, indicator, country, sector, coop_type, member), mut group)| {
                    group.members.sort_unstable();
                    group.members.dedup();
                    let info = member.map(|m| &self.members[m]);
                    AggregateRow {
                        year,
                        indicator,
                        country,
                        sector,
                        coop_type,
                        member: info.map(|m| m.slug.clone()),
                        member_name: info.map(|m| m.name.clone()),
                        total: group.total,
                        workers: group.workers,
                        members: group.members.len() as i64,
                    }
                },
            )
            .collect();
        rows.sort_by(|a, b| {
            (
                a.year,
                &a.country,
                a.sector,
                a.coop_type,
                &a.member,
                a.indicator,
            )
                .cmp(&(
                    b.year,
                    &b.country,
                    b.sector,
                    b.coop_type,
                    &b.member,
                    b.indicator,
                ))
        });
        rows
    }
}
