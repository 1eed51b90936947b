//! The member directory: listing, filters, pagination headers, profiles.

use cecop_shared::{Member, Page};
use cecop_tests::{TestApp, TestDatabase};

async fn all_active_members(app: &TestApp) -> Vec<Member> {
    let mut members = Vec::new();
    for page in 1.. {
        let body: Page<Member> = app
            .get_json(&format!("/api/v1/members?per_page=10&page={page}"))
            .await;
        members.extend(body.items);
        if page >= body.total_pages {
            break;
        }
    }
    members
}

#[tokio::test]
async fn the_directory_lists_27_active_members_in_16_countries_ordered_by_name() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let members = all_active_members(&app).await;
    assert_eq!(members.len(), 27);
    let countries: std::collections::BTreeSet<_> = members.iter().map(|m| m.country).collect();
    assert_eq!(countries.len(), 16);
    let names: Vec<_> = members.iter().map(|m| m.name.clone()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "members must come in name order");
    assert!(
        members
            .iter()
            .all(|m| m.status == cecop_shared::MemberStatus::Active)
    );
}

#[tokio::test]
async fn lists_carry_total_count_and_rfc8288_links() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let res = app
        .get("/api/v1/members?per_page=5&page=2&kind=national_federation")
        .await;
    assert_eq!(res.status(), 200);
    let total: u64 = res.headers()["x-total-count"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let link = res.headers()["link"].to_str().unwrap().to_owned();
    let body: Page<Member> = res.json().await.unwrap();
    assert_eq!(body.total, total);
    assert_eq!((body.page, body.per_page, body.items.len()), (2, 5, 5));
    assert_eq!(body.total_pages as u64, total.div_ceil(5));
    for rel in ["first", "prev", "next", "last"] {
        assert!(
            link.contains(&format!("rel=\"{rel}\"")),
            "{rel} missing from {link}"
        );
    }
    assert!(
        link.contains("kind=national_federation"),
        "links keep the filters: {link}"
    );
    assert!(link.contains("page=3>; rel=\"next\""), "{link}");

    // Following `next` from every page visits each member exactly once.
    let mut seen = std::collections::BTreeSet::new();
    let mut next = Some("/api/v1/members?per_page=4".to_owned());
    while let Some(path) = next.take() {
        let res = app.get(&path).await;
        let link = res.headers()["link"].to_str().unwrap().to_owned();
        let page: Page<Member> = res.json().await.unwrap();
        for m in page.items {
            assert!(seen.insert(m.slug.to_string()), "{} listed twice", m.slug);
        }
        next = link
            .split(", ")
            .find(|l| l.ends_with("rel=\"next\""))
            .map(|l| {
                l.trim_start_matches('<')
                    .split('>')
                    .next()
                    .unwrap()
                    .to_owned()
            });
    }
    assert_eq!(seen.len(), 27);
}

#[tokio::test]
async fn members_can_be_filtered_by_country_kind_and_text() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let italy: Page<Member> = app
        .get_json("/api/v1/members?country=it&per_page=100")
        .await;
    assert!(italy.total >= 5, "Italy has several members");
    assert!(italy.items.iter().all(|m| m.country.as_str() == "IT"));

    let promoters: Page<Member> = app
        .get_json("/api/v1/members?kind=promotion_body&per_page=100")
        .await;
    assert!(promoters.total > 0);
    assert!(
        promoters
            .items
            .iter()
            .all(|m| m.kind == cecop_shared::MemberKind::PromotionBody)
    );

    let both: Page<Member> = app
        .get_json("/api/v1/members?country=IT&kind=promotion_body")
        .await;
    assert!(
        both.items.iter().all(
            |m| m.country.as_str() == "IT" && m.kind == cecop_shared::MemberKind::PromotionBody
        )
    );
    assert!(both.total < italy.total);

    // Name and acronym, case-insensitive.
    let by_name: Page<Member> = app.get_json("/api/v1/members?q=LEGACOOP").await;
    let slugs: Vec<_> = by_name
        .items
        .iter()
        .map(|m| m.slug.as_str().to_owned())
        .collect();
    assert_eq!(slugs, ["legacoop-produzione-e-servizi", "legacoop-sociali"]);
    let by_acronym: Page<Member> = app.get_json("/api/v1/members?q=coceta").await;
    assert_eq!(by_acronym.total, 1);

    // LIKE wildcards in the text are literal characters.
    let wildcard: Page<Member> = app.get_json("/api/v1/members?q=%25").await;
    assert_eq!(wildcard.total, 0);
    let underscore: Page<Member> = app.get_json("/api/v1/members?q=_").await;
    assert_eq!(underscore.total, 0);
}

#[tokio::test]
async fn former_members_are_listed_only_when_asked_for() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let former: Page<Member> = app.get_json("/api/v1/members?status=former").await;
    assert!(former.total >= 1);
    assert!(
        former
            .items
            .iter()
            .all(|m| m.status == cecop_shared::MemberStatus::Former)
    );
    let all: Page<Member> = app.get_json("/api/v1/members?status=all&per_page=1").await;
    assert_eq!(all.total, 27 + former.total);
}

#[tokio::test]
async fn a_profile_is_found_by_slug_and_illustrative_data_is_flagged() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let coceta: Member = app.get_json("/api/v1/members/coceta").await;
    assert_eq!(coceta.acronym.as_deref(), Some("COCETA"));
    assert_eq!(coceta.country.as_str(), "ES");
    assert!(!coceta.illustrative);
    let figures = coceta.figures.expect("COCETA declares figures");
    assert_eq!(
        figures.provenance,
        cecop_shared::FigureProvenance::Confirmed
    );
    assert_eq!(
        (figures.cooperatives, figures.workers),
        (Some(17_000), Some(210_000))
    );

    // Every member is either confirmed or says it is illustrative somewhere.
    let page: Page<Member> = app
        .get_json("/api/v1/members?per_page=100&status=all")
        .await;
    let placeholders: Vec<_> = page.items.iter().filter(|m| m.illustrative).collect();
    assert!(!placeholders.is_empty());
    let invented = page.items.iter().filter(|m| {
        m.figures
            .as_ref()
            .is_some_and(cecop_shared::MemberFigures::is_illustrative)
    });
    for member in invented {
        let note = member
            .figures
            .as_ref()
            .and_then(|f| f.note.as_deref())
            .unwrap_or_default();
        assert!(
            note.to_lowercase().contains("illustrative"),
            "{}: {note}",
            member.slug
        );
    }
}
