//! `/report/status?id=…`: a report's progress from `GET requests/{id}.json`, without login.
//! Everything the receiver returns is shown as text (it may hold whatever the reporter typed).

use super::text::rt;
use crate::api::ApiError;
use crate::components::page::PageTitle;
use crate::feeds::SiteConfig;
use crate::nav::use_query_map;
use crate::prefs::use_lang;
use crate::report_app::transport;
use cc_core::report::{Minute, ServiceRequest};
use leptos::prelude::*;

/// What the lookup found.
#[derive(Clone)]
enum Lookup {
    Nothing,
    Report(Box<ServiceRequest>),
    NotFound,
    Failed(ApiError),
}

/// The status page.
#[component]
pub fn ReportStatusPage() -> impl IntoView {
    let lang = use_lang();
    let SiteConfig(config) = expect_context::<SiteConfig>();
    let query = use_query_map();
    crate::report_app::sw::register();
    let id = move || query.with(|q| q.get("id").unwrap_or_default().trim().to_string());
    let result = LocalResource::new(move || {
        let id = id();
        async move {
            let Some(client) = transport::reading_client(config).await else {
                return Lookup::Nothing;
            };
            if id.is_empty() {
                return Lookup::Nothing;
            }
            match transport::request_status(&client, &id).await {
                Ok(Some(r)) => Lookup::Report(Box::new(r)),
                Ok(None) | Err(ApiError::Status { code: 404, .. }) => Lookup::NotFound,
                Err(e) => Lookup::Failed(e),
            }
        }
    });
    let time = |m: Option<Minute>, raw: Option<String>| {
        m.map(|m| m.to_string())
            .or(raw)
            .unwrap_or_else(|| "—".to_string())
    };
    view! {
        <article class="cc-page cc-report-status">
            <PageTitle text=|l| rt(l).status_title />
            <form class="cc-report__lookup" method="get">
                <div class="cc-field">
                    <label class="cc-field__label" for="report-status-id">{move || rt(lang.get()).status_id_label}</label>
                    <input class="cc-input" id="report-status-id" name="id" type="text" autocomplete="off"
                        prop:value=id />
                </div>
                <button type="submit" class="cc-button cc-button--secondary">{move || rt(lang.get()).status_lookup}</button>
            </form>
            <Suspense fallback=move || view! { <p>{move || crate::text::ui(lang.get()).loading}</p> }>
                {move || Suspend::new(async move {
                    let l = lang.get();
                    let t = rt(l);
                    match result.await {
                        Lookup::Nothing => ().into_any(),
                        Lookup::NotFound => view! { <p role="alert">{t.status_not_found}</p> }.into_any(),
                        Lookup::Failed(e) => view! { <p role="alert">{e.message(l)}</p> }.into_any(),
                        Lookup::Report(r) => {
                            let r = *r;
                            view! {
                                <dl class="cc-summary" data-testid="status">
                                    <div class="cc-summary__row"><dt class="cc-summary__key">{t.status_id_label}</dt>
                                        <dd class="cc-summary__value" data-testid="status-id">{r.service_request_id.clone().unwrap_or_default()}</dd></div>
                                    <div class="cc-summary__row"><dt class="cc-summary__key">{t.status_label}</dt>
                                        <dd class="cc-summary__value" data-testid="status-value">{r.status.label(l)}</dd></div>
                                    <div class="cc-summary__row"><dt class="cc-summary__key">{t.status_notes}</dt>
                                        <dd class="cc-summary__value" data-testid="status-notes">{r.status_notes.clone().unwrap_or_else(|| "—".into())}</dd></div>
                                    <div class="cc-summary__row"><dt class="cc-summary__key">{t.status_requested}</dt>
                                        <dd class="cc-summary__value">{time(r.requested, r.requested_raw.clone())}</dd></div>
                                    <div class="cc-summary__row"><dt class="cc-summary__key">{t.status_updated}</dt>
                                        <dd class="cc-summary__value">{time(r.updated, r.updated_raw.clone())}</dd></div>
                                    <div class="cc-summary__row"><dt class="cc-summary__key">{t.status_expected}</dt>
                                        <dd class="cc-summary__value">{time(r.expected, r.expected_raw.clone())}</dd></div>
                                    <div class="cc-summary__row"><dt class="cc-summary__key">{t.status_address}</dt>
                                        <dd class="cc-summary__value" data-testid="status-address">{r.address.clone().unwrap_or_default()}</dd></div>
                                    <div class="cc-summary__row"><dt class="cc-summary__key">{t.status_description}</dt>
                                        <dd class="cc-summary__value cc-prewrap" data-testid="status-description">{r.description.clone().unwrap_or_default()}</dd></div>
                                </dl>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        </article>
    }
}
