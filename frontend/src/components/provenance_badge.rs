//! Where a member's figures come from, as a coloured label: confirmed, a
//! third party, or illustrative demo data (the last one impossible to miss).

use cecop_shared::FigureProvenance;
use leptos::prelude::*;

use crate::i18n::{Strings, use_i18n};

/// The label for one provenance.
#[component]
pub fn ProvenanceBadge(provenance: FigureProvenance) -> impl IntoView {
    let i18n = use_i18n();
    let class = match provenance {
        FigureProvenance::Confirmed => "badge badge-confirmed",
        FigureProvenance::ThirdParty => "badge badge-third-party",
        FigureProvenance::Illustrative => "badge badge-illustrative",
    };
    view! { <span class=class>{move || provenance_label(i18n.t(), provenance)}</span> }
}

/// The words for a provenance.
pub fn provenance_label(t: &Strings, provenance: FigureProvenance) -> &'static str {
    match provenance {
        FigureProvenance::Confirmed => t.provenance_confirmed,
        FigureProvenance::ThirdParty => t.provenance_third_party,
        FigureProvenance::Illustrative => t.provenance_illustrative,
    }
}
