//! [`visible`] (SQL, for lists), [`shows`] through [`find_visible`] (Rust,
//! for one row) and search's raw-SQL filter (`db::search`, which must run
//! inside each backend's full-text query) are three spellings of one rule:
//! they must agree on every combination of what decides visibility.
use std::collections::BTreeSet;

use chrono::Duration;

use super::*;
use crate::db::{connect, migrate, search};
use cecop_shared::{ArticleKind, EventKind, Language};

const STATUSES: [ContentStatus; 4] = [
    ContentStatus::Draft,
    ContentStatus::Scheduled,
    ContentStatus::Published,
    ContentStatus::Archived,
];

#[derive(Debug, Clone, Copy)]
enum Consent {
    None,
    Standing,
    Withdrawn,
}

fn item(
    item_type: ItemType,
    slug: Slug,
    status: ContentStatus,
    visibility: Visibility,
    publish_at: NaiveDateTime,
    consent_id: Option<i64>,
) -> NewContent {
    NewContent {
        item_type,
        fields: ItemFields {
            slug,
            kind: match item_type {
                ItemType::Article => Some(ItemKind::Article(ArticleKind::News)),
                ItemType::Event => Some(ItemKind::Event(EventKind::Webinar)),
                ItemType::Story => None,
            },
            visibility,
            default_lang: Language::english(),
            country: None,
            eu_funded: false,
            illustrative: false,
            attachments: "[]".into(),
            starts_at: None,
            ends_at: None,
            time_zone: None,
            venue: None,
            city: None,
            online_url: None,
            registration_url: None,
            organisers: "[]".into(),
            cooperative: None,
            sector: None,
            quote: None,
            photo: None,
        },
        status,
        publish_at,
        first_published_at: None,
        consent_id,
        created_at: publish_at,
        updated_at: publish_at,
        updated_by: None,
    }
}

#[test]
fn the_sql_rule_and_the_row_rule_agree_on_every_combination()
-> Result<(), Box<dyn std::error::Error>> {
    let mut conn = connect(":memory:")?;
    migrate(&mut conn)?;
    let now = chrono::Utc::now().naive_utc();
    let mut made = Vec::new();
    for item_type in [ItemType::Article, ItemType::Story] {
        for status in STATUSES {
            for visibility in [Visibility::Public, Visibility::MembersOnly] {
                for publish_at in [now - Duration::hours(1), now + Duration::hours(1)] {
                    for consent in [Consent::None, Consent::Standing, Consent::Withdrawn] {
                        let consent_id = match consent {
                            Consent::None => None,
                            Consent::Standing | Consent::Withdrawn => Some(insert_consent(
                                &mut conn,
                                &NewConsent {
                                    given_at: now,
                                    given_by: "A worker".into(),
                                    wording: "I agree.".into(),
                                },
                            )?),
                        };
                        if let (Consent::Withdrawn, Some(id)) = (consent, consent_id) {
                            diesel::update(story_consents::table.find(id))
                                .set(story_consents::withdrawn_at.eq(Some(now)))
                                .execute(&mut conn)?;
                        }
                        let slug: Slug = format!("item-{}", made.len()).parse()?;
                        let new = item(
                            item_type,
                            slug.clone(),
                            status,
                            visibility,
                            publish_at,
                            consent_id,
                        );
                        let id = insert(&mut conn, &new, &[], &[], &[], &[])?;
                        let text = (
                            "en".to_owned(),
                            "Combination".to_owned(),
                            "A combination.".to_owned(),
                        );
                        search::index(&mut conn, search::DocType::Content, id, &[text])?;
                        made.push((item_type, slug, id));
                    }
                }
            }
        }
    }
    let mut shown_somewhere = 0;
    for members_only in [false, true] {
        let audience = Audience { now, members_only };
        for item_type in [ItemType::Article, ItemType::Story] {
            let by_sql: BTreeSet<Slug> = visible(item_type, audience)
                .select(content_items::slug)
                .load::<Slug>(&mut conn)?
                .into_iter()
                .collect();
            let mut by_row = BTreeSet::new();
            for (t, slug, _) in made.iter().filter(|(t, _, _)| *t == item_type) {
                if let Some(row) = find_visible(&mut conn, *t, slug, audience)? {
                    by_row.insert(row.slug);
                }
            }
            assert_eq!(
                by_sql, by_row,
                "{item_type} for members_only={members_only}"
            );
            let words = crate::search_text::tokens("combination");
            let by_search: BTreeSet<Slug> =
                search::search(&mut conn, &words, now, members_only, 10_000)?
                    .into_iter()
                    .filter(|hit| hit.doc_type == search::DocType::Content)
                    .filter_map(|hit| {
                        made.iter()
                            .find(|(t, _, id)| *t == item_type && *id == hit.doc_id)
                            .map(|(_, slug, _)| slug.clone())
                    })
                    .collect();
            assert_eq!(
                by_sql, by_search,
                "search, {item_type} for members_only={members_only}"
            );
            shown_somewhere += by_sql.len();
        }
    }
    // Not vacuous: public articles, members-only ones for members, and
    // stories with standing consent only.
    // Articles: 2 statuses × 1 time × 3 consents = 6 public, 12 for members;
    // stories: 2 × 1 × 1 = 2 public, 4 for members.
    assert_eq!(shown_somewhere, 6 + 2 + 12 + 4);
    Ok(())
}
