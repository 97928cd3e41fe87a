//! A small promise-style wrapper over IndexedDB: one database, three object stores.
//!
//! - `drafts`: key = draft id, value = the draft's JSON ([`cc_core::report::ReportDraft`]);
//! - `photos`: key = photo id, value = the processed JPEG `Blob`;
//! - `outbox`: key = draft id, value = the outbox item's JSON ([`cc_core::report::OutboxItem`]).
//!
//! Values are JSON strings rather than structured objects so the domain's forward-compatible
//! decoders stay the only place that reads stored data. Every write is its own `readwrite`
//! transaction, committed before the future resolves, so a crash loses at most the keystroke
//! being typed. A write that depends on what another tab may have just written reads and writes
//! in one transaction ([`read_then_write`]).

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "cc-report";
const DB_VERSION: u32 = 1;
/// The store of drafts.
pub const DRAFTS: &str = "drafts";
/// The store of photo blobs.
pub const PHOTOS: &str = "photos";
/// The store of outbox items.
pub const OUTBOX: &str = "outbox";

/// Why a storage call failed (private mode without IndexedDB, quota, a blocked upgrade).
#[derive(Debug, Clone, PartialEq)]
pub struct IdbError(pub String);

impl From<JsValue> for IdbError {
    fn from(v: JsValue) -> Self {
        let text = v
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| v.as_string())
            .unwrap_or_else(|| format!("{v:?}"));
        IdbError(text)
    }
}

/// Resolves when `request` succeeds (with its result) or rejects with its error.
fn request_future(request: &IdbRequest) -> JsFuture {
    let req = request.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req.clone();
        let fail = Closure::once_into_js(move |_: web_sys::Event| {
            let err = r
                .error()
                .ok()
                .flatten()
                .map(|e| JsValue::from(e.message()))
                .unwrap_or_else(|| JsValue::from_str("IndexedDB request failed"));
            let _ = reject.call1(&JsValue::NULL, &err);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise)
}

thread_local! {
    // One open handle per page: opening per call would let a later write's transaction start
    // before an earlier one's, and keystroke saves must land in order.
    static DB: std::cell::RefCell<Option<IdbDatabase>> = const { std::cell::RefCell::new(None) };
}

/// The open database, opened (and on first use created) once per page.
pub async fn open() -> Result<IdbDatabase, IdbError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let db = open_new().await?;
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

async fn open_new() -> Result<IdbDatabase, IdbError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| IdbError("IndexedDB is not available".into()))?;
    let request: IdbOpenDbRequest = factory.open_with_u32(DB_NAME, DB_VERSION)?;
    let upgrade_req = request.clone();
    let upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(db) = upgrade_req
            .result()
            .and_then(|r| r.dyn_into::<IdbDatabase>())
        {
            let names = db.object_store_names();
            for store in [DRAFTS, PHOTOS, OUTBOX] {
                if !names.contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = request_future(&request).await?;
    Ok(db.dyn_into::<IdbDatabase>()?)
}

fn store(
    db: &IdbDatabase,
    name: &str,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, web_sys::IdbObjectStore), IdbError> {
    let tx = db.transaction_with_str_and_mode(name, mode)?;
    let store = tx.object_store(name)?;
    Ok((tx, store))
}

/// Waits for a readwrite transaction to commit (not just for its request to succeed), so the
/// data is on disk when the caller goes on.
async fn committed(tx: &IdbTransaction) -> Result<(), IdbError> {
    let t = tx.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let rej = reject.clone();
        let fail = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = rej.call1(&JsValue::NULL, &JsValue::from_str("transaction failed"));
        });
        let abort = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("transaction aborted"));
        });
        t.set_oncomplete(Some(done.unchecked_ref()));
        t.set_onerror(Some(fail.unchecked_ref()));
        t.set_onabort(Some(abort.unchecked_ref()));
    });
    JsFuture::from(promise).await?;
    Ok(())
}

/// Reads `key` of `read_store` and hands what it read (`None` when absent) to `write`, which
/// writes through the same readwrite transaction over `stores`: no other tab's write lands
/// between the read and the writes. `write` runs in the read's success event, while the
/// transaction is active (a future's await would not be guaranteed to); if it fails, the whole
/// transaction is aborted. Resolves once the transaction has committed.
pub async fn read_then_write(
    stores: &[&str],
    read_store: &str,
    key: &str,
    write: impl FnOnce(Option<JsValue>, &IdbTransaction) -> Result<(), JsValue> + 'static,
) -> Result<(), IdbError> {
    let db = open().await?;
    let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
    let tx = db.transaction_with_str_sequence_and_mode(&names, IdbTransactionMode::Readwrite)?;
    let request = tx.object_store(read_store)?.get(&JsValue::from_str(key))?;
    let (t, r) = (tx.clone(), request.clone());
    let on_read = Closure::once_into_js(move |_: web_sys::Event| {
        let read = r.result().ok().filter(|v| !v.is_undefined());
        if write(read, &t).is_err() {
            let _ = t.abort();
        }
    });
    request.set_onsuccess(Some(on_read.unchecked_ref()));
    committed(&tx).await
}

/// Stores `value` under `key`.
pub async fn put(store_name: &str, key: &str, value: &JsValue) -> Result<(), IdbError> {
    let db = open().await?;
    let (tx, store) = store(&db, store_name, IdbTransactionMode::Readwrite)?;
    store.put_with_key(value, &JsValue::from_str(key))?;
    committed(&tx).await?;
    Ok(())
}

/// Deletes `key` (no error if absent).
pub async fn delete(store_name: &str, key: &str) -> Result<(), IdbError> {
    let db = open().await?;
    let (tx, store) = store(&db, store_name, IdbTransactionMode::Readwrite)?;
    store.delete(&JsValue::from_str(key))?;
    committed(&tx).await?;
    Ok(())
}

/// The value under `key`, `None` when absent.
pub async fn get(store_name: &str, key: &str) -> Result<Option<JsValue>, IdbError> {
    let db = open().await?;
    let (_tx, store) = store(&db, store_name, IdbTransactionMode::Readonly)?;
    let value = request_future(&store.get(&JsValue::from_str(key))?).await?;
    Ok((!value.is_undefined()).then_some(value))
}

/// Every value of a store that is a string (the JSON stores).
pub async fn all_strings(store_name: &str) -> Result<Vec<String>, IdbError> {
    let db = open().await?;
    let (_tx, store) = store(&db, store_name, IdbTransactionMode::Readonly)?;
    let values = request_future(&store.get_all()?).await?;
    Ok(Array::from(&values)
        .iter()
        .filter_map(|v| v.as_string())
        .collect())
}
