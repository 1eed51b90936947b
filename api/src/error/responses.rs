//! Reusable OpenAPI error responses: the `application/problem+json` answers
//! many operations share (and the bodiless 304 of every cached read), each a type to name in `#[utoipa::path(responses(
//! ..., NotSignedIn, NotAdmin))]` instead of a copy of the same tuple.
//!
//! They are documentation only; the body is always [`Problem`] and the
//! status comes from [`super::ApiError`]. An answer that says something
//! about one operation alone ("No published article has this slug.") stays
//! inline in that operation's `responses(...)`.

use cecop_shared::Problem;

/// Declares one `IntoResponses` type per shared problem response: its status
/// and its description, which is also the type's documentation.
macro_rules! problem_responses {
    ($($name:ident = $status:literal, $description:literal;)+) => {$(
        #[doc = $description]
        #[derive(Debug, utoipa::IntoResponses)]
        #[response(status = $status, description = $description,
            content_type = "application/problem+json")]
        pub struct $name(pub Problem);
    )+};
}

problem_responses! {
    BadParameter = 400, "A parameter is invalid; `errors` names it.";
    BadId = 400, "The id is malformed.";
    BadIdOrBody = 400, "The id or body is malformed.";
    BadYear = 400, "The year is malformed.";
    BadYearOrBody = 400, "The year or body is malformed.";
    BadLanguage = 400, "The language is malformed.";
    BadSlugOrLanguage = 400, "The slug or language is malformed.";
    BadRefreshRequest = 400, "The body is not a refresh request.";
    BadBody = 400, "The body is malformed.";
    NotSignedIn = 401, "Not signed in.";
    NoValidCredentials = 401, "No valid credentials.";
    InvalidCredentials = 401, "Credentials were sent but are invalid.";
    NotAdmin = 403, "Not an admin.";
    NotStaff = 403, "Not CECOP staff.";
    NotTokenManager = 403, "Not allowed to manage tokens.";
    NoReturnsWrite = 403,
        "Not a member organisation's user, or a token without `returns:write`.";
    NoCampaign = 404, "No campaign for this year.";
    NoPublishedCampaign = 404, "No published campaign for this year.";
    NoSuchReturn = 404, "No such return.";
    NoSuchUser = 404, "No such user.";
    NotLibrarian = 403,
        "Neither staff nor a member organisation's user or `media:write` token.";
    NoSuchMedia = 404, "No media item has this id (or it is another organisation's).";
    NoSuchItem = 404, "No item of this collection has this id (or no such collection).";
    NoSuchRevision = 404, "No item of this collection has this id, or it has no such revision.";
    StaleVersion = 412,
        "`If-Match` names a version someone has saved over; `current` says which version is \
         current and who saved it.";
    NoIfMatch = 428, "No `If-Match`: send the `ETag` of the version you are changing.";
    BodyTooLarge = 413, "The body is larger than this operation accepts.";
    ReturnLocked = 409, "The campaign is not open, or the return is submitted or approved.";
    InvalidFields = 422, "A field is invalid; `errors` names it.";
    InvalidReason = 422, "The reason is empty or too long.";
    WrongCode = 422, "The code is wrong, expired or used already (`errors` names `code`).";
    TooManyCodes = 429, "Too many wrong codes for this account; see `Retry-After`.";
}

/// Not modified since the `ETag` sent in `If-None-Match`.
#[derive(Debug, utoipa::IntoResponses)]
#[response(
    status = 304,
    description = "Not modified since the `ETag` sent in `If-None-Match`."
)]
pub struct NotModified;
