//! Whether reports wait in the outbox, as a hint every page can read without opening IndexedDB
//! or linking the outbox: the localStorage key `cc.outbox.waiting`. Only the report bundle sends
//! (see [`super::outbox`]); another page that finds the hint set opens the report page, unseen,
//! in a frame ([`QueuedReportsSender`]), and its runner sends them.
//!
//! The hint is set before an item that needs the runner is written, and again after, so a
//! report in IndexedDB always has it; a runner's pass clears it when it finds no such item. At
//! worst it is left set for nothing (one needless frame) or cleared by a pass that raced a
//! second tab's submit, whose own runner then sends the report.

use crate::text::ui;
use cc_core::report::OutboxItem;
use leptos::prelude::*;

const KEY: &str = "cc.outbox.waiting";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Sets the hint (before and after writing an item that awaits the runner).
pub fn mark() {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, "1");
    }
}

/// Sets or clears the hint from the whole outbox, as a runner's pass just read it (writing
/// only a change: the runner passes after every change to the outbox).
pub fn reflect(items: &[OutboxItem]) {
    let waiting = items.iter().any(OutboxItem::awaits_runner);
    if waiting != marked() {
        match storage() {
            Some(s) if !waiting => {
                let _ = s.remove_item(KEY);
            }
            _ => mark(),
        }
    }
}

fn marked() -> bool {
    storage().is_some_and(|s| s.get_item(KEY).ok().flatten().is_some())
}

/// On a page of another bundle: the report page in a hidden frame while reports wait, so a
/// report queued offline goes out on the next visit wherever the reader lands.
#[component]
pub fn QueuedReportsSender() -> impl IntoView {
    let lang = crate::prefs::use_lang();
    marked().then(|| {
        view! {
            <iframe
                hidden
                tabindex="-1"
                src=crate::routes::href("report")
                title=move || ui(lang.get()).sender_frame_title
            ></iframe>
        }
    })
}
