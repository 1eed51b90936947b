//! The one translation mechanism of the app: every user-visible string comes
//! from a [`Strings`] table chosen by the current [`Lang`].
//!
//! A language is one `const Strings` (see `i18n/en.rs`); because `Strings` is a
//! plain struct, the compiler refuses a table that misses a string. Strings
//! that depend on a number (plurals, "page 2 of 5") are `fn` pointers, so each
//! language applies its own grammar. The current language lives in a signal
//! provided as context ([`I18n`]); components read it through [`use_i18n`] and
//! re-render when it changes. The publishing pages' strings sit in a table of
//! their own, [`publishing::Publishing`] (`t().publishing`), and so do the
//! data collection's, [`data::Data`] (`t().data`), to keep each language
//! file readable.
//!
//! The language also chooses the content: every content request sends it as
//! `?lang=` and is made again when it changes, and the choice is remembered
//! in `localStorage`.

pub mod data;
pub mod editorial;
mod en;
mod es;
mod fr;
pub mod identity;
mod it;
pub mod publishing;
pub mod two_factor;

use leptos::prelude::*;

pub use en::EN;
pub use es::ES;
pub use fr::FR;
pub use it::IT;

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
    Es,
    It,
}

impl Lang {
    /// Every translated language, in the order a language menu lists them.
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Fr, Lang::Es, Lang::It];

    /// The BCP 47 tag, used for `<html lang>` (WCAG 3.1.1) and `Intl` formatting.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::It => "it",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::It => "Italiano",
        }
    }

    /// The translation table.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
            Lang::Es => &ES,
            Lang::It => &IT,
        }
    }

    /// The language for a BCP 47 tag such as `fr-BE`, matched on its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL
            .iter()
            .copied()
            .find(|lang| lang.code() == primary)
    }
}

