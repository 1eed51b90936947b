//! `POST /api/v1/members` and `PATCH /api/v1/members/{slug}`: admins create
//! and edit member organisations — every field, the description in other
//! languages, and `status: former` to deactivate one (kept in history and
//! statistics, gone from the active directory and the headline counts).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, patch, post, web};
use cecop_shared::{FieldError, Member, MemberInput, MemberStatus, Slug};
use chrono::{TimeZone, Utc};

use super::{input, to_one};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, ClientInfo};
use crate::content::document::{free_slug, slug_from};
use crate::content::editorial::Precondition;
use crate::db::members::{self, NewMember};
use crate::db::{Db, DbConnection};
use crate::error::ApiError;
use crate::error::responses::{
    BadBody, InvalidFields, NoIfMatch, NotAdmin, NotSignedIn, StaleVersion,
};
use crate::handlers::NO_STORE;
use crate::handlers::body::{Body, fields_from, merge_patch};
use crate::handlers::precondition::IfMatch;
use crate::representation::entity_tag;
use crate::representation::tags::base_tag;

/// A member answer: as admins read it, with its entity tag, which is the
/// tag `GET /api/v1/members/{slug}` gives them for the same state.
fn member_response(status: StatusCode, member: &Member) -> Result<HttpResponse, ApiError> {
    let body = serde_json::to_vec(member).map_err(|e| ApiError::Internal(e.into()))?;
    let tag = entity_tag(&body);
    Ok(HttpResponse::build(status)
        .insert_header(NO_STORE)
        .insert_header(("ETag", tag))
        .content_type("application/json")
        .body(body))
}

fn audited(
    conn: &mut DbConnection,
    client: &ClientInfo,
    admin: &crate::auth::CurrentUser,
    action: AuditAction,
    slug: &Slug,
    detail: String,
) -> Result<(), ApiError> {
    let event = Event {
        actor: Some(admin.actor()),
        target: Some(("member", slug.to_string())),
        detail: Some(detail),
        ..Event::new(action)
    };
    Ok(audit::record(conn, client, event)?)
}

/// Create a member organisation (admins).
///
/// Without `slug`, one is made from the name. It appears in the directory,
/// the headline counts and search at once (while `active`).
#[utoipa::path(
    tag = "members",
    security(("bearer" = [])),
    request_body = MemberInput,
    responses(
        (status = 201, description = "The member.", body = Member,
            headers(("ETag" = String, description = "Send it in `If-Match` to change it."),
                ("Location" = String, description = "Where it is."))),
        BadBody, NotSignedIn, NotAdmin,
        (status = 409, description = "Another member has this slug (`errors` names `slug`).",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        InvalidFields
    )
)]
#[post("/members")]
pub async fn create_member(
    AdminUser(admin): AdminUser,
    Body(raw): Body<serde_json::Value>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let new: MemberInput = fields_from(raw)?;
    let fields = input::check(&new).map_err(ApiError::Validation)?;
    let descriptions = input::descriptions(&new);
    let member = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let slug = match new.slug {
                    Some(slug) if members::slug_exists(conn, slug.as_str())? => {
                        return Err(ApiError::Conflict {
                            field: "slug".into(),
                            message: "another member organisation has this slug".into(),
                        });
                    }
                    Some(slug) => slug,
                    None => free_slug(&slug_from(&new.name), |s| {
                        members::slug_exists(conn, s.as_str())
                    })?,
                };
                let id = members::insert(
                    conn,
                    &NewMember {
                        slug: slug.clone(),
                        fields,
                    },
                )?;
                members::replace_descriptions(conn, id, &descriptions)?;
                crate::db::search::reindex_member(conn, slug.as_str())?;
                audited(
                    conn,
                    &client,
                    &admin,
                    AuditAction::MemberCreated,
                    &slug,
                    format!("status={}", new.status),
                )?;
                let row = members::find_by_slug(conn, slug.as_str())?
                    .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("member {slug} vanished")))?;
                Ok(to_one(conn, row)?)
            })
        })
        .await?;
    let mut response = member_response(StatusCode::CREATED, &member)?;
    if let Ok(location) = format!("/api/v1/members/{}", member.slug).parse() {
        response
            .headers_mut()
            .insert(actix_web::http::header::LOCATION, location);
    }
    Ok(response)
}

