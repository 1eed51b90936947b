//! The signed-in session, shared through context ([`Session`]).
//!
//! The API issues a short-lived access token (a JWT, 15 minutes) and a
//! one-use refresh token that rotates on every exchange. The access token
//! lives only in memory. The refresh token is kept in `localStorage` so that
//! a reload or a new tab keeps the user signed in; the trade-off is that a
//! script injected into this origin (XSS) could read it, where an
//! `HttpOnly` cookie could not. The API offers no cookie flow, the app
//! renders no HTML from users, and the token is one-use and revoked by a
//! password change or sign-out, so the convenience is judged worth it.
//!
//! Because a refresh token works once (presenting a used one ends the
//! session), every exchange goes through [`Session::refresh`], which is
//! single-flight: callers that arrive while one is running await that same
//! exchange instead of starting another. The access token is refreshed by a
//! timer at 80 % of its lifetime, and once more when an authenticated call
//! is answered 401 (the call is then retried once).
//!
//! Several tabs share the stored token. Each exchange reads the newest token
//! from storage just before it starts, so tabs that refresh one after the
//! other hand the rotating token on to each other; only two exchanges in the
//! same instant, in two tabs, can still collide, and that signs both out.

use std::time::Duration;

use cecop_shared::{Me, Role, TokenPair};
use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use gloo_net::http::{Method, Response};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::authorized::Authorized;
use crate::api::{self, ApiError, send_with};

/// Where the refresh token is kept between visits.
const REFRESH_KEY: &str = "cecop.refresh";

/// Where the session stands.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionState {
    /// A stored refresh token is being exchanged at start-up.
    Loading,
    /// Nobody is signed in.
    SignedOut,
    /// This user is signed in.
    SignedIn(Me),
}

/// An exchange of the refresh token that several callers may await.
type Flight = Shared<LocalBoxFuture<'static, Result<(), ApiError>>>;

/// The session context: who is signed in, and authenticated API calls.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    state: RwSignal<SessionState>,
    access: StoredValue<Option<String>>,
    flight: StoredValue<Option<Flight>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Session {
    /// Where the session stands (tracked).
    pub fn state(self) -> SessionState {
        self.state.get()
    }

    /// The signed-in user (tracked).
    pub fn me(self) -> Option<Me> {
        match self.state.get() {
            SessionState::SignedIn(me) => Some(me),
            _ => None,
        }
    }

    /// The signed-in user's role (tracked).
    pub fn role(self) -> Option<Role> {
        self.state.with(|state| match state {
            SessionState::SignedIn(me) => Some(me.role),
            _ => None,
        })
    }

    /// Signs in with a password, then loads who the user is; or, for an
    /// account with two-factor sign-in, returns the challenge that
    /// [`Session::finish_sign_in`] needs with a code.
    pub async fn login(self, email: &str, password: &str) -> Result<Option<String>, ApiError> {
        match api::auth::login(email, password).await? {
            api::auth::LoginOutcome::Session(pair) => {
                self.accept(pair);
                self.load_me().await.map(|()| None)
            }
            api::auth::LoginOutcome::Challenge(challenge) => Ok(Some(challenge.challenge)),
        }
    }

    /// The second step of a sign-in: a code for the password's challenge.
    pub async fn finish_sign_in(self, challenge: &str, code: &str) -> Result<(), ApiError> {
        let pair = api::auth::two_factor(challenge, code).await?;
        self.accept(pair);
        self.load_me().await
    }

    /// Reloads who the user is (after a change to their own account).
    pub async fn reload(self) -> Result<(), ApiError> {
        self.load_me().await
    }

    /// Signs out: the server forgets the session, the app forgets the tokens.
    pub async fn logout(self) {
        let refresh = stored_refresh();
        self.forget();
        if let Some(token) = refresh {
            // The local state is gone either way; a failure here only leaves
            // a refresh token on the server that nobody holds.
            api::auth::logout(&token).await.ok();
        }
    }

    /// Forgets the tokens without telling the server (it already ended the
    /// session, e.g. after a password change).
    pub fn forget(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
        self.access.set_value(None);
        store_refresh(None);
        self.state.set(SessionState::SignedOut);
    }

    /// Exchanges the refresh token for a new pair; single-flight (see the
    /// module docs). Fails, and signs out, when there is no valid token.
    pub async fn refresh(self) -> Result<(), ApiError> {
        let flight = match self.flight.get_value() {
            Some(flight) => flight,
            None => {
                let flight = async move {
                    let outcome = self.exchange().await;
                    self.flight.set_value(None);
                    outcome
                }
                .boxed_local()
                .shared();
                self.flight.set_value(Some(flight.clone()));
                flight
            }
        };
        flight.await
    }

    /// One exchange of the stored refresh token.
    async fn exchange(self) -> Result<(), ApiError> {
        let Some(token) = stored_refresh() else {
            self.forget();
            return Err(ApiError::Status(401));
        };
        match api::auth::refresh(&token).await {
            Ok(pair) => {
                self.accept(pair);
                Ok(())
            }
            Err(error) => {
                // A refused token will never work again; a network failure
                // might, so the token is kept for the next attempt.
                if error.status().is_some() {
                    self.forget();
                }
                Err(error)
            }
        }
    }

    /// Keeps a new pair and schedules the next refresh.
    fn accept(self, pair: TokenPair) {
        store_refresh(Some(&pair.refresh_token));
        self.access.set_value(Some(pair.access_token));
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let delay = Duration::from_millis(pair.expires_in.saturating_mul(800).max(1_000));
        let handle = set_timeout_with_handle(
            move || {
                spawn_local(async move {
                    // Failure signs out; protected pages then send to /login.
                    self.refresh().await.ok();
                })
            },
            delay,
        )
        .ok();
        self.timer.set_value(handle);
    }

    /// Loads `/me` into the state.
    async fn load_me(self) -> Result<(), ApiError> {
        let me = api::account::get_me(self).await?;
        self.state.set(SessionState::SignedIn(me));
        Ok(())
    }
}

