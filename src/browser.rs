//! Browser helpers in the shape of leptos-use: each one wraps one browser API, ties what it
//! registers to the calling owner (`on_cleanup`), and fails quietly where the API is missing,
//! since every feature built on them also works without (a phone's layout without a media query,
//! a typed address without geolocation, a send without Web Locks).
//!
//! - [`use_media_query`]: a CSS media query as a signal;
//! - [`use_event_listener`]: an event listener removed when the owner is cleaned up;
//! - [`when_near_viewport`]: work done once an element is about to be seen (IntersectionObserver);
//! - [`current_position`]: one geolocation answer, always with a timeout;
//! - [`service_worker`]: the service worker container, where there is one;
//! - [`with_web_lock`]: work under a Web Lock, skipped while another tab holds it;
//! - [`broadcast`]: a message to every other tab and runner of the site (BroadcastChannel);
//! - [`use_speech_voice`], [`speak`], [`stop_speaking`]: speech synthesis.

use leptos::prelude::*;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long a position may take: a phone indoors may never get a fix, and the user waits for an
/// answer either way.
pub const GEOLOCATION_TIMEOUT_MS: u32 = 15_000;
/// How old a cached position may be (ten minutes: the same street).
const GEOLOCATION_MAX_AGE_MS: u32 = 600_000;

/// Whether the CSS media query `query` matches, following changes (a phone turned, a window
/// resized) until the calling owner is cleaned up.
pub fn use_media_query(query: &str) -> Signal<bool> {
    let Some(list) = window().match_media(query).ok().flatten() else {
        return Signal::stored(false);
    };
    let (matches, set_matches) = signal(list.matches());
    let target = list.clone();
    use_event_listener(&target, "change", move |_| {
        set_matches.try_set(list.matches());
    });
    matches.into()
}

/// Whether the browser has a connection (`navigator.onLine`), following `online` and `offline`.
pub fn use_online() -> Signal<bool> {
    let online = || window().navigator().on_line();
    let (is_online, set_online) = signal(online());
    for event in ["online", "offline"] {
        use_event_listener(&window(), event, move |_| {
            set_online.try_set(online());
        });
    }
    is_online.into()
}

/// Calls `handler` on each `event` at `target` until the calling owner is cleaned up (then the
/// listener is removed before its closure is dropped, so a late event calls nothing).
pub fn use_event_listener(
    target: &web_sys::EventTarget,
    event: &'static str,
    handler: impl Fn(web_sys::Event) + 'static,
) {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    let callback: js_sys::Function = closure.as_ref().unchecked_ref::<js_sys::Function>().clone();
    if target
        .add_event_listener_with_callback(event, &callback)
        .is_err()
    {
        return;
    }
    let owned = send_wrapper::SendWrapper::new((target.clone(), callback, closure));
    on_cleanup(move || {
        let (target, callback, _closure) = owned.take();
        let _ = target.remove_event_listener_with_callback(event, &callback);
    });
}

/// Calls `near` once, the first time `target` comes within `margin` (CSS, e.g. `"400px"`) of the
/// viewport, unless the calling owner is cleaned up before. Where there is no IntersectionObserver
/// it calls `near` at once.
pub fn when_near_viewport(target: &web_sys::Element, margin: &str, near: impl FnOnce() + 'static) {
    let near = Rc::new(RefCell::new(Some(near)));
    let fire = move || {
        let once = near.borrow_mut().take();
        if let Some(near) = once {
            near();
        }
    };
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(margin);
    let on_change = fire.clone();
    let callback = Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let seen = entries.iter().any(|entry| {
                entry
                    .unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            if seen {
                observer.disconnect();
                on_change();
            }
        },
    );
    let Ok(observer) =
        web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
    else {
        fire();
        return;
    };
    observer.observe(target);
    let owned = send_wrapper::SendWrapper::new((observer, callback));
    on_cleanup(move || {
        let (observer, _callback) = owned.take();
        observer.disconnect();
    });
}

/// Asks the browser for the position once; `done` gets `(latitude, longitude)` in WGS-84
/// degrees, or `None` when refused, unavailable or not found within
/// [`GEOLOCATION_TIMEOUT_MS`].
pub fn current_position(done: impl FnOnce(Option<(f64, f64)>) + 'static) {
    let Some(geo) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        done(None);
        return;
    };
    // The browser calls one of the two callbacks; whichever it is takes `done`.
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = move |answer: Option<(f64, f64)>| {
        if let Some(done) = done.borrow_mut().take() {
            done(answer);
        }
    };
    let on_error = finish.clone();
    let ok = Closure::once_into_js(move |p: web_sys::Position| {
        let c = p.coords();
        finish(Some((c.latitude(), c.longitude())));
    });
    let fail = Closure::once_into_js(move |_: JsValue| on_error(None));
    let options = web_sys::PositionOptions::new();
    options.set_timeout(GEOLOCATION_TIMEOUT_MS);
    options.set_maximum_age(GEOLOCATION_MAX_AGE_MS);
    if geo
        .get_current_position_with_error_callback_and_options(
            ok.unchecked_ref(),
            Some(fail.unchecked_ref()),
            &options,
        )
        .is_err()
    {
        if let Ok(f) = fail.dyn_into::<js_sys::Function>() {
            let _ = f.call1(&JsValue::NULL, &JsValue::NULL);
        }
    }
}

