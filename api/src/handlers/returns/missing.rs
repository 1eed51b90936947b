//! `GET /api/v1/campaigns/{year}/missing`: who has not sent their return.

use actix_web::{HttpResponse, get, web};
use cecop_shared::{MemberRef, ReturnState, ReturnSummary};

use super::summary;
use crate::auth::StaffUser;
use crate::db::Db;
use crate::db::returns as db;
use crate::error::ApiError;
use crate::error::responses::{BadYear, NoCampaign, NotSignedIn, NotStaff};
use crate::handlers::NO_STORE;
use crate::handlers::campaigns::parse_year;

/// The active members whose return for this campaign is not in yet
/// (editors and admins), by name: not started (`id` is `null`), a draft,
/// or sent back to them. Those that submitted, or whose return was
/// approved, are in the review queue instead; former members are not
/// expected.
#[utoipa::path(
    tag = "data",
    security(("bearer" = [])),
    params(("year" = i32, Path, description = "The campaign's reference year.",
        minimum = 2000, maximum = 2100)),
    responses(
        (status = 200, description = "The members still to send their return.",
            body = Vec<ReturnSummary>),
        BadYear, NotSignedIn, NotStaff, NoCampaign
    )
)]
#[get("/campaigns/{year}/missing")]
pub async fn list_missing_returns(
    _staff: StaffUser,
    year: web::Path<String>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let year = parse_year(&year)?;
    let missing = db
        .run(move |conn| {
            let campaign = db::campaign(conn, year)?
                .ok_or_else(|| ApiError::NotFound("No campaign for this year.".into()))?;
            let mut out = Vec::new();
            for (slug, name, started) in db::missing(conn, campaign.id)? {
                let row = match started {
                    Some(id) => db::find_return(conn, id)?,
                    None => None,
                };
                out.push(match row {
                    Some(row) => {
                        let counts = db::value_counts(conn, &[row.id])?;
                        summary(&row, counts.get(&row.id).copied().unwrap_or_default())
                    }
                    None => ReturnSummary {
                        id: None,
                        year,
                        campaign_state: campaign.state,
                        member: MemberRef { slug, name },
                        state: ReturnState::Draft,
                        reason: None,
                        value_count: 0,
                        submitted_at: None,
                        reviewed_at: None,
                        updated_at: None,
                    },
                });
            }
            Ok(out)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(missing))
}
