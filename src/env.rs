//! Facts about the page the app runs in: its base path and the current time.

use cc_core::time::Hour;

/// The path the site is deployed under, without a trailing slash: `""` at a domain's root,
/// `"/sthjj/env"` under a sub-path. Read from `document.baseURI`, which the built HTML sets with
/// a relative `<base href>` so one build works at any depth (see `tools/finalize-dist.mjs`).
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|u| u.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// The absolute URL of a file that sits beside index.html, e.g. `config.json`.
pub fn site_file_url(name: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    cc_core::url::resolve(&base, name)
}

/// Makes the page's `<base href>` absolute. The built HTML carries a relative one (`../`) so
/// one build works at any depth, but browsers re-resolve a relative base whenever the address
/// changes (every in-app navigation), which would move every relative URL. Called once at start,
/// before the first navigation.
pub fn pin_base() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(uri) = doc.base_uri().ok().flatten() else {
        return;
    };
    let Ok(Some(base)) = doc.query_selector("base") else {
        return;
    };
    if let Ok(url) = web_sys::Url::new(&uri) {
        let _ = base.set_attribute("href", &url.pathname());
    }
}

/// A link to a route of the site (`"/air"` → `"/sthjj/env/air"`): absolute, so it means the
/// same on every route, and every internal link goes through here.
pub fn route(base: &str, path: &str) -> String {
    if path == "/" {
        format!("{base}/")
    } else {
        format!("{base}{path}")
    }
}

/// Drops a trailing slash from the address (`/air/` → `/air`) without a reload, so the routes
/// matches deep links that static servers redirect to the directory form.
pub fn normalise_trailing_slash(base: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let Ok(path) = location.pathname() else {
        return;
    };
    if path.len() > 1 && path.ends_with('/') && path.trim_end_matches('/') != base {
        let search = location.search().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        let target = format!("{}{search}{hash}", path.trim_end_matches('/'));
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target));
        }
    }
}

/// Lets the browser paint and handle input before the next piece of work: a data load's fetch,
/// parse and display each run as their own task rather than one long one that blocks the page
/// (Lighthouse's Total Blocking Time counts every task's time beyond 50 ms).
pub async fn yield_to_browser() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// The current minute in Beijing time, from the browser clock.
pub fn now_minute() -> cc_core::time::Minute {
    cc_core::time::Minute::from_unix_millis(js_sys::Date::now() as i64)
}

/// The current hour in Beijing time, from the browser clock.
pub fn now_hour() -> Hour {
    Hour::from_unix_millis(js_sys::Date::now() as i64)
}
