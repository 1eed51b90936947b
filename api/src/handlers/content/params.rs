//! Request parsing shared by the article, event, story and search handlers:
//! which languages the caller prefers, date ranges,
//! search words, and the text, language and paging parameters of a list.

use actix_web::HttpRequest;
use actix_web::http::header;
use cecop_shared::Language;
use chrono::{NaiveDate, NaiveDateTime};

use crate::content::language::Preferences;
use crate::db::content::{self, Audience};
use crate::error::ApiError;
use crate::handlers::parse_param;

/// Longest accepted search text, in characters.
pub const Q_MAX_CHARS: usize = 200;

/// The caller's language preferences from `?lang=` and `Accept-Language`.
pub fn preferences(req: &HttpRequest, lang: Option<&str>) -> Result<Preferences, ApiError> {
    let explicit: Option<Language> = parse_param("lang", lang)?;
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Ok(Preferences::new(explicit, accept))
}

/// A `YYYY-MM-DD` date parameter as the start of that day (UTC).
pub fn parse_day(name: &str, raw: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    raw.map(|value| {
        NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map_err(|_| ApiError::invalid(name, "must be a date written YYYY-MM-DD"))
    })
    .transpose()
}

/// `from`/`to` days as a half-open range of instants: from the start of
/// `from` to the end of `to`, both included. A `to` before `from` is an
/// empty range, not an error: each bound is valid on its own.
pub fn day_range(
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(Option<NaiveDateTime>, Option<NaiveDateTime>), ApiError> {
    let from = parse_day("from", from)?;
    let to = parse_day("to", to)?;
    Ok((
        from.and_then(|d| d.and_hms_opt(0, 0, 0)),
        to.and_then(|d| d.succ_opt())
            .and_then(|d| d.and_hms_opt(0, 0, 0)),
    ))
}

/// The parameters every content list takes besides its filters: text,
/// language and paging. Parsed from the same query string as the filters.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Words that must all appear (as word prefixes, accents and case ignored)
    /// in the title, summary or body of some language version.
    #[param(
        max_length = 200,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$",
        example = "care"
    )]
    q: Option<String>,
    /// Preferred language (ISO 639-1); overrides `Accept-Language`. Items
    /// without it are served in their default language.
    #[param(value_type = Option<cecop_shared::Language>, example = "fr")]
    lang: Option<String>,
    /// `page` and `per_page`.
    #[serde(flatten)]
    #[param(ignore)]
    page: crate::handlers::pagination::PageParams,
}

impl ListParams {
    /// The list request for `filter` in `order`, for this caller.
    pub fn request(
        &self,
        reader: &super::Reader,
        filter: content::ContentFilter,
        order: content::Order,
    ) -> Result<ListRequest, ApiError> {
        Ok(ListRequest {
            words: query_words(self.q.as_deref())?,
            audience: reader.audience,
            order,
            page: self.page.request()?,
            prefs: preferences(&reader.req, self.lang.as_deref())?,
            filter,
        })
    }
}

/// A list request, parsed: filters, audience, order, page and languages.
#[derive(Debug)]
pub struct ListRequest {
    pub filter: content::ContentFilter,
    /// Query words for full-text filtering, folded.
    pub words: Vec<String>,
    pub audience: Audience,
    pub order: content::Order,
    pub page: cecop_shared::PageRequest,
    pub prefs: Preferences,
}

/// The words of an optional `q` parameter, validated and folded.
pub fn query_words(q: Option<&str>) -> Result<Vec<String>, ApiError> {
    Ok(crate::handlers::parse_text("q", q, Q_MAX_CHARS)?
        .map(|q| crate::search_text::tokens(&q))
        .unwrap_or_default())
}
