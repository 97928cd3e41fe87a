//! A long page built in turns: on the page's first build, what lies below its first screen is
//! built one browser turn after the rest, so that building, styling and laying out the page are
//! two tasks instead of one long one that blocks input (README "Performance", short tasks).

use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once the first deferred part is shown. Only the first view with such a part is split (the
/// document's first build, unless the reader arrived on a view without one); every view built
/// after it is built whole in its task, so that after Back the page is as tall as the reader left
/// it when the browser restores their place in it (which it does right after `popstate`, before
/// any timer). Back only returns to views this document has built, and by then this is set.
static DEFERRED_SHOWN: AtomicBool = AtomicBool::new(false);

/// What `render` builds: one browser turn after the view around it (`env::yield_to_browser`)
/// until a deferred part has been shown once, at once after that. Nothing stands in for it
/// meanwhile: it must lie below the first screen, where its arrival moves nothing the reader sees.
pub fn later<V: IntoView + 'static>(
    render: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let (ready, set_ready) = signal(DEFERRED_SHOWN.load(Ordering::Relaxed));
    if !ready.get_untracked() {
        leptos::task::spawn_local(async move {
            crate::env::yield_to_browser().await;
            DEFERRED_SHOWN.store(true, Ordering::Relaxed);
            // The view may be gone by then (the reader navigated): nothing to show it in.
            let _ = set_ready.try_set(true);
        });
    }
    move || ready.get().then(&render)
}
