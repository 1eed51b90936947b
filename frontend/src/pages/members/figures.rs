//! A member's declared figures on its profile, always with their provenance:
//! confirmed, from a third party, or illustrative demo data.

use cecop_shared::MemberFigures;
use leptos::prelude::*;

use crate::components::provenance_badge::ProvenanceBadge;
use crate::i18n::{Strings, tr, use_i18n};
use crate::intl;

/// The "Figures" section: a table of the figures, or a sentence saying there are none.
#[component]
pub fn FiguresSection(figures: Option<MemberFigures>) -> impl IntoView {
    let body = match figures {
        None => view! { <p>{tr(|t| t.figures_none)}</p> }.into_any(),
        Some(figures) => view! { <FiguresTable figures /> }.into_any(),
    };
    view! {
        <section class="figures-section" aria-labelledby="member-figures">
            <h2 id="member-figures">{tr(|t| t.figures_heading)}</h2>
            {body}
        </section>
    }
}

/// The table, its provenance badge and the source's caveats.
#[component]
fn FiguresTable(figures: MemberFigures) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let class = if figures.is_illustrative() {
        "figures figures-illustrative"
    } else {
        "figures"
    };
    let year = figures.reference_year;
    let count = move |value: Option<i64>| {
        move || match value {
            Some(n) => intl::number_i64(i18n.lang(), n),
            None => t().figures_not_stated.to_owned(),
        }
    };
    let turnover = figures.turnover_eur;
    let row = |label: fn(&Strings) -> &'static str, value: AnyView| {
        view! {
            <tr>
                <th scope="row">{move || label(t())}</th>
                <td>{value}</td>
            </tr>
        }
    };
    view! {
        <div class=class>
            <p class="provenance">
                <span class="provenance-label">{tr(|t| t.figures_provenance)}</span>
                " "
                <ProvenanceBadge provenance=figures.provenance />
            </p>
            <table class="figures-table">
                <caption>{move || (t().figures_caption)(year)}</caption>
                <tbody>
                    {row(|t| t.figures_cooperatives, count(figures.cooperatives).into_any())}
                    {row(|t| t.figures_workers, count(figures.workers).into_any())}
                    {row(|t| t.figures_worker_members, count(figures.worker_members).into_any())}
                    {row(
                        |t| t.figures_turnover,
                        (move || match turnover {
                            Some(amount) => intl::euros(i18n.lang(), amount),
                            None => t().figures_not_stated.to_owned(),
                        })
                            .into_any(),
                    )}
                </tbody>
            </table>
            {figures
                .note
                .map(|note| {
                    view! {
                        <div class="figures-note">
                            <h3>{tr(|t| t.figures_note)}</h3>
                            <p>{note}</p>
                        </div>
                    }
                })}
        </div>
    }
}