/// Every string of the user interface, for one language.
#[derive(Debug)]
pub struct Strings {
    // Site frame.
    pub skip_to_content: &'static str,
    pub org_full_name: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_members: &'static str,
    pub nav_api: &'static str,
    pub language_label: &'static str,
    pub footer_address: &'static str,
    pub footer_illustrative: &'static str,
    // Shared states.
    pub loading: &'static str,
    pub updating: &'static str,
    pub retry: &'static str,
    pub error_heading: &'static str,
    pub error_network: &'static str,
    pub error_decode: &'static str,
    pub error_status: fn(u16) -> String,
    pub illustrative_badge: &'static str,
    // Home page.
    pub home_title: &'static str,
    pub home_description: &'static str,
    pub home_heading: &'static str,
    pub home_mission: &'static str,
    pub home_figures_heading: &'static str,
    pub stat_members: fn(u64) -> &'static str,
    pub stat_countries: fn(u64) -> &'static str,
    pub stat_enterprises: fn(u64) -> &'static str,
    pub stat_workers: fn(u64) -> &'static str,
    pub illustrative_totals_note: fn(u64) -> String,
    pub home_directory_link: &'static str,
    // Member directory.
    pub members_title: &'static str,
    pub members_description: &'static str,
    pub members_heading: &'static str,
    pub members_intro: &'static str,
    pub filters_label: &'static str,
    pub filter_country: &'static str,
    pub filter_all_countries: &'static str,
    pub filter_kind: &'static str,
    pub filter_all_kinds: &'static str,
    pub filter_search: &'static str,
    pub filter_search_hint: &'static str,
    pub filter_submit: &'static str,
    pub filter_clear: &'static str,
    pub members_total: fn(u64) -> String,
    pub members_empty: &'static str,
    pub results_past_end: &'static str,
    pub results_first_page: &'static str,
    pub pagination_label: &'static str,
    pub pagination_previous: &'static str,
    pub pagination_next: &'static str,
    pub page_of: fn(u32, u32) -> String,
    // Kinds, tiers, statuses, provenance.
    pub kind_national_federation: &'static str,
    pub kind_promotion_body: &'static str,
    pub tier_full: &'static str,
    pub tier_associate: &'static str,
    pub status_active: &'static str,
    pub status_former: &'static str,
    pub provenance_confirmed: &'static str,
    pub provenance_third_party: &'static str,
    pub provenance_illustrative: &'static str,
    // Member profile.
    pub profile_title: &'static str,
    pub profile_back: &'static str,
    pub profile_placeholder_notice: &'static str,
    pub profile_details: &'static str,
    pub field_country: &'static str,
    pub field_kind: &'static str,
    pub field_membership: &'static str,
    pub field_joined: &'static str,
    pub field_status: &'static str,
    pub field_website: &'static str,
    pub field_sectors: &'static str,
    pub field_source: &'static str,
    pub profile_about: &'static str,
    pub figures_heading: &'static str,
    pub figures_caption: fn(Option<i32>) -> String,
    pub figures_provenance: &'static str,
    pub figures_cooperatives: &'static str,
    pub figures_workers: &'static str,
    pub figures_worker_members: &'static str,
    pub figures_turnover: &'static str,
    pub figures_not_stated: &'static str,
    pub figures_note: &'static str,
    pub figures_none: &'static str,
    // Not found.
    pub not_found_heading: &'static str,
    pub not_found_text: &'static str,
    pub member_not_found_heading: &'static str,
    pub member_not_found_text: &'static str,
    // Sign-in and the account menu.
    pub nav_sign_in: &'static str,
    pub nav_account: &'static str,
    pub nav_tokens: &'static str,
    pub nav_profile: &'static str,
    pub nav_users: &'static str,
    pub nav_audit: &'static str,
    pub nav_sign_out: &'static str,
    pub account_nav_label: &'static str,
    pub rate_limited: fn(u64) -> String,
    pub form_fix_fields: &'static str,
    pub cancel: &'static str,
    pub never: &'static str,
    pub not_allowed_heading: &'static str,
    pub not_allowed_text: &'static str,
    pub login_title: &'static str,
    pub login_heading: &'static str,
    pub login_failed: &'static str,
    pub password_changed_sign_in: &'static str,
    pub sign_in: &'static str,
    pub signing_in: &'static str,
    pub field_email: &'static str,
    pub field_password: &'static str,
    pub field_display_name: &'static str,
    pub field_role: &'static str,
    pub field_organisation: &'static str,
    pub role_admin: &'static str,
    pub role_editor: &'static str,
    pub role_member: &'static str,
    // Account.
    pub account_title: &'static str,
    pub account_heading: &'static str,
    pub password_heading: &'static str,
    pub field_current_password: &'static str,
    pub field_new_password: &'static str,
    pub new_password_hint: &'static str,
    pub password_submit: &'static str,
    // API tokens.
    pub tokens_title: &'static str,
    pub tokens_heading: &'static str,
    pub tokens_intro: &'static str,
    pub tokens_list_heading: &'static str,
    pub tokens_empty: &'static str,
    pub token_form_heading: &'static str,
    pub field_token_name: &'static str,
    pub field_scopes: &'static str,
    pub scope_members_read: &'static str,
    pub scope_profile_write: &'static str,
    pub scope_returns_write: &'static str,
    pub scope_stories_write: &'static str,
    pub scope_media_write: &'static str,
    pub field_expires_days: &'static str,
    pub expires_days_hint: &'static str,
    pub organisation_none_integrator: &'static str,
    pub choose_organisation: &'static str,
    pub integrator: &'static str,
    pub token_create: &'static str,
    pub token_created: fn(&str) -> String,
    pub token_secret_warning: &'static str,
    pub token_secret_label: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub col_prefix: &'static str,
    pub col_created: &'static str,
    pub col_expires: &'static str,
    pub col_last_used: &'static str,
    pub col_state: &'static str,
    pub col_actions: &'static str,
    pub token_active: &'static str,
    pub token_revoked: &'static str,
    /// A token an admin made the organisation's: it survives its creator.
    pub token_kept: &'static str,
    pub token_keep: &'static str,
    pub token_tie: &'static str,
    pub revoke: &'static str,
    pub revoke_named: fn(&str) -> String,
    pub revoke_confirm_question: fn(&str) -> String,
    pub revoke_confirm: &'static str,
    // Organisation profile.
    pub my_profile_title: &'static str,
    pub my_profile_heading: &'static str,
    pub my_profile_intro: &'static str,
    pub description_hint: &'static str,
    pub website_hint: &'static str,
    pub field_public_contact: &'static str,
    pub contact_hint: &'static str,
    pub profile_save: &'static str,
    pub profile_saved: &'static str,
    // Users.
    pub users_title: &'static str,
    pub users_heading: &'static str,
    pub users_search: &'static str,
    pub all_roles: &'static str,
    pub users_list_heading: &'static str,
    pub users_total: fn(u64) -> String,
    pub role_of: fn(&str) -> String,
    pub user_enabled: &'static str,
    pub user_disabled: &'static str,
    pub enable: &'static str,
    pub disable: &'static str,
    pub enable_named: fn(&str) -> String,
    pub disable_named: fn(&str) -> String,
    /// Clears a user's sign-in throttles (admin).
    pub unlock: &'static str,
    pub unlock_named: fn(&str) -> String,
    pub unlocked: &'static str,
    pub delete: &'static str,
    pub delete_named: fn(&str) -> String,
    pub delete_confirm_question: fn(&str) -> String,
    pub delete_confirm: &'static str,
    pub user_form_heading: &'static str,
    pub user_organisation_hint: &'static str,
    pub field_initial_password: &'static str,
    pub user_create: &'static str,
    pub user_created: fn(&str) -> String,
    // Audit log.
    pub audit_title: &'static str,
    pub audit_heading: &'static str,
    pub audit_list_heading: &'static str,
    pub audit_total: fn(u64) -> String,
    pub audit_time: &'static str,
    pub audit_actor: &'static str,
    pub audit_actor_hint: &'static str,
    pub audit_action: &'static str,
    pub audit_action_hint: &'static str,
    pub audit_target: &'static str,
    pub audit_ip: &'static str,
    pub audit_user_agent: &'static str,
    pub audit_from: &'static str,
    pub audit_to: &'static str,
    pub anonymous: &'static str,
    /// The publishing pages' strings (news, events, stories, search, about).
    pub publishing: publishing::Publishing,
    /// The data collection's strings (statistics, data returns, their review).
    pub data: data::Data,
    /// Account recovery and enrolment (reset links, invitations).
    pub identity: identity::Identity,
    pub two_factor: two_factor::TwoFactor,
    /// The editorial back office (content list, editor).
    pub editorial: editorial::Editorial,
}

