//! `/admin/returns` and `/admin/returns/:id`: CECOP staff's review of the
//! members' data returns (editors and admins). The queue is filtered and
//! paged through the URL; a return's page sets its figures beside the
//! member's previous year, shows its history, and takes the decision.

mod compare;
mod decision;
pub mod detail;
mod filters;
mod history;
pub mod list;
mod query;
