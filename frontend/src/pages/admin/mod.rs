//! Administration: user accounts (`/admin/users`) and the audit log
//! (`/admin/audit`). Admins only.

pub mod audit;
pub mod audit_filters;
pub mod user_form;
pub mod user_row;
pub mod users;

/// `path?name=value&…` for the non-empty values, so filters and the page
/// number live in the URL (shareable, and Back works).
pub fn href_with(path: &str, params: &[(&str, String)]) -> String {
    let query = params
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", js_sys::encode_uri_component(value)))
        .collect::<Vec<_>>()
        .join("&");
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}