/// The app's authenticated caller: every call waits for a running refresh
/// rather than racing it (see the module docs).
impl Authorized for Session {
    async fn call_with(
        self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        headers: &[(&str, String)],
        body: Option<String>,
    ) -> Result<Response, ApiError> {
        if self.access.get_value().is_none() {
            self.refresh().await?;
        }
        let token = self.access.get_value();
        let first = send_with(
            method.clone(),
            path,
            query,
            token.as_deref(),
            headers,
            body.as_deref(),
        )
        .await;
        match first {
            Err(error) if error.status() == Some(401) => {
                self.refresh().await?;
                let token = self.access.get_value();
                send_with(
                    method,
                    path,
                    query,
                    token.as_deref(),
                    headers,
                    body.as_deref(),
                )
                .await
            }
            other => other,
        }
    }

    async fn bearer(self, stale: bool) -> Result<String, ApiError> {
        if stale || self.access.get_value().is_none() {
            self.refresh().await?;
        }
        self.access.get_value().ok_or(ApiError::Status(401))
    }
}

/// The refresh token kept between visits, if any.
fn stored_refresh() -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(REFRESH_KEY).ok().flatten())
}

/// Keeps (or with `None`, removes) the refresh token.
fn store_refresh(token: Option<&str>) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        // Storage may be refused (private browsing): the session then lasts
        // until the page is closed.
        match token {
            Some(token) => storage.set_item(REFRESH_KEY, token).ok(),
            None => storage.remove_item(REFRESH_KEY).ok(),
        };
    }
}

/// Provides the session context; called once, at the root of the app. A
/// stored refresh token is exchanged straight away.
pub fn provide_session() -> Session {
    let has_token = stored_refresh().is_some();
    let session = Session {
        state: RwSignal::new(if has_token {
            SessionState::Loading
        } else {
            SessionState::SignedOut
        }),
        access: StoredValue::new(None),
        flight: StoredValue::new_local(None),
        timer: StoredValue::new(None),
    };
    provide_context(session);
    if has_token {
        spawn_local(async move {
            match session.refresh().await {
                Ok(()) => {
                    if session.load_me().await.is_err() {
                        session.forget();
                    }
                }
                // Unreachable server: signed out for now, the token kept.
                Err(_) => session.state.set(SessionState::SignedOut),
            }
        });
    }
    session
}

/// The session context, which [`crate::app::App`] provides before anything
/// renders.
///
/// # Panics
///
/// When called outside the app's component tree. That is a programming
/// error, not a state to recover from: a second session would start its own
/// refresh timer and rotate the stored refresh token behind the first one's
/// back, which signs the user out (see the module docs).
#[track_caller]
pub fn use_session() -> Session {
    match use_context::<Session>() {
        Some(session) => session,
        None => panic!(
            "use_session() called where no Session is provided: provide_session() runs once, \
             in App, and every caller must render inside it"
        ),
    }
}
