//! The outbox runner: the one place that sends reports.
//!
//! Submitting writes an [`OutboxItem`] to IndexedDB first and only then tries to send, so a
//! report survives being offline, a crash or a closed tab. The runner wakes every few hundred
//! milliseconds (and at once on the `online` event), and sends whatever is due under the Web
//! Lock `cc-outbox`, so two tabs never send the same item at the same time; the idempotency key
//! makes the receiver answer a repeat with the case it already has, so even a send whose answer
//! was lost is never doubled. A batch endpoint answers with a receipt token instead of a
//! case number: the runner then looks the token up (`tokens/{token}.json`), at once and again
//! with backoff until the endpoint has assigned the number. All state changes are the domain's
//! (`cc_core::report::outbox`); the service worker never sends anything.

use super::{settings, store, transport};
use cc_core::report::{Open311Client, OutboxItem, OutboxState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How often the runner looks for due items.
const TICK_MS: u32 = 250;

/// The outbox as the page sees it; the runner keeps it in step with IndexedDB.
#[derive(Clone, Copy)]
pub struct Outbox {
    /// Every item, newest first.
    pub items: RwSignal<Vec<OutboxItem>>,
    /// `(n, total)` while a pass is sending, for "正在发送 1/2".
    pub progress: RwSignal<Option<(usize, usize)>>,
}

impl Outbox {
    /// Starts the runner for the lifetime of the calling owner.
    pub fn start(client: Open311Client, multipart: bool) -> Self {
        let outbox = Outbox {
            items: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
        };
        let alive = Rc::new(Cell::new(true));
        let wake = Rc::new(Cell::new(false));
        let online = {
            let wake = wake.clone();
            Closure::<dyn Fn()>::new(move || wake.set(true))
        };
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
            // The service worker's Background Sync wake-up (see public/sw.js).
            if js_sys::Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false) {
                let _ = w
                    .navigator()
                    .service_worker()
                    .add_event_listener_with_callback("message", online.as_ref().unchecked_ref());
            }
        }
        let cleanup = send_wrapper::SendWrapper::new((alive.clone(), online));
        on_cleanup(move || {
            let (alive, online) = cleanup.take();
            alive.set(false);
            // Both listeners go before the closure is dropped, or a late event would call it.
            if let Some(w) = web_sys::window() {
                let _ = w
                    .remove_event_listener_with_callback("online", online.as_ref().unchecked_ref());
                if js_sys::Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false) {
                    let _ = w
                        .navigator()
                        .service_worker()
                        .remove_event_listener_with_callback(
                            "message",
                            online.as_ref().unchecked_ref(),
                        );
                }
            }
        });
        spawn_local(async move {
            let mut forgotten = HashSet::new();
            while alive.get() {
                let woken = wake.replace(false);
                pass(&client, multipart, outbox, woken, &mut forgotten).await;
                gloo_timers::future::TimeoutFuture::new(TICK_MS).await;
            }
        });
        outbox
    }

    /// Writes `item` to IndexedDB, then shows it; the next tick sends it.
    pub async fn enqueue(&self, item: OutboxItem) -> Result<(), super::idb::IdbError> {
        store::save_outbox_item(&item).await?;
        if !online() {
            super::sw::request_sync();
        }
        self.items.update(|items| {
            items.retain(|i| i.draft_id != item.draft_id);
            items.insert(0, item);
        });
        Ok(())
    }
}

fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Whether the outbox holds `draft_id` as sent (a final state).
pub fn is_sent(items: &[OutboxItem], draft_id: &str) -> bool {
    items
        .iter()
        .any(|i| i.draft_id == draft_id && matches!(i.state, OutboxState::Sent { .. }))
}

/// Deletes the drafts (contact details, photos) of sent reports: the receiver has the report
/// and the outbox keeps its reference, so nothing personal needs to stay on the device. Each
/// tab does this once per sent item it sees (`forgotten`), and every page load starts afresh, so
/// a draft that another tab's open form saved again around the send is caught too.
async fn forget_sent_drafts(items: &[OutboxItem], forgotten: &mut HashSet<String>) {
    for item in items {
        if matches!(item.state, OutboxState::Sent { .. }) && !forgotten.contains(&item.draft_id) {
            if let Ok(Some(draft)) = store::load_draft(&item.draft_id).await {
                if store::delete_draft(&draft).await.is_err() {
                    continue; // tried again on the next pass
                }
            }
            forgotten.insert(item.draft_id.clone());
        }
    }
}

