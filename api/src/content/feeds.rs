//! Feeds for integrators and readers: Atom 1.0 (RFC 4287) for articles with
//! atom_syndication, iCalendar (RFC 5545) for events with icalendar. Events
//! keep their own time zone: each zone used gets a VTIMEZONE built from the
//! tz database for the years its events fall in, and DTSTART/DTEND refer to it.

use std::collections::BTreeSet;

use atom_syndication::{Category, Content, Entry, Feed, Link, Person, Text};
use cecop_shared::{ArticleSummary, EventSummary};
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use icalendar::{Calendar, CalendarDateTime, Component, EventLike};

/// An article and its body for the feed.
#[derive(Debug)]
pub struct FeedArticle {
    pub article: ArticleSummary,
    pub body_html: String,
    pub updated: DateTime<Utc>,
}

fn fixed(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&Utc.fix())
}

fn link(href: String, rel: &str, mime: Option<&str>) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(mime.map(str::to_owned));
    link
}

/// The Atom feed of the given articles (newest first). `base` is the site's
/// absolute origin, e.g. `https://cecop.coop`.
pub fn atom(base: &str, articles: Vec<FeedArticle>) -> String {
    let updated = articles
        .iter()
        .map(|a| a.updated)
        .max()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    let entries = articles
        .into_iter()
        .map(|a| {
            let meta = &a.article.meta;
            let url = format!("{base}/news/{}", meta.slug);
            let mut content = Content::default();
            content.set_content_type(Some("html".to_owned()));
            content.set_lang(Some(meta.lang.to_string()));
            content.set_value(Some(a.body_html));
            Entry {
                title: Text::plain(meta.title.clone()),
                id: url.clone(),
                updated: fixed(a.updated),
                published: Some(fixed(meta.published_at)),
                summary: (!meta.summary.is_empty()).then(|| Text::plain(meta.summary.clone())),
                content: Some(content),
                links: vec![link(url, "alternate", Some("text/html"))],
                categories: std::iter::once(a.article.kind.as_str())
                    .chain(meta.themes.iter().map(|t| t.as_str()))
                    .map(|term| Category {
                        term: term.to_owned(),
                        ..Category::default()
                    })
                    .collect(),
                ..Entry::default()
            }
        })
        .collect();
    let feed = Feed {
        title: Text::plain("CECOP — news and publications"),
        id: format!("{base}/api/v1/feeds/articles.atom"),
        updated: fixed(updated),
        authors: vec![Person {
            name: "CECOP".to_owned(),
            uri: Some("https://cecop.coop".to_owned()),
            ..Person::default()
        }],
        links: vec![
            link(
                format!("{base}/api/v1/feeds/articles.atom"),
                "self",
                Some("application/atom+xml"),
            ),
            link(format!("{base}/news"), "alternate", Some("text/html")),
        ],
        lang: Some("en".to_owned()),
        entries,
        ..Feed::default()
    };
    feed.to_string()
}

/// `+0100`-style offsets, as TZOFFSETFROM/TZOFFSETTO want them.
fn ical_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// A VTIMEZONE for `zone` covering `years`: one STANDARD or DAYLIGHT
/// observance per transition found in those years (scanned hourly, then
/// narrowed to the minute), or a single STANDARD when the zone has none.
pub fn vtimezone(zone: Tz, years: &BTreeSet<i32>) -> String {
    let offset_at = |t: DateTime<Utc>| zone.offset_from_utc_datetime(&t.naive_utc());
    let mut observances = String::new();
    let mut push = |daylight: bool, from: i32, to: i32, name: &str, local_start: String| {
        let kind = if daylight { "DAYLIGHT" } else { "STANDARD" };
        observances.push_str(&format!(
            "BEGIN:{kind}\r\nDTSTART:{local_start}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nTZNAME:{name}\r\nEND:{kind}\r\n",
            ical_offset(from),
            ical_offset(to)
        ));
    };
    for year in years {
        let Some(start) = NaiveDate::from_ymd_opt(*year, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0))
        else {
            continue;
        };
        let mut t = start.and_utc();
        let end = t + Duration::days(366);
        let mut found = false;
        while t < end {
            let next = t + Duration::hours(1);
            let (before, after) = (offset_at(t), offset_at(next));
            if before.fix() != after.fix() || before.abbreviation() != after.abbreviation() {
                let mut m = t;
                while offset_at(m + Duration::minutes(1)).fix() == before.fix() && m < next {
                    m += Duration::minutes(1);
                }
                let at = m + Duration::minutes(1);
                let from = before.fix().local_minus_utc();
                let local = (at + Duration::seconds(i64::from(from))).naive_utc();
                push(
                    !after.dst_offset().is_zero(),
                    from,
                    after.fix().local_minus_utc(),
                    after.abbreviation().unwrap_or("LMT"),
                    local.format("%Y%m%dT%H%M%S").to_string(),
                );
                found = true;
            }
            t = next;
        }
        if !found {
            let offset = offset_at(t);
            let seconds = offset.fix().local_minus_utc();
            push(
                !offset.dst_offset().is_zero(),
                seconds,
                seconds,
                offset.abbreviation().unwrap_or("LMT"),
                start.format("%Y%m%dT%H%M%S").to_string(),
            );
        }
    }
    format!(
        "BEGIN:VTIMEZONE\r\nTZID:{}\r\n{observances}END:VTIMEZONE\r\n",
        zone.name()
    )
}

