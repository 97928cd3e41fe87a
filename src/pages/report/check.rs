//! The check-your-answers page with the declaration, and the confirmation, display only.

use super::fields::{field_error, invalid, InlineError};
use super::text::rt;
use super::FormState;
use cc_core::report::{summary_rows, Field, OutboxItem, OutboxState};
use leptos::prelude::*;

/// Check your answers: one row per question with a change link, then what is sent where,
/// acknowledged (GOV.UK's declaration on the check-answers page), and the send button.
#[component]
pub fn CheckStep(
    form: FormState,
    /// Follows a change link to a field.
    on_change: Callback<Field>,
    /// Sends the report.
    on_submit: Callback<()>,
    /// True while the submission is being written to the outbox.
    #[prop(into)]
    busy: Signal<bool>,
) -> impl IntoView {
    let lang = form.lang;
    let rows = move || {
        let l = lang.get();
        form.categories
            .with(|cats| form.draft.with(|d| summary_rows(d, cats, l)))
    };
    view! {
        <dl class="cc-summary">
            {move || rows().into_iter().map(|row| {
                let field = row.field;
                view! {
                    <div class="cc-summary__row">
                        <dt class="cc-summary__key">{row.label}</dt>
                        <dd class="cc-summary__value">{row.value}</dd>
                        <dd class="cc-summary__action">
                            <a href=format!("#{}", field.html_id())
                                on:click=move |ev| { ev.prevent_default(); on_change.run(field); }>
                                {move || rt(lang.get()).change}
                                <span class="cc-visually-hidden">" " {row.label}</span>
                            </a>
                        </dd>
                    </div>
                }
            }).collect_view()}
        </dl>
        <Declaration form />
        <button type="button" class="cc-button cc-button--primary" data-testid="submit"
            aria-disabled=move || busy.get().then_some("true")
            on:click=move |_| on_submit.run(())>
            {move || rt(lang.get()).submit}
        </button>
    }
}

/// What is sent where and kept how long, acknowledged.
#[component]
fn Declaration(form: FormState) -> impl IntoView {
    let lang = form.lang;
    let err = field_error(form, Field::Consent);
    view! {
        <h3 class="cc-report__subquestion">{move || rt(lang.get()).consent_title}</h3>
        <p class="cc-report__statement" id="report-consent-text">{move || rt(lang.get()).consent_text}</p>
        <div class="cc-field" class:cc-field--error=move || err.with(Option::is_some)>
            <InlineError field=Field::Consent message=err lang />
            <div class="cc-choice">
                <input class="cc-choice__input" type="checkbox" id="report-consent"
                    aria-describedby=move || if err.with(Option::is_some) { "report-consent-text report-consent-error" } else { "report-consent-text" }
                    aria-invalid=invalid(err)
                    prop:checked=move || form.draft.with(|d| d.consent)
                    on:change:target=move |ev| { let v = ev.target().checked(); form.edit(|d| d.consent = v) } />
                <label class="cc-choice__label" for="report-consent">{move || rt(lang.get()).consent_label}</label>
            </div>
        </div>
    }
}

/// The confirmation after sending: the reference (copyable) and its status link, or, while
/// queued, what will happen; a 4xx answer shows the server's message and an edit button. A
/// batch endpoint's receipt token is shown as such, without a status link (the status page
/// looks up case numbers), until the runner has looked up the case number.
#[component]
pub fn Confirmation(
    form: FormState,
    /// The outbox item of the report just submitted.
    #[prop(into)]
    item: Signal<Option<OutboxItem>>,
    /// Where the status page of a reference is.
    status_href: Callback<String, String>,
    /// "再报一条", keeping the place.
    on_another: Callback<()>,
    /// Reopens the report to change it after a refusal.
    on_edit: Callback<()>,
) -> impl IntoView {
    let lang = form.lang;
    let copied = RwSignal::new(false);
    let now = super::now_ms;
    let online = crate::browser::use_online();
    view! {
        {move || {
            let t = rt(lang.get());
            match item.get().map(|i| i.state) {
                Some(OutboxState::Sent { reference, is_token: true, .. }) => view! {
                    <div class="cc-panel cc-panel--done" role="status">
                        <h2 class="cc-panel__title" id="report-done-heading" tabindex="-1">{t.done_title}</h2>
                        <p>{t.receipt_label}</p>
                        <p class="cc-reference" data-testid="reference" data-kind="token">{reference}</p>
                    </div>
                    <p>{t.receipt_pending}</p>
                }.into_any(),
                Some(OutboxState::Sent { reference, notice, .. }) => {
                    let copy_ref = reference.clone();
                    let href = status_href.run(reference.clone());
                    view! {
                        <div class="cc-panel cc-panel--done" role="status">
                            <h2 class="cc-panel__title" id="report-done-heading" tabindex="-1">{t.done_title}</h2>
                            <p>{t.reference_label}</p>
                            <p class="cc-reference" data-testid="reference" data-kind="reference">{reference}</p>
                        </div>
                        <button type="button" class="cc-button cc-button--secondary"
                            on:click=move |_| { super::copy_text(&copy_ref); copied.set(true); }>
                            {t.copy}
                        </button>
                        <span role="status" class="cc-field__hint">{move || copied.get().then(|| rt(lang.get()).copied)}</span>
                        // The system's receipt repeats the reference and, from the reference
                        // receiver, the handling time said just below: kept, in its own words
                        // and language, but folded away so the page says each thing once.
                        {notice.map(|n| view! {
                            <details class="cc-server-text">
                                <summary>{t.system_receipt}</summary>
                                <q data-testid="service-notice">{n}</q>
                            </details>
                        })}
                        <p>{t.next_steps}</p>
                        <p><a href=href>{t.view_status}</a></p>
                    }.into_any()
                }
                Some(OutboxState::Failed { message, editable }) => view! {
                    <div class="cc-error-summary" role="alert">
                        <h2 class="cc-error-summary__title" id="report-done-heading" tabindex="-1">{t.failed_title}</h2>
                        <p data-testid="refusal">{item.get().map(|i| i.refusal_text(lang.get()))}</p>
                        // The system's own words, in whatever language it wrote them: labelled
                        // as its, never passed off as ours.
                        <p class="cc-server-text">
                            {t.server_says}" "
                            <q data-testid="server-message">{message}</q>
                        </p>
                    </div>
                    {editable.then(|| view! {
                        <button type="button" class="cc-button cc-button--primary" on:click=move |_| on_edit.run(())>{t.edit}</button>
                    })}
                }.into_any(),
                // On its way, or saved and waiting once an attempt failed (and why): one live
                // region, changed once per change of the item or the connection.
                _ => {
                    let progress = item.get().map(|i| i.progress(online.get(), lang.get(), now()));
                    let heading = progress.as_ref().map_or(t.sending_title, |p| p.heading);
                    let waiting = progress.as_ref().is_some_and(|p| p.waiting);
                    view! {
                        <div class="cc-panel" role="status" data-waiting=waiting.to_string()>
                            <h2 class="cc-panel__title" id="report-done-heading" tabindex="-1">{heading}</h2>
                            <p data-testid="progress">{progress.map(|p| p.text)}</p>
                        </div>
                    }.into_any()
                }
            }
        }}
        // The confirmation can appear between the two clicks of a double click on 提交举报, with
        // this button where that one was: its second click (detail 2) must not start a new
        // report and hide the reference. A single click is detail 1; Enter and Space are 0.
        <button type="button" class="cc-button cc-button--secondary"
            on:click=move |ev| if ev.detail() <= 1 { on_another.run(()) }>
            {move || rt(lang.get()).report_another}
        </button>
    }
}