/// Loads the items, forgets the drafts of sent ones, and sends the due ones while holding the
/// outbox lock.
async fn pass(
    client: &Open311Client,
    multipart: bool,
    outbox: Outbox,
    woken: bool,
    forgotten: &mut HashSet<String>,
) {
    let Ok(items) = store::load_outbox().await else {
        return;
    };
    super::waiting::reflect(&items);
    forget_sent_drafts(&items, forgotten).await;
    let now = store::now_ms();
    // The page may have been left during an await: its signals are gone, and so is the runner's
    // reason to show anything (try_*: no panic on a disposed signal).
    if outbox.items.try_with_untracked(|old| *old != items) == Some(true) {
        outbox.items.try_set(items.clone());
    }
    // Coming back online is a reason to try at once rather than wait out the backoff.
    let due: Vec<String> = items
        .iter()
        .filter(|i| {
            i.is_due(now)
                || i.token_lookup_due(now)
                || i.state == OutboxState::Sending
                || (woken && i.state == OutboxState::Queued)
        })
        .map(|i| i.draft_id.clone())
        .collect();
    if due.is_empty() || !online() {
        return;
    }
    let client = client.clone();
    with_lock(async move {
        let total = due.len();
        for (n, id) in due.into_iter().enumerate() {
            outbox.progress.try_set(Some((n + 1, total)));
            send_one(&client, multipart, outbox, &id, woken).await;
        }
        outbox.progress.try_set(None);
    })
    .await;
}

async fn send_one(client: &Open311Client, multipart: bool, outbox: Outbox, id: &str, woken: bool) {
    // Re-read under the lock: another tab may have sent it since this tab looked.
    let Ok(Some(mut item)) = store::load_outbox_item(id).await else {
        return;
    };
    let now = store::now_ms();
    if item.token_lookup_due(now) {
        look_up_token(client, &mut item).await;
        let _ = store::save_outbox_item(&item).await;
        show(outbox, &item);
        return;
    }
    // Holding the lock, a `Sending` item is one whose tab died mid-send.
    item.recover(now);
    if woken {
        item.retry_now(now);
    }
    if !item.is_due(now) || !item.begin_send() {
        show(outbox, &item);
        return;
    }
    if store::save_outbox_item(&item).await.is_err() {
        return;
    }
    show(outbox, &item);
    let Ok(Some(draft)) = store::load_draft(id).await else {
        let failed = OutboxItem {
            state: OutboxState::Failed {
                message: "草稿已丢失 / the draft is missing".into(),
                editable: false,
            },
            ..item
        };
        let _ = store::save_outbox_item(&failed).await;
        show(outbox, &failed);
        return;
    };
    let mut photos = Vec::new();
    for pid in &draft.photo_ids {
        if let Ok(Some(blob)) = store::load_photo(pid).await {
            photos.push(blob);
        }
    }
    let policy = settings::retry_policy();
    let outcome = transport::post_report(
        client,
        &draft,
        &photos,
        multipart,
        policy.request_timeout_ms,
    )
    .await;
    let mut next = item.apply(outcome, store::now_ms(), js_sys::Math::random(), &policy);
    if next.token_lookup_due(store::now_ms()) {
        look_up_token(client, &mut next).await;
    }
    let _ = store::save_outbox_item(&next).await;
    show(outbox, &next);
}

/// One `GET tokens/{token}.json`: the case number if the endpoint has assigned it, otherwise
/// the next lookup is scheduled with backoff.
async fn look_up_token(client: &Open311Client, item: &mut OutboxItem) {
    let OutboxState::Sent { reference, .. } = &item.state else {
        return;
    };
    match transport::resolve_token(client, reference).await {
        Some(id) => item.resolve_token(&id),
        None => item.token_not_resolved(
            store::now_ms(),
            js_sys::Math::random(),
            &settings::retry_policy(),
        ),
    }
}

fn show(outbox: Outbox, item: &OutboxItem) {
    outbox.items.try_update(|items| {
        if let Some(slot) = items.iter_mut().find(|i| i.draft_id == item.draft_id) {
            *slot = item.clone();
        } else {
            items.insert(0, item.clone());
        }
    });
}

/// Runs `work` holding the Web Lock `cc-outbox` if this tab can take it now; skips it when
/// another tab holds the lock (that tab is sending). Without Web Locks it just runs.
async fn with_lock(work: impl std::future::Future<Output = ()> + 'static) {
    let locks = web_sys::window()
        .map(|w| {
            js_sys::Reflect::get(&w.navigator(), &"locks".into()).unwrap_or(JsValue::UNDEFINED)
        })
        .filter(|l| !l.is_undefined() && !l.is_null());
    let Some(locks) = locks else {
        work.await;
        return;
    };
    let request = js_sys::Reflect::get(&locks, &"request".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(request) = request else {
        work.await;
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    let work = Rc::new(std::cell::RefCell::new(Some(work)));
    let callback = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |lock: JsValue| {
        let job = work.borrow_mut().take();
        wasm_bindgen_futures::future_to_promise(async move {
            // `null` means another tab holds the lock.
            if let (false, Some(job)) = (lock.is_null(), job) {
                job.await;
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    let promise = request
        .call3(
            &locks,
            &"cc-outbox".into(),
            &options,
            callback.as_ref().unchecked_ref(),
        )
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(p) = promise {
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    }
    drop(callback);
}
