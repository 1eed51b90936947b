//! The editorial back office's request and answer bodies (CECOP staff):
//! the live preview of a Markdown body, rendered exactly as it will be
//! published.

use serde::{Deserialize, Serialize};

/// `POST /api/v1/preview`: Markdown to render.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PreviewRequest {
    /// A body as editors write it: CommonMark with tables, strikethrough
    /// and footnotes; at most 200,000 characters.
    #[cfg_attr(feature = "server", schema(max_length = 200000))]
    pub markdown: String,
}

/// A rendered body, as readers will get it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Preview {
    /// The HTML, sanitised by the same rules as every published body.
    pub html: String,
    /// Words a reader will read (markup excluded).
    pub words: u64,
}
