//! Display-only form controls with the GOV.UK shape: a visible label, an optional hint, the
//! inline error (linked with `aria-describedby`, flagged with `aria-invalid`), then the control.
//! Ids are the domain's [`Field::html_id`], which the error summary links to.

use super::text::{rt, ReportText};
use super::FormState;
use cc_core::i18n::Lang;
use cc_core::report::{Field, FieldError, ERROR_SUMMARY_TITLE};
use leptos::prelude::*;

/// The error message for `field` among `errors`, if any.
pub fn error_of(errors: &[FieldError], field: Field, lang: Lang) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message(lang))
}

/// The error shown for `field` on the form, as a signal.
pub(super) fn field_error(form: FormState, field: Field) -> Signal<Option<String>> {
    Signal::derive(move || form.errors.with(|e| error_of(e, field, form.lang.get())))
}

/// `aria-invalid` while `msg` is shown.
pub(super) fn invalid(msg: Signal<Option<String>>) -> impl Fn() -> Option<&'static str> {
    move || msg.with(Option::is_some).then_some("true")
}

/// `aria-describedby` for a control: its hint and its error, when shown.
fn described_by(field: Field, has_hint: bool, has_error: bool) -> String {
    let id = field.html_id();
    let mut parts = Vec::new();
    if has_hint {
        parts.push(format!("{id}-hint"));
    }
    if has_error {
        parts.push(format!("{id}-error"));
    }
    parts.join(" ")
}

/// The inline error beside a field ("错误：" is read first, so colour is never the only cue).
#[component]
pub fn InlineError(
    /// The field.
    field: Field,
    /// The message, when the field has an error.
    #[prop(into)]
    message: Signal<Option<String>>,
    /// The language.
    #[prop(into)]
    lang: Signal<Lang>,
) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! {
                <p class="cc-field__error" id=format!("{}-error", field.html_id())>
                    <span class="cc-visually-hidden">{move || lang.get().pick("错误：", "Error: ")}</span>
                    {m}
                </p>
            }
        })
    }
}

/// A one-line text input.
#[component]
pub fn TextField(
    /// Which question.
    field: Field,
    /// The language.
    #[prop(into)]
    lang: Signal<Lang>,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new value on every keystroke.
    on_input: Callback<String>,
    /// Errors shown on the page.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// A hint under the label.
    #[prop(optional)]
    hint: Option<fn(&ReportText) -> &'static str>,
    /// The input type (`text`, `tel`, `email`).
    #[prop(default = "text")]
    kind: &'static str,
    /// The autocomplete token.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let id = field.html_id();
    let message = Signal::derive(move || errors.with(|e| error_of(e, field, lang.get())));
    view! {
        <div class="cc-field" class:cc-field--error=move || message.with(Option::is_some)>
            <label class="cc-field__label" for=id>{move || field.label(lang.get())}</label>
            {hint.map(|h| view! { <p class="cc-field__hint" id=format!("{id}-hint")>{move || h(rt(lang.get()))}</p> })}
            <InlineError field message lang />
            <input
                class="cc-input"
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                list=list
                aria-describedby=move || {
                    Some(described_by(field, hint.is_some(), message.with(Option::is_some)))
                        .filter(|s| !s.is_empty())
                }
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
            />
        </div>
    }
}

/// The error summary: a heading and one link per error, each moving focus to its field.
#[component]
pub fn ErrorSummary(
    /// The errors.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// The language.
    #[prop(into)]
    lang: Signal<Lang>,
    /// Follows a link: shows the field's page and focuses the field.
    on_follow: Callback<Field>,
) -> impl IntoView {
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let l = lang.get();
            view! {
                <div
                    class="cc-error-summary"
                    id="report-error-summary"
                    data-testid="error-summary"
                    role="alert"
                    tabindex="-1"
                    aria-labelledby="report-error-summary-title"
                >
                    <h2 class="cc-error-summary__title" id="report-error-summary-title">
                        {ERROR_SUMMARY_TITLE.get(l)}
                    </h2>
                    <ul class="cc-error-summary__list">
                        {list
                            .into_iter()
                            .map(|e| {
                                let (id, field) = (e.field.html_id(), e.field);
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{id}")
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                on_follow.run(field);
                                            }
                                        >
                                            {e.message(l)}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