/// Change a member organisation: a JSON Merge Patch of its `MemberInput`
/// (admins).
///
/// `{"status": "former"}` deactivates it; `{"descriptions": {"fr": "…"}}`
/// sets the French description, `{"descriptions": {"fr": null}}` removes
/// it. The slug never changes. Requires `If-Match` with the `ETag` of the
/// member as last read (from `GET /api/v1/members/{slug}` or a previous
/// write). Its name changes at once on the content related to it.
#[utoipa::path(
    tag = "members",
    security(("bearer" = [])),
    params(("slug" = Slug, Path, description = "The member's slug."),
        ("If-Match" = String, Header, description = "The `ETag` of the member as last read.",
            pattern = r#"^(\*|(W/)?"[!#-~]*"(, ?(W/)?"[!#-~]*")*)$"#)),
    request_body(content = Object, description = "A JSON Merge Patch of the member's \
        `MemberInput` (every member optional).", content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The member as it now is.", body = Member,
            headers(("ETag" = String, description = "Its new tag."))),
        BadBody, NotSignedIn, NotAdmin,
        (status = 404, description = "No member has this slug.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        StaleVersion, InvalidFields, NoIfMatch
    )
)]
#[patch("/members/{slug}")]
pub async fn update_member(
    AdminUser(admin): AdminUser,
    slug: web::Path<String>,
    IfMatch(precondition): IfMatch,
    Body(patch): Body<serde_json::Value>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let slug: Slug = slug.parse().map_err(|e| ApiError::invalid("slug", e))?;
    let member = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let row = members::find_by_slug(conn, slug.as_str())?.ok_or_else(|| {
                    ApiError::NotFound("No member organisation has this slug.".into())
                })?;
                let (id, read_at) = (row.id, row.updated_at);
                let current = to_one(conn, row)?;
                let body =
                    serde_json::to_vec(&current).map_err(|e| ApiError::Internal(e.into()))?;
                let stale = || {
                    ApiError::PreconditionFailed(Box::new(cecop_shared::CurrentVersion {
                        version: None,
                        etag: entity_tag(&body),
                        saved_by: None,
                        saved_at: Utc.from_utc_datetime(&read_at),
                    }))
                };
                if let Precondition::Tags(tags) = &precondition
                    && !tags.iter().any(|t| base_tag(t) == entity_tag(&body))
                {
                    return Err(stale());
                }
                let was = current.status;
                let mut document = serde_json::to_value(input::of(current))
                    .map_err(|e| ApiError::Internal(e.into()))?;
                if !patch.is_object() {
                    return Err(ApiError::Malformed(
                        "A patch is a JSON object of the fields to change (RFC 7396).".into(),
                    ));
                }
                merge_patch(&mut document, patch);
                let changed: MemberInput = fields_from(document)?;
                if changed.slug.as_ref() != Some(&slug) {
                    return Err(ApiError::Validation(vec![FieldError::new(
                        "slug",
                        "a member's slug does not change: links, users and tokens hold it",
                    )]));
                }
                let fields = input::check(&changed).map_err(ApiError::Validation)?;
                let now = Utc::now().naive_utc();
                if !members::update_fields(conn, id, read_at, &fields, now)? {
                    return Err(stale());
                }
                members::replace_descriptions(conn, id, &input::descriptions(&changed))?;
                crate::db::search::reindex_member(conn, slug.as_str())?;
                let action = match (was, changed.status) {
                    (MemberStatus::Active, MemberStatus::Former) => AuditAction::MemberDeactivated,
                    _ => AuditAction::MemberUpdated,
                };
                audited(
                    conn,
                    &client,
                    &admin,
                    action,
                    &slug,
                    format!("status={}", changed.status),
                )?;
                let row = members::find_by_slug(conn, slug.as_str())?
                    .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("member {slug} vanished")))?;
                Ok(to_one(conn, row)?)
            })
        })
        .await?;
    member_response(StatusCode::OK, &member)
}
