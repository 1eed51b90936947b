//! Lists of content: filters, order, and one page of matching items with
//! their count, always within what the audience may see ([`super::visible`]).

use cecop_shared::{CountryCode, Slug, Theme};
use chrono::NaiveDateTime;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};

use super::kinds::{ItemKind, ItemType};
use super::rows::ContentRow;
use super::{Audience, visible};
use crate::db::schema::{content_items, content_members, content_tags, content_themes, members};
use crate::db::{Backend, DbConnection};

/// A full-text condition, in the dialect of the connection it will run on.
#[derive(Debug, Clone)]
pub enum TextMatch {
    Fts5(String),
    TsQuery(String),
}

/// List order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Most recently published first.
    Newest,
    /// Events by start, soonest first.
    StartsSoonest,
    /// Events by start, latest first.
    StartsLatest,
}

/// List filters, already validated.
#[derive(Debug, Clone)]
pub struct ContentFilter {
    pub item_type: ItemType,
    /// Any of these kinds; empty means every kind.
    pub kinds: Vec<ItemKind>,
    pub theme: Option<Theme>,
    pub tag: Option<Slug>,
    pub member_slug: Option<Slug>,
    pub country: Option<CountryCode>,
    /// Inclusive lower bound: publication time, or start for events.
    pub from: Option<NaiveDateTime>,
    /// Exclusive upper bound: publication time, or start for events.
    pub to: Option<NaiveDateTime>,
    /// Events only: `Some(true)` not yet ended, `Some(false)` ended.
    pub upcoming: Option<bool>,
    pub text: Option<TextMatch>,
}

impl ContentFilter {
    pub fn new(item_type: ItemType) -> Self {
        Self {
            item_type,
            kinds: Vec::new(),
            theme: None,
            tag: None,
            member_slug: None,
            country: None,
            from: None,
            to: None,
            upcoming: None,
            text: None,
        }
    }
}

fn filtered(
    filter: &ContentFilter,
    audience: Audience,
) -> content_items::BoxedQuery<'static, Backend> {
    narrowed(visible(filter.item_type, audience), filter, audience.now)
}

/// `query` narrowed by the filter's conditions (all but the item type,
/// which `query` already holds); `now` decides what `upcoming` means.
pub(super) fn narrowed(
    mut query: content_items::BoxedQuery<'static, Backend>,
    filter: &ContentFilter,
    now: NaiveDateTime,
) -> content_items::BoxedQuery<'static, Backend> {
    match filter.kinds.as_slice() {
        [] => {}
        [kind] => query = query.filter(content_items::kind.eq(*kind)),
        kinds => query = query.filter(content_items::kind.eq_any(kinds.to_vec())),
    }
    if let Some(country) = &filter.country {
        query = query.filter(content_items::country.eq(*country));
    }
    if let Some(theme) = &filter.theme {
        query = query.filter(
            content_items::id.eq_any(
                content_themes::table
                    .filter(content_themes::theme.eq(*theme))
                    .select(content_themes::content_id),
            ),
        );
    }
    if let Some(tag) = &filter.tag {
        query = query.filter(
            content_items::id.eq_any(
                content_tags::table
                    .filter(content_tags::tag.eq(tag.clone()))
                    .select(content_tags::content_id),
            ),
        );
    }
    if let Some(slug) = &filter.member_slug {
        query = query.filter(
            content_items::id.eq_any(
                content_members::table
                    .inner_join(members::table)
                    .filter(members::slug.eq(slug.clone()))
                    .select(content_members::content_id),
            ),
        );
    }
    let is_event = filter.item_type == ItemType::Event;
    if let Some(from) = filter.from {
        query = if is_event {
            query.filter(content_items::starts_at.ge(from))
        } else {
            query.filter(content_items::publish_at.ge(from))
        };
    }
    if let Some(to) = filter.to {
        query = if is_event {
            query.filter(content_items::starts_at.lt(to))
        } else {
            query.filter(content_items::publish_at.lt(to))
        };
    }
    match filter.upcoming {
        Some(true) => query = query.filter(content_items::ends_at.ge(now)),
        Some(false) => query = query.filter(content_items::ends_at.lt(now)),
        None => {}
    }
    match &filter.text {
        Some(TextMatch::Fts5(q)) => {
            query = query.filter(
                sql::<Bool>(
                    "content_items.id IN (SELECT doc_id FROM search_index \
                     WHERE doc_type = 'content' AND search_index MATCH ",
                )
                .bind::<Text, _>(q.clone())
                .sql(")"),
            );
        }
        Some(TextMatch::TsQuery(q)) => {
            query = query.filter(
                sql::<Bool>(
                    "content_items.id IN (SELECT doc_id FROM search_index \
                     WHERE doc_type = 'content' AND document @@ to_tsquery('simple', ",
                )
                .bind::<Text, _>(q.clone())
                .sql("))"),
            );
        }
        None => {}
    }
    query
}

/// How many items match, on all pages.
pub fn count(
    conn: &mut DbConnection,
    filter: &ContentFilter,
    audience: Audience,
) -> QueryResult<i64> {
    filtered(filter, audience).count().get_result(conn)
}

/// One page of matching items in the given order.
pub fn page(
    conn: &mut DbConnection,
    filter: &ContentFilter,
    audience: Audience,
    order: Order,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<ContentRow>> {
    let query = filtered(filter, audience).select(ContentRow::as_select());
    let query = match order {
        Order::Newest => {
            query.order_by((content_items::publish_at.desc(), content_items::id.desc()))
        }
        Order::StartsSoonest => {
            query.order_by((content_items::starts_at.asc(), content_items::id.asc()))
        }
        Order::StartsLatest => {
            query.order_by((content_items::starts_at.desc(), content_items::id.desc()))
        }
    };
    query.offset(offset).limit(limit).load(conn)
}