/// A translated text that follows the language, for a view:
/// `{tr(|t| t.data.save)}`. Every such text is the same closure type, so the
/// view code for it exists once in the WASM instead of once per text (a
/// `move || t().data.save` closure is a type of its own each time).
pub fn tr(
    text: fn(&'static Strings) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || text(i18n.t())
}

/// The current language, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

/// Where a chosen language is remembered between visits.
const STORAGE_KEY: &str = "cecop.lang";

impl I18n {
    /// The current language (tracked: callers re-run when it changes).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The current language's strings (tracked).
    pub fn t(self) -> &'static Strings {
        self.lang().strings()
    }

    /// Switches the interface language and remembers the choice.
    pub fn set(self, lang: Lang) {
        if let Some(storage) = window().local_storage().ok().flatten() {
            // Private browsing may refuse storage; the choice then lasts for this visit.
            storage.set_item(STORAGE_KEY, lang.code()).ok();
        }
        self.lang.set(lang);
    }
}

/// The language to start in: the visitor's earlier choice, else the first
/// browser language we translate, else English.
fn initial_lang() -> Lang {
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag));
    stored
        .or_else(|| {
            window()
                .navigator()
                .languages()
                .iter()
                .filter_map(|tag| tag.as_string())
                .find_map(|tag| Lang::from_tag(&tag))
        })
        .unwrap_or_default()
}

/// Provides the language context; called once, at the root of the app.
pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        lang: RwSignal::new(initial_lang()),
    };
    provide_context(i18n);
    i18n
}

/// The language context. Outside the app root (which always provides it) this
/// falls back to the default language rather than failing.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n {
        lang: RwSignal::new(Lang::default()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_match_on_the_primary_subtag() {
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr-BE"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("es_ES"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("it"), Some(Lang::It));
        assert_eq!(Lang::from_tag("xx-YY"), None);
    }

    #[test]
    fn every_language_has_a_distinct_code() {
        for (i, a) in Lang::ALL.iter().enumerate() {
            assert!(Lang::ALL[i + 1..].iter().all(|b| a.code() != b.code()));
        }
    }
}
