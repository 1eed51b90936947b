//! `GET /api/v1/indicators`: the indicator catalogue.

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::messages::{Code, LANGUAGES};
use cecop_shared::{Indicator, IndicatorInfo};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;
use crate::handlers::PUBLIC_CACHE;
use crate::representation::etagged_json;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IndicatorsQuery {
    /// Language of the names: `en` (default), `fr`, `es` or `it`.
    #[param(value_type = Option<String>, pattern = "^(en|fr|es|it)$")]
    lang: Option<String>,
}

/// List the indicators of the data collection: the nine members report
/// and the four shares computed from them, with names and definitions in
/// the language asked.
#[utoipa::path(
    tag = "data",
    params(IndicatorsQuery),
    responses(
        (status = 200, description = "The catalogue.", body = Vec<IndicatorInfo>),
        (status = 400, description = "`lang` is not one of en, fr, es, it.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[get("/indicators")]
pub async fn list_indicators(
    req: HttpRequest,
    query: web::Query<IndicatorsQuery>,
) -> Result<HttpResponse, ApiError> {
    let lang = query.lang.as_deref().unwrap_or("en");
    if !LANGUAGES.contains(&lang) {
        let values = LANGUAGES.map(str::to_owned).to_vec();
        return Err(ApiError::invalid_because("lang", Code::OneOf { values }));
    }
    let catalogue: Vec<IndicatorInfo> = Indicator::ALL
        .iter()
        .map(|&indicator| IndicatorInfo {
            indicator,
            name: indicator.name(lang).to_owned(),
            description: indicator.description(lang).to_owned(),
            unit: indicator.unit(),
            derived: indicator.is_derived(),
            decimals: indicator.decimals(),
        })
        .collect();
    let mut response = HttpResponse::Ok();
    response.insert_header(PUBLIC_CACHE);
    response.insert_header(("Content-Language", lang));
    Ok(etagged_json(&req, response, &catalogue))
}
