//! The Atom and iCalendar feeds, read by independent parsers.

use cecop_tests::{TestApp, TestDatabase};

#[tokio::test]
async fn the_atom_feed_parses_and_lists_public_articles_newest_first() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let res = app.get("/api/v1/feeds/articles.atom").await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let xml = res.bytes().await.unwrap();
    let feed = feed_rs::parser::parse(&xml[..]).expect("a valid Atom document");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert!(feed.entries.len() >= 30);
    let published: Vec<_> = feed.entries.iter().map(|e| e.published.unwrap()).collect();
    assert!(published.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let snapshot = feed
        .entries
        .iter()
        .find(|e| e.id.ends_with("/news/cecop-snapshot-2022-2023"))
        .expect("the Snapshot publication");
    assert!(
        snapshot
            .title
            .as_ref()
            .unwrap()
            .content
            .contains("Snapshot")
    );
    let body = snapshot
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .unwrap();
    assert!(body.contains("<p>"), "HTML content: {body}");
    assert!(
        snapshot
            .links
            .iter()
            .any(|l| l.href.ends_with("/news/cecop-snapshot-2022-2023"))
    );
    for hidden in [
        "draft-worker-buyouts",
        "scheduled-statement-2027",
        "members-briefing",
    ] {
        assert!(
            !feed.entries.iter().any(|e| e.id.contains(hidden)),
            "{hidden}"
        );
    }
    // Content language follows ?lang=.
    let xml = app
        .get("/api/v1/feeds/articles.atom?lang=fr")
        .await
        .bytes()
        .await
        .unwrap();
    let feed = feed_rs::parser::parse(&xml[..]).unwrap();
    let about = feed
        .entries
        .iter()
        .find(|e| e.id.ends_with("/news/about-cecop"))
        .unwrap();
    assert!(about.title.as_ref().unwrap().content.contains("propos"));
}

fn property<'a>(
    props: &'a [ical::property::Property],
    name: &str,
) -> Option<&'a ical::property::Property> {
    props.iter().find(|p| p.name == name)
}

#[tokio::test]
async fn the_calendar_parses_with_time_zones_defined_for_every_event() {
    let db = TestDatabase::new();
    let app = TestApp::spawn(&db);
    let res = app.get("/api/v1/feeds/events.ics").await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let text = res.text().await.unwrap();
    assert!(text.contains("\r\n"), "RFC 5545 lines end in CRLF");
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser
        .next()
        .expect("one calendar")
        .expect("a valid iCalendar file");
    assert!(parser.next().is_none());
    let version = property(&calendar.properties, "VERSION").and_then(|p| p.value.clone());
    assert_eq!(version.as_deref(), Some("2.0"));
    assert_eq!(
        calendar
            .properties
            .iter()
            .filter(|p| p.name == "PRODID")
            .count(),
        1
    );
    let zones: Vec<String> = calendar
        .timezones
        .iter()
        .filter_map(|tz| property(&tz.properties, "TZID").and_then(|p| p.value.clone()))
        .collect();
    assert!(zones.contains(&"Europe/Brussels".to_owned()), "{zones:?}");
    assert!(calendar.events.len() >= 10);
    for event in &calendar.events {
        let start = property(&event.properties, "DTSTART").expect("DTSTART");
        let tzid = start
            .params
            .as_ref()
            .and_then(|ps| ps.iter().find(|(k, _)| k == "TZID"))
            .map(|(_, v)| v[0].clone())
            .expect("DTSTART names its zone");
        assert!(zones.contains(&tzid), "VTIMEZONE for {tzid}");
        assert!(property(&event.properties, "UID").is_some());
        assert!(property(&event.properties, "DTSTAMP").is_some());
        assert!(property(&event.properties, "DTEND").is_some());
    }
    let visit = calendar
        .events
        .iter()
        .find(|e| {
            property(&e.properties, "UID")
                .and_then(|p| p.value.as_deref())
                .is_some_and(|uid| uid.starts_with("event-members-visit-eu-institutions-2024@"))
        })
        .expect("the members' visit");
    let start = property(&visit.properties, "DTSTART").unwrap();
    assert_eq!(start.value.as_deref(), Some("20241211T090000"));
    // The Brussels zone says 2024's winter time is UTC+1.
    let brussels = calendar
        .timezones
        .iter()
        .find(|tz| {
            property(&tz.properties, "TZID").and_then(|p| p.value.as_deref())
                == Some("Europe/Brussels")
        })
        .unwrap();
    assert!(brussels.transitions.iter().any(|t| {
        property(&t.properties, "DTSTART").and_then(|p| p.value.as_deref())
            == Some("20241027T030000")
            && property(&t.properties, "TZOFFSETTO").and_then(|p| p.value.as_deref())
                == Some("+0100")
    }));
    assert!(
        !text.contains("illustrative-prague-members-seminar-2027"),
        "members only"
    );
    assert!(!text.contains("illustrative-draft-bucharest"), "draft");
}

/// The attack that worked: with `CECOP_PUBLIC_URL` unset, a client's
/// `X-Forwarded-Host: evil.example` put another site's links into the feed,
/// which shared caches then served to everyone. Forwarding headers now count
/// only from trusted proxies.
#[tokio::test]
async fn feed_links_never_follow_forwarding_headers_from_untrusted_clients() {
    let db = TestDatabase::new();
    let links = |app: &TestApp, headers: &'static [(&'static str, &'static str)]| {
        let mut request = app.client.get(app.url("/api/v1/feeds/articles.atom"));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        async move {
            let xml = request.send().await.unwrap().bytes().await.unwrap();
            let feed = feed_rs::parser::parse(&xml[..]).expect("a valid Atom document");
            feed.entries
                .iter()
                .flat_map(|e| e.links.iter().map(|l| l.href.clone()))
                .collect::<Vec<_>>()
        }
    };
    let hostile: &[(&str, &str)] = &[
        ("x-forwarded-host", "evil.example"),
        ("x-forwarded-proto", "https"),
        ("forwarded", "host=evil.example;proto=https"),
    ];
    let direct = TestApp::spawn(&db);
    let own = direct.url("/");
    let hrefs = links(&direct, hostile).await;
    assert!(!hrefs.is_empty());
    assert!(hrefs.iter().all(|h| h.starts_with(&own)), "{hrefs:?}");

    // Behind a trusted proxy, what it forwards is the public origin.
    let proxied = TestApp::spawn_with(
        &db,
        cecop_tests::SpawnOptions {
            extra_env: vec![("CECOP_TRUSTED_PROXIES".into(), "127.0.0.1".into())],
            ..Default::default()
        },
    );
    let hrefs = links(
        &proxied,
        &[(
            "forwarded",
            "for=203.0.113.9;host=cecop.example;proto=https",
        )],
    )
    .await;
    assert!(
        hrefs
            .iter()
            .all(|h| h.starts_with("https://cecop.example/")),
        "{hrefs:?}"
    );
}
