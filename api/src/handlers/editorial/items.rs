//! `/api/v1/editorial/{collection}` and `/{collection}/{id}`: the back
//! office's items of every status — list, create, read, change, delete.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use cecop_shared::{
    Collection, ContentStatus, EditorialItem, EditorialSummary, ItemContent, ItemDocument, NewItem,
    Page, SaveAction,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{
    ITEM_LIMIT, audited_item, collection as collection_named, item_response, locate, write_item,
};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{ClientInfo, StaffUser};
use crate::content::clock::Clock;
use crate::content::editorial;
use crate::db::Db;
use crate::db::content::ContentFilter;
use crate::db::content::editorial as db;
use crate::error::ApiError;
use crate::error::responses::{
    BadId, BadIdOrBody, BadParameter, BodyTooLarge, InvalidFields, NoIfMatch, NoSuchItem,
    NotSignedIn, NotStaff, StaleVersion,
};
use crate::handlers::body::{Body, fields_from, merge_patch};
use crate::handlers::content::query_words;
use crate::handlers::pagination::{PageParams, page_response};
use crate::handlers::precondition::IfMatch;
use crate::handlers::{NO_STORE, parse_param};

/// Filters of the back office's list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EditorialListQuery {
    /// Only items in this status, as readers experience it (a scheduled
    /// item whose time has come is `published`).
    #[param(inline, value_type = Option<ContentStatus>)]
    status: Option<String>,
    /// Words in the title, summary or body of any language (each matched
    /// as a prefix, accents and case ignored).
    #[param(max_length = 200, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$")]
    q: Option<String>,
    #[serde(flatten)]
    #[param(ignore)]
    page: PageParams,
}

/// List a collection's items of every status, last changed first (editors
/// and admins).
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        EditorialListQuery, PageParams),
    responses(
        (status = 200, description = "One page of items.", body = Page<EditorialSummary>,
            headers(
                ("X-Total-Count" = u64, description = "Items matching the filters."),
                ("Link" = String, description = "RFC 8288 links: first, prev, next, last.")
            )),
        BadParameter, NotSignedIn, NotStaff, NoSuchItem
    )
)]
#[get("/editorial/{collection}")]
pub async fn list_items(
    _staff: StaffUser,
    req: HttpRequest,
    collection: web::Path<String>,
    query: web::Query<EditorialListQuery>,
    clock: web::Data<Clock>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let collection = collection_named(&collection)?;
    let status: Option<ContentStatus> = parse_param("status", query.status.as_deref())?;
    let words = query_words(query.q.as_deref())?;
    let request = query.page.request()?;
    let now = clock.now();
    let (items, total) = db
        .run(move |conn| {
            let mut filter = ContentFilter::new(editorial::item_type(collection));
            if !words.is_empty() {
                filter.text = Some(crate::db::search::text_match(conn, &words));
            }
            let total = db::staff_count(conn, &filter, status, now)?;
            let rows = db::staff_page(
                conn,
                &filter,
                status,
                now,
                request.offset(),
                i64::from(request.per_page()),
            )?;
            Ok((editorial::summaries(conn, &rows, now)?, total))
        })
        .await?;
    Ok(page_response(&req, request, items, total, &[NO_STORE]))
}

/// Create a draft (editors and admins).
///
/// Without `slug`, one is made from the default language's title (with
/// `-2`, `-3`… when taken). The item is a draft until published or
/// scheduled; revision 1 keeps it as written.
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories.")),
    request_body = NewItem,
    responses(
        (status = 201, description = "The draft.", body = EditorialItem,
            headers(
                ("ETag" = String, description = "Its version; send it in `If-Match` to change it."),
                ("Location" = String, description = "Where it is.")
            )),
        BadIdOrBody, NotSignedIn, NotStaff, NoSuchItem,
        (status = 409, description = "Another item of the collection has this slug (`errors` names `slug`).",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        BodyTooLarge, InvalidFields
    )
)]
#[post("/editorial/{collection}")]
pub async fn create_item(
    StaffUser(editor): StaffUser,
    collection: web::Path<String>,
    Body(new): Body<serde_json::Value, ITEM_LIMIT>,
    client: ClientInfo,
    clock: web::Data<Clock>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let collection = collection_named(&collection)?;
    let (slug, content) = document_from(new)?;
    let new = NewItem { slug, content };
    let now = clock.now();
    let item = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let id = editorial::create(conn, collection, new, editor.id, now)?;
                let action = (&editor, AuditAction::ContentCreated);
                audited_item(conn, &client, action, collection, id, "draft".into(), now)
            })
        })
        .await?;
    Ok(item_response(StatusCode::CREATED, &item))
}

