//! The badges an item of content can carry: illustrative demo content, and
//! members-only visibility.

use cecop_shared::Visibility;
use leptos::prelude::*;

use crate::components::illustrative_badge::IllustrativeBadge;
use crate::i18n::tr;

/// Nothing at all when the item is a public fact.
#[component]
pub fn ItemBadges(illustrative: bool, visibility: Visibility) -> impl IntoView {
    let members_only = visibility == Visibility::MembersOnly;
    (illustrative || members_only).then(|| {
        view! {
            <p class="item-badges">
                {illustrative.then(|| view! { <IllustrativeBadge /> })}
                {members_only
                    .then(|| {
                        view! {
                            <span class="badge badge-members">
                                {tr(|t| t.publishing.members_only_badge)}
                            </span>
                        }
                    })}
            </p>
        }
    })
}
