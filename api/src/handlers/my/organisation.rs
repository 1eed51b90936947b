//! `GET /api/v1/my/organisation` and `PUT /api/v1/my/organisation`.

use actix_web::{HttpResponse, get, put, web};
use cecop_shared::{FieldError, Member, ProfileUpdate, Scope, Slug};
use chrono::Utc;

use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{ClientInfo, Principal};
use crate::db::Db;
use crate::db::members::{self, ProfileChanges};
use crate::error::ApiError;
use crate::error::responses::{InvalidFields, NoValidCredentials};
use crate::handlers::body::Body;
use crate::handlers::members::to_one;
use crate::handlers::{NO_STORE, prose_errors};

fn organisation_of(principal: &Principal) -> Result<Slug, ApiError> {
    match principal {
        Principal::Token(token) => token.organisation.clone().ok_or_else(|| {
            ApiError::Forbidden("Integrator tokens belong to no organisation.".into())
        }),
        Principal::User(_) => principal.organisation_for(Scope::ProfileWrite),
    }
}

async fn load(db: &Db, slug: Slug) -> Result<Member, ApiError> {
    db.run(
        move |conn| match members::find_by_slug(conn, slug.as_str())? {
            Some(row) => Ok(to_one(conn, row)?),
            None => Err(ApiError::NotFound(
                "Your organisation no longer exists.".into(),
            )),
        },
    )
    .await
}

/// Get the caller's own member organisation.
///
/// `network_contact` (members-only) is left out for a token without
/// `members:read`, as on the public member routes.
#[utoipa::path(
    tag = "my",
    security(("bearer" = []), ("api_token" = [])),
    responses(
        (status = 200, description = "The organisation.", body = Member),
        NoValidCredentials,
        (status = 403, description = "The caller belongs to no organisation.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[get("/my/organisation")]
pub async fn get_my_organisation(
    principal: Principal,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let mut member = load(&db, organisation_of(&principal)?).await?;
    // The members-only contact goes to people and to tokens that may read
    // members-only data, as on `/members/{slug}`; not to a token of any scope.
    if let Principal::Token(token) = &principal
        && !token.scopes.contains(&Scope::MembersRead)
    {
        member.network_contact = None;
    }
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(member))
}

fn validate(update: ProfileUpdate) -> Result<ProfileUpdate, ApiError> {
    let description = update.description.trim().to_owned();
    let mut errors = prose_errors("description", &description, 2000);
    let website = update
        .website
        .map(|w| w.trim().to_owned())
        .filter(|w| !w.is_empty());
    if let Some(site) = &website {
        let ok = site.chars().count() <= 300
            && url::Url::parse(site)
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
        if !ok {
            errors.push(FieldError::new(
                "website",
                "must be an http:// or https:// address of at most 300 characters",
            ));
        }
    }
    let contact = update
        .public_contact
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    if contact
        .as_ref()
        .is_some_and(|c| c.chars().count() > 200 || c.chars().any(char::is_control))
    {
        errors.push(FieldError::new(
            "public_contact",
            "must be at most 200 characters, on one line",
        ));
    }
    if errors.is_empty() {
        Ok(ProfileUpdate {
            description,
            website,
            public_contact: contact,
        })
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// Update the caller's own organisation's description, website and public
/// contact. Open to the organisation's member users and to its tokens with
/// the `profile:write` scope; nobody can edit another organisation.
#[utoipa::path(
    tag = "my",
    security(("bearer" = []), ("api_token" = [])),
    request_body = ProfileUpdate,
    responses(
        (status = 200, description = "Updated; the organisation as it now is.", body = Member),
        (status = 400, description = "The body is not a profile update.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        NoValidCredentials,
        (status = 403, description = "Not a member organisation's user, or a token without \
            `profile:write`.", body = cecop_shared::Problem, content_type = "application/problem+json"),
        InvalidFields
    )
)]
#[put("/my/organisation")]
pub async fn update_my_organisation(
    principal: Principal,
    Body(request): Body<ProfileUpdate>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let slug = principal.organisation_for(Scope::ProfileWrite)?;
    let update = validate(request)?;
    let target = slug.clone();
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            let changes = ProfileChanges {
                description: update.description,
                website: update.website,
                public_contact: update.public_contact,
                updated_at: Utc::now().naive_utc(),
            };
            if members::update_profile(conn, target.as_str(), &changes)? == 0 {
                return Err(ApiError::NotFound(
                    "Your organisation no longer exists.".into(),
                ));
            }
            crate::db::search::reindex_member(conn, target.as_str())?;
            let event = Event {
                actor: Some(principal.actor()),
                target: Some(("member", target.to_string())),
                ..Event::new(AuditAction::OrganisationUpdated)
            };
            audit::record(conn, &client, event)?;
            Ok(())
        })
    })
    .await?;
    let member = load(&db, slug).await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(member))
}
