//! Authentication and authorisation: passwords, access and refresh tokens,
//! the `CurrentUser` extractor every protected handler takes, the audit
//! trail of security events, and login rate limits.

pub mod accounts;
pub mod api_tokens;
pub mod audit;
pub mod client;
pub mod extract;
pub mod hashing;
pub mod password;
pub mod rate_limit;
pub mod secret;
pub mod session_tokens;
pub mod two_factor;

pub use client::{ClientInfo, TrustedProxies};
pub use extract::{AdminUser, CurrentUser, MaybePrincipal, Principal, StaffUser, TokenPrincipal};

/// What the auth layer needs at request time, shared by all workers.
#[derive(Debug, Clone)]
pub struct AuthState {
    pub keys: session_tokens::Keys,
    /// Password hashing, bounded and off the database pool.
    pub hasher: hashing::Hasher,
    /// Seals two-factor secrets at rest.
    pub sealer: two_factor::Sealer,
    /// `CECOP_REQUIRE_2FA_FOR_ADMINS`: admins without two-factor sign-in
    /// can do nothing as admins until they turn it on.
    pub require_two_factor_for_admins: bool,
}

impl AuthState {
    /// Whether this server requires two-factor sign-in of a user with this
    /// role (admins, with `CECOP_REQUIRE_2FA_FOR_ADMINS`).
    pub fn requires_two_factor(&self, role: cecop_shared::Role) -> bool {
        self.require_two_factor_for_admins && role == cecop_shared::Role::Admin
    }
}
