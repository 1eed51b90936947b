//! `GET /api/v1/members`: the directory, filtered and paginated.

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::{CountryCode, Member, MemberKind, MemberStatus, Page};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::{cache_headers, for_caller, to_members};
use crate::auth::MaybePrincipal;
use crate::db::Db;
use crate::db::members::{self, MemberFilter};
use crate::error::ApiError;
use crate::error::responses::{BadParameter, InvalidCredentials};
use crate::handlers::pagination::{PageParams, page_response};
use crate::handlers::{parse_param, parse_text};

/// Longest accepted search text, in characters.
const Q_MAX_CHARS: usize = 100;

/// Which members to list by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    /// Current members (the default).
    Active,
    /// Organisations that have left.
    Former,
    /// Both.
    All,
}

impl std::str::FromStr for StatusFilter {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "active" => Ok(Self::Active),
            "former" => Ok(Self::Former),
            "all" => Ok(Self::All),
            _ => Err("must be one of: active, former, all".into()),
        }
    }
}

/// Query parameters. They arrive as text and are parsed one by one so that an
/// invalid value is reported with its parameter's name.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListMembersQuery {
    /// Only members from this country (ISO 3166-1 alpha-2, e.g. `IT`).
    #[param(value_type = Option<CountryCode>, example = "IT")]
    country: Option<String>,
    /// Only members of this kind.
    #[param(inline, value_type = Option<MemberKind>)]
    kind: Option<String>,
    /// Members by status; default `active`.
    #[param(inline, value_type = Option<StatusFilter>)]
    status: Option<String>,
    /// Case-insensitive text found in the name or acronym; no control characters.
    #[param(
        max_length = 100,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$",
        example = "legacoop"
    )]
    q: Option<String>,
    /// `page` and `per_page`.
    #[serde(flatten)]
    #[param(ignore)]
    page: PageParams,
}

impl ListMembersQuery {
    fn filter(&self) -> Result<MemberFilter, ApiError> {
        let country: Option<CountryCode> = parse_param("country", self.country.as_deref())?;
        let kind: Option<MemberKind> = parse_param("kind", self.kind.as_deref())?;
        let status = parse_param("status", self.status.as_deref())?.unwrap_or(StatusFilter::Active);
        let statuses = match status {
            StatusFilter::Active => vec![MemberStatus::Active],
            StatusFilter::Former => vec![MemberStatus::Former],
            StatusFilter::All => Vec::new(),
        };
        Ok(MemberFilter {
            country,
            kind,
            statuses,
            text: parse_text("q", self.q.as_deref(), Q_MAX_CHARS)?,
        })
    }
}

/// List member organisations, ordered by name.
///
/// Returns active members by default. Members-only fields are filled for
/// signed-in users and tokens with `members:read`, `null` otherwise. The total count and pagination links
/// are in the body and in the `X-Total-Count` and `Link` headers.
#[utoipa::path(
    tag = "members",
    security((), ("bearer" = []), ("api_token" = ["members:read"])),
    params(ListMembersQuery, PageParams),
    responses(
        (status = 200, description = "One page of members.", body = Page<Member>,
            headers(
                ("X-Total-Count" = u64, description = "Members matching the filters, on all pages."),
                ("Link" = String, description = "RFC 8288 links: first, prev, next, last.")
            )),
        BadParameter, InvalidCredentials
    )
)]
#[get("/members")]
pub async fn list_members(
    caller: MaybePrincipal,
    req: HttpRequest,
    query: web::Query<ListMembersQuery>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let filter = query.filter()?;
    let request = query.page.request()?;
    let (members, total) = db
        .run(move |conn| {
            let (rows, total) = members::list(
                conn,
                &filter,
                request.offset(),
                i64::from(request.per_page()),
            )?;
            Ok((to_members(conn, rows)?, total))
        })
        .await?;
    let members_only = caller.reads_members_only();
    let items: Vec<Member> = members
        .into_iter()
        .map(|member| for_caller(member, members_only))
        .collect();
    Ok(page_response(
        &req,
        request,
        items,
        total,
        &cache_headers(members_only),
    ))
}
