//! The first screen of each route as static HTML (Chinese, normal theme), which
//! `tools/finalize-dist.mjs` writes into the built pages: the header, the page's heading and its
//! introduction show while the wasm bundle downloads, instead of a blank page.
//!
//! It is the app's own components ([`Header`], [`SkipLink`], [`PageTitle`], [`Lead`], the
//! loading notices) rendered to a string on the build host, so nothing moves when the app
//! replaces it (`app::Frame` removes `#cc-prerender` as it mounts; `e2e/tests/shell.spec.ts`
//! checks the boxes and the texts). Only the switches differ: links to `?lang=en` and
//! `?theme=care`, which the app reads on load, since a button does nothing before the app runs.
//! `public/first-paint.js` hides the screen for a reader who chose English.
//!
//! `cargo run --bin prerender` prints [`site_json`] for the build.

use crate::components::notices::{Loading, LoadingConfig};
use crate::components::page::{Lead, PageTitle};
use crate::components::shell::{Header, SkipLink};
use crate::pages::report::text::rt;
use crate::prefs::{Prefs, Theme};
use crate::routes::{BasePath, Bundle, Page, ROUTES};
use crate::text::{air_ui, ui, water_ui};
use cc_core::i18n::Lang;
use leptos::prelude::*;
use serde_json::{json, Value};

/// The route table, the title of every page in both languages and every first screen, as the
/// build and the e2e tests read them:
/// `{ bundles: [{ entry, page, route }], widget, widgetAqi, modules: [{ entry, page }],
/// routes: [{ path, page, title: { zh, en } }], firstScreens: { route | "404": html } }`.
/// `modules` are the wasm modules a page fetches when it needs them (the feeds and the charts,
/// src/lazy_module.rs) and `widgetAqi` the AQI widget's bundle: none is a page of its own
/// (widget.html's loader picks the widget's bundle).
pub fn site_json() -> Value {
    let bundles: Vec<Value> = Bundle::ALL
        .iter()
        .map(|&bundle| {
            let own = ROUTES.iter().find(|r| r.bundle == bundle).map(|r| r.path);
            json!({ "entry": bundle.entry(), "page": page_file(bundle), "route": own })
        })
        .collect();
    let routes: Vec<Value> = ROUTES
        .iter()
        .map(|r| {
            json!({
                "path": r.path,
                "page": page_file(r.bundle),
                "title": { "zh": title(r.page, Lang::Zh), "en": title(r.page, Lang::En) },
            })
        })
        .collect();
    let mut screens = serde_json::Map::new();
    for r in ROUTES {
        screens.insert(r.path.into(), first_screen(r.path, Some(r.page)).into());
    }
    screens.insert("404".into(), first_screen("404", None).into());
    json!({
        "bundles": bundles,
        "widget": { "entry": "widget", "page": "widget.html" },
        "widgetAqi": { "entry": "widget-aqi", "page": "widget-aqi.html" },
        "modules": [
            { "entry": "feeds", "page": "feeds.html" },
            { "entry": "charts", "page": "charts.html" },
        ],
        "routes": routes,
        "firstScreens": screens,
    })
}

fn page_file(bundle: Bundle) -> String {
    format!("{}.html", bundle.entry())
}

/// The heading of a page, as the page itself shows it.
pub fn title(page: Page, lang: Lang) -> &'static str {
    match page {
        Page::Home => ui(lang).home_title,
        Page::Air => air_ui(lang).air_title,
        Page::AirHistory => air_ui(lang).air_history_title,
        Page::AirYear => crate::text::year_ui(lang).title,
        Page::Water => water_ui(lang).water_title,
        Page::Report => ui(lang).report_title,
        Page::ReportStatus => rt(lang).status_title,
        Page::ReportStats => crate::text::stats_ui(lang).title,
        Page::Embed => crate::widget::text::wt(lang).embed_title,
        Page::Notes => ui(lang).notes_title,
        Page::Privacy => ui(lang).privacy_title,
        Page::Accessibility => ui(lang).accessibility_title,
    }
}

