//! `GET /api/v1/openapi.json`: this API's OpenAPI 3.1 document. The Swagger
//! UI at `/api/docs/` (built into the binary) reads it from here.

use actix_web::{HttpResponse, get, web};

use crate::handlers::PUBLIC_CACHE;

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
pub async fn get_openapi(document: web::Data<OpenApiDocument>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header(PUBLIC_CACHE)
        .body(document.0.clone())
}
