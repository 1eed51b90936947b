//! Administration: user accounts and invitations (`/admin/users`) and the audit log
//! (`/admin/audit`). Admins only.

pub mod audit;
pub mod audit_filters;
pub mod invitations;
pub mod person_fields;
pub mod user_form;
pub mod user_row;
pub mod users;
