//! `GET /api/v1/campaigns`.

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::Campaign;

use super::to_campaign;
use crate::db::Db;
use crate::db::returns;
use crate::error::ApiError;
use crate::handlers::REVALIDATE;
use crate::representation::etagged_json;

/// List the data-collection campaigns, newest year first.
///
/// Public: statistics exist only for `published` campaigns, and members
/// need to know which campaign is `open`.
#[utoipa::path(
    tag = "data",
    responses((status = 200, description = "Every campaign.", body = Vec<Campaign>))
)]
#[get("/campaigns")]
pub async fn list_campaigns(req: HttpRequest, db: web::Data<Db>) -> Result<HttpResponse, ApiError> {
    let rows = db.run(|conn| Ok(returns::campaigns(conn)?)).await?;
    let campaigns: Vec<_> = rows.into_iter().map(to_campaign).collect();
    let mut response = HttpResponse::Ok();
    response.insert_header(REVALIDATE);
    Ok(etagged_json(&req, response, &campaigns))
}
