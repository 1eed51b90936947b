//! The member directory: the filterable list (`list`) and one member's
//! profile (`profile`), with the pieces only they use.

pub mod figures;
pub mod filters;
pub mod list;
pub mod profile;
pub mod query;