/// An event and what the calendar entry needs beside it.
#[derive(Debug)]
pub struct FeedEvent {
    pub event: EventSummary,
    pub updated: DateTime<Utc>,
}

/// The iCalendar file of the given events.
pub fn ics(base: &str, host: &str, events: Vec<FeedEvent>) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//CECOP//Events//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .name("CECOP events");
    let mut zones: std::collections::BTreeMap<String, BTreeSet<i32>> = Default::default();
    for e in &events {
        let ev = &e.event;
        let years = zones.entry(ev.time_zone.clone()).or_default();
        years.insert(ev.starts_local.year());
        years.insert(ev.ends_local.year());
    }
    let mut timezones = String::new();
    for (name, years) in &zones {
        if let Ok(zone) = name.parse::<Tz>() {
            timezones.push_str(&vtimezone(zone, years));
        }
    }
    for e in events {
        let ev = e.event;
        let meta = &ev.meta;
        let url = format!("{base}/events/{}", meta.slug);
        let location = [ev.venue.as_deref(), ev.city.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let mut entry = icalendar::Event::new();
        entry
            .uid(&format!("event-{}@{host}", meta.slug))
            .timestamp(e.updated)
            .summary(&meta.title)
            .description(&meta.summary)
            .url(&url)
            .starts(CalendarDateTime::WithTimezone {
                date_time: ev.starts_local,
                tzid: ev.time_zone.clone(),
            })
            .ends(CalendarDateTime::WithTimezone {
                date_time: ev.ends_local,
                tzid: ev.time_zone.clone(),
            });
        if !location.is_empty() {
            entry.location(&location);
        } else if let Some(online) = &ev.online_url {
            entry.location(online);
        }
        calendar.push(entry.done());
    }
    let text = calendar.done().to_string();
    // The VTIMEZONEs go first, right after the calendar's own properties
    // (RFC 5545 §3.6 allows components in any order; clients prefer this).
    match text.find("BEGIN:VEVENT") {
        Some(at) => format!("{}{timezones}{}", &text[..at], &text[at..]),
        None => text.replace("END:VCALENDAR", &format!("{timezones}END:VCALENDAR")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brussels_has_summer_and_winter_time_in_2024() {
        let tz = vtimezone(chrono_tz::Europe::Brussels, &BTreeSet::from([2024]));
        assert!(tz.contains("TZID:Europe/Brussels"), "{tz}");
        assert!(
            tz.contains("BEGIN:DAYLIGHT\r\nDTSTART:20240331T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"),
            "{tz}"
        );
        assert!(
            tz.contains("BEGIN:STANDARD\r\nDTSTART:20241027T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100"),
            "{tz}"
        );
    }

    #[test]
    fn zones_without_dst_get_one_standard_observance() {
        let tz = vtimezone(chrono_tz::Asia::Tokyo, &BTreeSet::from([2025]));
        assert_eq!(tz.matches("BEGIN:STANDARD").count(), 1, "{tz}");
        assert!(tz.contains("TZOFFSETTO:+0900"), "{tz}");
    }
}
