//! `PUT /api/v1/campaigns/{year}`.

use actix_web::{HttpResponse, put, web};
use cecop_shared::{Campaign, CampaignRequest};

use super::{parse_year, to_campaign, validate};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, ClientInfo};
use crate::db::Db;
use crate::db::returns;
use crate::error::ApiError;
use crate::error::responses::{BadYearOrBody, InvalidFields, NoCampaign, NotAdmin, NotSignedIn};
use crate::handlers::body::Body;
use crate::statistics::StatisticsCache;

/// Change a campaign's dates or move it to its next state (admins only).
///
/// States move `planned` → `open` → `closed` → `published`; a closed
/// campaign may reopen and a published one may close again (its figures
/// then leave the statistics). Any other move is a 409 naming the current
/// state. The year comes from the path; the body's `year` must match it.
#[utoipa::path(
    tag = "data",
    security(("bearer" = [])),
    params(("year" = i32, Path, description = "The campaign's reference year.", minimum = 2000, maximum = 2100)),
    request_body = CampaignRequest,
    responses(
        (status = 200, description = "Updated.", body = Campaign),
        BadYearOrBody, NotSignedIn, NotAdmin, NoCampaign,
        (status = 409, description = "The state cannot move that way.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        InvalidFields
    )
)]
#[put("/campaigns/{year}")]
pub async fn update_campaign(
    AdminUser(admin): AdminUser,
    year: web::Path<String>,
    Body(request): Body<CampaignRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
    statistics: web::Data<StatisticsCache>,
) -> Result<HttpResponse, ApiError> {
    let year = parse_year(&year)?;
    if request.year != year {
        return Err(ApiError::Validation(vec![cecop_shared::FieldError::new(
            "year",
            format!("must be {year}, the year in the path"),
        )]));
    }
    let row = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let current = returns::campaign(conn, year)?
                    .ok_or_else(|| ApiError::NotFound(format!("There is no {year} campaign.")))?;
                let from = current.state;
                let to = request.state.unwrap_or(from);
                if to != from && !from.next().contains(&to) {
                    let next: Vec<&str> = from.next().iter().map(|s| s.as_str()).collect();
                    return Err(ApiError::Conflict {
                        field: "state".into(),
                        message: format!(
                            "The campaign is {from}; it can move only to {}.",
                            next.join(" or ")
                        ),
                    });
                }
                let fields = validate(&request, to)?;
                returns::update_campaign(conn, current.id, &fields)?;
                let event = Event {
                    actor: Some(admin.actor()),
                    target: Some(("campaign", year.to_string())),
                    detail: Some(format!("{from} -> {to}")),
                    ..Event::new(AuditAction::CampaignUpdated)
                };
                audit::record(conn, &client, event)?;
                returns::campaign(conn, year)?
                    .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("campaign {year} vanished")))
            })
        })
        .await?;
    statistics.forget_fingerprint();
    Ok(HttpResponse::Ok().json(to_campaign(row)))
}
