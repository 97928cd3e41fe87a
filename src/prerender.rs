//! The first screen of each route as static HTML (Chinese, normal theme), which
//! `tools/finalize-dist.mjs` writes into the built pages: the header, the page's heading and its
//! introduction show while the wasm bundle downloads, instead of a blank page.
//!
//! It copies what the app draws first, element for element, so that nothing moves when the app
//! replaces it (`app::Frame` removes `#cc-prerender` as it mounts): `e2e/tests/shell.spec.ts` checks
//! that nothing shifts and that the texts agree. Its links work without the app (the language
//! and 关怀版 switches are links to `?lang=en` and `?theme=care`, which the app reads on load);
//! `public/first-paint.js` hides it for a reader who chose English.
//! `cargo run --bin prerender` prints every route's HTML as JSON for the build.

use crate::pages::report::text::rt;
use crate::text::{air_ui, ui, water_ui, Ui};
use cc_core::i18n::Lang;

/// Every route of the site with a page of its own, and `404` for the not-found page.
pub const ROUTES: [&str; 11] = [
    "/",
    "/air",
    "/air/history",
    "/water",
    "/report",
    "/report/status",
    "/embed",
    "/notes",
    "/privacy",
    "/accessibility",
    "404",
];

/// The static first screen of `route` (one of [`ROUTES`]).
pub fn first_screen(route: &str) -> String {
    let t = ui(Lang::Zh);
    let air_t = air_ui(Lang::Zh);
    let water_t = water_ui(Lang::Zh);
    let loading = format!(
        r#"<p class="cc-notice cc-notice--loading" role="status">{}</p>"#,
        esc(t.loading)
    );
    let article = |class: &str, title: &str, lead: &str, rest: &str| {
        format!(
            r#"<article class="cc-page {class}"><h1 class="cc-page__title" tabindex="-1">{}</h1><p class="cc-lead">{}</p>{rest}</article>"#,
            esc(title),
            esc(lead)
        )
    };
    let main = match route {
        "/" => article("cc-home", t.home_title, t.home_intro, ""),
        "/air" => article("cc-air", air_t.air_title, air_t.air_intro, &loading),
        "/water" => article(
            "cc-water",
            water_t.water_title,
            water_t.water_intro,
            &loading,
        ),
        "/report" => {
            let config = format!("<p>{}</p>", esc(t.loading_config));
            article("cc-report", t.report_title, rt(Lang::Zh).intro, &config)
        }
        // The other pages' first screen is small and below the header; the app draws it.
        _ => String::new(),
    };
    format!(
        r##"<div id="cc-prerender" class="cc-prerender"><a class="cc-skip" href="#main">{}</a>{}<main class="cc-main" id="main" tabindex="-1">{main}</main></div>"##,
        esc(t.skip_to_content),
        header(t, route)
    )
}

/// The app's `Header`, with links for its buttons. `aria-current` marks the route's section, as
/// the app's links do ([`crate::nav::NavLink`]).
fn header(t: &Ui, route: &str) -> String {
    let current = |section: &str| {
        let here = route == section
            || (section != "/"
                && route
                    .strip_prefix(section)
                    .is_some_and(|r| r.starts_with('/')));
        if here {
            r#" aria-current="page""#
        } else {
            ""
        }
    };
    // Relative to the page's <base href>, so they work at any deployment path.
    let link = |section: &str, text: &str| {
        let href = if section == "/" { "./" } else { &section[1..] };
        format!(
            r#"<li><a href="{href}"{} class="cc-nav__link">{}</a></li>"#,
            current(section),
            esc(text)
        )
    };
    // This page again, with the preference in its query (404: the home page; its address varies).
    let here = match route {
        "/" | "404" => "./",
        _ => &route[1..],
    };
    format!(
        concat!(
            r#"<header class="cc-header"><div class="cc-header__bar">"#,
            r#"<a href="./"{} class="cc-header__name"><span class="cc-header__logo" aria-hidden="true"></span>{}</a>"#,
            r#"<div class="cc-header__switches">"#,
            r#"<a class="cc-switch" href="{}?lang=en" lang="en" aria-label="{}">{}</a>"#,
            r#"<a class="cc-switch" href="{}?theme=care" title="{}">{}</a>"#,
            r#"</div></div><nav class="cc-nav" aria-label="{}"><ul class="cc-nav__list">{}{}{}{}</ul></nav></header>"#
        ),
        current("/"),
        esc(t.site_name),
        here,
        esc(t.switch_language_label),
        esc(t.switch_language),
        here,
        esc(t.care_mode_label),
        esc(t.care_mode),
        esc(t.nav_label),
        link("/", t.nav_home),
        link("/air", t.nav_air),
        link("/water", t.nav_water),
        link("/report", t.nav_report),
    )
}

/// Text as HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_route_has_the_header_and_its_own_heading() {
        for route in ROUTES {
            let html = first_screen(route);
            assert!(html.starts_with(r#"<div id="cc-prerender""#), "{route}");
            assert!(html.contains("绿色长春 · 环境信息"), "{route}");
        }
        let home = first_screen("/");
        assert!(home.contains(r#"<h1 class="cc-page__title" tabindex="-1">长春市环境信息</h1>"#));
        // The site name and 首页 both mark the home page, as the app's links do.
        assert_eq!(home.matches("aria-current").count(), 2);
        let status = first_screen("/report/status");
        assert!(status.contains(r#"<a href="report" aria-current="page" class="cc-nav__link">"#));
        assert!(status.contains(r#"<main class="cc-main" id="main" tabindex="-1"></main>"#));
        assert!(first_screen("/air").contains(air_ui(Lang::Zh).air_intro));
        assert!(!first_screen("404").contains("aria-current"));
        assert!(!first_screen("/airport").contains("aria-current"));
        // The switches reload this page with the preference (relative to its <base href>).
        assert!(status.contains(r#"href="report/status?lang=en""#));
        assert!(home.contains(r#"href="./?theme=care""#));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc(r#"<b a="1">&"#), "&lt;b a=&quot;1&quot;&gt;&amp;");
    }
}
