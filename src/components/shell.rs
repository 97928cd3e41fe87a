//! The frame around every page: skip link, header with navigation and switches, footer.

use crate::app::{href, link_target};
use crate::feeds::{AirLatest, SiteConfig};
use crate::prefs::{Prefs, Theme};
use crate::text::ui;
use cc_core::i18n::Lang;
use leptos::prelude::*;
use leptos_router::components::A;

/// "Skip to main content", the first focusable element of the page.
#[component]
pub fn SkipLink() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    view! {
        <a
            class="cc-skip"
            href="#main"
            on:click=|ev| {
                // The router would treat the fragment as a navigation; move focus ourselves.
                ev.prevent_default();
                if let Some(main) = document().get_element_by_id("main") {
                    if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                        let _ = main.focus();
                        main.scroll_into_view();
                    }
                }
            }
        >
            {move || ui(prefs.lang.get()).skip_to_content}
        </a>
    }
}

/// Site name, main navigation, language switch and 关怀版 switch.
#[component]
pub fn Header() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let t = move || ui(prefs.lang.get());
    let other_lang = move || match prefs.lang.get() {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let care = move || prefs.theme.get() == Theme::Care;
    view! {
        <header class="cc-header">
            <div class="cc-header__bar">
                <A href=href("/") attr:target=link_target("/") attr:class="cc-header__name">
                    <span class="cc-header__logo" aria-hidden="true"></span>
                    {move || t().site_name}
                </A>
                <div class="cc-header__switches">
                    <button
                        type="button"
                        class="cc-switch"
                        lang=move || other_lang().tag()
                        aria-label=move || t().switch_language_label
                        on:click=move |_| prefs.lang.set(other_lang())
                    >
                        {move || t().switch_language}
                    </button>
                    <button
                        type="button"
                        class="cc-switch"
                        aria-pressed=move || care().to_string()
                        title=move || t().care_mode_label
                        on:click=move |_| {
                            prefs.theme.set(if care() { Theme::Normal } else { Theme::Care })
                        }
                    >
                        {move || t().care_mode}
                    </button>
                </div>
            </div>
            <nav class="cc-nav" aria-label=move || t().nav_label>
                <ul class="cc-nav__list">
                    <li>
                        <A href=href("/") attr:target=link_target("/") exact=true attr:class="cc-nav__link">
                            {move || t().nav_home}
                        </A>
                    </li>
                    <li>
                        <A href=href("/air") attr:target=link_target("/air") attr:class="cc-nav__link">
                            {move || t().nav_air}
                        </A>
                    </li>
                    <li>
                        <A href=href("/water") attr:target=link_target("/water") attr:class="cc-nav__link">
                            {move || t().nav_water}
                        </A>
                    </li>
                    <li>
                        <A href=href("/report") attr:target=link_target("/report") attr:class="cc-nav__link">
                            {move || t().nav_report}
                        </A>
                    </li>
                </ul>
            </nav>
        </header>
    }
}

/// Data source, data time and the links to the notes and statements.
#[component]
pub fn Footer() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let config = expect_context::<SiteConfig>().0;
    let t = move || ui(prefs.lang.get());
    let source = move || {
        let cfg = config.get().and_then(|c| c.ok());
        let latest = cfg.as_ref().and_then(|c| c.air_latest.clone());
        match latest {
            Some(s) => {
                let who = s.attribution.unwrap_or_else(|| s.format.name().to_string());
                if s.sample {
                    format!("{who}（{}）", t().sample_data)
                } else {
                    who
                }
            }
            None => t().footer_no_data.to_string(),
        }
    };
    // Only the bundles that load the latest air data say where it comes from and its time (the
    // water pages give their own sources and times; the report pages show no data).
    let air = use_context::<AirLatest>().is_some().then(|| {
        view! {
            <p class="cc-footer__source">
                <span>{move || t().footer_source}</span>": "<span>{source}</span>
            </p>
            <p class="cc-footer__as-of" data-testid="data-as-of">
                <span>{move || t().footer_data_as_of}</span>": "
                <span>{move || crate::pages::air::data_as_of_text(prefs.lang.get())}</span>
            </p>
        }
    });
    view! {
        <footer class="cc-footer">
            {air}
            <nav aria-label=move || t().footer_links>
                <ul class="cc-footer__links">
                    <li><A href=href("/notes") attr:target=link_target("/notes")>{move || t().footer_notes}</A></li>
                    <li><A href=href("/privacy") attr:target=link_target("/privacy")>{move || t().footer_privacy}</A></li>
                    <li><A href=href("/accessibility") attr:target=link_target("/accessibility")>{move || t().footer_accessibility}</A></li>
                    <li><A href=href("/embed") attr:target=link_target("/embed")>{move || t().footer_embed}</A></li>
                </ul>
            </nav>
        </footer>
    }
}
