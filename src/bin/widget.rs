//! The widget's entry point (`widget.html`, and `cc-env-widget.js` for the custom element).
//!
//! In widget.html (marked by `#cc-widget[data-cc-widget-page]`) it reads the query string, mounts
//! the widget, posts its height to the parent whenever it changes and accepts permitted theme
//! messages. Loaded by `cc-env-widget.js` in a host page it does nothing on start; the element
//! script calls [`cc_mount`] for each element instead.

use cc_core::widget::{accept_message, parse_params, Params, Theme, HEIGHT_MESSAGE};
use leptos::prelude::*;
use lvse_changchun::widget::{Mode, Widget};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn mount(
    el: web_sys::HtmlElement,
    params: Params,
    site_base: String,
    mode: Mode,
) -> RwSignal<Theme> {
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

/// What cc-env-widget.js keeps for each element: the host page changes the theme by setting the
/// element's `theme` attribute (it is the host's own element, so no message or origin check).
#[wasm_bindgen]
pub struct WidgetHandle {
    theme: RwSignal<Theme>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Applies a new `theme` attribute; an unknown value is named in a console warning and the
    /// theme stays as it is.
    pub fn set_theme(&self, value: &str) {
        match Theme::parse(value) {
            Some(t) => self.theme.set(t),
            None => leptos::logging::warn!(
                "cc-env-widget: theme=\"{value}\" is not light, dark or contrast; kept {}",
                self.theme.get_untracked().code()
            ),
        }
    }
}

fn warn_problems(parsed: &cc_core::widget::Parsed) {
    if let Some(w) = parsed.warning() {
        leptos::logging::warn!("{w}");
    }
}

/// Called by cc-env-widget.js for each `<cc-env-widget>`: `pairs` is an array of
/// `[name, value]` attribute pairs, `site_base` the URL of the folder holding the script.
#[wasm_bindgen]
pub fn cc_mount(el: web_sys::HtmlElement, pairs: js_sys::Array, site_base: String) -> WidgetHandle {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .filter_map(|p| {
            let p: js_sys::Array = p.dyn_into().ok()?;
            Some((p.get(0).as_string()?, p.get(1).as_string()?))
        })
        .collect();
    let parsed = parse_params(pairs);
    warn_problems(&parsed);
    WidgetHandle {
        theme: mount(el, parsed.params, site_base, Mode::Element),
    }
}

fn main() {
    console_error_panic_hook::set_once();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc
        .get_element_by_id("cc-widget")
        .filter(|e| e.has_attribute("data-cc-widget-page"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return; // loaded by cc-env-widget.js in a host page
    };
    let search = window().location().search().unwrap_or_default();
    let pairs: Vec<(String, String)> = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .map(|q| {
            js_sys::try_iter(&q)
                .ok()
                .flatten()
                .into_iter()
                .flatten()
                .filter_map(|entry| {
                    let pair: js_sys::Array = entry.ok()?.dyn_into().ok()?;
                    Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
                })
                .collect()
        })
        .unwrap_or_default();
    let parsed = parse_params(pairs);
    warn_problems(&parsed);
    let params = parsed.params;
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", params.lang.tag());
    }
    doc.set_title(&format!(
        "{} - {}",
        lvse_changchun::widget::frame_title(params.view, params.lang),
        lvse_changchun::widget::text::wt(params.lang).site_name
    ));
    let site_base = doc.base_uri().ok().flatten().unwrap_or_default();
    let id = params.id.clone();
    mount(root.clone(), params, site_base, Mode::Frame);
    post_height_on_resize(root, id);
}

/// Posts `{type: "cc-widget:height", id, height}` to the parent whenever the content's height
/// changes. The height is not secret, so the target origin is "*".
fn post_height_on_resize(root: web_sys::HtmlElement, id: Option<String>) {
    let Ok(parent) = window().parent() else {
        return;
    };
    let Some(parent) = parent else {
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
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
        let id = id.as_deref().map(JsValue::from).unwrap_or(JsValue::NULL);
        let _ = js_sys::Reflect::set(&msg, &"id".into(), &id);
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
        let _ = parent.post_message(&msg, "*");
    };
    let callback =
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |_: JsValue, _: JsValue| post());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    callback.forget();
}

/// Accepts `{type: "cc-widget:theme", theme}` from the origins in config
/// `widget.message_origins` (see `cc_core::widget::accept_message`); ignores everything else.
fn listen_for_theme(theme: RwSignal<Theme>, origins: RwSignal<Vec<String>>) {
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let field = |name: &str| {
                js_sys::Reflect::get(&data, &name.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            if !data.is_object() {
                return;
            }
            let kind = field("type");
            let wanted = field("theme");
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
