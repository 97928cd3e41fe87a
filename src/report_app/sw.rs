//! Registers the app-shell service worker (`public/sw.js`, copied to the site's base by Trunk,
//! its file list written by `tools/finalize-dist.mjs`), and asks for a Background Sync wake-up
//! when a report waits in the outbox. The worker only caches and wakes; sending stays in
//! [`super::outbox`].

use wasm_bindgen::{JsCast, JsValue};

/// Registers `sw.js` at the site's base (its scope is the base). Failing is harmless: the site
/// then simply needs the network to open.
pub fn register() {
    let Some(container) = crate::browser::service_worker() else {
        return;
    };
    let url = crate::env::site_file_url("sw.js");
    let registering = container.register(&url);
    // Awaited so a refusal is handled here rather than logged as an unhandled rejection.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(registering).await;
    });
}

/// Asks the worker for a `sync` event tagged `cc-outbox` (Chromium's Background Sync), so an
/// open page is woken when the connection returns. Ignored where unsupported.
pub fn request_sync() {
    let Some(container) = crate::browser::service_worker() else {
        return;
    };
    let ready = container.ready();
    let Ok(ready) = ready else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(ready).await else {
            return;
        };
        let sync =
            js_sys::Reflect::get(&reg, &JsValue::from_str("sync")).unwrap_or(JsValue::UNDEFINED);
        let register = js_sys::Reflect::get(&sync, &JsValue::from_str("register"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(register) = register {
            if let Ok(p) = register.call1(&sync, &JsValue::from_str("cc-outbox")) {
                if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                    // A refusal (permission, no support) changes nothing: `online` still wakes us.
                    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                }
            }
        }
    });
}
