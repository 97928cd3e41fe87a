//! The app roots: shared contexts, the routes and the shell around every page.
//!
//! The site ships as seven bundles, each its own wasm and Trunk entry (index.html, air.html,
//! history.html, water.html, report.html, status.html, info.html: see [`Bundle`]), so a reader
//! downloads only the code of the part they open: the home page does not carry the charts, the
//! statements or the report form, nor the air page the year's charts, nor the form the status
//! lookup. Within a bundle links are followed in place
//! ([`crate::nav`]); a link to another bundle's route is a plain page load.

use crate::components::shell::{Footer, Header, SkipLink};
use crate::feeds::{load_air, load_config, AirLatest, ConfigResult, SiteConfig, WaterFeed};
use crate::nav::{provide_location, use_route, Routes};
use crate::pages;
use crate::prefs::Prefs;
use leptos::prelude::*;

/// Context: the deployment's base path (`""` or e.g. `"/sthjj/env"`), for building links.
#[derive(Clone)]
pub struct BasePath(pub String);

/// The site's bundles; each serves the routes that [`Bundle::of`] gives it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bundle {
    /// index.html: `/` and the 404 page.
    Main,
    /// air.html: `/air` with its charts.
    Air,
    /// history.html: `/air/history`, the 30-day and year charts: kept out of the air page's
    /// bundle, 12 KB brotli of it, since few readers load a year of data.
    History,
    /// water.html: `/water`.
    Water,
    /// report.html: `/report`, the form.
    Report,
    /// status.html: `/report/status`, a report's status looked up by its number: kept out of the
    /// form's bundle, 21 KB brotli of it.
    Status,
    /// info.html: the statements (`/notes`, `/privacy`, `/accessibility`) and the widget
    /// builder (`/embed`): kept out of the home page's bundle, 25 KB brotli of it.
    Info,
}

impl Bundle {
    /// The bundle that serves a route (a path below the base, e.g. `/air?station=1`).
    pub fn of(route: &str) -> Bundle {
        let mut segments = route.trim_start_matches('/').split(['/', '?', '#']);
        let first = segments.next().unwrap_or("");
        match first {
            "air" if segments.next() == Some("history") => Bundle::History,
            "air" => Bundle::Air,
            "water" => Bundle::Water,
            "report" if segments.next() == Some("status") => Bundle::Status,
            "report" => Bundle::Report,
            "notes" | "privacy" | "accessibility" | "embed" => Bundle::Info,
            _ => Bundle::Main,
        }
    }
}

/// A link to a route of this site, under the deployment's base path.
pub fn href(path: &str) -> String {
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    crate::env::route(&base, path)
}

/// Context: the path the document was loaded at, before any navigation in place.
#[derive(Clone)]
struct LoadedAt(String);

/// Mounts a bundle's app in a task of its own, after the one that compiled and instantiated the
/// wasm: on a slow phone two shorter tasks leave room for the reader's input between them, where
/// one long one would not (Lighthouse counts it as blocking time).
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    set_timeout(
        move || leptos::mount::mount_to_body(app),
        std::time::Duration::ZERO,
    );
}

/// The frame every bundle shares: contexts, header, footer and (away from the report bundle, the
/// one that sends) the sender of waiting reports, around the bundle's `<Routes>`. `feeds`
/// provides the data contexts the bundle's pages read (see [`air_and_water`]); a function, not
/// flags, so a bundle links only the loaders it names.
#[component]
fn Shell(
    bundle: Bundle,
    feeds: fn(LocalResource<ConfigResult>),
    children: Children,
) -> impl IntoView {
    crate::env::pin_base();
    crate::report_app::sw::register();
    let base = crate::env::base_path();
    crate::env::normalise_trailing_slash(&base);
    provide_context(bundle);
    let loaded_at = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    provide_context(LoadedAt(loaded_at));
    provide_context(BasePath(base));
    provide_location();
    provide_context(Prefs::init());
    let config = LocalResource::new(load_config);
    provide_context(SiteConfig(config));
    feeds(config);
    // The page's static first screen (src/prerender.rs) gives way to the app, which draws the
    // same in the same task, before the next paint. A reader who had already tabbed into it keeps
    // their place: the app's focusable elements come in the same order.
    if let Some(static_screen) = document().get_element_by_id("cc-prerender") {
        let focused = focus_position(&static_screen);
        static_screen.remove();
        if let Some(position) = focused {
            Effect::new(move |_| focus_at_position(position));
        }
    }

    view! {
        <SkipLink />
        <Header />
        <main id="main" class="cc-main" tabindex="-1">
            {children()}
        </main>
        <Footer />
        {(bundle != Bundle::Report)
            .then(|| view! { <crate::report_app::waiting::QueuedReportsSender /> })}
    }
}

const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";

/// The position of the focused element among the focusable ones inside `within`, if it is there.
fn focus_position(within: &web_sys::Element) -> Option<u32> {
    let active = document().active_element()?;
    let all = within.query_selector_all(FOCUSABLE).ok()?;
    (0..all.length()).find(|&i| all.get(i).is_some_and(|n| n.is_same_node(Some(&active))))
}

