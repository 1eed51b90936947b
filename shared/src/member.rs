//! CECOP's member organisations: national federations of worker, social and
//! producer cooperatives, and bodies that promote cooperatives.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{CountryCode, Language, Slug, string_enum};

string_enum!(
    /// What kind of organisation a member is.
    MemberKind {
        /// A national federation or confederation of cooperatives.
        NationalFederation => "national_federation",
        /// An organisation that promotes, finances or supports cooperatives.
        PromotionBody => "promotion_body",
    }
);

string_enum!(
    /// CECOP membership tier (CECOP's admission rules).
    MembershipTier {
        /// A national representative organisation of worker or social cooperatives.
        Full => "full",
        /// A body that supports or creates cooperatives, or a sectoral body of a full member.
        Associate => "associate",
    }
);

string_enum!(
    /// Whether the organisation is a member today.
    MemberStatus {
        Active => "active",
        Former => "former",
    }
);

string_enum!(
    /// Where a member's declared figures come from.
    FigureProvenance {
        /// Stated on the member's own CECOP profile.
        Confirmed => "confirmed",
        /// Published by a third party (a partner network, the member's site, an older article).
        ThirdParty => "third_party",
        /// Made up for the demo dataset; not a fact about the organisation.
        Illustrative => "illustrative",
    }
);

/// A member organisation of CECOP, as published in the directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Member {
    /// URL identifier, unique across members.
    pub slug: Slug,
    /// Full name in the organisation's own language.
    pub name: String,
    /// Short name, when the organisation uses one.
    pub acronym: Option<String>,
    /// Country of the organisation's seat.
    pub country: CountryCode,
    pub kind: MemberKind,
    /// Membership tier, when a public source states it.
    pub membership: Option<MembershipTier>,
    pub status: MemberStatus,
    /// Year the organisation joined CECOP, when known.
    pub joined_year: Option<i32>,
    /// The organisation's website.
    pub website: Option<String>,
    /// A short description (English).
    pub description: String,
    /// The description in other languages, by language (`fr`, `es`, …);
    /// show `description` where the reader's language is missing.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = BTreeMap<String, String>))]
    pub descriptions: BTreeMap<Language, String>,
    /// Economic sectors its cooperatives work in.
    pub sectors: Vec<String>,
    /// True when the organisation itself is a placeholder in the demo data,
    /// not a confirmed CECOP member. Shown as such wherever it appears.
    pub illustrative: bool,
    /// Where the facts about this member come from.
    pub source_url: Option<String>,
    /// How the public can reach the organisation (an e-mail address or a
    /// phone number), as the organisation publishes it.
    #[serde(default)]
    pub public_contact: Option<String>,
    /// Members only: who in the organisation to contact about CECOP network
    /// matters. Present only for signed-in users and tokens with
    /// `members:read`; `null` for everyone else.
    #[serde(default)]
    pub network_contact: Option<String>,
    /// Declared headline figures, when the member has any.
    pub figures: Option<MemberFigures>,
}

/// A member's declared headline figures for one reference year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MemberFigures {
    /// The year the figures describe, when the source states it.
    pub reference_year: Option<i32>,
    /// Cooperatives (enterprises) affiliated to the member.
    pub cooperatives: Option<i64>,
    /// People working in those cooperatives.
    pub workers: Option<i64>,
    /// Workers who are also members of their cooperative.
    pub worker_members: Option<i64>,
    /// Yearly turnover in euros.
    pub turnover_eur: Option<i64>,
    /// Where the figures come from; `illustrative` figures are not facts.
    pub provenance: FigureProvenance,
    /// Caveats about the figures (e.g. a suspected typo in the source).
    pub note: Option<String>,
}

impl MemberFigures {
    /// True when the figures must be presented as illustrative.
    pub fn is_illustrative(&self) -> bool {
        self.provenance == FigureProvenance::Illustrative
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip_through_their_strings() {
        for kind in MemberKind::ALL {
            assert_eq!(kind.as_str().parse::<MemberKind>(), Ok(*kind));
        }
        assert_eq!(
            serde_json::to_string(&MemberKind::NationalFederation).ok(),
            Some("\"national_federation\"".into())
        );
    }

    #[test]
    fn unknown_values_name_the_accepted_ones() {
        let err = "federation"
            .parse::<MemberKind>()
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("must be one of: national_federation, promotion_body")
        );
    }
}

/// `PUT /api/v1/my/organisation`: what a member organisation edits itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ProfileUpdate {
    /// A short description, up to 2,000 characters.
    #[cfg_attr(feature = "server", schema(max_length = 2000))]
    pub description: String,
    /// An `http://` or `https://` address, or none.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(max_length = 300))]
    pub website: Option<String>,
    /// How the public can reach the organisation, or none.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(max_length = 200))]
    pub public_contact: Option<String>,
}

/// `POST /api/v1/members`, and the document `PATCH /api/v1/members/{slug}`
/// merges into (admins): every field of a member organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MemberInput {
    /// Made from the name when absent; it never changes afterwards (links,
    /// users and tokens hold it).
    #[serde(default)]
    pub slug: Option<Slug>,
    /// Full name in the organisation's own language, up to 300 characters.
    #[cfg_attr(feature = "server", schema(max_length = 300))]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(max_length = 40))]
    pub acronym: Option<String>,
    pub country: CountryCode,
    pub kind: MemberKind,
    #[serde(default)]
    pub membership: Option<MembershipTier>,
    /// `former` takes the organisation out of the active directory and the
    /// headline counts; its history and statistics stay.
    #[serde(default = "active")]
    pub status: MemberStatus,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(minimum = 1950, maximum = 2100))]
    pub joined_year: Option<i32>,
    /// An `http://` or `https://` address.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(max_length = 300))]
    pub website: Option<String>,
    /// In English, up to 2,000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(max_length = 2000))]
    pub description: String,
    /// The description in other languages, by language.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = BTreeMap<String, String>))]
    pub descriptions: BTreeMap<Language, String>,
    #[serde(default)]
    pub sectors: Vec<String>,
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(max_length = 300))]
    pub source_url: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(max_length = 200))]
    pub public_contact: Option<String>,
    /// Members only.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(max_length = 200))]
    pub network_contact: Option<String>,
    #[serde(default)]
    pub figures: Option<MemberFigures>,
}

fn active() -> MemberStatus {
    MemberStatus::Active
}
