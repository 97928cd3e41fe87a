//! The 404 page, the routes' fallback.

use crate::components::page::PageTitle;
use crate::nav::NavLink;
use crate::prefs::use_lang;
use crate::text::ui;
use leptos::prelude::*;

/// Shown for any address that is not a route of the site.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="cc-page" data-testid="not-found">
            <PageTitle text=|l| ui(l).not_found_title />
            <p>{move || ui(lang.get()).not_found_text}</p>
            <p><NavLink route="/">{move || ui(lang.get()).not_found_home}</NavLink></p>
        </article>
    }
}
