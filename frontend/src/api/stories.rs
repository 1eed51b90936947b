//! #COOPTALES stories (`GET /api/v1/stories`, `GET /api/v1/stories/{slug}`).

use cecop_shared::{Page, Slug, Story, StorySummary};

use super::{ApiError, get_json};
use crate::i18n::Lang;

/// Fetches page `page` of published stories, newest first, `per_page` at a time.
pub async fn list_stories(
    page: u32,
    per_page: u32,
    lang: Lang,
) -> Result<Page<StorySummary>, ApiError> {
    let query = [
        ("lang", lang.code().to_owned()),
        ("page", page.to_string()),
        ("per_page", per_page.to_string()),
    ];
    get_json("/stories", &query).await
}

/// Fetches one story in `lang` (or its default language).
pub async fn get_story(slug: &Slug, lang: Lang) -> Result<Story, ApiError> {
    get_json(
        &format!("/stories/{slug}"),
        &[("lang", lang.code().to_owned())],
    )
    .await
}
