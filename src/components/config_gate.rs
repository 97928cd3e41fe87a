//! Renders its children once config.json is loaded, or a clear message when it cannot be used.

use crate::components::notices::{ConfigError, Loading};
use crate::feeds::SiteConfig;
use crate::prefs::use_lang;
use cc_core::config::Config;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// Waits for the site configuration, then renders `children(config)`.
#[component]
pub fn WithConfig<F, V>(
    /// What to show with the loaded configuration.
    children: F,
) -> impl IntoView
where
    F: Fn(Arc<Config>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let config = expect_context::<SiteConfig>().0;
    let lang = use_lang();
    view! {
        <Suspense fallback=Loading>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match config.await {
                        Ok(cfg) => Either::Left(children(cfg)),
                        Err(e) => {
                            Either::Right(
                                view! { <ConfigError message=Signal::derive(move || e.message(lang.get())) /> },
                            )
                        }
                    }
                })
            }}
        </Suspense>
    }
}
