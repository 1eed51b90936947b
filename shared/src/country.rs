//! ISO 3166-1 alpha-2 country codes.

use std::fmt;
use std::str::FromStr;

use crate::{ParseError, serde_via_str};

/// Every officially assigned ISO 3166-1 alpha-2 code, sorted, so membership
/// is a binary search. `XK` (Kosovo) is not assigned by ISO but is used by the
/// European Commission; it is accepted too.
const ASSIGNED: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW",
];

/// An ISO 3166-1 alpha-2 country code such as `IT` or `ES`, always uppercase.
/// Lowercase input (`it`) is accepted and normalised; unassigned codes
/// (`ZZ`) and anything that is not two letters are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "server", derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    pub fn as_str(&self) -> &str {
        // Only ASCII uppercase letters are ever stored, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl FromStr for CountryCode {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = s.as_bytes();
        if bytes.len() != 2 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(ParseError::new(
                "must be an ISO 3166-1 alpha-2 country code, two letters such as IT",
            ));
        }
        let code = [bytes[0].to_ascii_uppercase(), bytes[1].to_ascii_uppercase()];
        let upper = std::str::from_utf8(&code).unwrap_or_default();
        if ASSIGNED.binary_search(&upper).is_err() {
            return Err(ParseError::new(format!(
                "{upper} is not an assigned ISO 3166-1 alpha-2 country code"
            )));
        }
        Ok(Self(code))
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

serde_via_str!(CountryCode);
crate::sql_text!(CountryCode);

#[cfg(feature = "server")]
impl utoipa::PartialSchema for CountryCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some(
                "An ISO 3166-1 alpha-2 country code. Answers use uppercase; \
                 requests may use either case.",
            ))
            .enum_values(Some(ASSIGNED.iter().copied()))
            .examples(["IT"])
            .into()
    }
}

#[cfg(feature = "server")]
impl utoipa::ToSchema for CountryCode {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_table_is_sorted_and_complete() {
        assert!(
            ASSIGNED.windows(2).all(|w| w[0] < w[1]),
            "table must stay sorted"
        );
        // 249 assigned codes plus XK.
        assert_eq!(ASSIGNED.len(), 250);
    }

    #[test]
    fn normalises_case() {
        assert_eq!(
            "it".parse::<CountryCode>().map(|c| c.to_string()),
            Ok("IT".into())
        );
        assert_eq!(
            "Es".parse::<CountryCode>().map(|c| c.to_string()),
            Ok("ES".into())
        );
    }

    #[test]
    fn refuses_unassigned_or_malformed_codes() {
        for bad in ["ZZ", "ZZZ", "I", "", "1T", "ÉS", "UK"] {
            assert!(bad.parse::<CountryCode>().is_err(), "{bad:?} was accepted");
        }
    }
}
