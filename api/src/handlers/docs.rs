//! `GET /api/v1/openapi.json`: this API's OpenAPI 3.1 document. The Swagger
//! UI at `/api/docs/` (built into the binary) reads it from here.

use actix_web::{HttpRequest, HttpResponse, get, web};

use crate::handlers::PUBLIC_CACHE;
use crate::handlers::caching::etagged;

/// The document, serialised once at start-up.
#[derive(Debug, Clone)]
pub struct OpenApiDocument(pub String);

/// Get the OpenAPI 3.1 document describing this API.
#[utoipa::path(
    tag = "meta",
    responses((status = 200, description = "The OpenAPI document.", body = Object,
        content_type = "application/json"))
)]
#[get("/openapi.json")]
pub async fn get_openapi(req: HttpRequest, document: web::Data<OpenApiDocument>) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    response
        .content_type("application/json")
        .insert_header(PUBLIC_CACHE);
    etagged(&req, response, document.0.clone().into_bytes())
}
