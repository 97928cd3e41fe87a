//! The outbox runner: the one place that sends reports.
//!
//! Submitting writes an [`OutboxItem`] to IndexedDB first and only then tries to send, so a
//! report survives being offline, a crash or a closed tab. The runner sleeps until its next item
//! is due ([`OutboxItem::next_wake`]), or until it is woken: by the `online` event, by the
//! service worker's Background Sync message, and by [`changed`] from any tab (a report queued,
//! retried or sent). It sends whatever is due under the Web Lock `cc-outbox`, so two tabs never
//! send the same item at the same time; the idempotency key makes the receiver answer a repeat
//! with the case it already has, so even a send whose answer was lost is never doubled. A batch
//! endpoint answers with a receipt token instead of a case number: the runner then looks the
//! token up (`tokens/{token}.json`), at once and again with backoff until the endpoint has
//! assigned the number. All state changes are the domain's (`cc_core::report::outbox`); the
//! service worker never sends anything.

use super::{store, transport};
use crate::browser;
use cc_core::report::{Open311Client, OutboxItem, OutboxState, RetryPolicy};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Poll, Waker};

/// The BroadcastChannel on which tabs say the outbox changed.
const CHANNEL: &str = "cc-outbox";
/// The longest timer the browser keeps (`setTimeout` takes a signed 32-bit delay).
const MAX_SLEEP_MS: i64 = i32::MAX as i64;

/// The outbox as the page sees it; the runner keeps it in step with IndexedDB.
#[derive(Clone, Copy)]
pub struct Outbox {
    /// Every item, newest first.
    pub items: RwSignal<Vec<OutboxItem>>,
    /// `(n, total)` while a pass is sending, for "正在发送 1/2".
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// The retry timings (config.json's `report.retry`).
    policy: RetryPolicy,
}

/// What ends the runner's sleep early.
#[derive(Default)]
struct Alarm {
    rung: Cell<bool>,
    /// Rung by coming back online: a reason to try at once rather than wait out the backoff.
    online: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl Alarm {
    fn ring(&self, online: bool) {
        self.rung.set(true);
        if online {
            self.online.set(true);
        }
        if let Some(w) = self.waker.take() {
            w.wake();
        }
    }

    /// Sleeps until `until_ms` (forever when `None`) or until rung; a ring while the runner was
    /// busy ends the next sleep at once, so none is lost.
    async fn sleep(&self, until_ms: Option<i64>) {
        let mut timer = until_ms.map(|at| {
            let ms = (at - store::now_ms()).clamp(0, MAX_SLEEP_MS);
            gloo_timers::future::TimeoutFuture::new(u32::try_from(ms).unwrap_or(u32::MAX))
        });
        std::future::poll_fn(|cx| {
            if self.rung.replace(false) {
                return Poll::Ready(());
            }
            if let Some(t) = timer.as_mut() {
                if Pin::new(t).poll(cx).is_ready() {
                    return Poll::Ready(());
                }
            }
            *self.waker.borrow_mut() = Some(cx.waker().clone());
            Poll::Pending
        })
        .await;
    }
}

impl Outbox {
    /// Starts the runner for the lifetime of the calling owner.
    pub fn start(client: Open311Client, multipart: bool, policy: RetryPolicy) -> Self {
        let outbox = Outbox {
            items: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
            policy,
        };
        let alive = Rc::new(Cell::new(true));
        let alarm = Rc::new(Alarm::default());
        if let Some(w) = web_sys::window() {
            let a = alarm.clone();
            browser::use_event_listener(&w, "online", move |_| a.ring(true));
        }
        // The service worker's Background Sync wake-up (see public/sw.js).
        if let Some(sw) = browser::service_worker() {
            let a = alarm.clone();
            browser::use_event_listener(&sw, "message", move |_| a.ring(true));
        }
        {
            let a = alarm.clone();
            browser::use_broadcast_listener(CHANNEL, move || a.ring(false));
        }
        let ended = send_wrapper::SendWrapper::new((alive.clone(), alarm.clone()));
        on_cleanup(move || {
            let (alive, alarm) = ended.take();
            alive.set(false);
            alarm.ring(false);
        });
        spawn_local(async move {
            let mut forgotten = HashSet::new();
            let mut again_at_once = false;
            while alive.get() {
                let online = alarm.online.replace(false);
                let mut until = pass(&client, multipart, outbox, online, &mut forgotten).await;
                // Work left due right after a pass that sent (storage failing under it) waits
                // the backoff's first delay rather than spin.
                let now = store::now_ms();
                if again_at_once && until.is_some_and(|at| at <= now) {
                    let delay = policy.base_delay_ms;
                    until = Some(now.saturating_add(millis(delay)));
                }
                again_at_once = until.is_some_and(|at| at <= now);
                alarm.sleep(until).await;
            }
        });
        outbox
    }

