//! The audit log's filter form: action, actor, and a date range. Applying it
//! navigates to the matching URL, starting again from page 1.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::text_field::TextField;
use crate::i18n::tr;
use crate::query::href_with;

/// The audit filters, as they stand in the URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub action: String,
    pub actor: String,
    pub from: String,
    pub to: String,
    pub page: u32,
}

impl AuditFilter {
    /// The URL parameters (empty ones are dropped by [`href_with`]).
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let page = if self.page > 1 {
            self.page.to_string()
        } else {
            String::new()
        };
        vec![
            ("action", self.action.clone()),
            ("actor", self.actor.clone()),
            ("from", self.from.clone()),
            ("to", self.to.clone()),
            ("page", page),
        ]
    }

    /// The address of this filter's page `page`.
    pub fn href(&self, page: u32) -> String {
        href_with(
            "/admin/audit",
            &Self {
                page,
                ..self.clone()
            }
            .params(),
        )
    }
}

/// A search landmark with a label on every control.
#[component]
pub fn AuditFilters(filter: AuditFilter) -> impl IntoView {
    let navigate = use_navigate();
    let action = RwSignal::new(filter.action);
    let actor = RwSignal::new(filter.actor);
    let from = RwSignal::new(filter.from);
    let to = RwSignal::new(filter.to);
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let next = AuditFilter {
            action: action.get_untracked().trim().to_owned(),
            actor: actor.get_untracked().trim().to_owned(),
            from: from.get_untracked(),
            to: to.get_untracked(),
            page: 1,
        };
        navigate(&next.href(1), Default::default());
    };
    view! {
        <form class="filters" role="search" on:submit=on_submit>
            <div class="field">
                <TextField id="audit-action" label=|t| t.audit_action value=action hint=|t| t.audit_action_hint />
            </div>
            <div class="field">
                <TextField id="audit-actor" label=|t| t.audit_actor value=actor hint=|t| t.audit_actor_hint />
            </div>
            <div class="field">
                <TextField id="audit-from" label=|t| t.audit_from value=from input_type="date" />
            </div>
            <div class="field">
                <TextField id="audit-to" label=|t| t.audit_to value=to input_type="date" />
            </div>
            <button type="submit" class="button">{tr(|t| t.filter_submit)}</button>
        </form>
    }
}
