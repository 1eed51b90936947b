//! The one route table. Every API handler is listed once, in [`api_v1`] and
//! [`probes`], for two sinks: utoipa-actix-web, which builds the OpenAPI
//! document from the list ([`openapi`]), and actix itself, which serves it
//! ([`mount`]). The served routes and the document cannot drift apart.
//!
//! Each HTTP worker builds its own app; building the document there too
//! cost every worker about 6 MB of heap it never gave back, so workers mount
//! the plain routes and the document is built once.

use actix_web::App;
use actix_web::dev::HttpServiceFactory;
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_actix_web::OpenApiFactory;

/// Where the route list goes: the OpenAPI collector or actix's own config.
pub trait Routes {
    fn add<F>(&mut self, route: F) -> &mut Self
    where
        F: HttpServiceFactory + OpenApiFactory + 'static;
}

impl Routes for utoipa_actix_web::service_config::ServiceConfig<'_> {
    fn add<F>(&mut self, route: F) -> &mut Self
    where
        F: HttpServiceFactory + OpenApiFactory + 'static,
    {
        self.service(route)
    }
}

impl Routes for actix_web::web::ServiceConfig {
    fn add<F>(&mut self, route: F) -> &mut Self
    where
        F: HttpServiceFactory + OpenApiFactory + 'static,
    {
        self.service(route)
    }
}

use crate::handlers::{
    account, articles, audit, auth, campaigns, csp, docs, editorial, events, feeds, health,
    invitations, media, members, my, overview, returns, search, statistics, stories, tokens, users,
};

/// Versioned API routes, mounted under `/api/v1`.
pub fn api_v1<R: Routes>(cfg: &mut R) {
    cfg.add(media::upload::upload_media)
        .add(media::library::list_media)
        .add(media::library::get_media)
        .add(media::library::update_media)
        .add(media::library::delete_media)
        .add(members::list::list_members)
        .add(members::get::get_member)
        .add(overview::get::get_overview)
        .add(articles::list::list_articles)
        .add(articles::get::get_article)
        .add(events::list::list_events)
        .add(events::get::get_event)
        .add(stories::list::list_stories)
        .add(stories::get::get_story)
        .add(search::get::search_all)
        .add(feeds::articles::articles_feed)
        .add(feeds::events::events_feed)
        .add(statistics::get::get_statistics)
        .add(statistics::get::get_statistics_csv)
        .add(statistics::series::get_series)
        .add(statistics::series::get_series_csv)
        .add(statistics::indicators::list_indicators)
        .add(campaigns::list::list_campaigns)
        .add(campaigns::create::create_campaign)
        .add(campaigns::update::update_campaign)
        .add(campaigns::delete::delete_campaign)
        .add(my::returns::get::get_my_return)
        .add(my::returns::update::update_my_return)
        .add(my::returns::import::import_my_return)
        .add(my::returns::submit::submit_my_return)
        .add(returns::list::list_returns)
        .add(returns::get::get_return)
        .add(returns::missing::list_missing_returns)
        .add(returns::review::approve::approve_return)
        .add(returns::review::send_back::return_return)
        .add(returns::review::reopen::reopen_return)
        .add(docs::get_openapi)
        .add(csp::report_csp_violation)
        .add(editorial::preview::preview)
        .add(editorial::items::list_items)
        .add(editorial::items::create_item)
        .add(editorial::items::get_item)
        .add(editorial::items::update_item)
        .add(editorial::items::delete_item)
        .add(editorial::status::publish_item)
        .add(editorial::status::schedule_item)
        .add(editorial::status::unpublish_item)
        .add(editorial::status::archive_item)
        .add(editorial::status::restore_item)
        .add(editorial::revisions::list_revisions)
        .add(editorial::revisions::get_revision)
        .add(editorial::revisions::diff_revisions)
        .add(editorial::revisions::restore_revision)
        .add(editorial::previews::preview_item)
        .add(editorial::previews::list_preview_links)
        .add(editorial::previews::create_preview_link)
        .add(editorial::previews::revoke_preview_link)
        .add(editorial::previews::open_preview_link)
        .add(members::write::create_member)
        .add(members::write::update_member)
        .add(auth::login::login)
        .add(auth::refresh::refresh)
        .add(auth::logout::logout)
        .add(auth::two_factor::sign_in_second_step)
        .add(auth::password_reset::request_password_reset)
        .add(auth::password_reset::confirm_password_reset)
        .add(account::get::get_me)
        .add(account::password::change_password)
        .add(account::sessions::list_my_sessions)
        .add(account::sessions::end_my_session)
        .add(account::sessions::end_my_other_sessions)
        .add(account::two_factor::get_two_factor)
        .add(account::two_factor::set_up_two_factor)
        .add(account::two_factor::confirm_two_factor)
        .add(account::two_factor::disable_two_factor)
        .add(account::two_factor::replace_recovery_codes)
        .add(tokens::create::create_token)
        .add(tokens::list::list_tokens)
        .add(tokens::revoke::revoke_token)
        .add(tokens::update::update_token)
        .add(my::organisation::get_my_organisation)
        .add(my::organisation::update_my_organisation)
        .add(users::list::list_users)
        .add(users::create::create_user)
        .add(users::get::get_user)
        .add(users::update::update_user)
        .add(users::delete::delete_user)
        .add(users::unlock::unlock_user)
        .add(users::sessions::end_user_sessions)
        .add(users::two_factor::reset_two_factor)
        .add(invitations::create::create_invitation)
        .add(invitations::list::list_invitations)
        .add(invitations::revoke::revoke_invitation)
        .add(invitations::accept::accept_invitation)
        .add(audit::list::list_audit);
}

/// Probes and the media library's files, mounted at the root.
pub fn probes<R: Routes>(cfg: &mut R) {
    cfg.add(health::get_health)
        .add(health::get_readiness)
        .add(media::serve::serve_media);
}

/// The OpenAPI document, as served at `/api/v1/openapi.json` and committed at
/// `openapi/openapi.json`: the documented routes, collected from the list.
pub fn openapi() -> utoipa::openapi::OpenApi {
    App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(|cfg| probes(cfg))
        .service(utoipa_actix_web::scope("/api/v1").configure(|cfg| api_v1(cfg)))
        .split_for_parts()
        .1
}

/// Mounts every documented route on an app, as [`openapi`] describes them.
pub fn mount(cfg: &mut actix_web::web::ServiceConfig) {
    probes(cfg);
    cfg.service(actix_web::web::scope("/api/v1").configure(api_v1));
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
        (name = "editorial", description = "The editorial back office (CECOP staff)."),
        (name = "media", description = "The media library: images and PDFs, their sizes and metadata, and the files themselves."),
        (name = "data", description = "The yearly data collection: campaigns, members' data returns and their review, and the statistics computed from approved returns."),
        (name = "health", description = "Liveness and readiness probes."),
        (name = "meta", description = "This API's own description."),
        (name = "auth", description = "Sign-in, sessions and the signed-in user's account."),
        (name = "tokens", description = "API tokens for member organisations' systems and integrators."),
        (name = "my", description = "The caller's own member organisation."),
        (name = "users", description = "User administration (admins)."),
        (name = "audit", description = "The audit log (admins).")
    ),
    // Listed here as well as through the operations: the shared error
    // responses (`crate::error::responses`) reference it without collecting it.
    components(schemas(cecop_shared::Problem)),
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
