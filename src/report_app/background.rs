//! Sends queued reports from any page of the site, not only from the report page: a report
//! queued offline goes out on the next visit wherever the reader lands.
//!
//! The runner only starts when the outbox holds unsent items or receipt tokens still to be
//! looked up (an idle site polls nothing), and never on the report pages, which run their own
//! runner with the page's view of the outbox.
//! Two runners could not double a report anyway: sending happens under the Web Lock
//! `cc-outbox`, and the receiver deduplicates on the idempotency key.

use super::{outbox::Outbox, settings, store};
use crate::feeds::SiteConfig;
use cc_core::report::{Open311Client, OutboxState};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Registers the service worker and, away from the report pages, sends what is queued.
#[component]
pub fn BackgroundOutbox() -> impl IntoView {
    super::sw::register();
    let config = expect_context::<SiteConfig>().0;
    let location = use_location();
    let away = move || !location.pathname.get().contains("/report");
    // The endpoint, when the outbox holds something unsent.
    let pending = LocalResource::new(move || async move {
        let config = crate::feeds::config_once(config).await.ok()?;
        let report = config.report.clone()?;
        let items = store::load_outbox().await.ok()?;
        items
            .iter()
            .any(|i| {
                !matches!(
                    i.state,
                    OutboxState::Sent {
                        is_token: false,
                        ..
                    }
                )
            })
            .then_some(report)
    });
    let run = move || {
        if let Some(Some(report)) = pending.get() {
            let client = Open311Client::from_config(&report, settings::device_id());
            let _ = Outbox::start(client, report.multipart_media);
        }
    };
    view! { <Show when=away>{run}</Show> }
}
