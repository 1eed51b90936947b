//! [`Reader`]: what every public content read takes from its request — the
//! audience (the clock's now, and whether the caller may read members-only
//! items), the database and the content cache — as one extractor, so the
//! article, event, story, feed and search handlers declare it once.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};

use crate::auth::MaybePrincipal;
use crate::content::cache::ContentCache;
use crate::content::clock::Clock;
use crate::db::Db;
use crate::db::content::Audience;
use crate::error::ApiError;

/// A content read's caller and the state it is answered from.
#[derive(Debug, Clone)]
pub struct Reader {
    pub req: HttpRequest,
    pub audience: Audience,
    pub db: web::Data<Db>,
    pub cache: web::Data<ContentCache>,
}

impl FromRequest for Reader {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let caller = MaybePrincipal::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let caller = caller.await?;
            let missing = |what: &str| ApiError::Internal(anyhow::anyhow!("no {what} in app data"));
            let clock = req
                .app_data::<web::Data<Clock>>()
                .ok_or_else(|| missing("clock"))?;
            let audience = Audience {
                now: clock.now(),
                members_only: caller.reads_members_only(),
            };
            let db = req
                .app_data::<web::Data<Db>>()
                .ok_or_else(|| missing("database"))?
                .clone();
            let cache = req
                .app_data::<web::Data<ContentCache>>()
                .ok_or_else(|| missing("content cache"))?
                .clone();
            Ok(Self {
                req,
                audience,
                db,
                cache,
            })
        })
    }
}
