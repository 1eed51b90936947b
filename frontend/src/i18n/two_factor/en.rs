//! English strings of two-factor sign-in.

use super::TwoFactor;

pub const EN: TwoFactor = TwoFactor {
    heading: "Two-factor sign-in",
    step_intro: "Enter the six-digit code your authenticator app shows for CECOP, or one of your recovery codes.",
    field_code: "Code",
    code_hint: "Six digits from the app, or a recovery code such as abcde-fghjk.",
    verify: "Verify",
    wrong_code: "The code is wrong or was used already. Wait for the next code and try again.",
    start_again: "Sign in again",
    off: "Off: signing in asks for your password only.",
    on: |since, left| format!("On since {since}. Recovery codes left: {left}."),
    required: "This site requires administrators to use two-factor sign-in. Turn it on here to use the administration pages.",
    setup_intro: "Enter your password to set up an authenticator app (such as Aegis, FreeOTP or Google Authenticator) on your phone.",
    setup_submit: "Set up",
    scan: "Scan this QR code with the app, or type the key into it. Then enter the code the app shows.",
    qr_alt: "QR code of the key for your authenticator app",
    key: "Key",
    enable: "Turn on",
    codes_heading: "Your recovery codes",
    codes_intro: "Each code signs you in once, in place of a code from the app, if you lose your phone. Keep them somewhere safe: they are shown only now.",
    codes_saved: "I have saved them",
    replace_intro: "New recovery codes replace all the old ones.",
    replace_submit: "Replace the recovery codes",
    disable_intro: "Turning it off makes signing in ask for your password only.",
    disable_submit: "Turn off",
    disabled_done: "Two-factor sign-in is off.",
    badge: "Two-factor",
    reset: "Reset two-factor",
    reset_named: |name| format!("Reset two-factor: {name}"),
    reset_question: |name| {
        format!(
            "Remove the two-factor sign-in of {name}? Their sessions end, and they sign in with their password alone until they set it up again."
        )
    },
    reset_confirm: "Yes, reset",
    reset_done: "Two-factor sign-in removed.",
};
