//! A labelled text box with its hint and its error message, wired the way
//! every form of the app needs it: the label names the box (`for`), the hint
//! and the message describe it (`aria-describedby`, WCAG 1.3.1), and a
//! message marks it invalid (`aria-invalid`, WCAG 3.3.1). The hint and the
//! message take their ids from the box's, `{id}-hint` and `{id}-error`.
//!
//! It renders no wrapper, only the label, the box, the hint and the message,
//! so it sits in a `stack-form` or a `div.field` like the bare elements did.

use leptos::html;
use leptos::prelude::*;

use crate::components::data_table::Text;
use crate::components::form_alert::FieldMessage;
use crate::i18n::tr;

/// A label and an `<input>` (or, with `rows`, a `<textarea>`), then the hint
/// and the field's message when there are any.
#[component]
pub fn TextField(
    /// The box's id; the label points at it.
    id: &'static str,
    /// What the label says.
    label: Text,
    /// The text in the box.
    value: RwSignal<String>,
    /// The `<input>`'s type (default `text`); not used with `rows`.
    #[prop(default = "text")]
    input_type: &'static str,
    /// A box of several lines, a `<textarea>` this many rows high.
    #[prop(optional)]
    rows: Option<u32>,
    /// The `name` the value is sent under by a form without the app.
    #[prop(optional)]
    name: Option<&'static str>,
    /// What the browser may fill in (`autocomplete`, WCAG 1.3.5).
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] minlength: Option<u32>,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(optional)] min: Option<u32>,
    #[prop(optional)] max: Option<u32>,
    /// A sentence under the box saying what it expects.
    #[prop(optional)]
    hint: Option<Text>,
    /// The field's own error message, shown under the box; while there is
    /// one the box is marked invalid.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
    /// The id of another element that explains the box, for a field with no
    /// message of its own (the sign-in form's alert).
    #[prop(optional)]
    described_by: Option<&'static str>,
    /// Whether the box is invalid, for a field with no message of its own.
    #[prop(optional, into)]
    invalid: Option<Signal<bool>>,
    /// The `<textarea>`, for a form that moves the focus to it.
    #[prop(optional)]
    textarea_ref: Option<NodeRef<html::Textarea>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let describedby = describedby(
        hint.is_some().then_some(hint_id.as_str()),
        error.is_some().then_some(error_id.as_str()),
        described_by,
    );
    let invalid =
        invalid.or_else(|| error.map(|e| Signal::derive(move || e.with(Option::is_some))));
    let aria_invalid = invalid.map(|invalid| move || invalid.get().to_string());
    let control = match rows {
        Some(rows) => view! {
            <textarea
                id=id
                name=name
                rows=rows
                maxlength=maxlength
                minlength=minlength
                required=required
                autocomplete=autocomplete
                aria-invalid=aria_invalid
                aria-describedby=describedby
                node_ref=textarea_ref.unwrap_or_default()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                id=id
                type=input_type
                name=name
                maxlength=maxlength
                minlength=minlength
                min=min
                max=max
                required=required
                autocomplete=autocomplete
                aria-invalid=aria_invalid
                aria-describedby=describedby
                bind:value=value
            />
        }
        .into_any(),
    };
    view! {
        <label for=id>{tr(label)}</label>
        {control}
        {hint.map(|hint| view! { <p id=hint_id class="hint">{tr(hint)}</p> })}
        {error.map(|message| view! { <FieldMessage id=error_id message /> })}
    }
}

/// The box's `aria-describedby`: the hint, then the message, then the other
/// element, those that exist; none at all leaves the attribute out.
fn describedby(hint: Option<&str>, error: Option<&str>, other: Option<&str>) -> Option<String> {
    let ids: Vec<&str> = [hint, error, other].into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[cfg(test)]
mod tests {
    use super::describedby;

    #[test]
    fn the_hint_comes_before_the_message_and_nothing_leaves_the_attribute_out() {
        assert_eq!(
            describedby(Some("a-hint"), Some("a-error"), None).as_deref(),
            Some("a-hint a-error")
        );
        assert_eq!(
            describedby(None, None, Some("login-error")).as_deref(),
            Some("login-error")
        );
        assert_eq!(describedby(None, None, None), None);
    }
}
