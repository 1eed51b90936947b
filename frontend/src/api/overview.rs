//! The network's headline figures (`GET /api/v1/overview`).

use cecop_shared::Overview;

use super::{ApiError, get_json};

/// Fetches the headline figures and the members-per-country list.
pub async fn get_overview() -> Result<Overview, ApiError> {
    get_json("/overview", &[]).await
}
