//! `/report`: the complaint form. Filled in by the report issue.

use crate::components::page::PageTitle;
use crate::prefs::use_lang;
use crate::text::ui;
use leptos::prelude::*;

/// The report page.
#[component]
pub fn ReportPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="cc-page cc-report">
            <PageTitle text=|l| ui(l).report_title />
            <p>{move || ui(lang.get()).coming_soon}</p>
            <p>{move || ui(lang.get()).report_phone_alternative}</p>
        </article>
    }
}

/// `/report/status?id=…`: the status of a submitted report.
#[component]
pub fn ReportStatusPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="cc-page cc-report-status">
            <PageTitle text=|l| ui(l).report_title />
            <p>{move || ui(lang.get()).coming_soon}</p>
        </article>
    }
}
