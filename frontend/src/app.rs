//! The app's root: context providers (document metadata, language, session), the site
//! frame (skip link, header, main landmark, footer) and the route table.

use leptos::prelude::*;
use leptos_meta::{Html, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::footer::SiteFooter;
use crate::components::header::SiteHeader;
use crate::components::skip_link::SkipLink;
use crate::i18n::provide_i18n;
use crate::pages::about::AboutPage;
use crate::pages::account::page::AccountPage;
use crate::pages::admin::audit::AuditPage;
use crate::pages::admin::member_form::MemberFormPage;
use crate::pages::admin::members::MembersAdminPage;
use crate::pages::admin::users::UsersPage;
use crate::pages::auth::invitation::AcceptInvitationPage;
use crate::pages::auth::login::LoginPage;
use crate::pages::auth::recovery::{ForgotPasswordPage, ResetPasswordPage};
use crate::pages::content::editor::EditorPage;
use crate::pages::content::list::ContentPage;
use crate::pages::cooptales::detail::StoryPage;
use crate::pages::cooptales::list::StoriesPage;
use crate::pages::data::page::DataPage;
use crate::pages::events::detail::EventPage;
use crate::pages::events::list::EventsPage;
use crate::pages::home::HomePage;
use crate::pages::members::list::MembersPage;
use crate::pages::members::profile::MemberProfilePage;
use crate::pages::news::detail::ArticlePage;
use crate::pages::news::list::{NewsPage, PublicationsPage};
use crate::pages::not_found::NotFoundPage;
use crate::pages::portal::profile::ProfilePage;
use crate::pages::portal::tokens::TokensPage;
use crate::pages::preview::PreviewPage;
use crate::pages::returns::page::ReturnsPage;
use crate::pages::review::detail::ReviewDetailPage;
use crate::pages::review::list::ReviewPage;
use crate::pages::search::page::SearchPage;
use crate::pages::search::query::search_href;
use crate::session::provide_session;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = provide_i18n();
    provide_session();
    remove_static_description();

    view! {
        // WCAG 3.1.1: the page language follows the interface language.
        <Html {..} lang=move || i18n.lang().code() />
        <Router>
            <SkipLink />
            <SiteHeader search_href />
            // tabindex=-1 lets the skip link move keyboard focus here (WCAG 2.4.1).
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/news") view=NewsPage />
                    <Route path=path!("/news/:slug") view=ArticlePage />
                    <Route path=path!("/publications") view=PublicationsPage />
                    <Route path=path!("/events") view=EventsPage />
                    <Route path=path!("/events/:slug") view=EventPage />
                    <Route path=path!("/cooptales") view=StoriesPage />
                    <Route path=path!("/cooptales/:slug") view=StoryPage />
                    <Route path=path!("/search") view=SearchPage />
                    <Route path=path!("/about") view=AboutPage />
                    <Route path=path!("/members") view=MembersPage />
                    <Route path=path!("/members/:slug") view=MemberProfilePage />
                    <Route path=path!("/data") view=DataPage />
                    <Route path=path!("/login") view=LoginPage />
                    <Route path=path!("/forgot-password") view=ForgotPasswordPage />
                    <Route path=path!("/reset-password") view=ResetPasswordPage />
                    <Route path=path!("/accept-invitation") view=AcceptInvitationPage />
                    <Route path=path!("/account") view=AccountPage />
                    <Route path=path!("/portal/tokens") view=TokensPage />
                    <Route path=path!("/portal/profile") view=ProfilePage />
                    <Route path=path!("/portal/returns") view=ReturnsPage />
                    <Route path=path!("/admin/users") view=UsersPage />
                    <Route path=path!("/admin/audit") view=AuditPage />
                    <Route path=path!("/admin/members") view=MembersAdminPage />
                    <Route path=path!("/admin/members/new") view=MemberFormPage />
                    <Route path=path!("/admin/members/:slug") view=MemberFormPage />
                    <Route path=path!("/preview/:token") view=PreviewPage />
                    <Route path=path!("/admin/content") view=ContentPage />
                    <Route path=path!("/admin/content/:collection/new") view=EditorPage />
                    <Route path=path!("/admin/content/:collection/:id") view=EditorPage />
                    <Route path=path!("/admin/returns") view=ReviewPage />
                    <Route path=path!("/admin/returns/:id") view=ReviewDetailPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

/// `index.html` carries a description for clients that never run the app;
/// pages set their own through `leptos_meta`, which adds a new tag, so the
/// static one is removed to leave exactly one.
fn remove_static_description() {
    if let Ok(Some(tag)) = document().query_selector("meta[name='description'][data-static]") {
        tag.remove();
    }
}
