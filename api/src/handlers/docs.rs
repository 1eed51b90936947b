//! `GET /api/v1/openapi.json`: this API's OpenAPI 3.1 document. The Swagger
//! UI at `/api/docs/` (built into the binary) reads it from here.
//!
//! The server serves the committed `openapi/openapi.json`, built into the
//! binary, rather than generating the document at start-up: generating it
//! runs megabytes of schema-building code and left about 10 MB more memory
//! in the process for good. `cecop-api openapi` still generates it from the
//! code, and a test fails when the committed file differs from that.

use actix_web::{HttpRequest, HttpResponse, get, web};

use crate::handlers::PUBLIC_CACHE;
use crate::representation::Representations;
use crate::representation::etagged_kept;

/// The committed document, as built into the binary.
pub const DOCUMENT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../openapi/openapi.json"
));

/// The document served, with its entity tag and compressed forms made once.
#[derive(Debug)]
pub struct OpenApiDocument(pub Representations);

impl Default for OpenApiDocument {
    fn default() -> Self {
        Self(Representations::new(DOCUMENT.as_bytes().into()))
    }
}

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
    etagged_kept(&req, response, &document.0)
}
