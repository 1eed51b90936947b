//! Published statistics: every figure equals a sum computed here,
//! independently, from the raw rows of the demo returns; only approved
//! returns of published campaigns count; CSV says the same as JSON.

use std::collections::HashMap;

use cecop_shared::{
    DataReturn, Member, Overview, Page, ProblemKind, Statistics, StatisticsRow, StatisticsSeries,
};
use cecop_tests::{TestApp, TestDatabase, create_admin, expect_problem, repo_root, sign_in};
use reqwest::Method;
use serde_json::json;

/// One raw value of the demo returns: (year, member, indicator, type, sector, value).
type Raw = (i32, String, String, String, String, f64);

fn demo_rows() -> Vec<Raw> {
    let path = repo_root().join("api/seed/returns.csv");
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[0].parse().unwrap(),
                r[1].to_owned(),
                r[2].to_owned(),
                r[3].to_owned(),
                r[4].to_owned(),
                r[5].parse().unwrap(),
            )
        })
        .collect()
}

async fn countries(app: &TestApp) -> HashMap<String, String> {
    let members: Page<Member> = app
        .get_json("/api/v1/members?per_page=100&status=all")
        .await;
    members
        .items
        .into_iter()
        .map(|m| (m.slug.to_string(), m.country.to_string()))
        .collect()
}

fn key(row: &StatisticsRow) -> (String, String) {
    let group = row
        .country
        .map(|c| c.to_string())
        .or(row.sector.map(|s| s.to_string()))
        .or(row.coop_type.map(|t| t.to_string()))
        .unwrap_or_default();
    (row.indicator.to_string(), group)
}

#[tokio::test]
async fn every_figure_is_the_sum_of_the_approved_rows_behind_it() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let raw: Vec<Raw> = demo_rows().into_iter().filter(|r| r.0 == 2023).collect();
    let country_of = countries(&app).await;

    for dimension in ["country", "sector", "coop_type"] {
        let group_of = |r: &Raw| match dimension {
            "country" => country_of[&r.1].clone(),
            "sector" => r.4.clone(),
            _ => r.3.clone(),
        };
        // Sums per (indicator, group), and the workers of the same cells
        // for each numerator of a share.
        let mut sums: HashMap<(String, String), f64> = HashMap::new();
        let workers: HashMap<(String, String, String), f64> = raw
            .iter()
            .filter(|r| r.2 == "workers")
            .map(|r| ((r.1.clone(), r.3.clone(), r.4.clone()), r.5))
            .collect();
        let mut share_den: HashMap<(String, String), f64> = HashMap::new();
        for r in &raw {
            *sums.entry((r.2.clone(), group_of(r))).or_default() += r.5;
            if let Some(w) = workers.get(&(r.1.clone(), r.3.clone(), r.4.clone())) {
                *share_den.entry((r.2.clone(), group_of(r))).or_default() += w;
            }
        }
        let stats: Statistics = app
            .get_json(&format!(
                "/api/v1/statistics?year=2023&group_by={dimension}"
            ))
            .await;
        assert_eq!(stats.campaign.year, 2023);
        assert_eq!(stats.coverage.responding_members, 17);
        assert_eq!(stats.coverage.total_members, 27);
        let reported: Vec<_> = stats
            .rows
            .iter()
            .filter(|r| !r.indicator.is_derived())
            .collect();
        assert_eq!(
            reported.len(),
            sums.len(),
            "one row per indicator and {dimension}"
        );
        for row in &stats.rows {
            let (indicator, group) = key(row);
            match row.indicator.share_of() {
                None => {
                    let expected = sums[&(indicator.clone(), group.clone())];
                    assert!(
                        (row.value - expected).abs() < 0.005,
                        "{indicator} {group}: {} vs {expected}",
                        row.value
                    );
                }
                Some(numerator) => {
                    let k = (numerator.to_string(), group.clone());
                    let expected = (sums[&k] * 1000.0 / share_den[&k]).round() / 10.0;
                    assert_eq!(row.value, expected, "{indicator} {group}");
                }
            }
        }
        // Members counted per group.
        if dimension == "country" {
            let it = stats
                .rows
                .iter()
                .find(|r| {
                    r.indicator.as_str() == "workers"
                        && r.country.is_some_and(|c| c.as_str() == "IT")
                })
                .unwrap();
            assert_eq!(it.responding_members, 5, "five Italian members responded");
        }
    }

    // Totals: the Snapshot's headline, and its shares.
    let totals: Statistics = app.get_json("/api/v1/statistics?year=2023").await;
    let value = |name: &str| {
        totals
            .rows
            .iter()
            .find(|r| r.indicator.as_str() == name)
            .unwrap()
            .value
    };
    assert!((42_000.0..=44_000.0).contains(&value("cooperatives")));
    assert!((1_280_000.0..=1_320_000.0).contains(&value("workers")));
    assert!((71.0..=73.0).contains(&value("worker_member_share")));
    assert!((84.0..=86.0).contains(&value("permanent_contract_share")));
    // Bulgaria and Czechia: about a third of workers with disabilities.
    let by_country: Statistics = app
        .get_json("/api/v1/statistics?year=2023&group_by=country&indicator=disability_share")
        .await;
    for country in ["BG", "CZ"] {
        let share = by_country
            .rows
            .iter()
            .find(|r| r.country.is_some_and(|c| c.as_str() == country))
            .unwrap();
        assert!((32.0..=34.0).contains(&share.value), "{country}: {share:?}");
    }
    // By member: one row per responding member, named.
    let by_member: Statistics = app
        .get_json("/api/v1/statistics?year=2023&group_by=member&indicator=workers")
        .await;
    assert_eq!(by_member.rows.len(), 17);
    assert!(
        by_member
            .rows
            .iter()
            .all(|r| r.member.is_some() && r.member_name.is_some())
    );

    // The default year is the newest published one.
    let latest: Statistics = app.get_json("/api/v1/statistics?indicator=workers").await;
    assert_eq!(latest.campaign.year, 2023);

    // The series: both published years, 2022 a little lower.
    let series: StatisticsSeries = app
        .get_json("/api/v1/statistics/series?indicator=workers")
        .await;
    let years: Vec<i32> = series.years.iter().map(|y| y.year).collect();
    assert_eq!(years, [2022, 2023]);
    assert!(series.rows[0].value < series.rows[1].value);
    let raw_2022: f64 = demo_rows()
        .iter()
        .filter(|r| r.0 == 2022 && r.2 == "workers")
        .map(|r| r.5)
        .sum();
    assert_eq!(series.rows[0].value, raw_2022);
}

