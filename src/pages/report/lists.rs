//! The drafts kept on this device and the outbox, display only.

use super::text::rt;
use cc_core::i18n::Lang;
use cc_core::report::{find_category, Category, Minute, OutboxItem, OutboxState, ReportDraft};
use leptos::prelude::*;

/// The drafts not yet sent: each can be resumed or deleted.
#[component]
pub fn DraftList(
    /// The drafts, newest first.
    #[prop(into)]
    drafts: Signal<Vec<ReportDraft>>,
    /// The categories, for naming a draft.
    #[prop(into)]
    categories: Signal<Vec<Category>>,
    /// The language.
    #[prop(into)]
    lang: Signal<Lang>,
    /// Resumes a draft.
    on_resume: Callback<String>,
    /// Deletes a draft.
    on_delete: Callback<String>,
) -> impl IntoView {
    view! {
        <h2 class="cc-report__subheading">{move || rt(lang.get()).drafts_heading}</h2>
        {move || {
            let list = drafts.get();
            if list.is_empty() {
                return view! { <p>{rt(lang.get()).no_drafts}</p> }.into_any();
            }
            let l = lang.get();
            view! {
                <ul class="cc-list" data-testid="draft-list">
                    {list.into_iter().enumerate().map(|(n, d)| {
                        let name = categories.with(|cats| {
                            d.categories.iter()
                                .map(|c| find_category(cats, c).map_or(c.clone(), |c| c.name.get(l).to_string()))
                                .collect::<Vec<_>>()
                                .join(l.pick("、", ", "))
                        });
                        let name = if name.is_empty() { rt(l).untitled.to_string() } else { name };
                        let place = d.address.trim().chars().take(40).collect::<String>();
                        let title_id = format!("report-draft-{n}");
                        let (rid, did) = (d.id.clone(), d.id.clone());
                        view! {
                            <li class="cc-list__item" data-testid="draft-item">
                                <p class="cc-list__title" id=title_id.clone()>{name} " " {place}</p>
                                <p class="cc-field__hint">
                                    {rt(l).updated} " " {Minute::from_unix_millis(d.updated_ms).to_string()}
                                </p>
                                <div class="cc-button-row">
                                    <button type="button" class="cc-button cc-button--secondary"
                                        aria-describedby=title_id.clone()
                                        on:click=move |_| on_resume.run(rid.clone())>{rt(l).resume}</button>
                                    <button type="button" class="cc-button cc-button--warning"
                                        aria-describedby=title_id
                                        on:click=move |_| on_delete.run(did.clone())>{rt(l).delete}</button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// The outbox: 待发送 / 发送中 / 已提交 with times, and a status link once sent.
#[component]
pub fn OutboxList(
    /// The items, newest first.
    #[prop(into)]
    items: Signal<Vec<OutboxItem>>,
    /// The categories, for naming each report.
    #[prop(into)]
    categories: Signal<Vec<Category>>,
    /// The language.
    #[prop(into)]
    lang: Signal<Lang>,
    /// Where the status page of a reference is.
    status_href: Callback<String, String>,
    /// Sends a waiting item now.
    on_retry: Callback<String>,
) -> impl IntoView {
    move || {
        let list = items.get();
        (!list.is_empty()).then(|| {
            let l = lang.get();
            let now = super::now_ms();
            view! {
                <h2 class="cc-report__subheading">{rt(l).outbox_heading}</h2>
                <ul class="cc-list">
                    {list.into_iter().map(|item| {
                        let text = item.status_text(l, now);
                        let about = categories.with(|cats| item.about_text(cats, l));
                        let extra = match &item.state {
                            OutboxState::Sent { reference, is_token: false, .. } => {
                                let href = status_href.run(reference.clone());
                                Some(view! { <a href=href>{rt(l).view_status}</a> }.into_any())
                            }
                            OutboxState::Queued => {
                                let id = item.draft_id.clone();
                                Some(view! {
                                    <button type="button" class="cc-button cc-button--secondary"
                                        on:click=move |_| on_retry.run(id.clone())>{rt(l).retry_now}</button>
                                }.into_any())
                            }
                            _ => None,
                        };
                        view! {
                            <li class="cc-list__item" data-testid="outbox-item" data-state=item.data_state()>
                                {about.map(|a| view! { <p class="cc-list__title" data-testid="outbox-about">{a}</p> })}
                                <p>{text}</p>
                                {extra}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    }
}
