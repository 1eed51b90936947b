//! `DELETE /api/v1/campaigns/{year}`.

use actix_web::{HttpResponse, delete, web};

use super::parse_year;
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, ClientInfo};
use crate::db::Db;
use crate::db::returns;
use crate::error::ApiError;
use crate::error::responses::{BadYear, NoCampaign, NotAdmin, NotSignedIn};
use crate::statistics::StatisticsCache;

/// Delete a campaign that has no returns yet (admins only); one with
/// returns is a 409, so no member's figures are ever lost this way.
#[utoipa::path(
    tag = "data",
    security(("bearer" = [])),
    params(("year" = i32, Path, description = "The campaign's reference year.", minimum = 2000, maximum = 2100)),
    responses(
        (status = 204, description = "Deleted."),
        BadYear, NotSignedIn, NotAdmin, NoCampaign,
        (status = 409, description = "The campaign has returns.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[delete("/campaigns/{year}")]
pub async fn delete_campaign(
    AdminUser(admin): AdminUser,
    year: web::Path<String>,
    client: ClientInfo,
    db: web::Data<Db>,
    statistics: web::Data<StatisticsCache>,
) -> Result<HttpResponse, ApiError> {
    let year = parse_year(&year)?;
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            let campaign = returns::campaign(conn, year)?
                .ok_or_else(|| ApiError::NotFound(format!("There is no {year} campaign.")))?;
            let count = returns::return_count(conn, campaign.id)?;
            if count > 0 {
                return Err(ApiError::Conflict {
                    field: "year".into(),
                    message: format!(
                        "The {year} campaign has {count} returns; it cannot be deleted."
                    ),
                });
            }
            returns::delete_campaign(conn, campaign.id)?;
            let event = Event {
                actor: Some(admin.actor()),
                target: Some(("campaign", year.to_string())),
                ..Event::new(AuditAction::CampaignDeleted)
            };
            audit::record(conn, &client, event)?;
            Ok(())
        })
    })
    .await?;
    statistics.forget_fingerprint();
    Ok(HttpResponse::NoContent().finish())
}
