//! Typed access to what the report form keeps on this device: drafts, photos and the outbox,
//! decoded with the domain's forward-compatible readers (a record that no longer decodes is
//! skipped, never fatal).

use super::idb::{self, IdbError, DRAFTS, OUTBOX, PHOTOS};
use cc_core::report::{idempotency_key_from_bytes, OutboxItem, Queueing, ReportDraft};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// 16 random bytes from `crypto.getRandomValues` (zeros only if the API is missing, which no
/// browser that runs this wasm lacks).
pub fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}

/// A random id (UUID v4 shape).
pub fn random_id() -> String {
    idempotency_key_from_bytes(&random_bytes())
}

/// The current time in milliseconds since the epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A new empty draft with its own id and idempotency key, fixed from now on.
pub fn new_draft() -> ReportDraft {
    ReportDraft::new(random_id(), random_id(), now_ms())
}

/// Every stored draft, newest first.
pub async fn load_drafts() -> Result<Vec<ReportDraft>, IdbError> {
    let mut drafts: Vec<ReportDraft> = idb::all_strings(DRAFTS)
        .await?
        .iter()
        .filter_map(|t| ReportDraft::from_json(t).ok())
        .filter(|d| !d.id.is_empty())
        .collect();
    cc_core::order::sort_by_key(&mut drafts, |d| std::cmp::Reverse(d.updated_ms));
    Ok(drafts)
}

/// One stored draft.
pub async fn load_draft(id: &str) -> Result<Option<ReportDraft>, IdbError> {
    Ok(idb::get(DRAFTS, id)
        .await?
        .and_then(|v| v.as_string())
        .and_then(|t| ReportDraft::from_json(&t).ok()))
}

/// Saves a draft.
pub async fn save_draft(draft: &ReportDraft) -> Result<(), IdbError> {
    idb::put(DRAFTS, &draft.id, &JsValue::from_str(&draft.to_json())).await
}

/// Deletes a draft and its photos.
pub async fn delete_draft(draft: &ReportDraft) -> Result<(), IdbError> {
    for photo in &draft.photo_ids {
        idb::delete(PHOTOS, photo).await?;
    }
    idb::delete(DRAFTS, &draft.id).await
}

/// Every outbox item, newest first.
pub async fn load_outbox() -> Result<Vec<OutboxItem>, IdbError> {
    let mut items: Vec<OutboxItem> = idb::all_strings(OUTBOX)
        .await?
        .iter()
        .filter_map(|t| OutboxItem::from_json(t).ok())
        .filter(|i| !i.draft_id.is_empty())
        .collect();
    cc_core::order::sort_by_key(&mut items, |i| std::cmp::Reverse(i.queued_at));
    Ok(items)
}

/// One outbox item.
pub async fn load_outbox_item(draft_id: &str) -> Result<Option<OutboxItem>, IdbError> {
    Ok(idb::get(OUTBOX, draft_id)
        .await?
        .and_then(|v| v.as_string())
        .and_then(|t| OutboxItem::from_json(&t).ok()))
}

/// Saves an outbox item; one the runner must still act on sets the [`super::waiting`] hint
/// around the write, so no page can read the item without the hint.
pub async fn save_outbox_item(item: &OutboxItem) -> Result<(), IdbError> {
    let awaits_runner = item.awaits_runner();
    if awaits_runner {
        super::waiting::mark();
    }
    idb::put(OUTBOX, &item.draft_id, &JsValue::from_str(&item.to_json())).await?;
    if awaits_runner {
        super::waiting::mark();
    }
    Ok(())
}

/// Saves `draft` and its outbox item for sending, as [`OutboxItem::queue_draft`] decides from
/// the item stored now: read and written in one transaction, so a tab that sends a draft
/// another tab has just sent stores the sent item again, not a queued one, and deletes the
/// draft rather than saving it back.
pub async fn queue_report(draft: &ReportDraft) -> Result<Queueing, IdbError> {
    // Set before the write, which may add an item that awaits the runner.
    super::waiting::mark();
    let decided = Rc::new(RefCell::new(None));
    let (d, out, now) = (draft.clone(), decided.clone(), now_ms());
    idb::read_then_write(
        &[DRAFTS, PHOTOS, OUTBOX],
        OUTBOX,
        &draft.id,
        move |stored, tx| {
            let existing = stored
                .and_then(|v| v.as_string())
                .and_then(|t| OutboxItem::from_json(&t).ok());
            let mut queued = OutboxItem::queue_draft(existing, &d.id, &d.idempotency_key, now);
            if queued.keep_draft {
                // Which report it is, for the list once the draft is gone.
                queued.item.about = cc_core::report::progress::ReportAbout::of(&d);
            }
            let key = JsValue::from_str(&d.id);
            let text = |t: String| JsValue::from_str(&t);
            tx.object_store(OUTBOX)?
                .put_with_key(&text(queued.item.to_json()), &key)?;
            let drafts = tx.object_store(DRAFTS)?;
            if queued.keep_draft {
                drafts.put_with_key(&text(d.to_json()), &key)?;
            } else {
                let photos = tx.object_store(PHOTOS)?;
                for photo in &d.photo_ids {
                    photos.delete(&JsValue::from_str(photo))?;
                }
                drafts.delete(&key)?;
            }
            *out.borrow_mut() = Some(queued);
            Ok(())
        },
    )
    .await?;
    let queued = decided
        .take()
        .ok_or_else(|| IdbError("the outbox could not be read".into()))?;
    if queued.item.awaits_runner() {
        super::waiting::mark();
    }
    Ok(queued)
}

/// The retry button: makes the stored item due now as [`OutboxItem::retried`] decides, read
/// and written in one transaction, so a retry pressed on a list another tab has since
/// sent never stores its stale state over the sent one. Returns whether anything changed.
pub async fn retry_report(draft_id: &str) -> Result<bool, IdbError> {
    // A queued item awaits the runner: the hint is set around the write, as in
    // [`save_outbox_item`].
    super::waiting::mark();
    let changed = Rc::new(RefCell::new(false));
    let (out, now) = (changed.clone(), now_ms());
    idb::read_then_write(&[OUTBOX], OUTBOX, draft_id, move |stored, tx| {
        let existing = stored
            .and_then(|v| v.as_string())
            .and_then(|t| OutboxItem::from_json(&t).ok());
        let Some(item) = OutboxItem::retried(existing, now) else {
            return Ok(());
        };
        tx.object_store(OUTBOX)?.put_with_key(
            &JsValue::from_str(&item.to_json()),
            &JsValue::from_str(&item.draft_id),
        )?;
        *out.borrow_mut() = true;
        Ok(())
    })
    .await?;
    let changed = changed.take();
    if changed {
        super::waiting::mark();
    }
    Ok(changed)
}

/// Stores a processed photo.
pub async fn save_photo(id: &str, blob: &web_sys::Blob) -> Result<(), IdbError> {
    idb::put(PHOTOS, id, blob).await
}

/// A stored photo.
pub async fn load_photo(id: &str) -> Result<Option<web_sys::Blob>, IdbError> {
    Ok(idb::get(PHOTOS, id)
        .await?
        .and_then(|v| v.dyn_into::<web_sys::Blob>().ok()))
}

/// Deletes a stored photo.
pub async fn delete_photo(id: &str) -> Result<(), IdbError> {
    idb::delete(PHOTOS, id).await
}
