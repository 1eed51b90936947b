//! `Body<T>`: a JSON request body that must be an object. serde's derived
//! `Deserialize` also accepts a struct as an array of its fields in order
//! (`[null, null]`), which no client means; this extractor refuses it.
//!
//! The size limit is the type's: 64 KiB unless an operation names a larger
//! one (`Body<T, { 1024 * 1024 }>`); over it the answer is a 413 problem,
//! a body sent as anything but JSON is a 415, and none at all a 400.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::JsonPayloadError;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// The largest body most operations accept.
pub const DEFAULT_LIMIT: usize = 64 * 1024;

/// The request body, parsed into `T` from a JSON object of at most `LIMIT`
/// bytes (`Content-Type: application/json` or `…+json`).
#[derive(Debug)]
pub struct Body<T, const LIMIT: usize = DEFAULT_LIMIT>(pub T);

/// The problem a JSON body that could not be read is.
pub fn json_problem(err: JsonPayloadError) -> ApiError {
    match err {
        JsonPayloadError::Overflow { limit }
        | JsonPayloadError::OverflowKnownLength { limit, .. } => {
            ApiError::PayloadTooLarge { limit }
        }
        JsonPayloadError::ContentType => ApiError::UnsupportedMediaType(
            "Send the body as JSON, with `Content-Type: application/json`.".into(),
        ),
        other => ApiError::Malformed(format!("The request body is invalid: {other}.")),
    }
}

impl<T: DeserializeOwned + 'static, const LIMIT: usize> FromRequest for Body<T, LIMIT> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = web::JsonBody::<serde_json::Value>::new(req, payload, None, true).limit(LIMIT);
        // No body at all is a malformed request; a body of another type, 415.
        let typed = req.headers().contains_key(header::CONTENT_TYPE);
        Box::pin(async move {
            let value = json.await.map_err(|err| match err {
                JsonPayloadError::ContentType if !typed => ApiError::Malformed(
                    "This operation needs a JSON body (`Content-Type: application/json`).".into(),
                ),
                other => json_problem(other),
            })?;
            if !value.is_object() {
                return Err(
                    ApiError::Malformed("The request body must be a JSON object.".into()).into(),
                );
            }
            serde_json::from_value(value).map(Body).map_err(|e| {
                ApiError::Malformed(format!("The request body is invalid: {e}.")).into()
            })
        })
    }
}

/// A typed value from JSON already read, or a 422 naming the field it gets
/// wrong (`local`, `event.starts_local`): for bodies whose values carry
/// rules a JSON type cannot (a date that must exist), so a well-formed
/// body with a bad value is refused like any invalid field.
pub fn fields_from<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let field = match e.path().to_string() {
            path if path == "." => "body".to_owned(),
            path => path,
        };
        ApiError::Validation(vec![cecop_shared::FieldError::new(
            field,
            e.inner().to_string(),
        )])
    })
}

/// RFC 7396 JSON Merge Patch: members of `patch` replace those of
/// `target`, objects merge, `null` removes.
pub fn merge_patch(target: &mut serde_json::Value, patch: serde_json::Value) {
    match patch {
        serde_json::Value::Object(members) => {
            if !target.is_object() {
                *target = serde_json::Value::Object(serde_json::Map::new());
            }
            if let serde_json::Value::Object(target) = target {
                for (key, value) in members {
                    if value.is_null() {
                        target.remove(&key);
                    } else {
                        merge_patch(target.entry(key).or_insert(serde_json::Value::Null), value);
                    }
                }
            }
        }
        other => *target = other,
    }
}
