//! The strings of account recovery and enrolment — a forgotten password
//! reset by e-mail, an invitation accepted, invitations sent by admins —
//! kept in a table of their own ([`Identity`], reached as `t().identity`).
//! Like [`super::Strings`], a plain struct: a language that misses a string
//! does not compile.

mod en;
mod es;
mod fr;
mod it;

use cecop_shared::InvitationStatus;

pub use en::EN;
pub use es::ES;
pub use fr::FR;
pub use it::IT;

/// Every string of these pages, for one language.
#[derive(Debug)]
pub struct Identity {
    pub forgot_link: &'static str,
    pub forgot_title: &'static str,
    pub forgot_intro: &'static str,
    pub forgot_submit: &'static str,
    pub forgot_sent: &'static str,
    pub reset_title: &'static str,
    pub reset_intro: &'static str,
    pub reset_submit: &'static str,
    pub reset_invalid: &'static str,
    pub reset_done: &'static str,
    pub ask_new_link: &'static str,
    pub invitation_title: &'static str,
    pub invitation_intro: &'static str,
    pub invitation_submit: &'static str,
    pub invitation_invalid: &'static str,
    pub invite_heading: &'static str,
    pub invite_intro: &'static str,
    pub field_language: &'static str,
    pub invite_submit: &'static str,
    pub invite_sent: fn(&str) -> String,
    pub invitations_heading: &'static str,
    pub invitations_empty: &'static str,
    pub col_status: &'static str,
    pub col_expires: &'static str,
    pub withdraw: &'static str,
    pub withdraw_named: fn(&str) -> String,
    pub withdraw_question: fn(&str) -> String,
    pub withdraw_confirm: &'static str,
    pub status_pending: &'static str,
    pub status_accepted: &'static str,
    pub status_revoked: &'static str,
    pub status_expired: &'static str,
    pub sessions_heading: &'static str,
    pub sessions_intro: &'static str,
    pub session_this_device: &'static str,
    pub session_unknown_device: &'static str,
    pub session_signed_in: &'static str,
    pub session_last_used: &'static str,
    pub session_address: &'static str,
    pub session_end: &'static str,
    pub session_end_named: fn(&str) -> String,
    pub session_end_question: fn(&str) -> String,
    pub session_end_confirm: &'static str,
    pub sessions_end_others: &'static str,
    pub sessions_end_others_done: &'static str,
    pub sign_out_everywhere: &'static str,
    pub sign_out_everywhere_named: fn(&str) -> String,
    pub sign_out_everywhere_question: fn(&str) -> String,
    pub signed_out_everywhere: &'static str,
}

impl Identity {
    pub fn status(&self, status: InvitationStatus) -> &'static str {
        match status {
            InvitationStatus::Pending => self.status_pending,
            InvitationStatus::Accepted => self.status_accepted,
            InvitationStatus::Revoked => self.status_revoked,
            InvitationStatus::Expired => self.status_expired,
        }
    }
}
