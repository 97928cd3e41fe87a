//! `/report`: the complaint form, and `/report/status`.
//!
//! The page owns every piece of state (the draft being written, the errors shown, which view is
//! up) and the loading (drafts from IndexedDB, the service list, the outbox runner); the step
//! components in [`steps`], [`check`] and [`lists`] only display and call back. Validation,
//! encoding and the outbox's states are `cc_core::report`'s; storage and sending are
//! `crate::report_app`'s.

mod check;
mod fields;
mod lists;
mod photos;
mod status;
mod steps;
pub mod text;

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
use cc_core::report::{
    builtin_categories, validate_all, validate_step, Category, Checks, Coords, Field, FieldError,
    Layout, Minute, Open311Client, OutboxItem, OutboxState, ReportDraft, Step,
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

/// The form's shared state, owned by [`ReportFlow`] and handed to the display components.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The draft being written.
    pub draft: RwSignal<ReportDraft>,
    /// The errors shown (summary and inline).
    pub errors: RwSignal<Vec<FieldError>>,
    /// The language.
    pub lang: Signal<Lang>,
    /// The categories offered.
    pub categories: RwSignal<Vec<Category>>,
}

impl FormState {
    /// Changes the draft (and its modification time); the page saves it.
    pub fn edit(&self, f: impl FnOnce(&mut ReportDraft)) {
        self.draft.update(|d| {
            f(d);
            d.updated_ms = now_ms();
        });
    }

    /// One text of the draft, as a signal.
    pub fn text(&self, get: fn(&ReportDraft) -> &String) -> Signal<String> {
        let draft = self.draft;
        Signal::derive(move || draft.with(|d| get(d).clone()))
    }
}

/// Wide enough for grouped questions (64em: a tablet on its side or a desktop window).
const WIDE_SCREEN: &str = "(min-width: 64em)";

/// Which view of the page is up.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Start,
    Form,
    Done,
}

/// The report page.
#[component]
pub fn ReportPage() -> impl IntoView {
    let lang = use_lang();
    let SiteConfig(config) = expect_context::<SiteConfig>();
    crate::report_app::sw::register();
    // Owned here so the introduction, shown on the start screen only, is drawn at once, before
    // the configuration and the drafts arrive (it is the page's first content; see README,
    // "Performance").
    let mode = RwSignal::new(Mode::Start);
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
                            Some(report) => view! { <ReportFlow report mode /> }.into_any(),
                            None => view! { <p>{move || rt(lang.get()).not_configured}</p> }.into_any(),
                        },
                        Err(e) => view! { <p role="alert">{move || e.message(lang.get())}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </article>
    }
}

