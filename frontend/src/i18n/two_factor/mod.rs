//! The strings of two-factor sign-in: the second step of the sign-in page,
//! the enrolment on `/account`, and the admins' reset ([`TwoFactor`],
//! reached as `t().two_factor`). A plain struct: a language that misses a
//! string does not compile.

mod en;
mod es;
mod fr;
mod it;

pub use en::EN;
pub use es::ES;
pub use fr::FR;
pub use it::IT;

/// Every string of two-factor sign-in, for one language.
#[derive(Debug)]
pub struct TwoFactor {
    pub heading: &'static str,
    pub step_intro: &'static str,
    pub field_code: &'static str,
    pub code_hint: &'static str,
    pub verify: &'static str,
    pub wrong_code: &'static str,
    pub start_again: &'static str,
    pub off: &'static str,
    pub on: fn(&str, i64) -> String,
    pub required: &'static str,
    pub setup_intro: &'static str,
    pub setup_submit: &'static str,
    pub scan: &'static str,
    pub qr_alt: &'static str,
    pub key: &'static str,
    pub enable: &'static str,
    pub codes_heading: &'static str,
    pub codes_intro: &'static str,
    pub codes_saved: &'static str,
    pub replace_intro: &'static str,
    pub replace_submit: &'static str,
    pub disable_intro: &'static str,
    pub disable_submit: &'static str,
    pub disabled_done: &'static str,
    pub badge: &'static str,
    pub reset: &'static str,
    pub reset_named: fn(&str) -> String,
    pub reset_question: fn(&str) -> String,
    pub reset_confirm: &'static str,
    pub reset_done: &'static str,
}