#[tokio::test]
async fn csv_says_what_json_says_and_revalidates_with_etags() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let json_rows: Statistics = app
        .get_json(
            "/api/v1/statistics?year=2023&group_by=country,sector&indicator=workers,women_share",
        )
        .await;
    for (path, accept) in [
        (
            "/api/v1/statistics.csv?year=2023&group_by=country,sector&indicator=workers,women_share",
            "*/*",
        ),
        (
            "/api/v1/statistics?year=2023&group_by=country,sector&indicator=workers,women_share",
            "text/csv",
        ),
    ] {
        let res = app
            .client
            .get(app.url(path))
            .header("accept", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let text = res.text().await.unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(
            headers,
            [
                "year",
                "indicator",
                "country",
                "sector",
                "value",
                "responding_members"
            ]
        );
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), json_rows.rows.len());
        for (record, row) in records.iter().zip(&json_rows.rows) {
            assert_eq!(&record[1], row.indicator.as_str());
            assert_eq!(&record[2], row.country.unwrap().as_str());
            assert_eq!(&record[3], row.sector.unwrap().as_str());
            assert_eq!(record[4].parse::<f64>().unwrap(), row.value);
        }
    }
    let series = app
        .get("/api/v1/statistics/series.csv?indicator=cooperatives&group_by=coop_type")
        .await;
    assert_eq!(series.status(), 200);
    assert!(
        series
            .text()
            .await
            .unwrap()
            .starts_with("year,indicator,coop_type,value,responding_members\n2022,cooperatives,")
    );

    // ETag and 304, as on every public read.
    let res = app.get("/api/v1/statistics?group_by=sector").await;
    let tag = res.headers()["etag"].to_str().unwrap().to_owned();
    // Revalidated every time, so a newly published year shows at once.
    assert_eq!(res.headers()["cache-control"], "public, no-cache");
    let again = app
        .client
        .get(app.url("/api/v1/statistics?group_by=sector"))
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);

    // Bad parameters name themselves.
    for (query, parameter) in [
        ("indicator=unicorns", "indicator"),
        ("group_by=colour", "group_by"),
        ("year=1800", "year"),
        ("format=xml", "format"),
    ] {
        let problem =
            expect_problem(app.get(&format!("/api/v1/statistics?{query}")).await, 400).await;
        assert_eq!(problem.errors[0].field, parameter, "{query}");
    }
    // An open campaign publishes nothing.
    let problem = expect_problem(app.get("/api/v1/statistics?year=2024").await, 404).await;
    assert!(problem.is(ProblemKind::NotFound));
    expect_problem(app.get("/api/v1/statistics?year=2031").await, 404).await;
}

const ADMIN: &str = "admin@cecop.coop";
const PASSWORD: &str = "correct horse battery staple";

