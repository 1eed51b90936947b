//! Builds the HTTP application and binds its listener. Start-up order: connect
//! (failing fast with the reason), migrate, seed an empty database with the
//! demo data, then serve.

use std::net::{SocketAddr, TcpListener};

use actix_web::dev::{Server, fn_service};
use actix_web::http::header;
use actix_web::middleware::{ErrorHandlers, from_fn};
use actix_web::{App, HttpResponse, HttpServer, web};
use tracing_actix_web::TracingLogger;
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::auth::{AuthState, TrustedProxies};
use crate::content::cache::ContentCache;
use crate::content::clock::Clock;
use crate::db::{self, Db, Pool};
use crate::error::ApiError;
use crate::handlers::docs::{DOCUMENT, OpenApiDocument};
use crate::handlers::feeds::PublicUrl;
use crate::middleware::{
    AllowedMethods, errors_to_problems, head_as_get, localise_problems, request_id_header,
};
use crate::settings::Settings;
use crate::spa::{self, Spa};
use crate::{routes, seed};

/// Opens the database: creates the data folder when the default SQLite file
/// lives there, connects, migrates and (when enabled) seeds the demo data.
pub fn prepare_database(settings: &Settings) -> anyhow::Result<Pool> {
    if settings.uses_data_dir() {
        std::fs::create_dir_all(&settings.data_dir).map_err(|e| {
            anyhow::anyhow!(
                "cannot create data folder {}: {e}",
                settings.data_dir.display()
            )
        })?;
    }
    let url = settings.database_url();
    let pool = db::pool(&url, settings.db_pool_size)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    if settings.loads_demo_data()
        && let Some(report) = seed::seed_if_empty(&mut conn)?
    {
        tracing::info!(inserted = report.inserted, "loaded the demo dataset");
    }
    if settings.loads_demo_data()
        && let Some(items) = seed::seed_content_if_empty(&mut conn)?
    {
        tracing::info!(items, "loaded the demo content");
    }
    if settings.loads_demo_data()
        && let Some(returns) = seed::seed_returns_if_empty(&mut conn)?
    {
        tracing::info!(returns, "loaded the demo data returns");
    }
    db::search::reindex_members(&mut conn)?;
    Ok(pool)
}

/// Sends each response as soon as it is written. With Nagle's algorithm on,
/// a response written in two parts (headers, then a body of a few kilobytes)
/// waits for the client's delayed ACK of the first: 40 ms on every such
/// response of a kept-alive connection, measured with `oha -c 1`.
fn disable_nagle(connection: &dyn std::any::Any, _: &mut actix_web::dev::Extensions) {
    if let Some(tcp) = connection.downcast_ref::<actix_web::rt::net::TcpStream>()
        && let Err(err) = tcp.set_nodelay(true)
    {
        tracing::warn!(error = %err, "cannot set TCP_NODELAY");
    }
}

/// A bound, not yet awaited, server.
pub struct Application {
    addr: SocketAddr,
    server: Server,
}

