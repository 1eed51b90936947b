//! Domain types shared by the CECOP API (`cecop-api`) and the single-page app
//! (`cecop-frontend`).
//!
//! Everything here compiles for `wasm32-unknown-unknown` without server crates.
//! Values validate themselves when they are parsed ("parse, don't validate"): a
//! [`Slug`] or a [`CountryCode`] that exists is a valid one, whichever side of
//! the wire built it. OpenAPI schema derives sit behind the `server` feature.

pub mod account;
pub mod auth;
pub mod content;
pub mod country;
pub mod editorial;
pub mod media;
pub mod member;
pub mod messages;
pub mod overview;
pub mod page;
pub mod problem;
pub mod returns;
pub mod slug;
pub mod statistics;
pub mod tokens;

pub use account::{
    AcceptInvitationRequest, AcceptedInvitation, CreateInvitationRequest, Invitation,
    InvitationStatus, LoginChallenge, PasswordResetConfirmation, PasswordResetRequest,
    RecoveryCodes, SignedInSession, TwoFactorCode, TwoFactorSetup, TwoFactorSetupRequest,
    TwoFactorSignIn, TwoFactorStatus, UiLanguage,
};
pub use auth::{
    AuditEntry, ChangePasswordRequest, CreateUserRequest, Email, LoginRequest, Me, RefreshRequest,
    Role, TokenPair, UpdateUserRequest, User,
};
pub use content::{
    Article, ArticleKind, ArticleSummary, Attachment, ContentStatus, Event, EventKind,
    EventSummary, ItemMeta, Language, MemberRef, Organiser, OrganiserRole, Photo, SearchHit,
    SearchKind, Story, StorySummary, Theme, Visibility,
};
pub use country::CountryCode;
pub use editorial::{
    ArticleFields, Collection, CreatedPreviewLink, DiffOp, DiffSegment, EditorialItem,
    EditorialSummary, EventFields, FieldDiff, ItemContent, ItemDocument, ItemRevision,
    ItemRevisionDetail, LanguageStatus, NewItem, Preview, PreviewLink, PreviewLinkRequest,
    PreviewRequest, PublishedItem, RevisionDiff, SITE_LANGUAGES, SaveAction, ScheduleRequest,
    StoryFields, TranslationState, TranslationText, document_fields,
};
pub use media::{MediaInput, MediaItem, MediaKind, MediaUse, MediaVariant};
pub use member::{
    FigureProvenance, Member, MemberFigures, MemberInput, MemberKind, MemberStatus, MembershipTier,
    ProfileUpdate,
};
pub use overview::{CountryCount, Overview};
pub use page::{PER_PAGE_DEFAULT, PER_PAGE_MAX, Page, PageRequest};
pub use problem::{CurrentVersion, FieldError, Problem, ProblemKind};
pub use returns::{
    Campaign, CampaignRequest, CampaignState, CoopType, DataReturn, ImportOutcome, ImportReport,
    ImportRow, Indicator, IndicatorInfo, PreviousValues, ReasonRequest, ReturnState, ReturnSummary,
    ReturnValue, ReturnValuesUpdate, Revision, RevisionAction, Sector, Unit, ValueChange,
};
pub use slug::Slug;
pub use statistics::{
    Coverage, Dimension, SeriesYear, Statistics, StatisticsRow, StatisticsSeries,
};
pub use tokens::{ApiToken, CreateTokenRequest, CreatedApiToken, Scope, UpdateApiTokenRequest};

/// Why a value could not be parsed into a domain type. The message is meant
/// for people: it ends up in problem+json `errors[].message` and in the SPA.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

impl ParseError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

/// Implements `Serialize`/`Deserialize` through `Display`/`FromStr`, so a
/// value that fails validation can never be deserialised.
macro_rules! serde_via_str {
    ($ty:ty) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                raw.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use serde_via_str;

/// Stores a type in a text column through its `as_str` and `FromStr`: the
/// type derives `diesel::expression::AsExpression` and
/// `diesel::deserialize::FromSqlRow` with `sql_type = Text`, and this gives
/// it `ToSql` and `FromSql` for every backend. Rows then hold domain types,
/// and a stored value that no longer parses fails once, where it is decoded,
/// with a cause naming the type and the value.
///
/// Exported for the API crate's own stored types; this crate calls it
/// through [`sql_text`], only with the `server` feature.
#[doc(hidden)]
#[macro_export]
macro_rules! impl_sql_text {
    ($ty:ty) => {
        impl<DB> ::diesel::serialize::ToSql<::diesel::sql_types::Text, DB> for $ty
        where
            DB: ::diesel::backend::Backend,
            str: ::diesel::serialize::ToSql<::diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut ::diesel::serialize::Output<'b, '_, DB>,
            ) -> ::diesel::serialize::Result {
                <str as ::diesel::serialize::ToSql<::diesel::sql_types::Text, DB>>::to_sql(
                    self.as_str(),
                    out,
                )
            }
        }

        impl<DB> ::diesel::deserialize::FromSql<::diesel::sql_types::Text, DB> for $ty
        where
            DB: ::diesel::backend::Backend,
            String: ::diesel::deserialize::FromSql<::diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> ::diesel::deserialize::Result<Self> {
                let raw = <String as ::diesel::deserialize::FromSql<
                    ::diesel::sql_types::Text,
                    DB,
                >>::from_sql(bytes)?;
                raw.parse::<Self>()
                    .map_err(|e| format!("bad stored {} {raw:?}: {e}", stringify!($ty)).into())
            }
        }
    };
}

/// [`impl_sql_text`] when the `server` feature is on.
macro_rules! sql_text {
    ($ty:ty) => {
        #[cfg(feature = "server")]
        $crate::impl_sql_text!($ty);
    };
}
pub(crate) use sql_text;

/// Declares a closed set of values that travel as snake_case strings, with
/// `as_str`, `FromStr` (naming the accepted values when it fails) and serde.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        #[cfg_attr(feature = "server", derive(utoipa::ToSchema, diesel::expression::AsExpression, diesel::deserialize::FromSqlRow))]
        #[cfg_attr(feature = "server", diesel(sql_type = diesel::sql_types::Text))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        $crate::sql_text!($name);

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::ParseError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok(Self::$variant),)+
                    _ => Err($crate::ParseError::new(format!(
                        "must be one of: {}",
                        [$($text),+].join(", ")
                    ))),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use string_enum;
