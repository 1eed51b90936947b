//! English strings of account recovery and enrolment.

use super::Identity;

pub const EN: Identity = Identity {
    forgot_link: "Forgot your password?",
    forgot_title: "Set a new password",
    forgot_intro: "Enter your account’s e-mail address. If an account has it, we send it a link to set a new password; the link works once, for 30 minutes.",
    forgot_submit: "Send the link",
    forgot_sent: "If an account has this address, a link is on its way. Check your inbox, and your spam folder.",
    reset_title: "Choose a new password",
    reset_intro: "Choose the password you will sign in with from now on. Every session of your account ends.",
    reset_submit: "Set the password",
    reset_invalid: "This link is invalid, used or expired.",
    reset_done: "Your password is set and every session ended. Sign in with the new password.",
    ask_new_link: "Ask for a new link",
    invitation_title: "Accept your invitation",
    invitation_intro: "Choose the password you will sign in with. Your account is created at once.",
    invitation_submit: "Create my account",
    invitation_invalid: "This invitation is invalid, used, withdrawn or expired. Ask the person who invited you for a new one.",
    invite_heading: "Invite someone",
    invite_intro: "They receive an e-mail with a link to choose their own password; it works once, for 7 days.",
    field_language: "Language of the e-mail",
    invite_submit: "Send the invitation",
    invite_sent: |email| format!("Invitation sent to {email}."),
    invitations_heading: "Invitations",
    invitations_empty: "No invitations yet.",
    col_status: "Status",
    col_expires: "Expires",
    withdraw: "Withdraw",
    withdraw_named: |email| format!("Withdraw the invitation to {email}"),
    withdraw_question: |email| {
        format!("Withdraw the invitation to {email}? Its link stops working.")
    },
    withdraw_confirm: "Yes, withdraw",
    status_pending: "Waiting",
    status_accepted: "Accepted",
    status_revoked: "Withdrawn",
    status_expired: "Expired",
};