#[tokio::test]
async fn drafts_and_unapproved_returns_never_reach_public_figures() {
    let db = TestDatabase::new();
    assert!(create_admin(&db, ADMIN, PASSWORD).0);
    let app = TestApp::spawn(&db);
    let admin = sign_in(&app, ADMIN, PASSWORD).await;
    let overview_before: Overview = app.get_json("/api/v1/overview").await;

    // Close and publish 2024: its drafts, its submitted and its returned
    // return are all there, but none is approved, so nothing counts.
    let campaign = |state: &str| json!({ "year": 2024, "opens_on": "2026-10-01", "closes_on": "2027-01-31", "state": state });
    let _: serde_json::Value = admin
        .json(
            Method::PUT,
            "/api/v1/campaigns/2024",
            Some(campaign("closed")),
        )
        .await;
    let _: serde_json::Value = admin
        .json(
            Method::PUT,
            "/api/v1/campaigns/2024",
            Some(campaign("published")),
        )
        .await;
    let empty: Statistics = app.get_json("/api/v1/statistics?year=2024").await;
    assert_eq!(empty.coverage.responding_members, 0);
    assert!(empty.rows.is_empty(), "{:?}", empty.rows);
    let overview: Overview = app.get_json("/api/v1/overview").await;
    assert_eq!(overview.latest_return_year, Some(2023));
    assert_eq!(overview.worker_count, overview_before.worker_count);

    // Approving one return (the campaign must be closed, not published).
    let _: serde_json::Value = admin
        .json(
            Method::PUT,
            "/api/v1/campaigns/2024",
            Some(campaign("closed")),
        )
        .await;
    let queue: Page<cecop_shared::ReturnSummary> = admin
        .json(
            Method::GET,
            "/api/v1/returns?campaign=2024&state=submitted",
            None,
        )
        .await;
    assert_eq!(queue.total, 1);
    let id = queue.items[0].id.unwrap();
    let approved: DataReturn = admin
        .json(Method::POST, &format!("/api/v1/returns/{id}/approve"), None)
        .await;
    // Approved but the campaign is not published: still nothing public.
    expect_problem(app.get("/api/v1/statistics?year=2024").await, 404).await;
    let _: serde_json::Value = admin
        .json(
            Method::PUT,
            "/api/v1/campaigns/2024",
            Some(campaign("published")),
        )
        .await;
    let stats: Statistics = app
        .get_json("/api/v1/statistics?year=2024&indicator=workers,cooperatives")
        .await;
    assert_eq!(stats.coverage.responding_members, 1);
    let sum = |name: &str| {
        approved
            .values
            .iter()
            .filter(|v| v.indicator.as_str() == name)
            .map(|v| v.value)
            .sum::<f64>()
    };
    let value = |name: &str| {
        stats
            .rows
            .iter()
            .find(|r| r.indicator.as_str() == name)
            .unwrap()
            .value
    };
    assert_eq!(value("workers"), sum("workers"));
    assert_eq!(value("cooperatives"), sum("cooperatives"));

    // The overview now takes that member's 2024 figures instead of 2023's.
    let overview: Overview = app.get_json("/api/v1/overview").await;
    assert_eq!(overview.latest_return_year, Some(2024));
    let raw = demo_rows();
    let member = approved.summary.member.slug.to_string();
    let of = |year: i32| {
        raw.iter()
            .filter(|r| r.0 == year && r.1 == member && r.2 == "workers")
            .map(|r| r.5)
            .sum::<f64>()
    };
    assert_eq!(
        overview.worker_count as f64,
        overview_before.worker_count as f64 - of(2023) + of(2024)
    );
}

#[tokio::test]
async fn the_overview_takes_each_members_latest_approved_return_or_its_declared_figures() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let overview: Overview = app.get_json("/api/v1/overview").await;
    assert_eq!((overview.member_count, overview.country_count), (27, 16));
    let raw: Vec<Raw> = demo_rows().into_iter().filter(|r| r.0 == 2023).collect();
    let active: Page<Member> = app.get_json("/api/v1/members?per_page=100").await;
    let (mut enterprises, mut workers, mut from_returns, mut declared) = (0.0, 0.0, 0, 0);
    for member in &active.items {
        let slug = member.slug.to_string();
        let of = |indicator: &str| {
            raw.iter()
                .filter(|r| r.1 == slug && r.2 == indicator)
                .map(|r| r.5)
                .sum::<f64>()
        };
        if raw.iter().any(|r| r.1 == slug) {
            from_returns += 1;
            enterprises += of("cooperatives");
            workers += of("workers");
        } else if let Some(figures) = &member.figures {
            declared += 1;
            enterprises += figures.cooperatives.unwrap_or_default() as f64;
            workers += figures.workers.unwrap_or_default() as f64;
        }
    }
    assert_eq!(overview.members_from_returns, from_returns);
    assert_eq!(overview.members_from_declared, declared);
    assert_eq!(overview.members_with_figures, from_returns + declared);
    assert_eq!(overview.enterprise_count as f64, enterprises);
    assert_eq!(overview.worker_count as f64, workers);
    assert_eq!(overview.latest_return_year, Some(2023));
    assert_eq!(from_returns, 17);
}
