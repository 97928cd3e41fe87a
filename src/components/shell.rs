//! The frame around every page: skip link, header with navigation and switches, footer.

use crate::components::air::hour_text;
use crate::feeds::{AirLatest, SiteConfig};
use crate::nav::NavLink;
use crate::prefs::{Prefs, Theme};
use crate::text::ui;
use cc_core::i18n::Lang;
use leptos::prelude::*;

/// "Skip to main content", the first focusable element of the page.
#[component]
pub fn SkipLink() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    view! {
        <a
            class="cc-skip"
            href="#main"
            on:click=|ev| {
                // "#main" resolves against the <base href> (the site's root), another page: move focus ourselves.
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
pub fn Header(
    /// The language and 关怀版 switches: the app's own buttons unless given. The static first
    /// screen (src/prerender.rs) gives links, which work before the app starts.
    #[prop(optional)]
    switches: Option<AnyView>,
) -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let t = move || ui(prefs.lang.get());
    let switches = switches.unwrap_or_else(|| view! { <Switches /> }.into_any());
    view! {
        <header class="cc-header">
            <div class="cc-header__bar">
                <NavLink route="/" class="cc-header__name">
                    <span class="cc-header__logo" aria-hidden="true"></span>
                    {move || t().site_name}
                </NavLink>
                <div class="cc-header__switches">{switches}</div>
            </div>
            <nav class="cc-nav" aria-label=move || t().nav_label>
                <ul class="cc-nav__list">
                    <li>
                        <NavLink route="/" exact=true class="cc-nav__link">
                            {move || t().nav_home}
                        </NavLink>
                    </li>
                    <li>
                        <NavLink route="/air" class="cc-nav__link">
                            {move || t().nav_air}
                        </NavLink>
                    </li>
                    <li>
                        <NavLink route="/water" class="cc-nav__link">
                            {move || t().nav_water}
                        </NavLink>
                    </li>
                    <li>
                        <NavLink route="/report" class="cc-nav__link">
                            {move || t().nav_report}
                        </NavLink>
                    </li>
                </ul>
            </nav>
        </header>
    }
}

/// The language and 关怀版 switches of the app.
#[component]
fn Switches() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let t = move || ui(prefs.lang.get());
    let other_lang = move || match prefs.lang.get() {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let care = move || prefs.theme.get() == Theme::Care;
    view! {
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
                let who = s
                    .attribution
                    .unwrap_or_else(|| s.format.as_str().to_string());
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
    let as_of = move |latest: AirLatest| match latest.newest_hour() {
        Some(h) => hour_text(h, prefs.lang.get()),
        None => t().footer_no_data.to_string(),
    };
    let air = use_context::<AirLatest>().map(|latest| {
        view! {
            <p class="cc-footer__source">
                <span>{move || t().footer_source}</span>": "<span>{source}</span>
            </p>
            <p class="cc-footer__as-of" data-testid="data-as-of">
                <span>{move || t().footer_data_as_of}</span>": "
                <span>{move || as_of(latest)}</span>
            </p>
        }
    });
    view! {
        <footer class="cc-footer">
            {air}
            <nav aria-label=move || t().footer_links>
                <ul class="cc-footer__links">
                    <li><NavLink route="/notes">{move || t().footer_notes}</NavLink></li>
                    <li><NavLink route="/privacy">{move || t().footer_privacy}</NavLink></li>
                    <li><NavLink route="/accessibility">{move || t().footer_accessibility}</NavLink></li>
                    <li><NavLink route="/embed">{move || t().footer_embed}</NavLink></li>
                </ul>
            </nav>
        </footer>
    }
}