/// The static first screen of the route at `path` showing `page` (`None`: the 404 page).
pub fn first_screen(path: &str, page: Option<Page>) -> String {
    // The page's heading starts effects (document title, focus) that have no document here: an
    // executor that drops them, so they never run.
    let _ = any_spawner::Executor::init_local_custom_executor(NoEffects);
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(Prefs {
            lang: RwSignal::new(Lang::Zh),
            theme: RwSignal::new(Theme::Normal),
        });
        // Links relative to the page's <base href>, so they work at any deployment path.
        provide_context(BasePath(".".into()));
        crate::nav::provide_fixed_location(path);
        // The switches reload this page with the preference (the 404 page: the home page; its
        // address varies).
        let here = match page {
            None | Some(Page::Home) => "./".to_string(),
            Some(_) => path.trim_start_matches('/').to_string(),
        };
        let switches = view! { <StaticSwitches here /> }.into_any();
        // Read once, with no observer: nothing here changes.
        untrack(|| {
            view! {
                <div id="cc-prerender" class="cc-prerender">
                    <SkipLink />
                    <Header switches />
                    <main class="cc-main" id="main" tabindex="-1">
                        {page.and_then(intro)}
                    </main>
                </div>
            }
            .to_html()
        })
    });
    owner.cleanup();
    html
}

/// What the page draws first, for the pages whose first screen is more than the header (the
/// others' first content is small and below it; the app draws it).
fn intro(page: Page) -> Option<AnyView> {
    Some(match page {
        Page::Home => view! {
            <article class="cc-page cc-home">
                <PageTitle text=|l| ui(l).home_title />
                <Lead text=|l| ui(l).home_intro />
            </article>
        }
        .into_any(),
        Page::Air => view! {
            <article class="cc-page cc-air">
                <PageTitle text=|l| air_ui(l).air_title />
                <Lead text=|l| air_ui(l).air_intro />
                <Loading />
            </article>
        }
        .into_any(),
        Page::Water => view! {
            <article class="cc-page cc-water">
                <PageTitle text=|l| water_ui(l).water_title />
                <Lead text=|l| water_ui(l).water_intro />
                <Loading />
            </article>
        }
        .into_any(),
        Page::Report => view! {
            <article class="cc-page cc-report">
                <PageTitle text=|l| ui(l).report_title />
                <Lead text=|l| rt(l).intro />
                <LoadingConfig />
            </article>
        }
        .into_any(),
        _ => return None,
    })
}

/// The header's switches as links to this page with the preference in its query.
#[component]
fn StaticSwitches(here: String) -> impl IntoView {
    let t = ui(Lang::Zh);
    view! {
        <a class="cc-switch" href=format!("{here}?lang=en") lang="en" aria-label=t.switch_language_label>
            {t.switch_language}
        </a>
        <a class="cc-switch" href=format!("{here}?theme=care") title=t.care_mode_label>
            {t.care_mode}
        </a>
    }
}

struct NoEffects;

impl any_spawner::CustomExecutor for NoEffects {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_route_has_the_header_and_its_own_heading() {
        for route in ROUTES {
            let html = first_screen(route.path, Some(route.page));
            assert!(html.starts_with(r#"<div id="cc-prerender""#), "{html}");
            assert!(html.contains("绿色长春 · 环境信息"), "{}", route.path);
        }
        let home = first_screen("/", Some(Page::Home));
        assert!(home.contains("长春市环境信息</h1>"), "{home}");
        assert!(home.contains(r#"class="cc-page__title""#));
        // The site name and 首页 both mark the home page, as the app's links do.
        assert_eq!(home.matches("aria-current").count(), 2, "{home}");
        let status = first_screen("/report/status", Some(Page::ReportStatus));
        assert!(status.contains(r#"aria-current="page""#), "{status}");
        assert!(first_screen("/air", Some(Page::Air)).contains(air_ui(Lang::Zh).air_intro));
        let not_found = first_screen("404", None);
        assert!(!not_found.contains("aria-current"), "{not_found}");
        // The switches reload this page with the preference (relative to its <base href>).
        assert!(
            status.contains(r#"href="report/status?lang=en""#),
            "{status}"
        );
        assert!(home.contains(r#"href="./?theme=care""#), "{home}");
        // No reactive markers or scripts: the page is static.
        assert!(!home.contains("<script"));
    }

    #[test]
    fn text_is_escaped() {
        let html = view! { <p title="<b a=\"1\">&">"<b>&"</p> }.to_html();
        assert!(html.contains("&lt;b&gt;&amp;"), "{html}");
    }

    #[test]
    fn the_json_names_every_route_and_bundle_once() {
        let json = site_json();
        assert_eq!(
            json["bundles"].as_array().map(Vec::len),
            Some(Bundle::ALL.len())
        );
        assert_eq!(json["bundles"][0]["page"], "index.html");
        assert_eq!(json["bundles"][0]["route"], "/");
        assert_eq!(json["routes"].as_array().map(Vec::len), Some(ROUTES.len()));
        assert_eq!(json["routes"][1]["title"]["en"], "Air quality");
        assert!(json["firstScreens"]["404"].is_string());
    }
}
