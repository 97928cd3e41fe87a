//! `/report`: the complaint form, `/report/status` and `/report/stats`.
//!
//! The page owns the form's state, one `cc_core::report::FormFlow` (which view is up, the draft
//! being written, the errors shown; every button is one of its transitions), and the loading
//! (drafts from IndexedDB, the service list, the outbox runner); the step components in
//! [`steps`], [`check`] and [`lists`] only display and call back. Validation, encoding and the
//! outbox's states are `cc_core::report`'s; storage and sending are `crate::report_app`'s.

mod check;
mod fields;
mod lists;
mod photos;
mod stats;
mod status;
mod steps;
pub mod text;

pub use stats::ReportStatsPage;
pub use status::ReportStatusPage;

use crate::components::notices::LoadingConfig;
use crate::components::page::{Lead, PageTitle};
use crate::feeds::SiteConfig;
use crate::prefs::use_lang;
use crate::report_app::{
    outbox::{is_sent, Outbox},
    settings, store, transport,
};
use cc_core::config::ReportConfig;
use cc_core::i18n::Lang;
use cc_core::report::flow::Mode;
use cc_core::report::{
    builtin_categories, Category, Checks, Coords, Field, FieldError, Focus, FormFlow, Layout,
    Minute, Open311Client, OutboxState, ReportDraft, Step, Submit,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use text::rt;
use wasm_bindgen::JsCast;

/// Milliseconds since the epoch.
pub(crate) fn now_ms() -> i64 {
    store::now_ms()
}

/// Moves focus to the element `id` once the DOM has caught up with the state just set.
pub(crate) fn focus_id(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// Copies `text` to the clipboard (best effort: the reference is also on screen).
pub(crate) fn copy_text(text: &str) {
    let _ = window().navigator().clipboard().write_text(text);
}

/// The status page link of a reference.
fn status_href(reference: String) -> String {
    let id = String::from(js_sys::encode_uri_component(&reference));
    format!("{}?id={id}", crate::routes::href("/report/status"))
}

/// The form's state as the display components see it: the one [`FormFlow`] of [`ReportFlow`],
/// and what is derived from it.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The whole form; changed only through its methods.
    pub flow: RwSignal<FormFlow>,
    /// The draft being written.
    pub draft: Memo<ReportDraft>,
    /// The errors shown (summary and inline).
    pub errors: Signal<Vec<FieldError>>,
    /// The language.
    pub lang: Signal<Lang>,
    /// The categories offered.
    pub categories: RwSignal<Vec<Category>>,
}

impl FormState {
    /// Changes the draft (and its modification time); the page saves it.
    pub fn edit(&self, f: impl FnOnce(&mut ReportDraft)) {
        self.flow.update(|flow| flow.edit(f, now_ms()));
    }

    /// One text of the draft, as a signal.
    pub fn text(&self, get: fn(&ReportDraft) -> &String) -> Signal<String> {
        let draft = self.draft;
        Signal::derive(move || draft.with(|d| get(d).clone()))
    }
}

/// Wide enough for grouped questions (64em: a tablet on its side or a desktop window).
const WIDE_SCREEN: &str = "(min-width: 64em)";

/// The report page.
#[component]
pub fn ReportPage() -> impl IntoView {
    let lang = use_lang();
    let SiteConfig(config) = expect_context::<SiteConfig>();
    crate::report_app::sw::register();
    // Owned here so the introduction, shown on the start screen only, is drawn at once, before
    // the configuration and the drafts arrive (it is the page's first content; see README,
    // "Performance").
    let flow = RwSignal::new(FormFlow::default());
    let mode = Memo::new(move |_| flow.with(|f| f.mode));
    view! {
        <article class="cc-page cc-report">
            <PageTitle text=|l| crate::text::ui(l).report_title />
            <Show when=move || mode.get() == Mode::Start>
                <Lead text=|l| rt(l).intro />
            </Show>
            <Suspense fallback=LoadingConfig>
                {move || Suspend::new(async move {
                    match config.await {
                        Ok(c) => match c.report.clone() {
                            Some(report) => view! { <ReportFlow report flow /> }.into_any(),
                            None => view! { <p>{move || rt(lang.get()).not_configured}</p> }.into_any(),
                        },
                        Err(e) => view! { <p role="alert">{move || e.message(lang.get())}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </article>
    }
}

/// Saves `d` and hands it to the outbox: once, even when another tab sent it meanwhile (then its
/// draft is not kept). Whether it is queued.
async fn queue(outbox: &Outbox, d: &ReportDraft) -> bool {
    match store::queue_report(d).await {
        Ok(queued) => {
            outbox.queued(queued.item);
            true
        }
        Err(_) => false,
    }
}

/// Runs one transition of the form and moves focus where it says.
fn transition(flow: RwSignal<FormFlow>, t: impl FnOnce(&mut FormFlow) -> Option<Focus>) {
    if let Some(to) = flow.try_update(t).flatten() {
        focus_id(to.html_id());
    }
}

/// The checks of "continue" and "send", at the current time.
fn checks(categories: &[Category]) -> Checks<'_> {
    Checks {
        now: Minute::from_unix_millis(now_ms()),
        categories,
    }
}

/// The form, the drafts and the outbox, for a configured endpoint: displays `flow` and turns
/// each button into one of its transitions.
#[component]
fn ReportFlow(report: ReportConfig, flow: RwSignal<FormFlow>) -> impl IntoView {
    // -- state --
    let lang = use_lang();
    let client = Open311Client::from_config(&report, settings::device_id());
    let outbox = Outbox::start(client.clone(), report.multipart_media, report.retry);
    let draft = Memo::new(move |_| flow.with(|f| f.draft.clone()));
    let errors = Memo::new(move |_| flow.with(|f| f.errors.clone()));
    let form = FormState {
        flow,
        draft,
        errors: errors.into(),
        lang,
        categories: RwSignal::new(builtin_categories()),
    };
    let mode = Memo::new(move |_| flow.with(|f| f.mode));
    let step = Memo::new(move |_| draft.with(|d| d.step));
    let from_check = Memo::new(move |_| flow.with(|f| f.from_check));
    let busy = Signal::derive(move || flow.with(|f| f.sending));
    let wide = crate::browser::use_media_query(WIDE_SCREEN);
    let layout = Signal::derive(move || {
        if wide.get() {
            Layout::Grouped
        } else {
            Layout::OnePerPage
        }
    });
    // Loaded and found, not edited: beside the form's state.
    let drafts = RwSignal::new(Vec::<ReportDraft>::new());
    let announce = RwSignal::new(None::<&'static str>);
    let found = RwSignal::new(None::<Coords>);
    let locate_note = RwSignal::new(None::<&'static str>);
    let photo_slots = photos::PhotoSlots::new();

    // -- loading --
    spawn_local(async move {
        let list = transport::services(&client).await;
        form.categories.set(list.categories);
    });
    let reload_drafts = move || {
        spawn_local(async move {
            if let Ok(list) = store::load_drafts().await {
                drafts.set(list);
            }
        })
    };
    reload_drafts();
    // Drafts already handed to the outbox are listed there, unless refused and editable.
    let open_drafts = Signal::derive(move || {
        let items = outbox.items.get();
        drafts
            .get()
            .into_iter()
            .filter(|d| {
                !items.iter().any(|i| {
                    i.draft_id == d.id
                        && !matches!(i.state, OutboxState::Failed { editable: true, .. })
                })
            })
            .collect::<Vec<_>>()
    });

    // -- effects: the draft goes to IndexedDB on every change --
    Effect::new(move |_| {
        let d = draft.get();
        if mode.get_untracked() != Mode::Form || d.is_blank() {
            return;
        }
        // Sent from another tab meanwhile: its draft is not kept (see `forget_sent_drafts`).
        if outbox.items.with_untracked(|l| is_sent(l, &d.id)) {
            return;
        }
        spawn_local(async move {
            let ok = store::save_draft(&d).await.is_ok();
            flow.update(|f| f.set_saved(ok));
        });
    });

    // -- callbacks: each one transition of `flow` --
    let open_form = move |d: ReportDraft| {
        photo_slots.load(d.photo_ids.clone());
        transition(flow, |f| Some(f.open(d)));
    };
    let start_new = move || open_form(store::new_draft());
    let resume = Callback::new(move |id: String| {
        if let Some(d) = drafts.with_untracked(|l| l.iter().find(|d| d.id == id).cloned()) {
            open_form(d);
        }
    });
    let delete = Callback::new(move |id: String| {
        let Some(d) = drafts.with_untracked(|l| l.iter().find(|d| d.id == id).cloned()) else {
            return;
        };
        drafts.update(|l| l.retain(|x| x.id != id));
        announce.set(Some(rt(lang.get_untracked()).deleted));
        spawn_local(async move {
            let _ = store::delete_draft(&d).await;
        });
    });
    let next = move || {
        let l = layout.get_untracked();
        form.categories.with_untracked(|cats| {
            transition(flow, |f| Some(f.next(l, &checks(cats), now_ms())));
        });
    };
    let back = move || {
        let l = layout.get_untracked();
        transition(flow, |f| f.back(l, now_ms()));
    };
    let follow = Callback::new(move |field: Field| {
        let l = layout.get_untracked();
        transition(flow, |f| Some(f.change(l, field, now_ms())));
    });
    let leave = move || {
        transition(flow, |f| Some(f.leave()));
        reload_drafts();
    };
    let submit = Callback::new(move |()| {
        let outcome = form
            .categories
            .with_untracked(|cats| flow.try_update(|f| f.submit(&checks(cats))));
        match outcome {
            Some(Submit::Queue(d)) => spawn_local(async move {
                let ok = queue(&outbox, &d).await;
                transition(flow, |f| f.queued(&d.id, ok));
            }),
            Some(Submit::Invalid(to)) => focus_id(to.html_id()),
            Some(Submit::Busy) | None => {}
        }
    });
    let another = Callback::new(move |()| {
        let fresh = store::new_draft();
        photo_slots.load(fresh.photo_ids.clone());
        transition(flow, |f| Some(f.another(fresh)));
    });
    let edit_again = Callback::new(move |()| {
        transition(flow, |f| Some(f.edit_again(now_ms())));
    });
    let retry = Callback::new(move |id: String| {
        spawn_local(async move {
            if let Ok(true) = store::retry_report(&id).await {
                crate::report_app::outbox::changed();
            }
        });
    });
    let locate = Callback::new(move |()| steps::locate_position(found, locate_note, lang));
    let done_item = Signal::derive(move || {
        let id = flow.with(|f| f.done_id.clone());
        outbox
            .items
            .with(|l| l.iter().find(|i| i.draft_id == id).cloned())
    });
    // The runner's progress, announced on the form and the start screen; the confirmation
    // says the same of its own report in its own live region, so it is not said twice there.
    let progress = move || {
        let confirming = flow.with(|f| f.mode == Mode::Done);
        outbox
            .progress
            .get()
            .filter(|_| !confirming)
            .map(|(n, total)| format!("{} {n}/{total}", rt(lang.get()).sending))
    };

    // -- view --
    let one_step = move |s: Step| match s {
        Step::Category => view! { <steps::CategoryStep form /> }.into_any(),
        Step::Where => {
            view! { <steps::WhereStep form found locate_note on_locate=locate /> }.into_any()
        }
        Step::WhatWhen => {
            let today = Minute::from_unix_millis(now_ms()).date().to_string();
            view! { <steps::WhatWhenStep form today /> }.into_any()
        }
        Step::Photos => view! { <photos::PhotosStep form photos=photo_slots /> }.into_any(),
        Step::AboutYou => view! { <steps::AboutYouStep form /> }.into_any(),
        Step::Check => {
            view! { <check::CheckStep form on_change=follow on_submit=submit busy /> }.into_any()
        }
    };
    // A grouped page names each of its questions under the page heading.
    let step_body = move || {
        let page = layout.get().page_of(step.get());
        page.iter()
            .map(|&s| {
                let heading = (page.len() > 1).then(|| {
                    view! {
                        <h3 class="cc-report__subquestion">{move || s.title().get(lang.get())}</h3>
                    }
                });
                view! { <div class="cc-report__step" data-step=s.as_str()>{heading}{one_step(s)}</div> }
            })
            .collect_view()
    };
    let form_view = move || {
        view! {
            <fields::ErrorSummary errors=form.errors lang on_follow=follow />
            <p class="cc-report__progress">{move || layout.get().progress(step.get(), lang.get())}</p>
            <h2 class="cc-report__question" id="report-step-heading" tabindex="-1">
                {move || layout.get().title(step.get()).get(lang.get())}
            </h2>
            <form class="cc-report__form" novalidate on:submit=move |ev| { ev.prevent_default(); if step.get_untracked() == Step::Check { submit.run(()) } else { next() } }>
                {step_body}
                <div class="cc-button-row">
                    <Show when=move || step.get() != Step::Check>
                        <button type="submit" class="cc-button cc-button--primary">
                            {move || if from_check.get() { rt(lang.get()).back_to_check } else { rt(lang.get()).continue_ }}
                        </button>
                    </Show>
                    <Show when=move || layout.get().prev(step.get()).is_some()>
                        <button type="button" class="cc-button cc-button--secondary" on:click=move |_| back()>
                            {move || rt(lang.get()).back}
                        </button>
                    </Show>
                </div>
            </form>
            <button type="button" class="cc-button cc-button--link" on:click=move |_| leave()>
                {move || rt(lang.get()).cancel_draft}
            </button>
        }
    };
    view! {
        <p class="cc-report__saved" role="status">
            {move || flow.with(|f| f.saved && f.mode == Mode::Form).then(|| rt(lang.get()).saved_locally)}
        </p>
        <p class="cc-report__live" role="status">{progress} {move || announce.get()}</p>
        {move || match mode.get() {
            Mode::Start => view! {
                <button type="button" class="cc-button cc-button--primary" id="report-start"
                    on:click=move |_| start_new()>{move || rt(lang.get()).start}</button>
                // Drawn with the button, above the lists that load later, so it never moves.
                <p class="cc-report__stats">
                    <a href=crate::routes::href("/report/stats")>{move || rt(lang.get()).stats_link}</a>
                </p>
                <lists::DraftList drafts=open_drafts categories=form.categories lang on_resume=resume on_delete=delete />
            }.into_any(),
            Mode::Form => form_view().into_any(),
            Mode::Done => view! {
                <check::Confirmation form item=done_item status_href=Callback::new(status_href)
                    on_another=another on_edit=edit_again />
            }.into_any(),
        }}
        <lists::OutboxList items=outbox.items categories=form.categories lang status_href=Callback::new(status_href) on_retry=retry />
    }
}
