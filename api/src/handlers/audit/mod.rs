//! The audit log, for admins: `GET /api/v1/audit`.

pub mod list;
