//! `POST /api/v1/preview`: Markdown rendered for an editor's live preview.

use actix_web::{HttpResponse, post};
use cecop_shared::{Preview, PreviewRequest};

use crate::auth::StaffUser;
use crate::content::markdown::{self, BODY_MAX_CHARS};
use crate::error::ApiError;
use crate::error::responses::{NotSignedIn, NotStaff};
use crate::handlers::body::Body;
use crate::handlers::{NO_STORE, prose_errors};

/// The largest preview body, in bytes: a body of the longest length
/// allowed, in four-byte characters, with room for JSON escapes.
pub const PREVIEW_LIMIT: usize = 1024 * 1024;

/// Render a Markdown body exactly as readers will get it (editors and
/// admins).
///
/// The same rendering and sanitising as every published body: CommonMark
/// with tables, strikethrough and footnotes; no script, event handler,
/// `javascript:` link, frame or inline style survives; links get
/// `rel="noopener noreferrer"`. Nothing is stored.
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    request_body = PreviewRequest,
    responses(
        (status = 200, description = "The body as it will be published.", body = Preview),
        (status = 400, description = "The body is not a preview request.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        NotSignedIn,
        NotStaff,
        (status = 413, description = "The request is over 1 MiB.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The Markdown is over 200,000 characters or holds control \
            characters (`errors` names `markdown`).", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[post("/preview")]
pub async fn preview(
    _staff: StaffUser,
    Body(request): Body<PreviewRequest, PREVIEW_LIMIT>,
) -> Result<HttpResponse, ApiError> {
    let text = request.markdown;
    let errors = prose_errors("markdown", &text, BODY_MAX_CHARS);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let words = markdown::to_plain_text(&text).split_whitespace().count();
    let preview = Preview {
        html: markdown::to_safe_html(&text),
        words: u64::try_from(words).unwrap_or(u64::MAX),
    };
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(preview))
}
