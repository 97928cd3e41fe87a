//! The site's addresses: its bundles, the one table of its routes, and links under the
//! deployment's base path. A leaf: app, nav, pages and the report machinery import it; it imports
//! none of them.
//!
//! The site ships as seven bundles, each its own wasm and Trunk entry (`<entry>.html`), so a
//! reader downloads only the code of the part they open. [`ROUTES`] says which bundle serves
//! which route; the build reads it as JSON (`cargo run --bin prerender`, see
//! `tools/finalize-dist.mjs` and the Makefile), and so do the e2e tests. Adding a route is one
//! line here plus its page in the bundle's `Site` (src/app.rs).

use leptos::prelude::*;

/// Context: the deployment's base path (`""` or e.g. `"/sthjj/env"`), for building links.
#[derive(Clone)]
pub struct BasePath(pub String);

/// The site's bundles; each serves the routes that [`ROUTES`] gives it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bundle {
    /// `/` and the 404 page.
    Main,
    /// `/air` with its charts.
    Air,
    /// `/air/history`, the 30-day and year charts, and `/air/year`, the year's report card: few
    /// readers load a year of data, so they stay out of the air page's bundle.
    History,
    /// `/water`.
    Water,
    /// `/report`, the form.
    Report,
    /// `/report/status`, a report's status looked up by its number, and `/report/stats`, how
    /// reports are handled: out of the form's bundle.
    Status,
    /// The statements and the widget builder, out of the home page's bundle.
    Info,
}

impl Bundle {
    /// Every bundle, the main one first (the build's order).
    pub const ALL: [Bundle; 7] = [
        Bundle::Main,
        Bundle::Air,
        Bundle::History,
        Bundle::Water,
        Bundle::Report,
        Bundle::Status,
        Bundle::Info,
    ];

    /// The bundle's Trunk entry: `<entry>.html` at the top of the repository and the page built
    /// from it. It loads the bin `src/bin/<entry>.rs` (`site.rs` for `index`).
    pub fn entry(self) -> &'static str {
        match self {
            Bundle::Main => "index",
            Bundle::Air => "air",
            Bundle::History => "history",
            Bundle::Water => "water",
            Bundle::Report => "report",
            Bundle::Status => "status",
            Bundle::Info => "info",
        }
    }

    /// The bundle that serves a route (a path below the base, e.g. `/air?station=1`): the one of
    /// the longest route in [`ROUTES`] that it is, or lies below; the main bundle (and its 404
    /// page) for anything else.
    pub fn of(route: &str) -> Bundle {
        let path = route.split(['?', '#']).next().unwrap_or("");
        let path = path.trim_end_matches('/');
        ROUTES
            .iter()
            .filter(|r| r.path != "/")
            .filter(|r| {
                path.strip_prefix(r.path)
                    .is_some_and(|below| below.is_empty() || below.starts_with('/'))
            })
            .max_by_key(|r| r.path.len())
            .map_or(Bundle::Main, |r| r.bundle)
    }
}

/// Which page a route shows: the key of its title (and of its static first screen) in the
/// build's JSON (src/prerender.rs); the pages name their own title texts, so that a bundle links
/// only the text tables it uses.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Page {
    Home,
    Air,
    AirHistory,
    AirYear,
    Water,
    Report,
    ReportStatus,
    ReportStats,
    Embed,
    Notes,
    Privacy,
    Accessibility,
}

/// One route of the site.
#[derive(Clone, Copy, Debug)]
pub struct Route {
    /// The path below the base path.
    pub path: &'static str,
    pub bundle: Bundle,
    pub page: Page,
}

/// Every route of the site with a page of its own. The first route of each bundle is the one its
/// own `<entry>.html` stands for; the build copies that page to every route of the bundle.
pub const ROUTES: [Route; 12] = [
    route("/", Bundle::Main, Page::Home),
    route("/air", Bundle::Air, Page::Air),
    route("/air/history", Bundle::History, Page::AirHistory),
    route("/air/year", Bundle::History, Page::AirYear),
    route("/water", Bundle::Water, Page::Water),
    route("/report", Bundle::Report, Page::Report),
    route("/report/status", Bundle::Status, Page::ReportStatus),
    route("/report/stats", Bundle::Status, Page::ReportStats),
    route("/notes", Bundle::Info, Page::Notes),
    route("/privacy", Bundle::Info, Page::Privacy),
    route("/accessibility", Bundle::Info, Page::Accessibility),
    route("/embed", Bundle::Info, Page::Embed),
];

const fn route(path: &'static str, bundle: Bundle, page: Page) -> Route {
    Route { path, bundle, page }
}

/// A link to a route of this site, under the deployment's base path.
pub fn href(path: &str) -> String {
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    crate::env::route(&base, path)
}

#[cfg(test)]
mod tests {
    use super::{Bundle, ROUTES};

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
        assert_eq!(Bundle::of("/air/history#year"), Bundle::History);
        assert_eq!(Bundle::of("/air/year?year=2021"), Bundle::History);
        assert_eq!(Bundle::of("/air/historyx"), Bundle::Air);
        assert_eq!(Bundle::of("/water?section=x"), Bundle::Water);
        assert_eq!(Bundle::of("/report"), Bundle::Report);
        assert_eq!(Bundle::of("/report/status?id=1"), Bundle::Status);
        assert_eq!(Bundle::of("/report/status"), Bundle::Status);
        assert_eq!(Bundle::of("/report/stats"), Bundle::Status);
        assert_eq!(Bundle::of("/airport"), Bundle::Main);
        assert_eq!(Bundle::of("/nowhere"), Bundle::Main);
        assert_eq!(Bundle::of(""), Bundle::Main);
    }

    #[test]
    fn every_bundle_has_a_route_and_every_route_is_its_own_bundles() {
        for bundle in Bundle::ALL {
            assert!(ROUTES.iter().any(|r| r.bundle == bundle), "{bundle:?}");
        }
        for route in ROUTES {
            assert_eq!(Bundle::of(route.path), route.bundle, "{}", route.path);
        }
    }
}
