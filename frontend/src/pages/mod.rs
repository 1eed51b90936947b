//! The app's pages, one per route: `home` (`/`), `members` (`/members` and
//! `/members/:slug`), `auth` (`/login`), `account` (`/account`), `portal`
//! (`/portal/tokens`, `/portal/profile`), `admin` (`/admin/users`,
//! `/admin/audit`), `content` (`/admin/content`, the editor), the data collection — `data` (`/data`), `returns`
//! (`/portal/returns`), `review` (`/admin/returns`, `/admin/returns/:id`) —
//! `preview` (`/preview/:token`, a shared preview link) and `not_found`
//! (every other path).

pub mod about;
pub mod account;
pub mod admin;
pub mod auth;
pub mod content;
pub mod cooptales;
pub mod data;
pub mod events;
pub mod home;
pub mod members;
pub mod news;
pub mod not_found;
pub mod portal;
pub mod preview;
pub mod returns;
pub mod review;
pub mod search;
