//! The one route table. Every API handler is registered here through
//! utoipa-actix-web, so the served routes and the OpenAPI document cannot
//! drift apart; `openapi()` builds the document from the same registration.

use actix_web::App;
use utoipa::OpenApi;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{AppExt, scope};

use crate::handlers::{
    articles, audit, auth, campaigns, docs, events, feeds, health, me, members, my, overview,
    returns, search, statistics, stories, tokens, users,
};

/// Versioned API routes, mounted under `/api/v1`.
pub fn api_v1(cfg: &mut ServiceConfig) {
    cfg.service(members::list::list_members)
        .service(members::get::get_member)
        .service(overview::get::get_overview)
        .service(articles::list::list_articles)
        .service(articles::get::get_article)
        .service(events::list::list_events)
        .service(events::get::get_event)
        .service(stories::list::list_stories)
        .service(stories::get::get_story)
        .service(search::get::search_all)
        .service(feeds::articles::articles_feed)
        .service(feeds::events::events_feed)
        .service(statistics::get::get_statistics)
        .service(statistics::get::get_statistics_csv)
        .service(statistics::series::get_series)
        .service(statistics::series::get_series_csv)
        .service(statistics::indicators::list_indicators)
        .service(campaigns::list::list_campaigns)
        .service(campaigns::create::create_campaign)
        .service(campaigns::update::update_campaign)
        .service(campaigns::delete::delete_campaign)
        .service(my::returns::get_my_return)
        .service(my::returns::update_my_return)
        .service(my::returns::import_my_return)
        .service(my::returns::submit_my_return)
        .service(returns::list::list_returns)
        .service(returns::get::get_return)
        .service(returns::review::approve_return)
        .service(returns::review::return_return)
        .service(returns::review::reopen_return)
        .service(docs::get_openapi)
        .service(auth::login::login)
        .service(auth::refresh::refresh)
        .service(auth::logout::logout)
        .service(me::get::get_me)
        .service(me::password::change_password)
        .service(tokens::create::create_token)
        .service(tokens::list::list_tokens)
        .service(tokens::revoke::revoke_token)
        .service(my::organisation::get_my_organisation)
        .service(my::organisation::update_my_organisation)
        .service(users::list::list_users)
        .service(users::create::create_user)
        .service(users::get::get_user)
        .service(users::update::update_user)
        .service(users::delete::delete_user)
        .service(audit::list::list_audit);
}

/// Probes, mounted at the root.
pub fn probes(cfg: &mut ServiceConfig) {
    cfg.service(health::get_health)
        .service(health::get_readiness);
}

/// Registers every documented route on an app, returning the app and the
/// OpenAPI document describing exactly those routes.
pub fn register<T>(app: App<T>) -> (App<T>, utoipa::openapi::OpenApi)
where
    T: actix_web::dev::ServiceFactory<
            actix_web::dev::ServiceRequest,
            Config = (),
            Error = actix_web::Error,
            InitError = (),
        >,
{
    app.into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(probes)
        .service(scope("/api/v1").configure(api_v1))
        .split_for_parts()
}

/// The OpenAPI document, as served at `/api/v1/openapi.json` and committed at
/// `openapi/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    register(App::new()).1
}

#[derive(Debug, OpenApi)]
#[openapi(
    info(
        title = "CECOP API",
        version = "1.0.0",
        description = "The public and member API of CECOP, the European confederation of \
            industrial and service cooperatives: member directory, headline figures, \
            articles, events, #COOPTALES stories, search and feeds, and the yearly data collection \
            with the statistics computed from it.\n\n\
            Errors are RFC 9457 `application/problem+json` bodies with a stable `type` URI. \
            Lists take `page` and `per_page` (1–100) and return `X-Total-Count` and RFC 8288 \
            `Link` headers.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
        contact(name = "CECOP", url = "https://cecop.coop")
    ),
    tags(
        (name = "members", description = "CECOP's member organisations."),
        (name = "overview", description = "Headline figures of the network."),
        (name = "content", description = "Articles, events and #COOPTALES stories, and search across them and the members."),
        (name = "feeds", description = "Atom and iCalendar feeds."),
        (name = "data", description = "The yearly data collection: campaigns, members' data returns and their review, and the statistics computed from approved returns."),
        (name = "health", description = "Liveness and readiness probes."),
        (name = "meta", description = "This API's own description."),
        (name = "auth", description = "Sign-in, sessions and the signed-in user's account."),
        (name = "tokens", description = "API tokens for member organisations' systems and integrators."),
        (name = "my", description = "The caller's own member organisation."),
        (name = "users", description = "User administration (admins)."),
        (name = "audit", description = "The audit log (admins).")
    ),
    modifiers(&SecuritySchemes)
)]
pub struct ApiDoc;

/// Declares how protected operations authenticate.
#[derive(Debug)]
struct SecuritySchemes;

impl utoipa::Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "An access token from `POST /api/v1/auth/login` or `/auth/refresh`.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("cecop_pat")
                    .description(Some(
                        "An API token (`cecop_pat_…`) from `POST /api/v1/tokens`; it acts for its \
                         organisation with its scopes only.",
                    ))
                    .build(),
            ),
        );
    }
}