/// Focuses the focusable element at `position` in the page.
fn focus_at_position(position: u32) {
    let target = document()
        .body()
        .and_then(|body| body.query_selector_all(FOCUSABLE).ok())
        .and_then(|all| all.get(position))
        .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// The routes' fallback. A route of another bundle reached in place (through history) is loaded
/// in full; anything else is the 404 page. So is a route of another bundle that the server
/// answered with this one (a deployment without the route's copy of its page): reloading would
/// only loop.
fn elsewhere() -> AnyView {
    let here = expect_context::<Bundle>();
    let loaded_at = expect_context::<LoadedAt>().0;
    let route = use_route();
    (move || {
        let path = window().location().pathname().unwrap_or_default();
        if Bundle::of(&route.get()) != here && path != loaded_at {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
            ().into_any()
        } else {
            view! { <pages::not_found::NotFoundPage /> }.into_any()
        }
    })
    .into_any()
}

/// The latest air data, shared by the home page, the air page and the footer (which shows its
/// source and time only where this is provided).
fn air(config: LocalResource<ConfigResult>) {
    provide_context(AirLatest(LocalResource::new(move || {
        load_air(config, |c| c.air_latest.as_ref())
    })));
}

/// The water data, fetched when a page first asks for it.
fn water(config: LocalResource<ConfigResult>) {
    provide_context(WaterFeed::new(config));
}

fn air_and_water(config: LocalResource<ConfigResult>) {
    air(config);
    water(config);
}

fn info_routes(route: &str) -> Option<AnyView> {
    Some(match route {
        "/embed" => pages::embed::EmbedPage().into_any(),
        "/notes" => pages::info::NotesPage().into_any(),
        "/privacy" => pages::info::PrivacyPage().into_any(),
        "/accessibility" => pages::info::AccessibilityPage().into_any(),
        _ => return None,
    })
}

/// index.html: the home page and the 404 page.
#[component]
pub fn MainApp() -> impl IntoView {
    view! {
        <Shell bundle=Bundle::Main feeds=air_and_water>
            <Routes view=|r| (r == "/").then(|| pages::home::HomePage().into_any()) fallback=elsewhere />
        </Shell>
    }
}

/// info.html: the statements and the widget builder, with the air data for the footer's source
/// and time, as on every page with air data.
#[component]
pub fn InfoApp() -> impl IntoView {
    view! {
        <Shell bundle=Bundle::Info feeds=air>
            <Routes view=info_routes fallback=elsewhere />
        </Shell>
    }
}

/// air.html: the air page, its station views and charts.
#[component]
pub fn AirApp() -> impl IntoView {
    view! {
        <Shell bundle=Bundle::Air feeds=air>
            <Routes view=|r| (r == "/air").then(|| pages::air::AirPage().into_any()) fallback=elsewhere />
        </Shell>
    }
}

/// history.html: the air page's 30-day and year charts.
#[component]
pub fn HistoryApp() -> impl IntoView {
    view! {
        <Shell bundle=Bundle::History feeds=air>
            <Routes view=|r| (r == "/air/history").then(|| pages::air_history::AirHistoryPage().into_any()) fallback=elsewhere />
        </Shell>
    }
}

/// water.html: the water page and its section views.
#[component]
pub fn WaterApp() -> impl IntoView {
    view! {
        <Shell bundle=Bundle::Water feeds=water>
            <Routes view=|r| (r == "/water").then(|| pages::water::WaterPage().into_any()) fallback=elsewhere />
        </Shell>
    }
}

/// report.html: the report form.
#[component]
pub fn ReportApp() -> impl IntoView {
    view! {
        <Shell bundle=Bundle::Report feeds=|_| ()>
            <Routes view=|r| (r == "/report").then(|| pages::report::ReportPage().into_any()) fallback=elsewhere />
        </Shell>
    }
}

/// status.html: a report's status.
#[component]
pub fn StatusApp() -> impl IntoView {
    view! {
        <Shell bundle=Bundle::Status feeds=|_| ()>
            <Routes view=|r| (r == "/report/status").then(|| pages::report::ReportStatusPage().into_any()) fallback=elsewhere />
        </Shell>
    }
}

#[cfg(test)]
mod tests {
    use super::Bundle;

    #[test]
    fn each_route_belongs_to_one_bundle() {
        assert_eq!(Bundle::of("/"), Bundle::Main);
        assert_eq!(Bundle::of("/notes"), Bundle::Info);
        assert_eq!(Bundle::of("/privacy"), Bundle::Info);
        assert_eq!(Bundle::of("/accessibility"), Bundle::Info);
        assert_eq!(Bundle::of("/embed?view=water"), Bundle::Info);
        assert_eq!(Bundle::of("/notes/"), Bundle::Info);
        assert_eq!(Bundle::of("/air"), Bundle::Air);
        assert_eq!(Bundle::of("/air?station=1001A&at=2024"), Bundle::Air);
        assert_eq!(Bundle::of("/air/"), Bundle::Air);
        assert_eq!(Bundle::of("/air/history"), Bundle::History);
        assert_eq!(
            Bundle::of("/air/history?at=2021-12-31T23:00"),
            Bundle::History
        );
        assert_eq!(Bundle::of("/air/historyx"), Bundle::Air);
        assert_eq!(Bundle::of("/water?section=x"), Bundle::Water);
        assert_eq!(Bundle::of("/report"), Bundle::Report);
        assert_eq!(Bundle::of("/report/status?id=1"), Bundle::Status);
        assert_eq!(Bundle::of("/report/status"), Bundle::Status);
        assert_eq!(Bundle::of("/airport"), Bundle::Main);
        assert_eq!(Bundle::of("/nowhere"), Bundle::Main);
    }
}
