//! The question pages of the form (GOV.UK "one thing per page"), display only: each reads the
//! page's [`FormState`] and writes through [`FormState::edit`].

use super::fields::{field_error, invalid, InlineError, TextField};
use super::text::rt;
use super::FormState;
use cc_core::decimal::fixed;
use cc_core::i18n::Lang;
use cc_core::report::{
    validate::DESCRIPTION_LEN, CharCount, Coords, Field, Ongoing, DISTRICTS, OUT_OF_REMIT,
    PHONE_ALTERNATIVE,
};
use leptos::prelude::*;

/// Step 1: the type of problem (several allowed), and the sub-type.
#[component]
pub fn CategoryStep(form: FormState) -> impl IntoView {
    let lang = form.lang;
    let err = field_error(form, Field::Categories);
    let subtypes = move || {
        let chosen = form.draft.with(|d| d.categories.clone());
        form.categories.with(|cats| {
            cats.iter()
                .filter(|c| chosen.contains(&c.code))
                .flat_map(|c| c.subtypes.iter().map(|s| s.get(lang.get()).to_string()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="cc-notice cc-notice--info">
            <p>{move || OUT_OF_REMIT.get(lang.get())}</p>
            <p>{move || PHONE_ALTERNATIVE.get(lang.get())}</p>
        </div>
        <fieldset class="cc-fieldset" aria-describedby="report-categories-hint">
            <legend class="cc-fieldset__legend">{move || Field::Categories.label(lang.get())}</legend>
            <p class="cc-field__hint" id="report-categories-hint">{move || rt(lang.get()).choose_hint}</p>
            <InlineError field=Field::Categories message=err lang />
            <div class="cc-choices">
                {move || {
                    form.categories
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let id = if i == 0 {
                                Field::Categories.html_id().to_string()
                            } else {
                                format!("report-categories-{}", c.code)
                            };
                            let code = c.code.clone();
                            let checked_code = c.code.clone();
                            let hint_id = format!("{id}-desc");
                            view! {
                                <div class="cc-choice">
                                    <input
                                        class="cc-choice__input"
                                        type="checkbox"
                                        id=id.clone()
                                        aria-describedby=hint_id.clone()
                                        aria-invalid=invalid(err)
                                        prop:checked=move || form.draft.with(|d| d.categories.contains(&checked_code))
                                        on:change=move |_| form.edit(|d| d.toggle_category(&code))
                                    />
                                    <label class="cc-choice__label" for=id>{c.name.get(lang.get()).to_string()}</label>
                                    <p class="cc-choice__hint" id=hint_id>{c.description.get(lang.get()).to_string()}</p>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </fieldset>
        <TextField
            field=Field::Subtype
            lang
            value=form.text(|d| &d.subtype)
            on_input=Callback::new(move |v| form.edit(|d| d.subtype = v))
            errors=form.errors
            hint=|t| t.subtype_hint
            list="report-subtype-list"
        />
        <datalist id="report-subtype-list">
            {move || subtypes().into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
        </datalist>
    }
}

/// Step 2: district, address or landmark, an optional confirmed position, who is causing it.
#[component]
pub fn WhereStep(
    form: FormState,
    /// A position found but not yet confirmed, shown as text.
    found: RwSignal<Option<Coords>>,
    /// `Some(message)` while locating or when it failed.
    locate_note: RwSignal<Option<&'static str>>,
    /// Asks the browser for the position.
    on_locate: Callback<()>,
) -> impl IntoView {
    let lang = form.lang;
    let d_err = field_error(form, Field::District);
    let fmt = |c: Coords| format!("{}, {}", fixed(c.lat, 5), fixed(c.lon, 5));
    view! {
        <div class="cc-field" class:cc-field--error=move || d_err.with(Option::is_some)>
            <label class="cc-field__label" for="report-district">{move || Field::District.label(lang.get())}</label>
            <InlineError field=Field::District message=d_err lang />
            <select
                class="cc-select"
                id="report-district"
                aria-describedby=move || d_err.with(Option::is_some).then_some("report-district-error")
                aria-invalid=invalid(d_err)
                prop:value=move || form.draft.with(|d| d.district.clone())
                on:change:target=move |ev| form.edit(|d| d.district = ev.target().value())
            >
                <option value="">{move || rt(lang.get()).district_choose}</option>
                {DISTRICTS
                    .iter()
                    .map(|d| view! { <option value=d.key>{move || d.name(lang.get())}</option> })
                    .collect_view()}
            </select>
        </div>
        <TextField
            field=Field::Address
            lang
            value=form.text(|d| &d.address)
            on_input=Callback::new(move |v| form.edit(|d| d.address = v))
            errors=form.errors
            hint=|t| t.address_hint
            autocomplete="street-address"
        />
        <div class="cc-field" id="report-coordinates" tabindex="-1">
            <p class="cc-field__label">{move || Field::Coordinates.label(lang.get())}</p>
            {move || match form.draft.with(|d| d.coords) {
                Some(c) => view! {
                    <p>{move || rt(lang.get()).position_used} " " {fmt(c)}</p>
                    <button type="button" class="cc-button cc-button--secondary"
                        on:click=move |_| form.edit(|d| d.coords = None)>
                        {move || rt(lang.get()).remove_position}
                    </button>
                }.into_any(),
                None => view! {
                    <button type="button" class="cc-button cc-button--secondary"
                        on:click=move |_| on_locate.run(())>
                        {move || rt(lang.get()).locate}
                    </button>
                    <p role="status" class="cc-field__hint">{move || locate_note.get()}</p>
                    {move || found.get().map(|c| view! {
                        <p>{move || rt(lang.get()).located} " " {fmt(c)}</p>
                        <button type="button" class="cc-button"
                            on:click=move |_| { form.edit(|d| d.coords = Some(c)); found.set(None); }>
                            {move || rt(lang.get()).use_position}
                        </button>
                    })}
                }.into_any(),
            }}
        </div>
        <TextField
            field=Field::ReportedParty
            lang
            value=form.text(|d| &d.reported_party)
            on_input=Callback::new(move |v| form.edit(|d| d.reported_party = v))
            errors=form.errors
            hint=|t| t.party_hint
        />
    }
}

/// Step 3: the description with its character count, whether it continues, and when.
#[component]
pub fn WhatWhenStep(
    form: FormState,
    /// Today, `YYYY-MM-DD`, the date input's maximum.
    today: String,
) -> impl IntoView {
    let lang = form.lang;
    let desc_err = field_error(form, Field::Description);
    let on_err = field_error(form, Field::Ongoing);
    let count = move || {
        CharCount::new(
            &form.draft.with(|d| d.description.clone()),
            DESCRIPTION_LEN.1,
        )
    };
    let when_label = move || {
        form.draft
            .with(|d| d.ongoing)
            .unwrap_or(Ongoing::Once)
            .when_question()
            .get(lang.get())
    };
    view! {
        <div class="cc-field" class:cc-field--error=move || desc_err.with(Option::is_some)>
            <label class="cc-field__label" for="report-description">{move || Field::Description.label(lang.get())}</label>
            <p class="cc-field__hint" id="report-description-hint">
                {move || rt(lang.get()).description_hint} " " {move || count().limit_hint(lang.get())}
            </p>
            <InlineError field=Field::Description message=desc_err lang />
            <textarea
                class="cc-textarea"
                id="report-description"
                rows="6"
                aria-describedby=move || if desc_err.with(Option::is_some) {
                    "report-description-hint report-description-error report-description-count"
                } else {
                    "report-description-hint report-description-count"
                }
                aria-invalid=invalid(desc_err)
                prop:value=move || form.draft.with(|d| d.description.clone())
                on:input:target=move |ev| { let v = ev.target().value(); form.edit(|d| d.description = v) }
            ></textarea>
            <p class="cc-count" class:cc-count--over=move || count().is_over()
                id="report-description-count" aria-live="polite">
                {move || count().message(lang.get())}
            </p>
        </div>
        <fieldset class="cc-fieldset" class:cc-field--error=move || on_err.with(Option::is_some)>
            <legend class="cc-fieldset__legend">{move || Field::Ongoing.label(lang.get())}</legend>
            <InlineError field=Field::Ongoing message=on_err lang />
            <div class="cc-choices">
                {Ongoing::ALL.into_iter().enumerate().map(|(i, o)| {
                    let id = if i == 0 { Field::Ongoing.html_id().to_string() } else { format!("report-ongoing-{}", o.open311_key()) };
                    view! {
                        <div class="cc-choice">
                            <input class="cc-choice__input" type="radio" name="report-ongoing" id=id.clone()
                                aria-invalid=invalid(on_err)
                                prop:checked=move || form.draft.with(|d| d.ongoing == Some(o))
                                on:change=move |_| form.edit(|d| d.ongoing = Some(o)) />
                            <label class="cc-choice__label" for=id>{move || o.label().get(lang.get())}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
        <fieldset class="cc-fieldset">
            <legend class="cc-fieldset__legend">{when_label}</legend>
            <p class="cc-field__hint" id="report-when-hint">{move || rt(lang.get()).when_hint}</p>
            <div class="cc-inline-fields">
                <DateTimeInput form field=Field::OccurredDate kind="date" max=today get=|d| &d.occurred_date set=|d, v| d.occurred_date = v />
                <DateTimeInput form field=Field::OccurredTime kind="time" max=String::new() get=|d| &d.occurred_time set=|d, v| d.occurred_time = v />
            </div>
        </fieldset>
    }
}

/// A date or time input of the "when" question.
#[component]
fn DateTimeInput(
    form: FormState,
    field: Field,
    kind: &'static str,
    max: String,
    get: fn(&cc_core::report::ReportDraft) -> &String,
    set: fn(&mut cc_core::report::ReportDraft, String),
) -> impl IntoView {
    let lang = form.lang;
    let err = field_error(form, field);
    let id = field.html_id();
    view! {
        <div class="cc-field" class:cc-field--error=move || err.with(Option::is_some)>
            <label class="cc-field__label" for=id>{move || field.label(lang.get())}</label>
            <InlineError field message=err lang />
            <input class="cc-input cc-input--short" type=kind id=id
                max=(!max.is_empty()).then_some(max)
                aria-describedby=move || if err.with(Option::is_some) { format!("report-when-hint {id}-error") } else { "report-when-hint".to_string() }
                aria-invalid=invalid(err)
                prop:value=form.text(get)
                on:input:target=move |ev| { let v = ev.target().value(); form.edit(|d| set(d, v)) } />
        </div>
    }
}

/// Step 5: anonymous (the default) or named, said plainly, and the contact fields.
#[component]
pub fn AboutYouStep(form: FormState) -> impl IntoView {
    let lang = form.lang;
    let anonymous = move || form.draft.with(|d| d.anonymous);
    view! {
        <fieldset class="cc-fieldset">
            <legend class="cc-fieldset__legend">{move || Field::Anonymous.label(lang.get())}</legend>
            <div class="cc-choices">
                <div class="cc-choice">
                    <input class="cc-choice__input" type="radio" name="report-anonymous" id="report-anonymous"
                        aria-describedby="report-anonymous-desc"
                        prop:checked=anonymous on:change=move |_| form.edit(|d| d.anonymous = true) />
                    <label class="cc-choice__label" for="report-anonymous">{move || rt(lang.get()).anon_yes}</label>
                    <p class="cc-choice__hint" id="report-anonymous-desc">{move || rt(lang.get()).anon_explain}</p>
                </div>
                <div class="cc-choice">
                    <input class="cc-choice__input" type="radio" name="report-anonymous" id="report-named"
                        aria-describedby="report-named-desc"
                        prop:checked=move || !anonymous() on:change=move |_| form.edit(|d| d.anonymous = false) />
                    <label class="cc-choice__label" for="report-named">{move || rt(lang.get()).anon_no}</label>
                    <p class="cc-choice__hint" id="report-named-desc">{move || rt(lang.get()).named_explain}</p>
                </div>
            </div>
        </fieldset>
        <Show when=move || !anonymous()>
            <p class="cc-field__hint">{move || rt(lang.get()).contact_hint}</p>
            <TextField field=Field::Name lang value=form.text(|d| &d.name)
                on_input=Callback::new(move |v| form.edit(|d| d.name = v)) errors=form.errors autocomplete="name" />
            <TextField field=Field::Phone lang value=form.text(|d| &d.phone) kind="tel"
                on_input=Callback::new(move |v| form.edit(|d| d.phone = v)) errors=form.errors autocomplete="tel" />
            <TextField field=Field::Email lang value=form.text(|d| &d.email) kind="email"
                on_input=Callback::new(move |v| form.edit(|d| d.email = v)) errors=form.errors autocomplete="email" />
        </Show>
    }
}

/// Asks the browser for the position; it is shown as text and used only when confirmed.
pub fn locate_position(
    found: RwSignal<Option<Coords>>,
    note: RwSignal<Option<&'static str>>,
    lang: Signal<Lang>,
) {
    note.set(Some(rt(lang.get_untracked()).locating));
    crate::browser::current_position(move |answer| match answer {
        Some((lat, lon)) => {
            found.set(Some(Coords { lat, lon }));
            note.set(None);
        }
        None => note.set(Some(rt(lang.get_untracked()).locate_failed)),
    });
}
