//! The app root: shared contexts, the router and the shell around every page.

use crate::components::shell::{Footer, Header, SkipLink};
use crate::feeds::{load_air, load_config, AirLatest, SiteConfig, WaterFeed};
use crate::pages;
use crate::prefs::Prefs;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// Context: the deployment's base path (`""` or e.g. `"/sthjj/env"`), for building links.
#[derive(Clone)]
pub struct BasePath(pub String);

/// A link to a route of this site, under the deployment's base path.
pub fn href(path: &str) -> String {
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    crate::env::route(&base, path)
}

/// The whole site.
#[component]
pub fn App() -> impl IntoView {
    crate::env::pin_base();
    let base = crate::env::base_path();
    crate::env::normalise_trailing_slash(&base);
    provide_context(BasePath(base.clone()));
    provide_context(Prefs::init());
    let config = LocalResource::new(load_config);
    provide_context(SiteConfig(config));
    // The first screen's data, shared by the home page, the air page and the footer.
    provide_context(AirLatest(LocalResource::new(move || {
        load_air(config, |c| c.air_latest.as_ref())
    })));
    provide_context(WaterFeed::new(config));

    view! {
        <Router base=base>
            <SkipLink />
            <Header />
            <main id="main" class="cc-main" tabindex="-1">
                <Routes fallback=pages::not_found::NotFoundPage>
                    <Route path=path!("/") view=pages::home::HomePage />
                    <Route path=path!("/air") view=pages::air::AirPage />
                    <Route path=path!("/water") view=pages::water::WaterPage />
                    <Route path=path!("/report") view=pages::report::ReportPage />
                    <Route path=path!("/report/status") view=pages::report::ReportStatusPage />
                    <Route path=path!("/embed") view=pages::embed::EmbedPage />
                    <Route path=path!("/notes") view=pages::info::NotesPage />
                    <Route path=path!("/privacy") view=pages::info::PrivacyPage />
                    <Route path=path!("/accessibility") view=pages::info::AccessibilityPage />
                </Routes>
            </main>
            <Footer />
            <crate::report_app::background::BackgroundOutbox />
        </Router>
    }
}
