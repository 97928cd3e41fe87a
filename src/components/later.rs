//! A long page built in turns: what lies below its first screen is built one browser turn after
//! the rest, so that building, styling and laying out the page are two tasks instead of one long
//! one that blocks input (README "Performance", short tasks).

use leptos::prelude::*;

/// What `render` builds, one browser turn after the view around it (`env::yield_to_browser`).
/// Nothing stands in for it meanwhile: it must lie below the first screen, where its arrival
/// moves nothing the reader sees.
pub fn later<V: IntoView + 'static>(
    render: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let (ready, set_ready) = signal(false);
    leptos::task::spawn_local(async move {
        crate::env::yield_to_browser().await;
        // The view may be gone by then (the reader navigated): nothing to show it in.
        let _ = set_ready.try_set(true);
    });
    move || ready.get().then(&render)
}