    /// Shows `item`, just stored by [`store::queue_report`], and wakes the runners to send it.
    pub fn queued(&self, item: OutboxItem) {
        if !online() {
            super::sw::request_sync();
        }
        self.items.update(|items| {
            items.retain(|i| i.draft_id != item.draft_id);
            items.insert(0, item);
        });
        changed();
    }
}

/// Tells every runner, in every tab and in this one, that the stored outbox changed.
pub fn changed() {
    browser::broadcast(CHANNEL, "changed");
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
/// outbox lock. Returns when to look again (`None`: only when woken).
async fn pass(
    client: &Open311Client,
    multipart: bool,
    outbox: Outbox,
    woken: bool,
    forgotten: &mut HashSet<String>,
) -> Option<i64> {
    let policy = outbox.policy;
    let Ok(items) = store::load_outbox().await else {
        // Storage refused: tried again after the backoff's first delay.
        return Some(store::now_ms().saturating_add(millis(policy.base_delay_ms)));
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
    if !online() {
        return None; // the `online` event wakes the runner
    }
    if due.is_empty() {
        return items.iter().filter_map(|i| i.next_wake(now, &policy)).min();
    }
    let client = client.clone();
    let sent = browser::with_web_lock("cc-outbox", async move {
        let total = due.len();
        for (n, id) in due.into_iter().enumerate() {
            outbox.progress.try_set(Some((n + 1, total)));
            send_one(&client, multipart, outbox, &id, woken).await;
        }
        outbox.progress.try_set(None);
    })
    .await;
    if sent {
        Some(store::now_ms()) // the next pass reads what the sends wrote
    } else {
        // Another tab is sending: its writes wake this runner; should that tab die, its lock
        // goes and its send has timed out by then.
        Some(now.saturating_add(millis(policy.request_timeout_ms)))
    }
}

fn millis(ms: u64) -> i64 {
    i64::try_from(ms).unwrap_or(i64::MAX)
}

async fn send_one(client: &Open311Client, multipart: bool, outbox: Outbox, id: &str, woken: bool) {
    // Re-read under the lock: another tab may have sent it since this tab looked.
    let Ok(Some(mut item)) = store::load_outbox_item(id).await else {
        return;
    };
    let now = store::now_ms();
    if item.token_lookup_due(now) {
        look_up_token(client, &mut item, &outbox.policy).await;
        save(outbox, &item).await;
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
    changed();
    let Ok(Some(draft)) = store::load_draft(id).await else {
        let failed = OutboxItem {
            state: OutboxState::Failed {
                message: "草稿已丢失 / the draft is missing".into(),
                editable: false,
            },
            ..item
        };
        save(outbox, &failed).await;
        return;
    };
    let mut photos = Vec::new();
    for pid in &draft.photo_ids {
        if let Ok(Some(blob)) = store::load_photo(pid).await {
            photos.push(blob);
        }
    }
    let policy = outbox.policy;
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
        look_up_token(client, &mut next, &policy).await;
    }
    save(outbox, &next).await;
}

/// Stores `item`, shows it, and tells the other tabs.
async fn save(outbox: Outbox, item: &OutboxItem) {
    let stored = store::save_outbox_item(item).await.is_ok();
    show(outbox, item);
    if stored {
        changed();
    }
}

/// One `GET tokens/{token}.json`: the case number if the endpoint has assigned it, otherwise
/// the next lookup is scheduled with backoff.
async fn look_up_token(client: &Open311Client, item: &mut OutboxItem, policy: &RetryPolicy) {
    let OutboxState::Sent { reference, .. } = &item.state else {
        return;
    };
    match transport::resolve_token(client, reference).await {
        Some(id) => item.resolve_token(&id),
        None => item.token_not_resolved(store::now_ms(), js_sys::Math::random(), policy),
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
