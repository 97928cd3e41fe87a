//! The 404 page, the router's fallback.

use crate::app::{href, link_target};
use crate::components::page::PageTitle;
use crate::prefs::use_lang;
use crate::text::ui;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any address that is not a route of the site.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="cc-page" data-testid="not-found">
            <PageTitle text=|l| ui(l).not_found_title />
            <p>{move || ui(lang.get()).not_found_text}</p>
            <p><A href=href("/") attr:target=link_target("/")>{move || ui(lang.get()).not_found_home}</A></p>
        </article>
    }
}
