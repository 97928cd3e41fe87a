//! The app roots: shared contexts, the routes and the shell around every page.
//!
//! Each bundle of the site ([`crate::routes`]) mounts one [`Site`]: its data contexts and its
//! pages. Within a bundle links are followed in place ([`crate::nav`]); a link to another
//! bundle's route is a plain page load.

use crate::components::shell::{Footer, Header, SkipLink};
use crate::feeds::{
    load_air, load_air_here, load_config, load_forecast, AirLatest, ConfigResult, ForecastFeed,
    SiteConfig, WaterFeed,
};
use crate::nav::{provide_location, use_route, Routes};
use crate::pages;
use crate::prefs::Prefs;
use crate::routes::{BasePath, Bundle};
use leptos::prelude::*;
use std::time::Duration;

/// Context: the path the document was loaded at, before any navigation in place.
#[derive(Clone)]
struct LoadedAt(String);

/// One bundle of the site: which it is, the data its pages read and its routes.
#[derive(Clone, Copy)]
pub struct Site {
    bundle: Bundle,
    /// Provides the data contexts the bundle's pages read (see [`air_and_water`]); a function,
    /// not flags, so a bundle links only the loaders it names.
    feeds: fn(LocalResource<ConfigResult>),
    routes: fn(&str) -> Option<AnyView>,
}

/// Mounts a bundle's app in three tasks after the one that compiled and instantiated the wasm:
/// the contexts and the first requests, then the view, then the service worker's registration.
/// The first mount compiles the wasm functions it calls, on the main thread, so it is the
/// page's longest work; shorter tasks leave room for the reader's input between them (README
/// "Performance", "Short tasks").
pub fn mount(site: Site) {
    set_timeout(
        move || {
            // Started here, not by mount_to_body: the contexts' resources spawn their requests.
            let _ = any_spawner::Executor::init_wasm_bindgen();
            let owner = Owner::new();
            owner.with(|| start(site));
            set_timeout(
                move || {
                    owner.with(|| leptos::mount::mount_to_body(move || view! { <Frame site /> }));
                    // The contexts live as long as the page, as the mounted view's owner does.
                    std::mem::forget(owner);
                    set_timeout(crate::report_app::sw::register, Duration::ZERO);
                },
                Duration::ZERO,
            );
        },
        Duration::ZERO,
    );
}

/// A bundle's whole app in one go (the browser tests mount it; the site uses [`mount`]).
#[component]
pub fn App(site: Site) -> impl IntoView {
    start(site);
    crate::report_app::sw::register();
    view! { <Frame site /> }
}

/// The contexts every page of `site` reads, and the requests for config.json and the data.
fn start(site: Site) {
    crate::env::pin_base();
    let base = crate::env::base_path();
    crate::env::normalise_trailing_slash(&base);
    provide_context(site.bundle);
    let loaded_at = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    provide_context(LoadedAt(loaded_at));
    provide_context(BasePath(base));
    provide_location();
    provide_context(Prefs::init());
    let config = LocalResource::new(load_config);
    provide_context(SiteConfig(config));
    (site.feeds)(config);
    let alerts = crate::feeds::AlertsWatch::new();
    provide_context(alerts);
    leptos::task::spawn_local(async move {
        // Without config.json, its own message is shown once, by the config gate.
        if let Ok(cfg) = crate::feeds::config_once(config).await {
            alerts.run(cfg.clone(), cfg.widget.refresh_minutes).await;
        }
    });
}

/// The frame every bundle shares: header, footer and (away from the report bundle, the one that
/// sends) the sender of waiting reports, around the bundle's routes.
#[component]
fn Frame(site: Site) -> impl IntoView {
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
        <crate::components::alerts::AlertBanner watch=expect_context() />
        <Header />
        <main id="main" class="cc-main" tabindex="-1">
            <Routes view=site.routes fallback=elsewhere />
        </main>
        <Footer />
        {(site.bundle != Bundle::Report)
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

/// The forecast, for the pages that show it (home and /air). Owned here, with the page's
/// lifetime, like the data above: a page's own resource is disposed when a query change redraws
/// the page, while its loading view may still await it.
fn forecast(config: LocalResource<ConfigResult>) {
    provide_context(ForecastFeed(LocalResource::new(move || {
        load_forecast(config)
    })));
}

fn home_feeds(config: LocalResource<ConfigResult>) {
    air_and_water(config);
    forecast(config);
}

fn air_page_feeds(config: LocalResource<ConfigResult>) {
    air(config);
    forecast(config);
}

fn air_and_water(config: LocalResource<ConfigResult>) {
    air(config);
    water(config);
}

/// As [`air_and_water`], the air data read by the history bundle's own parsers.
fn history_feeds(config: LocalResource<ConfigResult>) {
    provide_context(AirLatest(LocalResource::new(move || {
        load_air_here(config, |c| c.air_latest.as_ref())
    })));
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
pub const MAIN: Site = Site {
    bundle: Bundle::Main,
    feeds: home_feeds,
    routes: |r| (r == "/").then(|| pages::home::HomePage().into_any()),
};

/// info.html: the statements and the widget builder, with the air data for the footer's source
/// and time, as on every page with air data.
pub const INFO: Site = Site {
    bundle: Bundle::Info,
    feeds: air,
    routes: info_routes,
};

/// air.html: the air page, its station views and charts.
pub const AIR: Site = Site {
    bundle: Bundle::Air,
    feeds: air_page_feeds,
    routes: |r| (r == "/air").then(|| pages::air::AirPage().into_any()),
};

/// history.html: the air page's 30-day and year charts, and the year's report card (with the
/// water results).
pub const HISTORY: Site = Site {
    bundle: Bundle::History,
    feeds: history_feeds,
    routes: |r| match r {
        "/air/history" => Some(pages::air_history::AirHistoryPage().into_any()),
        "/air/year" => Some(pages::air_year::AirYearPage().into_any()),
        _ => None,
    },
};

/// water.html: the water page and its section views.
pub const WATER: Site = Site {
    bundle: Bundle::Water,
    feeds: water,
    routes: |r| (r == "/water").then(|| pages::water::WaterPage().into_any()),
};

/// report.html: the report form.
pub const REPORT: Site = Site {
    bundle: Bundle::Report,
    feeds: |_| (),
    routes: |r| (r == "/report").then(|| pages::report::ReportPage().into_any()),
};

/// status.html: a report's status, and how reports are handled.
pub const STATUS: Site = Site {
    bundle: Bundle::Status,
    feeds: |_| (),
    routes: |r| match r {
        "/report/status" => Some(pages::report::ReportStatusPage().into_any()),
        "/report/stats" => Some(pages::report::ReportStatsPage().into_any()),
        _ => None,
    },
};
