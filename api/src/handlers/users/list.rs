//! `GET /api/v1/users`: accounts, filtered and paginated.

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::{Page, Role, User};
use serde::Deserialize;
use utoipa::IntoParams;

use super::to_user;
use crate::auth::AdminUser;
use crate::db::users::{self, UserFilter};
use crate::db::{Db, two_factor};
use crate::error::ApiError;
use crate::error::responses::{BadParameter, NotAdmin, NotSignedIn};
use crate::handlers::pagination::{PageParams, page_response};
use crate::handlers::{NO_STORE, parse_param, parse_text};

/// Query parameters, parsed one by one so errors name the parameter.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListUsersQuery {
    /// Only users with this role.
    #[param(inline, value_type = Option<Role>)]
    role: Option<String>,
    /// Case-insensitive text in the e-mail address or name; no control characters.
    #[param(max_length = 100, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$")]
    q: Option<String>,
    /// `page` and `per_page`.
    #[serde(flatten)]
    #[param(ignore)]
    page: PageParams,
}

/// List users by e-mail address (admins only).
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(ListUsersQuery, PageParams),
    responses(
        (status = 200, description = "One page of users.", body = Page<User>,
            headers(
                ("X-Total-Count" = u64, description = "Users matching the filters."),
                ("Link" = String, description = "RFC 8288 links: first, prev, next, last.")
            )),
        BadParameter, NotSignedIn, NotAdmin
    )
)]
#[get("/users")]
pub async fn list_users(
    _admin: AdminUser,
    req: HttpRequest,
    query: web::Query<ListUsersQuery>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let role: Option<Role> = parse_param("role", query.role.as_deref())?;
    let filter = UserFilter {
        role,
        text: parse_text("q", query.q.as_deref(), 100)?,
    };
    let request = query.page.request()?;
    let (rows, total, with_two_factor) = db
        .run(move |conn| {
            let (rows, total) = users::list(
                conn,
                &filter,
                request.offset(),
                i64::from(request.per_page()),
            )?;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            let with_two_factor = two_factor::enabled_among(conn, &ids)?;
            Ok((rows, total, with_two_factor))
        })
        .await?;
    let items: Vec<_> = rows
        .into_iter()
        .map(|row| {
            let enabled = with_two_factor.contains(&row.id);
            to_user(row, enabled)
        })
        .collect();
    Ok(page_response(&req, request, items, total, &[NO_STORE]))
}