impl std::fmt::Debug for Application {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Application")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Application {
    pub fn build(settings: &Settings, pool: Pool) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(settings.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.bind))?;
        let addr = listener.local_addr()?;
        let allowed = web::Data::new(AllowedMethods::from_document(DOCUMENT)?);
        let document = web::Data::new(OpenApiDocument::default());
        let spa = web::Data::new(Spa {
            dir: settings.static_dir.clone(),
        });
        let db = web::Data::new(Db::new(pool));
        let secret = crate::auth::secret::load(settings)?;
        let auth = web::Data::new(AuthState {
            keys: crate::auth::session_tokens::Keys::from_secret(
                &secret,
                settings.access_token_ttl,
            ),
            hasher: crate::auth::hashing::Hasher::per_core(),
            sealer: crate::auth::two_factor::Sealer::from_secret(&secret),
            require_two_factor_for_admins: settings.require_2fa_for_admins,
        });
        let proxies = web::Data::new(TrustedProxies(settings.trusted_proxies.clone()));
        if settings.clock_offset != 0 && settings.env == crate::settings::Environment::Production {
            anyhow::bail!(
                "CECOP_CLOCK_OFFSET is a testing aid and is refused with CECOP_ENV=production"
            );
        }
        if settings.public_url.is_none() && settings.env == crate::settings::Environment::Production
        {
            anyhow::bail!(
                "CECOP_ENV=production needs CECOP_PUBLIC_URL (the site's public origin, e.g. \
                 https://cecop.coop): links in feeds must not come from request headers"
            );
        }
        let clock = web::Data::new(Clock::shifted(settings.clock_offset));
        let cache = web::Data::new(ContentCache::new(
            settings.item_cache_mb as usize * (1 << 20),
        ));
        let statistics = web::Data::new(crate::statistics::StatisticsCache::default());
        let public_url = web::Data::new(PublicUrl(settings.public_url.clone()));
        let mailer = crate::mail::Mailer::from_settings(settings, addr)?;
        crate::mail::deliver::spawn(db.clone(), mailer.clone());
        let mailer = web::Data::new(mailer);
        let media = crate::media::Media::from_settings(settings)?;
        tracing::info!(store = %media.store.description, "media library");
        crate::media::spawn_collector(db.clone(), media.clone());
        let media = web::Data::new(media);
        let traffic = crate::traffic::Traffic::new(crate::traffic::Quotas {
            anonymous: settings.rate_limit_anonymous,
            token: settings.rate_limit_token,
        });
        crate::traffic::spawn_sync(db.clone(), traffic.clone());
        let traffic = web::Data::new(traffic);
        let mut server = HttpServer::new(move || {
            App::new()
                .configure(routes::mount)
                .app_data(db.clone())
                .app_data(allowed.clone())
                .app_data(document.clone())
                .app_data(auth.clone())
                .app_data(proxies.clone())
                .app_data(clock.clone())
                .app_data(cache.clone())
                .app_data(statistics.clone())
                .app_data(public_url.clone())
                .app_data(mailer.clone())
                .app_data(media.clone())
                .app_data(traffic.clone())
                .app_data(
                    web::JsonConfig::default()
                        .limit(crate::handlers::body::DEFAULT_LIMIT)
                        .error_handler(|err, _| crate::handlers::body::json_problem(err).into()),
                )
                .app_data(spa.clone())
                .app_data(web::QueryConfig::default().error_handler(|err, _| {
                    ApiError::Malformed(format!("The query string is invalid: {err}.")).into()
                }))
                .app_data(web::PathConfig::default().error_handler(|err, _| {
                    ApiError::Malformed(format!("The path is invalid: {err}.")).into()
                }))
                // Swagger UI's assets are relative to the page: it must end in a slash.
                .service(web::resource("/api/docs").get(|| async {
                    HttpResponse::PermanentRedirect()
                        .insert_header((header::LOCATION, "/api/docs/"))
                        .finish()
                }))
                .service(
                    SwaggerUi::new("/api/docs/{_:.*}").config(Config::from("/api/v1/openapi.json")),
                )
                .configure(|cfg| spa::configure(cfg, &spa))
                .default_service(fn_service(spa::fallback))
                .wrap(from_fn(head_as_get))
                .wrap(from_fn(localise_problems))
                .wrap(ErrorHandlers::new().default_handler(errors_to_problems))
                .wrap(from_fn(spa::static_cache_headers))
                .wrap(from_fn(crate::representation::compress))
                .wrap(from_fn(crate::traffic::limit))
                .wrap(from_fn(crate::security_headers::add))
                .wrap(from_fn(request_id_header))
                .wrap(TracingLogger::default())
        })
        .on_connect(disable_nagle);
        let workers = match settings.workers {
            0 => std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
            n => n,
        };
        // Database work runs on each worker's blocking pool, at most one task
        // per pooled connection in all (`db::slots`). Beyond its share of the
        // pool a worker's extra threads would only wait, each keeping an
        // allocator arena: under a burst of cold requests the default (512
        // per worker) grew the process by 13 MB for nothing.
        let share = (settings.db_pool_size as usize).div_ceil(workers).max(1);
        server = server.workers(workers).worker_max_blocking_threads(share);
        let server = server.listen(listener)?.run();
        Ok(Self { addr, server })
    }

    /// The address actually bound (the real port when 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
