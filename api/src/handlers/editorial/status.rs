//! `POST /api/v1/editorial/{collection}/{id}/{publish,schedule,unpublish,
//! archive,restore}`: an item's status actions. Each requires `If-Match`,
//! is a new revision, is audited, and is seen by every public read within
//! a second (the content fingerprint moves with `updated_at`). An action
//! the item's status does not allow is a 409 naming that status.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use cecop_shared::{Collection, EditorialItem, FieldError, ScheduleRequest};

use super::{audited_item, item_response, locate, write_item};
use crate::auth::audit::AuditAction;
use crate::auth::{ClientInfo, CurrentUser, StaffUser};
use crate::content::clock::Clock;
use crate::content::document::{to_utc, zone};
use crate::content::editorial::{self, Precondition, Transition};
use crate::db::Db;
use crate::error::ApiError;
use crate::error::responses::{
    BadId, BadIdOrBody, InvalidFields, NoIfMatch, NoSuchItem, NotSignedIn, NotStaff, StaleVersion,
};
use crate::handlers::body::{Body, fields_from};
use crate::handlers::precondition::IfMatch;

/// One status action on one item, in one transaction with its audit entry.
async fn act(
    editor: CurrentUser,
    path: &(String, String),
    precondition: Precondition,
    transition: Transition,
    client: ClientInfo,
    clock: &Clock,
    db: &Db,
) -> Result<HttpResponse, ApiError> {
    let (collection, id) = locate(&path.0, &path.1)?;
    let now = clock.now();
    let item = write_item(db, (collection, id), precondition, move |conn, row| {
        let status = editorial::transition(conn, &row, transition, editor.id, now)?;
        let action = match transition {
            Transition::Publish => AuditAction::ContentPublished,
            Transition::Schedule(..) => AuditAction::ContentScheduled,
            Transition::Unpublish => AuditAction::ContentUnpublished,
            Transition::Archive => AuditAction::ContentArchived,
            Transition::Unarchive => AuditAction::ContentUnarchived,
        };
        let detail = match transition {
            Transition::Schedule(at, zone) => format!("status={status} at={at}Z zone={zone}"),
            _ => format!("status={status}"),
        };
        audited_item(
            conn,
            &client,
            (&editor, action),
            collection,
            id,
            detail,
            now,
        )
    })
    .await?;
    Ok(item_response(StatusCode::OK, &item))
}

macro_rules! status_action {
    ($name:ident, $path:literal, $transition:expr, $summary:literal, $from:literal) => {
        #[doc = $summary]
        ///
        #[doc = $from]
        #[utoipa::path(
            tag = "editorial",
            security(("bearer" = [])),
            params(("collection" = Collection, Path, description = "articles, events or stories."),
                ("id" = i64, Path, description = "The item's id.", minimum = 1),
                ("If-Match" = String, Header, description = "The `ETag` of the version being changed.",
            pattern = r#"^(\*|(W/)?"[!#-~]*"(, ?(W/)?"[!#-~]*")*)$"#)),
            responses(
                (status = 200, description = "The item as it now is.", body = EditorialItem,
                    headers(("ETag" = String, description = "Its new version."))),
                BadId, NotSignedIn, NotStaff, NoSuchItem,
                (status = 409, description = "The item's status does not allow this (`errors` names `status`).",
                    body = cecop_shared::Problem, content_type = "application/problem+json"),
                StaleVersion, NoIfMatch
            )
        )]
        #[post($path)]
        pub async fn $name(
            StaffUser(editor): StaffUser,
            path: web::Path<(String, String)>,
            IfMatch(precondition): IfMatch,
            client: ClientInfo,
            clock: web::Data<Clock>,
            db: web::Data<Db>,
        ) -> Result<HttpResponse, ApiError> {
            act(editor, &path, precondition, $transition, client, &clock, &db).await
        }
    };
}

status_action!(
    publish_item,
    "/editorial/{collection}/{id}/publish",
    Transition::Publish,
    "Publish an item now (editors and admins).",
    "From draft or scheduled. An item published before keeps its first publication date."
);
status_action!(
    unpublish_item,
    "/editorial/{collection}/{id}/unpublish",
    Transition::Unpublish,
    "Take an item back to draft (editors and admins).",
    "From published or scheduled: it leaves every public list, page, search and feed."
);
status_action!(
    archive_item,
    "/editorial/{collection}/{id}/archive",
    Transition::Archive,
    "Archive an item (editors and admins).",
    "From draft, scheduled or published: kept, with its revisions, but never shown."
);
status_action!(
    restore_item,
    "/editorial/{collection}/{id}/restore",
    Transition::Unarchive,
    "Bring an item back from the archive, as a draft (editors and admins).",
    "From archived only."
);

/// Schedule an item to become public at a time in the future (editors and
/// admins).
///
/// The time is as the editor's clock shows it in `time_zone`: daylight
/// saving is applied as it will be on that day. A time a clock change
/// skips is refused; one it repeats means its first occurrence. From draft
/// or scheduled (rescheduling). The item becomes public when the time
/// passes, on every instance, without a restart.
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        ("id" = i64, Path, description = "The item's id.", minimum = 1),
        ("If-Match" = String, Header, description = "The `ETag` of the version being changed.",
            pattern = r#"^(\*|(W/)?"[!#-~]*"(, ?(W/)?"[!#-~]*")*)$"#)),
    request_body = ScheduleRequest,
    responses(
        (status = 200, description = "The item as it now is.", body = EditorialItem,
            headers(("ETag" = String, description = "Its new version."))),
        BadIdOrBody, NotSignedIn, NotStaff, NoSuchItem,
        (status = 409, description = "The item's status does not allow this (`errors` names `status`).",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        StaleVersion, InvalidFields, NoIfMatch
    )
)]
#[post("/editorial/{collection}/{id}/schedule")]
pub async fn schedule_item(
    StaffUser(editor): StaffUser,
    path: web::Path<(String, String)>,
    IfMatch(precondition): IfMatch,
    Body(request): Body<serde_json::Value>,
    client: ClientInfo,
    clock: web::Data<Clock>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let request: ScheduleRequest = fields_from(request)?;
    let tz = zone("time_zone", &request.time_zone).map_err(|e| ApiError::Validation(vec![e]))?;
    let at = to_utc(request.local, tz).ok_or_else(|| {
        ApiError::Validation(vec![FieldError::new(
            "local",
            format!("that local time does not exist in {tz} (a clock change skips it)"),
        )])
    })?;
    if at <= clock.now() {
        return Err(ApiError::Validation(vec![FieldError::new(
            "local",
            "must be in the future; to publish now, use publish",
        )]));
    }
    act(
        editor,
        &path,
        precondition,
        Transition::Schedule(at, tz),
        client,
        &clock,
        &db,
    )
    .await
}
