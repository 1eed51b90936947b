//! Appending security events to the audit log from handlers, and the one
//! list of what an event can be ([`AuditAction`]): each action is a variant,
//! so a new one cannot be logged under another's name by a typo.

use cecop_shared::returns::Transition;
use chrono::Utc;

use super::ClientInfo;
use crate::db::DbConnection;
use crate::db::audit::{self, NewEntry};

/// Declares [`AuditAction`] with the text each variant is stored as.
macro_rules! audit_actions {
    ($($(#[$meta:meta])* $variant:ident = $text:literal,)+) => {
        /// What an audit log entry records. The text ([`AuditAction::as_str`])
        /// is what the log stores and what `GET /audit?action=` filters on;
        /// it must never change for an existing variant.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum AuditAction {
            $($(#[$meta])* $variant,)+
        }

        impl AuditAction {
            /// Every action, in declaration order.
            pub const ALL: &[Self] = &[$(Self::$variant),+];

            /// The stored text, e.g. `user.created`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }
        }
    };
}

audit_actions! {
    /// A user signed in.
    Login = "auth.login",
    /// A sign-in failed.
    LoginFailed = "auth.login_failed",
    /// A user signed out.
    Logout = "auth.logout",
    /// A user signed out one of their sessions (a device) from the list.
    SessionEnded = "auth.session_ended",
    /// A user signed out all their other sessions.
    OtherSessionsEnded = "auth.other_sessions_ended",
    /// A refresh token was presented again after use: its session is revoked.
    RefreshReused = "auth.refresh_reused",
    /// A sign-in's second step (or another check) got a wrong code.
    TwoFactorFailed = "auth.two_factor_failed",
    /// A recovery code was used in place of an authenticator code.
    RecoveryCodeUsed = "auth.recovery_code_used",
    /// A user turned two-factor sign-in on.
    TwoFactorEnabled = "user.two_factor_enabled",
    /// A user turned two-factor sign-in off.
    TwoFactorDisabled = "user.two_factor_disabled",
    /// A user replaced their recovery codes.
    RecoveryCodesReplaced = "user.recovery_codes_replaced",
    /// A user was created (by an admin, or by the `create-admin` command).
    UserCreated = "user.created",
    /// An admin changed a user.
    UserUpdated = "user.updated",
    /// An admin disabled a user, ending their sessions.
    UserDisabled = "user.disabled",
    /// An admin deleted a user.
    UserDeleted = "user.deleted",
    /// An admin ended every session of a user.
    UserSessionsEnded = "user.sessions_ended",
    /// An admin cleared a user's sign-in throttles.
    UserUnlocked = "user.unlocked",
    /// An admin removed a user's two-factor sign-in (a lost phone).
    UserTwoFactorReset = "user.two_factor_reset",
    /// A user changed their password.
    PasswordChanged = "user.password_changed",
    /// A password-reset link was asked for (and sent, if the account exists).
    PasswordResetRequested = "user.password_reset_requested",
    /// A user set a new password through a reset link.
    PasswordReset = "user.password_reset",
    /// An admin invited someone to create an account.
    InvitationSent = "invitation.sent",
    /// An admin withdrew an invitation.
    InvitationRevoked = "invitation.revoked",
    /// An invitee chose a password: the account exists.
    InvitationAccepted = "invitation.accepted",
    /// An API token was minted.
    TokenCreated = "token.created",
    /// An API token was revoked.
    TokenRevoked = "token.revoked",
    /// An admin changed who owns an API token.
    TokenUpdated = "token.updated",
    /// A revoked API token was presented.
    TokenUsedAfterRevocation = "token.used_after_revocation",
    /// A member organisation's profile was changed.
    OrganisationUpdated = "organisation.updated",
    /// A data-collection campaign was created.
    CampaignCreated = "campaign.created",
    /// A campaign's dates or state changed.
    CampaignUpdated = "campaign.updated",
    /// A campaign was deleted.
    CampaignDeleted = "campaign.deleted",
    /// A return's values were saved.
    ReturnUpdated = "return.updated",
    /// A return's values were imported from CSV.
    ReturnImported = "return.imported",
    /// A return was submitted for review.
    ReturnSubmitted = "return.submitted",
    /// Staff approved a return.
    ReturnApproved = "return.approved",
    /// Staff sent a return back to its member.
    ReturnReturned = "return.returned",
    /// Staff reopened an approved return.
    ReturnReopened = "return.reopened",
    /// An editor created an item (a draft).
    ContentCreated = "content.created",
    /// An editor saved changes to an item.
    ContentUpdated = "content.updated",
    /// An editor deleted a draft that was never published.
    ContentDeleted = "content.deleted",
    /// An editor published an item.
    ContentPublished = "content.published",
    /// An editor scheduled an item's publication.
    ContentScheduled = "content.scheduled",
    /// An editor took an item back to draft.
    ContentUnpublished = "content.unpublished",
    /// An editor archived an item.
    ContentArchived = "content.archived",
    /// An editor brought an item back from the archive.
    ContentUnarchived = "content.unarchived",
    /// An editor restored an earlier revision of an item.
    ContentRestored = "content.revision_restored",
    /// An editor made a shareable preview link for an item.
    PreviewLinkCreated = "content.preview_link_created",
    /// An editor revoked a preview link.
    PreviewLinkRevoked = "content.preview_link_revoked",
    /// An admin created a member organisation.
    MemberCreated = "member.created",
    /// An admin changed a member organisation.
    MemberUpdated = "member.updated",
    /// An admin made a member organisation a former member.
    MemberDeactivated = "member.deactivated",
    /// A file was added to the media library.
    MediaUploaded = "media.uploaded",
    /// A media item's metadata (title, alt texts, credit, visibility) changed.
    MediaUpdated = "media.updated",
    /// A media item left the library.
    MediaDeleted = "media.deleted",
}

impl From<Transition> for AuditAction {
    /// The action a return's transition is logged as; exhaustive, so a new
    /// transition needs its own action.
    fn from(transition: Transition) -> Self {
        match transition {
            Transition::Submit => Self::ReturnSubmitted,
            Transition::Approve => Self::ReturnApproved,
            Transition::Return => Self::ReturnReturned,
            Transition::Reopen => Self::ReturnReopened,
        }
    }
}

/// An event about to be recorded.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub action: AuditAction,
    pub actor: Option<String>,
    pub target: Option<(&'a str, String)>,
    pub subject: Option<String>,
    pub detail: Option<String>,
}

impl Event<'_> {
    /// An event of this action with nothing else known yet; name the rest
    /// with struct update syntax (`Event { actor, ..Event::new(action) }`).
    pub fn new(action: AuditAction) -> Self {
        Self {
            action,
            actor: None,
            target: None,
            subject: None,
            detail: None,
        }
    }
}

pub fn record(
    conn: &mut DbConnection,
    client: &ClientInfo,
    event: Event<'_>,
) -> diesel::QueryResult<()> {
    let (target_type, target_id) = match event.target {
        Some((kind, id)) => (Some(kind.to_owned()), Some(id)),
        None => (None, None),
    };
    audit::append(
        conn,
        &NewEntry {
            at: Utc::now().naive_utc(),
            actor: event.actor,
            action: event.action.as_str().to_owned(),
            target_type,
            target_id,
            subject: event.subject,
            ip: client.ip.clone(),
            user_agent: client.user_agent.clone(),
            detail: event.detail,
        },
    )
    .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_actions_keep_their_stored_text_and_are_distinct() {
        let texts: Vec<&str> = AuditAction::ALL.iter().map(|a| a.as_str()).collect();
        // The stored values and the `/audit?action=` filter depend on these.
        let expected = [
            "auth.login",
            "auth.login_failed",
            "auth.logout",
            "auth.session_ended",
            "auth.other_sessions_ended",
            "auth.refresh_reused",
            "auth.two_factor_failed",
            "auth.recovery_code_used",
            "user.two_factor_enabled",
            "user.two_factor_disabled",
            "user.recovery_codes_replaced",
            "user.created",
            "user.updated",
            "user.disabled",
            "user.deleted",
            "user.sessions_ended",
            "user.unlocked",
            "user.two_factor_reset",
            "user.password_changed",
            "user.password_reset_requested",
            "user.password_reset",
            "invitation.sent",
            "invitation.revoked",
            "invitation.accepted",
            "token.created",
            "token.revoked",
            "token.updated",
            "token.used_after_revocation",
            "organisation.updated",
            "campaign.created",
            "campaign.updated",
            "campaign.deleted",
            "return.updated",
            "return.imported",
            "return.submitted",
            "return.approved",
            "return.returned",
            "return.reopened",
            "content.created",
            "content.updated",
            "content.deleted",
            "content.published",
            "content.scheduled",
            "content.unpublished",
            "content.archived",
            "content.unarchived",
            "content.revision_restored",
            "content.preview_link_created",
            "content.preview_link_revoked",
            "member.created",
            "member.updated",
            "member.deactivated",
            "media.uploaded",
            "media.updated",
            "media.deleted",
        ];
        assert_eq!(texts, expected);
        let distinct: std::collections::HashSet<&str> = texts.iter().copied().collect();
        assert_eq!(distinct.len(), texts.len());
    }

    #[test]
    fn each_transition_is_logged_as_its_own_action() {
        let transitions = [
            Transition::Submit,
            Transition::Approve,
            Transition::Return,
            Transition::Reopen,
        ];
        let actions: std::collections::HashSet<&str> = transitions
            .into_iter()
            .map(|t| AuditAction::from(t).as_str())
            .collect();
        assert_eq!(actions.len(), transitions.len());
    }
}
