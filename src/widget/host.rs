//! The widget's wiring to the page it runs in: its settings from widget.html's query string or
//! the custom element's attributes, mounting, and the `postMessage` protocol of
//! `cc_core::widget::message` (height out to the parent, theme in from permitted origins).
//!
//! The `widget` bin only calls in here: [`start_page`] in widget.html, [`mount_element`] for
//! each `<cc-env-widget>`.

use super::{frame_title, text::wt, Mode, Widget};
use cc_core::widget::message::{field, Message};
use cc_core::widget::{accept_message, parse_params, Params, Parsed, Theme, View};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts a widget into `el`; returns its theme, which the host may change later.
fn mount(
    el: web_sys::HtmlElement,
    mut params: Params,
    site_base: String,
    mode: Mode,
) -> RwSignal<Theme> {
    if !super::HAS_ALL_VIEWS && params.view != View::Aqi {
        // The loaders pick the full bundle for any other view, so only a page that loads
        // widget-aqi by hand gets here: the AQI view is what this bundle can show.
        leptos::logging::warn!(
            "cc-env-widget: view={} is in the full widget bundle, not the AQI bundle; showing aqi",
            params.view.as_str()
        );
        params.view = View::Aqi;
    }
    let theme = RwSignal::new(params.theme);
    let origins = RwSignal::new(Vec::<String>::new());
    leptos::mount::mount_to(el, move || {
        view! { <Widget params=params site_base=site_base theme=theme origins=origins mode=mode /> }
    })
    .forget();
    if mode == Mode::Frame {
        listen_for_theme(theme, origins);
    }
    theme
}

fn warn_problems(parsed: &Parsed) {
    if let Some(w) = parsed.warning() {
        leptos::logging::warn!("{w}");
    }
}

/// `[name, value]` string pairs of a JS iterable (attribute pairs, or URLSearchParams entries);
/// anything else in it is skipped.
fn string_pairs(items: impl IntoIterator<Item = JsValue>) -> Vec<(String, String)> {
    items
        .into_iter()
        .filter_map(|p| {
            let p: js_sys::Array = p.dyn_into().ok()?;
            Some((p.get(0).as_string()?, p.get(1).as_string()?))
        })
        .collect()
}

/// Mounts the widget of one `<cc-env-widget>`: `pairs` is an array of `[name, value]`
/// attribute pairs, `site_base` the URL of the folder holding the element's script.
pub fn mount_element(
    el: web_sys::HtmlElement,
    pairs: &js_sys::Array,
    site_base: String,
) -> RwSignal<Theme> {
    let parsed = parse_params(string_pairs(pairs.iter()));
    warn_problems(&parsed);
    mount(el, parsed.params, site_base, Mode::Element)
}

/// Starts widget.html (marked by `#cc-widget[data-cc-widget-page]`): reads the query string,
/// sets the page's language and title, mounts the widget and posts its height to the parent.
/// Does nothing elsewhere (loaded by cc-env-widget.js in a host page).
pub fn start_page() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc
        .get_element_by_id("cc-widget")
        .filter(|e| e.has_attribute("data-cc-widget-page"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let search = window().location().search().unwrap_or_default();
    let pairs = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|q| js_sys::try_iter(&q).ok().flatten())
        .map(|entries| string_pairs(entries.flatten()))
        .unwrap_or_default();
    let parsed = parse_params(pairs);
    warn_problems(&parsed);
    let params = parsed.params;
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", params.lang.tag());
    }
    doc.set_title(&format!(
        "{} - {}",
        frame_title(params.view, params.lang),
        wt(params.lang).site_name
    ));
    let site_base = doc.base_uri().ok().flatten().unwrap_or_default();
    let id = params.id.clone();
    mount(root.clone(), params, site_base, Mode::Frame);
    post_height_on_resize(root, id);
}

/// config.json's text as widget.html's loader fetched it (`window.ccWidgetConfig`, a promise of
/// the text or null), taken once. `None` when the loader had none to give (no such promise, the
/// fetch failed, or the file is over the limit): the widget then fetches config.json itself,
/// and says what went wrong.
pub(super) async fn config_text_from_loader() -> Option<String> {
    let key = JsValue::from_str("ccWidgetConfig");
    let window: JsValue = window().into();
    let promise = js_sys::Reflect::get(&window, &key)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    let text = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_string()?;
    (text.len() as u64 <= crate::feeds::CONFIG_MAX_BYTES).then_some(text)
}

/// The message as the object `postMessage` sends.
fn to_js(message: &Message) -> JsValue {
    let msg = js_sys::Object::new();
    let set = |name: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&msg, &name.into(), value);
    };
    set(field::TYPE, &message.kind().into());
    match message {
        Message::Height { id, height } => {
            set(
                field::ID,
                &id.as_deref().map(JsValue::from).unwrap_or(JsValue::NULL),
            );
            set(field::HEIGHT, &(*height).into());
        }
        Message::Theme(theme) => set(field::THEME, &theme.as_str().into()),
    }
    msg.into()
}

/// Posts the height message to the parent whenever the content's height changes. The height is
/// not secret, so the target origin is "*".
fn post_height_on_resize(root: web_sys::HtmlElement, id: Option<String>) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let last = std::cell::Cell::new(-1.0f64);
    let target = root.clone();
    let post = move || {
        let height = target.get_bounding_client_rect().height().ceil();
        if height == last.get() || height <= 0.0 {
            return;
        }
        last.set(height);
        let msg = Message::Height {
            id: id.clone(),
            height,
        };
        let _ = parent.post_message(&to_js(&msg), "*");
    };
    let callback =
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |_: JsValue, _: JsValue| post());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    callback.forget();
}

/// Applies theme messages that `accept_message` lets through (config `widget.message_origins`);
/// ignores everything else.
fn listen_for_theme(theme: RwSignal<Theme>, origins: RwSignal<Vec<String>>) {
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            if !data.is_object() {
                return;
            }
            let text = |name: &str| {
                js_sys::Reflect::get(&data, &name.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            let kind = text(field::TYPE);
            let wanted = text(field::THEME);
            if let Some(t) = accept_message(
                &e.origin(),
                &origins.get_untracked(),
                kind.as_deref(),
                wanted.as_deref(),
            ) {
                theme.set(t);
            }
        });
    let _ = window().add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
    handler.forget();
}

#[cfg(test)]
mod tests {
    use cc_core::widget::message::field;
    use cc_core::widget::HEIGHT_MESSAGE;

    /// embed.js is plain JavaScript served as is: it must read the fields and type the widget
    /// posts, by the same names.
    #[test]
    fn embed_js_reads_the_protocol_names() {
        let js = include_str!("../../public/embed.js");
        for expected in [
            format!("d.{} !== '{HEIGHT_MESSAGE}'", field::TYPE),
            format!("d.{} > 0", field::HEIGHT),
            format!("=== d.{}", field::ID),
            format!("searchParams.get('{}')", field::ID),
        ] {
            assert!(js.contains(&expected), "embed.js lacks {expected}");
        }
        let known = [field::TYPE, field::ID, field::HEIGHT];
        let mut rest = js;
        while let Some(i) = rest.find("d.") {
            let before = rest[..i].chars().last();
            rest = &rest[i + 2..];
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            assert!(known.contains(&name.as_str()), "embed.js reads d.{name}");
        }
    }
}
