//! The media library: uploaded images and PDFs, their metadata and alt
//! texts, the sizes an image is served in, and where an item is used.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Language, Slug, Visibility, string_enum};

string_enum!(
    /// What a file is, as decided from its content (never its name).
    MediaKind {
        Image => "image",
        Pdf => "pdf",
    }
);

/// One size an image is served in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MediaVariant {
    pub width: u32,
    pub height: u32,
    /// Where it is served, e.g. `/media/{sha256}/640.jpg`.
    pub url: String,
    /// `image/jpeg` or `image/png` (an image with transparency).
    pub content_type: String,
}

/// Where an item of the library is used: an article's attachment, a
/// story's photo, an image in a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MediaUse {
    /// `articles`, `events` or `stories`.
    pub collection: String,
    pub id: i64,
    pub slug: Slug,
    /// `attachment`, `photo` or `body`.
    pub role: String,
}

/// An item of the media library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MediaItem {
    pub id: i64,
    /// How items refer to it: `media:{id}` in an attachment, a photo, or a
    /// Markdown image (`![alt](media:{id})`).
    pub reference: String,
    pub kind: MediaKind,
    pub content_type: String,
    /// The SHA-256 of the file as uploaded (hex): the same file uploaded
    /// twice is stored once.
    pub sha256: String,
    /// Bytes, as uploaded.
    pub size: u64,
    /// An image's pixels once its orientation is applied.
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// An image's average colour (`#rrggbb`), to hold its place while it loads.
    pub colour: Option<String>,
    /// The name of the file as uploaded; downloads are offered under it.
    pub file_name: String,
    pub title: String,
    /// What the image shows, per language, for people who cannot see it.
    #[cfg_attr(feature = "server", schema(value_type = BTreeMap<String, String>))]
    pub alt: BTreeMap<Language, String>,
    pub credit: Option<String>,
    pub licence: Option<String>,
    pub visibility: Visibility,
    /// The member organisation whose file it is (a logo, a story photo), if
    /// a member uploaded it.
    pub organisation: Option<Slug>,
    /// The file as uploaded (a PDF), or the largest size of an image
    /// (re-encoded: an image is never served as uploaded, so its metadata —
    /// a phone's GPS position — never is).
    pub url: String,
    /// An image's sizes, narrowest first.
    pub variants: Vec<MediaVariant>,
    pub version: i64,
    pub uploaded_by: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Where it is used (only on a single item's answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_in: Option<Vec<MediaUse>>,
}

/// `PATCH /api/v1/media/{id}` (a JSON Merge Patch of these): the metadata
/// of an item. The file itself never changes: upload a new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MediaInput {
    /// At most 300 characters.
    pub title: String,
    /// Per language, at most 1,000 characters each.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = BTreeMap<String, String>))]
    pub alt: BTreeMap<Language, String>,
    #[serde(default)]
    pub credit: Option<String>,
    #[serde(default)]
    pub licence: Option<String>,
    pub visibility: Visibility,
}
