//! Writing content: an item with its translations, themes, tags and
//! related members, and a story's consent record.

use cecop_shared::Theme;
use diesel::prelude::*;

use super::rows::{NewConsent, NewContent, Translation};
use crate::db::DbConnection;
use crate::db::schema::{
    content_items, content_members, content_tags, content_themes, content_translations,
    story_consents,
};

pub fn insert_consent(conn: &mut DbConnection, consent: &NewConsent) -> QueryResult<i64> {
    diesel::insert_into(story_consents::table)
        .values(consent)
        .returning(story_consents::id)
        .get_result(conn)
}

/// Inserts an item with its translations, themes, tags and related members,
/// returning its id. Callers run it inside their transaction.
pub fn insert(
    conn: &mut DbConnection,
    item: &NewContent,
    translations: &[Translation],
    themes: &[Theme],
    tags: &[String],
    member_ids: &[i64],
) -> QueryResult<i64> {
    let id: i64 = diesel::insert_into(content_items::table)
        .values(item)
        .returning(content_items::id)
        .get_result(conn)?;
    insert_children(conn, id, translations, themes, tags, member_ids)?;
    Ok(id)
}

/// Inserts what belongs to item `id`: translations, themes, tags, members.
pub(super) fn insert_children(
    conn: &mut DbConnection,
    id: i64,
    translations: &[Translation],
    themes: &[Theme],
    tags: &[String],
    member_ids: &[i64],
) -> QueryResult<()> {
    for t in translations {
        let t = Translation {
            content_id: id,
            ..t.clone()
        };
        diesel::insert_into(content_translations::table)
            .values(&t)
            .execute(conn)?;
    }
    for theme in themes {
        diesel::insert_into(content_themes::table)
            .values((
                content_themes::content_id.eq(id),
                content_themes::theme.eq(theme),
            ))
            .execute(conn)?;
    }
    for tag in tags {
        diesel::insert_into(content_tags::table)
            .values((content_tags::content_id.eq(id), content_tags::tag.eq(tag)))
            .execute(conn)?;
    }
    for member_id in member_ids {
        diesel::insert_into(content_members::table)
            .values((
                content_members::content_id.eq(id),
                content_members::member_id.eq(member_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}
