//! `Body<T>`: a JSON request body that must be an object. serde's derived
//! `Deserialize` also accepts a struct as an array of its fields in order
//! (`[null, null]`), which no client means; this extractor refuses it.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// The request body, parsed into `T` from a JSON object.
#[derive(Debug)]
pub struct Body<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Body<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // Size limit and content type come from the app's `JsonConfig`.
        let json = web::Json::<serde_json::Value>::from_request(req, payload);
        Box::pin(async move {
            let value = json.await?.into_inner();
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
