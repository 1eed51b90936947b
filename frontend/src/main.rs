//! Entry point of the CECOP single-page app: installs the panic hook (so a
//! panic shows in the browser console with its message) and mounts [`app::App`]
//! on `<body>`. Everything else lives in the modules declared here.

mod api;
mod app;
mod components;
mod i18n;
mod intl;
mod pages;
mod query;
mod session;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