/// Get an item of any status, with every language and where each
/// translation stands (editors and admins).
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        ("id" = i64, Path, description = "The item's id.", minimum = 1)),
    responses(
        (status = 200, description = "The item.", body = EditorialItem,
            headers(("ETag" = String, description = "Its version; send it in `If-Match` to change it."))),
        BadId, NotSignedIn, NotStaff, NoSuchItem
    )
)]
#[get("/editorial/{collection}/{id}")]
pub async fn get_item(
    _staff: StaffUser,
    path: web::Path<(String, String)>,
    clock: web::Data<Clock>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let (collection, id) = locate(&path.0, &path.1)?;
    let now = clock.now();
    let item = db
        .run(move |conn| {
            let row = editorial::find(conn, collection, id)?;
            editorial::to_item(conn, &row, now)
        })
        .await?;
    Ok(item_response(StatusCode::OK, &item))
}

/// A 422 naming one field.
fn invalid(field: impl Into<String>, message: impl Into<String>) -> ApiError {
    ApiError::Validation(vec![cecop_shared::FieldError::new(field, message)])
}

/// An item's slug (`null` or absent: none) and content from JSON, or a 422
/// naming the field it gets wrong: a value of the wrong type or outside
/// its set (`visibility: "secret"`), a missing member, or a member no item
/// has.
fn document_from(
    value: serde_json::Value,
) -> Result<(Option<cecop_shared::Slug>, ItemContent), ApiError> {
    let serde_json::Value::Object(mut given) = value else {
        return Err(ApiError::Malformed(
            "An item is a JSON object of its fields.".into(),
        ));
    };
    let slug = match given.remove("slug") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(slug)) => {
            Some(slug.parse().map_err(|e| invalid("slug", format!("{e}")))?)
        }
        Some(_) => return Err(invalid("slug", "must be a string")),
    };
    let content: ItemContent = fields_from(serde_json::Value::Object(given.clone()))?;
    // Sections and translations refuse unknown members themselves; the top
    // level is also the flattened part of `ItemDocument`, which serde
    // cannot make strict, so it is checked against what was read.
    let read = serde_json::to_value(&content).map_err(|e| ApiError::Internal(e.into()))?;
    if let Some((key, _)) = given
        .iter()
        .find(|(key, value)| !value.is_null() && read.get(key.as_str()).is_none())
    {
        return Err(invalid(key.clone(), "is not a field of an item"));
    }
    Ok((slug, content))
}

/// The document with a merge patch applied, or a 422 naming the field the
/// result gets wrong.
fn patched(current: &ItemDocument, patch: serde_json::Value) -> Result<ItemDocument, ApiError> {
    if !patch.is_object() {
        return Err(ApiError::Malformed(
            "A patch is a JSON object of the fields to change (RFC 7396).".into(),
        ));
    }
    let mut value = serde_json::to_value(current).map_err(|e| ApiError::Internal(e.into()))?;
    merge_patch(&mut value, patch);
    match document_from(value)? {
        (Some(slug), content) => Ok(ItemDocument { slug, content }),
        (None, _) => Err(invalid("slug", "an item keeps a slug")),
    }
}

