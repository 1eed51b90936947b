//! `/data`: the public statistics dashboard — a year's headline figures
//! with how many members they come from, and three charts of the chosen
//! indicator (by country, by sector and type of cooperative, over the
//! years), each also a table and a CSV download. The year and the
//! indicator live in the URL query, so links, reloads and back/forward
//! show the same figures.

mod breakdowns;
mod chart_loader;
mod country_chart;
mod headline;
pub mod page;
mod pickers;
mod query;
mod sector_chart;
mod series_chart;
