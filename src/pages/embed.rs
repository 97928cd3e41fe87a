//! `/embed`: the widget builder. Filled in by the widget issue.

use crate::components::page::PageTitle;
use crate::prefs::use_lang;
use crate::text::ui;
use leptos::prelude::*;

/// The embed builder page.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="cc-page cc-embed">
            <PageTitle text=|l| ui(l).embed_title />
            <p>{move || ui(lang.get()).coming_soon}</p>
        </article>
    }
}
