//! `POST /api/v1/campaigns`.

use actix_web::{HttpResponse, post, web};
use cecop_shared::{Campaign, CampaignRequest, CampaignState};
use chrono::Utc;

use super::{to_campaign, validate};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, ClientInfo};
use crate::db::Db;
use crate::db::returns;
use crate::error::ApiError;
use crate::error::responses::{InvalidFields, NotAdmin, NotSignedIn};
use crate::handlers::body::Body;
use crate::statistics::StatisticsCache;

/// Create a campaign (admins only). It starts `planned` unless `state` says otherwise.
#[utoipa::path(
    tag = "data",
    security(("bearer" = [])),
    request_body = CampaignRequest,
    responses(
        (status = 201, description = "Created.", body = Campaign),
        (status = 400, description = "The body is not a campaign.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        NotSignedIn, NotAdmin,
        (status = 409, description = "A campaign for this year exists.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        InvalidFields
    )
)]
#[post("/campaigns")]
pub async fn create_campaign(
    AdminUser(admin): AdminUser,
    Body(request): Body<CampaignRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
    statistics: web::Data<StatisticsCache>,
) -> Result<HttpResponse, ApiError> {
    let fields = validate(&request, request.state.unwrap_or(CampaignState::Planned))?;
    let year = fields.year;
    let row = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                if returns::campaign(conn, year)?.is_some() {
                    return Err(ApiError::Conflict {
                        field: "year".into(),
                        message: format!("A campaign for {year} exists already."),
                    });
                }
                returns::insert_campaign(conn, &fields, Utc::now().naive_utc())?;
                let event = Event {
                    actor: Some(admin.actor()),
                    target: Some(("campaign", year.to_string())),
                    detail: Some(fields.state.to_string()),
                    ..Event::new(AuditAction::CampaignCreated)
                };
                audit::record(conn, &client, event)?;
                returns::campaign(conn, year)?
                    .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("campaign {year} vanished")))
            })
        })
        .await?;
    statistics.forget_fingerprint();
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/campaigns/{year}")))
        .json(to_campaign(row)))
}