/// The form, the drafts and the outbox, for a configured endpoint.
#[component]
fn ReportFlow(report: ReportConfig, mode: RwSignal<Mode>) -> impl IntoView {
    // -- state --
    let lang = use_lang();
    let client = Open311Client::from_config(&report, settings::device_id());
    let outbox = Outbox::start(client.clone(), report.multipart_media);
    let form = FormState {
        draft: RwSignal::new(ReportDraft::default()),
        errors: RwSignal::new(Vec::new()),
        lang,
        categories: RwSignal::new(builtin_categories()),
    };
    let step = Memo::new(move |_| form.draft.with(|d| d.step));
    let wide = crate::env::media_matches(WIDE_SCREEN);
    let layout = Signal::derive(move || {
        if wide.get() {
            Layout::Grouped
        } else {
            Layout::OnePerPage
        }
    });
    let drafts = RwSignal::new(Vec::<ReportDraft>::new());
    let from_check = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let announce = RwSignal::new(None::<&'static str>);
    let found = RwSignal::new(None::<Coords>);
    let locate_note = RwSignal::new(None::<&'static str>);
    let done_id = RwSignal::new(String::new());
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
        let d = form.draft.get();
        if mode.get_untracked() != Mode::Form || d.is_blank() {
            return;
        }
        // Sent from another tab meanwhile: its draft is not kept (see `forget_sent_drafts`).
        if outbox.items.with_untracked(|l| is_sent(l, &d.id)) {
            return;
        }
        spawn_local(async move {
            saved.set(store::save_draft(&d).await.is_ok());
        });
    });

    // -- callbacks --
    let checks_now = move || Minute::from_unix_millis(now_ms());
    let open_form = move |d: ReportDraft| {
        photo_slots.load(d.photo_ids.clone());
        form.draft.set(d);
        form.errors.set(Vec::new());
        from_check.set(false);
        saved.set(false);
        mode.set(Mode::Form);
        focus_id("report-step-heading");
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
    let go_to = move |s: Step, focus: &'static str| {
        form.edit(|d| d.step = s);
        focus_id(focus);
    };
    let next = move || {
        let s = step.get_untracked();
        let page = layout.get_untracked().page_of(s);
        let errs = form.categories.with_untracked(|cats| {
            let checks = Checks {
                now: checks_now(),
                categories: cats,
            };
            form.draft.with_untracked(|d| {
                page.iter()
                    .flat_map(|&on_page| validate_step(d, on_page, &checks))
                    .collect::<Vec<_>>()
            })
        });
        if !errs.is_empty() {
            form.errors.set(errs);
            focus_id("report-error-summary");
            return;
        }
        form.errors.set(Vec::new());
        let target = if from_check.get_untracked() {
            Step::Check
        } else {
            layout.get_untracked().next(s).unwrap_or(Step::Check)
        };
        go_to(target, "report-step-heading");
    };
    let back = move || {
        form.errors.set(Vec::new());
        if let Some(p) = layout.get_untracked().prev(step.get_untracked()) {
            go_to(p, "report-step-heading");
        }
    };
    let follow = Callback::new(move |field: Field| {
        let s = step.get_untracked();
        let target = layout.get_untracked().page_of(field.step());
        if !target.contains(&s) {
            from_check.set(s == Step::Check);
            form.errors
                .update(|e| e.retain(|x| target.contains(&x.field.step())));
            form.edit(|d| d.step = field.step());
        }
        focus_id(field.html_id());
    });
    let leave = move || {
        mode.set(Mode::Start);
        reload_drafts();
        focus_id("report-start");
    };
    let submit = Callback::new(move |()| {
        if busy.get_untracked() {
            return; // a double click sends once
        }
        let d = form.draft.get_untracked();
        let errs = form.categories.with_untracked(|cats| {
            validate_all(
                &d,
                &Checks {
                    now: checks_now(),
                    categories: cats,
                },
            )
        });
        if !errs.is_empty() {
            form.errors.set(errs);
            focus_id("report-error-summary");
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let existing = store::load_outbox_item(&d.id).await.ok().flatten();
            // Sent from another tab: still one case, and its draft is not kept.
            let already_sent = existing
                .as_ref()
                .is_some_and(|i| matches!(i.state, OutboxState::Sent { .. }));
            let saved_ok = if already_sent {
                let _ = store::delete_draft(&d).await;
                true
            } else {
                store::save_draft(&d).await.is_ok()
            };
            let item = match existing {
                Some(i) if !matches!(i.state, OutboxState::Failed { .. }) => i,
                _ => OutboxItem::new(d.id.clone(), d.idempotency_key.clone(), now_ms()),
            };
            if saved_ok && outbox.enqueue(item).await.is_ok() {
                done_id.set(d.id.clone());
                mode.set(Mode::Done);
                focus_id("report-done-heading");
            }
            busy.set(false);
        });
    });
    let another = Callback::new(move |()| {
        let old = form.draft.get_untracked();
        let mut d = store::new_draft();
        d.district = old.district;
        d.address = old.address;
        d.coords = old.coords;
        open_form(d);
    });
    let edit_again = Callback::new(move |()| {
        mode.set(Mode::Form);
        form.edit(|d| d.step = Step::Check);
        focus_id("report-step-heading");
    });
    let retry = Callback::new(move |id: String| {
        spawn_local(async move {
            if let Ok(Some(mut item)) = store::load_outbox_item(&id).await {
                item.retry_now(now_ms());
                let _ = store::save_outbox_item(&item).await;
            }
        });
    });
    let locate = Callback::new(move |()| steps::locate_position(found, locate_note, lang));
    let done_item = Signal::derive(move || {
        let id = done_id.get();
        outbox
            .items
            .with(|l| l.iter().find(|i| i.draft_id == id).cloned())
    });
    let progress = move || {
        outbox
            .progress
            .get()
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
        Step::Consent => view! { <steps::ConsentStep form /> }.into_any(),
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
                view! { <div class="cc-report__step" data-step=s.slug()>{heading}{one_step(s)}</div> }
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
            {move || (saved.get() && mode.get() == Mode::Form).then(|| rt(lang.get()).saved_locally)}
        </p>
        <p class="cc-report__live" role="status">{progress} {move || announce.get()}</p>
        {move || match mode.get() {
            Mode::Start => view! {
                <button type="button" class="cc-button cc-button--primary" id="report-start"
                    on:click=move |_| start_new()>{move || rt(lang.get()).start}</button>
                <lists::DraftList drafts=open_drafts categories=form.categories lang on_resume=resume on_delete=delete />
            }.into_any(),
            Mode::Form => form_view().into_any(),
            Mode::Done => view! {
                <check::Confirmation form item=done_item status_href=Callback::new(status_href)
                    on_another=another on_edit=edit_again />
            }.into_any(),
        }}
        <lists::OutboxList items=outbox.items lang status_href=Callback::new(status_href) on_retry=retry />
    }
}
