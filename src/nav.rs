//! Navigation within a bundle: the address as signals, links followed in place, the bundle's
//! routes matched against the address.
//!
//! Each bundle serves one to four fixed paths ([`Bundle::of`]); most navigation in place only
//! changes the query (`?station=…`, `?section=…`). That is all the site used of leptos_router,
//! whose general machinery (nested routes, params, transitions, its `<A>`) cost each bundle far
//! more wasm than this module (README "Performance").
//!
//! The rules are leptos_router's: a left click without modifier keys on a link without `target`,
//! `download` or `rel="external"` is followed in place when it stays on this origin, under the
//! base path and in this bundle; the view scrolls to the top (or to the link's fragment); Back and
//! Forward restore the address. A link to another bundle's route is left to the browser, a load
//! of that bundle's page.

use crate::routes::{href, BasePath, Bundle};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlAnchorElement, MouseEvent};

/// Context: the document's address. Only [`provide_location`]'s listeners write it.
#[derive(Clone, Copy)]
pub struct Location {
    /// The route: the path below the base path, `"/"` at the base itself.
    route: Memo<String>,
    /// The query, `"?…"` or `""`.
    search: ReadSignal<String>,
}

/// The route of a document path under a deployment's base path (`""` or `"/sthjj/env"`), or
/// `None` when the path is not under it.
pub fn route_of<'a>(path: &'a str, base: &str) -> Option<&'a str> {
    let below = path.strip_prefix(base)?;
    match below {
        "" => Some("/"),
        _ if below.starts_with('/') => Some(below),
        _ => None,
    }
}

/// Whether `current` is `route`, or (unless `exact`) a route below it: what marks a navigation
/// link `aria-current="page"`.
pub fn is_current(current: &str, route: &str, exact: bool) -> bool {
    current == route
        || (!exact
            && route != "/"
            && current
                .strip_prefix(route)
                .is_some_and(|below| below.starts_with('/')))
}

fn window_address() -> (String, String) {
    let location = window().location();
    (
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
    )
}

/// Reads the address, provides [`Location`] and follows this bundle's links in place. Call once,
/// in the shell, after the contexts [`BasePath`] and [`Bundle`].
pub fn provide_location() {
    let base = expect_context::<BasePath>().0;
    let bundle = expect_context::<Bundle>();
    let (path, write_path) = signal(String::new());
    let (search, write_search) = signal(String::new());
    let read_address = move || {
        let (p, s) = window_address();
        write_path.set(p);
        write_search.set(s);
    };
    read_address();
    let route_base = base.clone();
    let route =
        Memo::new(move |_| path.with(|p| route_of(p, &route_base).unwrap_or(p).to_string()));
    provide_context(Location { route, search });

    // Both listeners last as long as the page: the shell is never unmounted.
    let _ = window_event_listener(ev::popstate, move |_| read_address());
    let _ = window_event_listener(ev::click, move |ev| {
        let Some(to) = in_place_target(&ev, &base, bundle) else {
            return;
        };
        ev.prevent_default();
        let history = window().history();
        let same = window().location().href().is_ok_and(|here| here == to);
        let _ = history.and_then(|h| {
            if same {
                h.replace_state_with_url(&JsValue::NULL, "", Some(&to))
            } else {
                h.push_state_with_url(&JsValue::NULL, "", Some(&to))
            }
        });
        read_address();
        scroll_to_fragment_or_top();
    });
}

/// Provides a [`Location`] fixed at `route`, for rendering on the build host
/// ([`crate::prerender`]), where there is no address to read.
pub fn provide_fixed_location(route: &str) {
    let route = route.to_string();
    provide_context(Location {
        route: Memo::new(move |_| route.clone()),
        search: signal(String::new()).0,
    });
}

/// The address to follow in place for a click, or `None` to leave the click to the browser.
fn in_place_target(ev: &MouseEvent, base: &str, bundle: Bundle) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    let link = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into::<HtmlAnchorElement>()
        .ok()?;
    let external = link
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if !link.target().is_empty() || link.has_attribute("download") || external {
        return None;
    }
    let url = web_sys::Url::new(&link.href()).ok()?;
    let here = window().location();
    if url.origin() != here.origin().ok()? {
        return None;
    }
    let path = url.pathname();
    let route = route_of(&path, base)?;
    if Bundle::of(route) != bundle {
        return None;
    }
    // A fragment of this very address: the browser scrolls to it, as for any page.
    let same_document = here.pathname().ok()? == path && here.search().ok()? == url.search();
    if same_document && !url.hash().is_empty() {
        return None;
    }
    Some(url.href())
}

fn scroll_to_fragment_or_top() {
    let hash = window().location().hash().unwrap_or_default();
    let id = js_sys::decode_uri_component(hash.trim_start_matches('#'))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    match (!id.is_empty())
        .then(|| document().get_element_by_id(&id))
        .flatten()
    {
        Some(target) => target.scroll_into_view(),
        None => window().scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// The current route (`"/air"`), tracked.
pub fn use_route() -> Memo<String> {
    expect_context::<Location>().route
}

/// The query of the address, parsed as the browser does (`+` and `%XX` decoded).
#[derive(Clone, PartialEq)]
pub struct Query(String);

impl Query {
    /// The first value of `key`, if the query has it.
    pub fn get(&self, key: &str) -> Option<String> {
        web_sys::UrlSearchParams::new_with_str(&self.0)
            .ok()?
            .get(key)
    }
}

/// The query of the address, tracked.
pub fn use_query_map() -> Memo<Query> {
    let search = expect_context::<Location>().search;
    Memo::new(move |_| Query(search.get()))
}

/// The bundle's routes: `view` gives the page of a route, or `None` for the 404 page (or the load
/// of another bundle's page, see `crate::app`). A change of query alone keeps the page.
#[component]
pub fn Routes(view: fn(&str) -> Option<AnyView>, fallback: fn() -> AnyView) -> impl IntoView {
    let route = use_route();
    move || {
        let route = route.get();
        untrack(|| view(&route).unwrap_or_else(fallback))
    }
}

/// A link to a route of the site, `aria-current="page"` while that route (or, unless `exact`, a
/// route below it) is shown.
#[component]
pub fn NavLink(
    route: &'static str,
    #[prop(optional)] exact: bool,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let current = use_route();
    let aria_current = move || {
        current
            .with(|c| is_current(c, route, exact))
            .then_some("page")
    };
    view! {
        <a href=href(route) class=(!class.is_empty()).then_some(class) aria-current=aria_current>
            {children()}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::{is_current, route_of};

    #[test]
    fn a_path_has_a_route_only_under_the_base() {
        assert_eq!(route_of("/air", ""), Some("/air"));
        assert_eq!(route_of("/", ""), Some("/"));
        assert_eq!(route_of("/sthjj/env/air", "/sthjj/env"), Some("/air"));
        assert_eq!(route_of("/sthjj/env/", "/sthjj/env"), Some("/"));
        assert_eq!(route_of("/sthjj/env", "/sthjj/env"), Some("/"));
        assert_eq!(route_of("/sthjj/environment", "/sthjj/env"), None);
        assert_eq!(route_of("/other/air", "/sthjj/env"), None);
    }

    #[test]
    fn a_section_link_is_current_on_its_routes_and_home_only_at_home() {
        assert!(is_current("/report/status", "/report", false));
        assert!(is_current("/report", "/report", false));
        assert!(!is_current("/reports", "/report", false));
        assert!(!is_current("/air", "/", false));
        assert!(is_current("/", "/", true));
        assert!(!is_current("/report/status", "/report", true));
    }
}
