//! The stored names of an item's type and kind, decoded into enums.

use std::fmt;
use std::str::FromStr;

use cecop_shared::{ArticleKind, EventKind};
use diesel::deserialize::FromSqlRow;
use diesel::expression::AsExpression;
use diesel::sql_types::Text;

/// The three kinds of item, as stored in `item_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum ItemType {
    Article,
    Event,
    Story,
}

impl ItemType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::Event => "event",
            Self::Story => "story",
        }
    }
}

impl FromStr for ItemType {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [Self::Article, Self::Event, Self::Story]
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or("must be one of: article, event, story")
    }
}

impl fmt::Display for ItemType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

cecop_shared::impl_sql_text!(ItemType);

/// The `kind` column: an article's or an event's kind (stories have none).
/// The two sets share no name, so the stored text says which it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum ItemKind {
    Article(ArticleKind),
    Event(EventKind),
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Article(kind) => kind.as_str(),
            Self::Event(kind) => kind.as_str(),
        }
    }
}

impl FromStr for ItemKind {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse()
            .map(Self::Article)
            .or_else(|_| s.parse().map(Self::Event))
            .map_err(|_| "is neither an article kind nor an event kind")
    }
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

cecop_shared::impl_sql_text!(ItemKind);
