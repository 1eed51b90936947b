//! The headline figures are computed from active members' records (the
//! figures themselves: `statistics.rs`).

use cecop_shared::{Member, Overview, Page};
use cecop_tests::{TestApp, TestDatabase};

#[tokio::test]
async fn the_overview_counts_active_members_by_country() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let overview: Overview = app.get_json("/api/v1/overview").await;
    assert_eq!((overview.member_count, overview.country_count), (27, 16));

    let per_country: u64 = overview.countries.iter().map(|c| c.member_count).sum();
    assert_eq!(per_country, 27);
    assert_eq!(overview.countries.len() as u64, overview.country_count);
    assert_eq!(
        overview.countries[0].country.as_str(),
        "IT",
        "most members first"
    );
}

#[tokio::test]
async fn former_members_count_in_no_headline_figure() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let overview: Overview = app.get_json("/api/v1/overview").await;
    let former: Page<Member> = app.get_json("/api/v1/members?status=former").await;
    assert!(former.total > 0, "the demo data has a former member");
    for member in &former.items {
        let counted = overview
            .countries
            .iter()
            .find(|c| c.country == member.country);
        let active_there: Page<Member> = app
            .get_json(&format!("/api/v1/members?country={}", member.country))
            .await;
        assert_eq!(
            counted.map(|c| c.member_count).unwrap_or(0),
            active_there.total
        );
    }
}
