//! The article lists' state in the URL query (`?kind=…&theme=…&q=…&page=2`),
//! and the two lists that show articles: all of them (`/news`) or the
//! publication kinds only (`/publications`).

use cecop_shared::{ArticleKind, Theme};

use crate::api::articles::ArticleFilter;
use crate::components::data_table::Text;
use crate::query::{ListQuery, href_with, normalise_search, page_value, parse_opt, parse_page};

/// The kinds the publications list shows: all three unless one is chosen.
const PUBLICATION_KINDS: &[ArticleKind] = &[
    ArticleKind::Publication,
    ArticleKind::PositionPaper,
    ArticleKind::ConsultationResponse,
];

/// Which article list a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    News,
    Publications,
}

impl Section {
    pub fn path(self) -> &'static str {
        match self {
            Section::News => "/news",
            Section::Publications => "/publications",
        }
    }

    /// The kinds the kind menu offers.
    pub fn kinds(self) -> &'static [ArticleKind] {
        match self {
            Section::News => ArticleKind::ALL,
            Section::Publications => PUBLICATION_KINDS,
        }
    }

    /// The kinds the list is limited to when none is chosen (empty: all).
    pub fn scope(self) -> &'static [ArticleKind] {
        match self {
            Section::News => &[],
            Section::Publications => PUBLICATION_KINDS,
        }
    }

    /// The page's title, description, heading, introduction and filter-form name.
    pub fn texts(self) -> [Text; 5] {
        match self {
            Section::News => [
                |t| t.publishing.news_title,
                |t| t.publishing.news_description,
                |t| t.publishing.news_heading,
                |t| t.publishing.news_intro,
                |t| t.publishing.news_filters_label,
            ],
            Section::Publications => [
                |t| t.publishing.publications_title,
                |t| t.publishing.publications_description,
                |t| t.publishing.publications_heading,
                |t| t.publishing.publications_intro,
                |t| t.publishing.publications_filters_label,
            ],
        }
    }
}

/// One article list's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsQuery {
    pub section: Section,
    pub filter: ArticleFilter,
}

impl NewsQuery {
    /// Reads the state from the URL query; values that do not parse, and
    /// kinds the section does not offer, are ignored.
    pub fn from_query<'a>(section: Section, param: impl Fn(&str) -> Option<&'a str>) -> Self {
        let kind =
            parse_opt::<ArticleKind>(param("kind")).filter(|kind| section.kinds().contains(kind));
        Self {
            section,
            filter: ArticleFilter {
                kind,
                scope: section.scope(),
                theme: parse_opt::<Theme>(param("theme")),
                q: param("q").and_then(normalise_search),
                page: parse_page(param("page")),
                ..ArticleFilter::default()
            },
        }
    }

    /// True when anything but the section's defaults is chosen.
    pub fn is_filtered(&self) -> bool {
        let f = &self.filter;
        f.kind.is_some() || f.theme.is_some() || f.q.is_some()
    }
}

impl ListQuery for NewsQuery {
    fn href(&self) -> String {
        let f = &self.filter;
        let kind = f.kind;
        href_with(
            self.section.path(),
            &[
                (
                    "kind",
                    kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
                ),
                (
                    "theme",
                    f.theme.map(|t| t.as_str().to_owned()).unwrap_or_default(),
                ),
                ("q", f.q.clone().unwrap_or_default()),
                ("page", page_value(f.page)),
            ],
        )
    }

    fn on_page(&self, page: u32) -> Self {
        let mut next = self.clone();
        next.filter.page = page;
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::lookup as query;

    #[test]
    fn a_news_query_round_trips() {
        let q = NewsQuery::from_query(
            Section::News,
            query(&[
                ("kind", "press_release"),
                ("theme", "entrepreneurship"),
                ("q", " care "),
                ("page", "2"),
            ]),
        );
        assert_eq!(q.filter.kind, Some(ArticleKind::PressRelease));
        assert_eq!(q.filter.theme, Some(Theme::Entrepreneurship));
        assert!(q.is_filtered());
        assert_eq!(
            q.href(),
            "/news?kind=press_release&theme=entrepreneurship&q=care&page=2"
        );
    }

    #[test]
    fn publications_default_to_all_three_kinds_and_refuse_others() {
        let q = NewsQuery::from_query(Section::Publications, query(&[("kind", "news")]));
        assert_eq!(q.filter.kind, None);
        assert_eq!(q.filter.scope, PUBLICATION_KINDS);
        assert!(!q.is_filtered());
        assert_eq!(q.href(), "/publications");
        let q = NewsQuery::from_query(Section::Publications, query(&[("kind", "position_paper")]));
        assert_eq!(q.href(), "/publications?kind=position_paper");
    }

    #[test]
    fn news_without_parameters_is_every_kind() {
        let q = NewsQuery::from_query(Section::News, query(&[("kind", "bogus"), ("page", "0")]));
        assert_eq!(q.filter, ArticleFilter::default());
        assert_eq!(q.on_page(3).href(), "/news?page=3");
    }
}
