//! The headline figures are computed from active members' records.

use cecop_shared::{Member, Overview, Page};
use cecop_tests::{TestApp, TestDatabase};

#[tokio::test]
async fn the_overview_is_the_sum_of_the_active_members_figures() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let overview: Overview = app.get_json("/api/v1/overview").await;
    assert_eq!((overview.member_count, overview.country_count), (27, 16));

    let active: Page<Member> = app.get_json("/api/v1/members?per_page=100").await;
    let sum = |f: fn(&cecop_shared::MemberFigures) -> Option<i64>| -> u64 {
        active
            .items
            .iter()
            .filter_map(|m| m.figures.as_ref().and_then(f))
            .sum::<i64>() as u64
    };
    assert_eq!(overview.enterprise_count, sum(|f| f.cooperatives));
    assert_eq!(overview.worker_count, sum(|f| f.workers));
    assert_eq!(overview.worker_member_count, sum(|f| f.worker_members));
    // The published headline: about 40,000 enterprises and 1.3 million workers.
    assert!(
        (39_000..=44_000).contains(&overview.enterprise_count),
        "{overview:?}"
    );
    assert!(
        (1_250_000..=1_400_000).contains(&overview.worker_count),
        "{overview:?}"
    );

    let with_figures = active.items.iter().filter(|m| m.figures.is_some()).count() as u64;
    assert_eq!(overview.members_with_figures, with_figures);
    let illustrative = active
        .items
        .iter()
        .filter(|m| {
            m.figures
                .as_ref()
                .is_some_and(cecop_shared::MemberFigures::is_illustrative)
        })
        .count() as u64;
    assert_eq!(overview.members_with_illustrative_figures, illustrative);

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