/// Change an item: a JSON Merge Patch (RFC 7396) of its document
/// (editors and admins).
///
/// Send the fields to change, e.g. `{"translations": {"fr": {"title":
/// "…"}}}`; `null` removes a member (`{"translations": {"it": null}}`
/// deletes the Italian version). Requires `If-Match` with the version
/// read. The save is a new revision. Changing a published item's slug
/// keeps the old one answering as a redirect to the new one. Changing the
/// default language's text marks the other translations outdated until
/// they are saved again.
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        ("id" = i64, Path, description = "The item's id.", minimum = 1),
        ("If-Match" = String, Header, description = "The `ETag` of the version being changed.",
            pattern = r#"^(\*|(W/)?"[!#-~]*"(, ?(W/)?"[!#-~]*")*)$"#)),
    request_body(content = Object, description = "A JSON Merge Patch of the item's `document` \
        (an `ItemDocument`, every member optional).",
        content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The item as it now is.", body = EditorialItem,
            headers(("ETag" = String, description = "Its new version."))),
        BadIdOrBody, NotSignedIn, NotStaff, NoSuchItem,
        (status = 409, description = "Another item of the collection has this slug (`errors` names `slug`).",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        StaleVersion, BodyTooLarge, InvalidFields, NoIfMatch
    )
)]
#[patch("/editorial/{collection}/{id}")]
pub async fn update_item(
    StaffUser(editor): StaffUser,
    path: web::Path<(String, String)>,
    IfMatch(precondition): IfMatch,
    Body(patch): Body<serde_json::Value, ITEM_LIMIT>,
    client: ClientInfo,
    clock: web::Data<Clock>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let (collection, id) = locate(&path.0, &path.1)?;
    let now = clock.now();
    let item = write_item(&db, (collection, id), precondition, move |conn, row| {
        let current = crate::content::document::read(conn, &row)?;
        let document = patched(&current, patch)?;
        let changed = editorial::save(conn, &row, document, SaveAction::Edited, editor.id, now)?;
        let action = (&editor, AuditAction::ContentUpdated);
        let detail = format!("changed: {}", summary(&changed));
        audited_item(conn, &client, action, collection, id, detail, now)
    })
    .await?;
    Ok(item_response(StatusCode::OK, &item))
}

/// The changed fields for an audit entry: the first few, and how many more.
pub fn summary(changed: &[String]) -> String {
    const SHOWN: usize = 8;
    let mut text = changed
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if changed.len() > SHOWN {
        text.push_str(&format!(" and {} more", changed.len() - SHOWN));
    }
    if text.is_empty() {
        text.push_str("nothing");
    }
    text
}

/// Delete a draft that was never published (editors and admins).
///
/// Anything that was ever public is archived instead (409), so links and
/// history stay whole. Requires `If-Match`.
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        ("id" = i64, Path, description = "The item's id.", minimum = 1),
        ("If-Match" = String, Header, description = "The `ETag` of the version being deleted.",
            pattern = r#"^(\*|(W/)?"[!#-~]*"(, ?(W/)?"[!#-~]*")*)$"#)),
    responses(
        (status = 204, description = "Deleted, with its revisions."),
        BadId, NotSignedIn, NotStaff, NoSuchItem,
        (status = 409, description = "Not a draft, or published before (`errors` names `status`).",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        StaleVersion, NoIfMatch
    )
)]
#[delete("/editorial/{collection}/{id}")]
pub async fn delete_item(
    StaffUser(editor): StaffUser,
    path: web::Path<(String, String)>,
    IfMatch(precondition): IfMatch,
    client: ClientInfo,
    clock: web::Data<Clock>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let item = locate(&path.0, &path.1)?;
    let now = clock.now();
    write_item(&db, item, precondition, move |conn, row| {
        editorial::delete(conn, &row, now)?;
        let event = Event {
            actor: Some(editor.actor()),
            target: Some((row.item_type.as_str(), row.id.to_string())),
            detail: Some(format!("slug={}", row.slug)),
            ..Event::new(AuditAction::ContentDeleted)
        };
        Ok(audit::record(conn, &client, event)?)
    })
    .await?;
    Ok(HttpResponse::NoContent().insert_header(NO_STORE).finish())
}
