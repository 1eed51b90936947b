//! Column types the database layer decodes into, beside the `cecop_shared`
//! enums and newtypes (which get `ToSql`/`FromSql` in that crate, under its
//! `server` feature): JSON documents in text columns, time zones, and the
//! space-separated scope list of an API token.
//!
//! Rows hold these typed values, so a stored value that does not parse fails
//! once, where diesel decodes it, with a cause that names the type and the
//! value (logged by `ApiError::Internal`); no handler re-parses a column.

use std::fmt;
use std::str::FromStr;

use cecop_shared::Scope;
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::sql_types::Text;

/// A JSON document stored as text (attachments, organisers, a photo, a
/// member's sectors). Written by serialising the value into the insert's
/// `String` column; read back through this type.
#[derive(Debug, Clone, PartialEq, FromSqlRow)]
pub struct Json<T>(pub T);

impl<T, DB> FromSql<Text, DB> for Json<T>
where
    T: serde::de::DeserializeOwned,
    DB: Backend,
    String: FromSql<Text, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
        let raw = <String as FromSql<Text, DB>>::from_sql(bytes)?;
        serde_json::from_str(&raw)
            .map(Json)
            .map_err(|e| format!("bad stored JSON {raw:?}: {e}").into())
    }
}

/// An IANA time zone (`Europe/Brussels`), as events store it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub struct Zone(pub chrono_tz::Tz);

impl Zone {
    pub fn as_str(&self) -> &'static str {
        self.0.name()
    }
}

impl FromStr for Zone {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse()
            .map(Zone)
            .map_err(|_| "not an IANA time zone".to_owned())
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

cecop_shared::impl_sql_text!(Zone);

/// An API token's scopes, stored as space-separated names. A name this
/// version does not know is skipped, not an error: a newer instance of a
/// rolling upgrade may have granted it, and a token must keep working with
/// the scopes this one understands.
#[derive(Debug, Clone, PartialEq, Eq, FromSqlRow)]
pub struct Scopes(pub Vec<Scope>);

impl Scopes {
    /// The stored form: sorted, without repeats.
    pub fn encode(scopes: &[Scope]) -> String {
        let mut sorted = scopes.to_vec();
        sorted.sort();
        sorted.dedup();
        sorted
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn decode(stored: &str) -> Self {
        Self(
            stored
                .split_whitespace()
                .filter_map(|s| s.parse().ok())
                .collect(),
        )
    }
}

impl<DB> FromSql<Text, DB> for Scopes
where
    DB: Backend,
    String: FromSql<Text, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
        Ok(Self::decode(&<String as FromSql<Text, DB>>::from_sql(
            bytes,
        )?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_are_stored_sorted_once_and_unknown_ones_are_skipped() {
        let stored =
            Scopes::encode(&[Scope::ProfileWrite, Scope::MembersRead, Scope::ProfileWrite]);
        assert_eq!(stored, "members:read profile:write");
        assert_eq!(
            Scopes::decode(&format!("{stored} future:scope")).0,
            vec![Scope::MembersRead, Scope::ProfileWrite]
        );
    }

    #[test]
    fn time_zones_round_trip_by_name() {
        let zone: Zone = "Europe/Brussels".parse().unwrap_or(Zone(chrono_tz::UTC));
        assert_eq!(zone.as_str(), "Europe/Brussels");
        assert!("Mars/Olympus".parse::<Zone>().is_err());
    }
}
