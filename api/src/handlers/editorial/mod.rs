//! The editorial back office (CECOP staff): `POST /api/v1/preview`, the
//! live preview of a body as it will be published.

pub mod preview;
