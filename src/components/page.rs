//! The heading and document title of a page, and focus after navigation.

use crate::prefs::use_lang;
use cc_core::i18n::Lang;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

static FIRST_PAGE_SHOWN: AtomicBool = AtomicBool::new(false);

/// The page's `<h1>`; also sets `document.title`, and after an in-app navigation moves focus to
/// the heading so keyboard and screen-reader users land on the new page, not on a lost link.
#[component]
pub fn PageTitle(
    /// The heading text in a given language.
    text: fn(Lang) -> &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        let title = text(lang.get());
        let site = crate::text::ui(lang.get()).site_name;
        document().set_title(&format!("{title} - {site}"));
    });
    Effect::new(move |_| {
        if let Some(h1) = heading.get() {
            if FIRST_PAGE_SHOWN.swap(true, Ordering::Relaxed) {
                let _ = h1.focus();
            }
        }
    });
    view! {
        <h1 class="cc-page__title" tabindex="-1" node_ref=heading>
            {move || text(lang.get())}
        </h1>
    }
}

/// The page's introduction under its heading.
#[component]
pub fn Lead(
    /// The text in a given language.
    text: fn(Lang) -> &'static str,
) -> impl IntoView {
    let lang = use_lang();
    view! { <p class="cc-lead">{move || text(lang.get())}</p> }
}