/// The page's service worker container, where the browser has one (not in every private mode,
/// nor on plain http other than localhost).
pub fn service_worker() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Runs `work` holding the Web Lock `name` if this tab can take it now, and says whether it ran:
/// `false` while another tab holds the lock. Without Web Locks it just runs.
pub async fn with_web_lock(name: &str, work: impl Future<Output = ()> + 'static) -> bool {
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"locks".into()).ok())
        .filter(|l| !l.is_undefined() && !l.is_null());
    let request = locks.as_ref().and_then(|l| {
        js_sys::Reflect::get(l, &"request".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    });
    let (Some(locks), Some(request)) = (locks, request) else {
        work.await;
        return true;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    let work = Rc::new(RefCell::new(Some(work)));
    let ran = Rc::new(std::cell::Cell::new(false));
    let callback = {
        let ran = ran.clone();
        Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |lock: JsValue| {
            let job = work.borrow_mut().take();
            let ran = ran.clone();
            wasm_bindgen_futures::future_to_promise(async move {
                // `null` means another tab holds the lock.
                if let (false, Some(job)) = (lock.is_null(), job) {
                    ran.set(true);
                    job.await;
                }
                Ok(JsValue::UNDEFINED)
            })
        })
    };
    let promise = request
        .call3(
            &locks,
            &name.into(),
            &options,
            callback.as_ref().unchecked_ref(),
        )
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(p) = promise {
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    }
    drop(callback);
    ran.get()
}

/// Posts `message` on the BroadcastChannel `channel`: every other channel of that name hears
/// it, in other tabs and in this one. Ignored where BroadcastChannel is missing.
pub fn broadcast(channel: &str, message: &str) {
    if let Ok(c) = web_sys::BroadcastChannel::new(channel) {
        let _ = c.post_message(&JsValue::from_str(message));
        c.close();
    }
}

/// Calls `handler` for each message on the BroadcastChannel `channel` (from [`broadcast`]) until
/// the calling owner is cleaned up.
pub fn use_broadcast_listener(channel: &str, handler: impl Fn() + 'static) {
    let Ok(c) = web_sys::BroadcastChannel::new(channel) else {
        return;
    };
    use_event_listener(&c, "message", move |_| handler());
    let owned = send_wrapper::SendWrapper::new(c);
    on_cleanup(move || owned.take().close());
}

/// The browser's speech synthesis, where it has one.
fn speech_synthesis() -> Option<web_sys::SpeechSynthesis> {
    let value = js_sys::Reflect::get(&window(), &JsValue::from_str("speechSynthesis")).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}

/// Whether the browser has a speech-synthesis voice for `lang` (a voice tagged `zh-CN`, `zh-TW`,
/// `en-GB`…: the region is ignored), following the voice list as it loads (Chromium fills it
/// only after `voiceschanged`).
pub fn use_speech_voice(lang: cc_core::i18n::Lang) -> Signal<bool> {
    let Some(synth) = speech_synthesis() else {
        return Signal::stored(false);
    };
    let has_voice = move |s: &web_sys::SpeechSynthesis| {
        s.get_voices().iter().any(|v| {
            let voice = v.unchecked_into::<web_sys::SpeechSynthesisVoice>();
            voice.lang().parse() == Ok(lang)
        })
    };
    let (available, set_available) = signal(has_voice(&synth));
    let target = synth.clone();
    use_event_listener(&target, "voiceschanged", move |_| {
        set_available.try_set(has_voice(&synth));
    });
    available.into()
}

/// Speaks `text` in `lang` (a BCP 47 tag), after stopping anything still being spoken; `done`
/// runs once it ends, fails or is stopped. False (and `done` never runs) without speech synthesis.
pub fn speak(text: &str, lang: &str, done: impl FnOnce() + 'static) -> bool {
    let Some(synth) = speech_synthesis() else {
        return false;
    };
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return false;
    };
    utterance.set_lang(lang);
    let done = Rc::new(RefCell::new(Some(done)));
    let finished = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        if let Some(done) = done.borrow_mut().take() {
            done();
        }
    })
    .into_js_value();
    utterance.set_onend(Some(finished.unchecked_ref()));
    utterance.set_onerror(Some(finished.unchecked_ref()));
    synth.cancel();
    synth.speak(&utterance);
    true
}

/// Stops whatever is being spoken.
pub fn stop_speaking() {
    if let Some(synth) = speech_synthesis() {
        synth.cancel();
    }
}
