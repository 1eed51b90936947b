//! Administration: user accounts and invitations (`/admin/users`), the
//! audit log (`/admin/audit`) and the member organisations
//! (`/admin/members`). Admins only.

pub mod audit;
pub mod audit_filters;
pub mod invitations;
pub mod member_form;
pub mod members;
pub mod person_fields;
pub mod user_form;
pub mod user_row;
pub mod users;
