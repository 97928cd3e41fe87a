//! The widget's entry point (`widget.html`, and `cc-env-widget.js` for the custom element): it
//! only mounts, through `lvse_changchun::widget::host`.
//!
//! In widget.html it starts the page's widget; loaded by `cc-env-widget.js` in a host page it
//! does nothing on start, and the element script calls [`cc_mount`] for each element instead.
//! The exports stay in this bin (and `widget-aqi.rs`, which includes it) so that only the
//! widget's wasm carries them.

use cc_core::widget::Theme;
use leptos::prelude::*;
use lvse_changchun::widget::host;
use wasm_bindgen::prelude::*;

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
        match value.parse::<Theme>() {
            Ok(t) => self.theme.set(t),
            Err(_) => leptos::logging::warn!(
                "cc-env-widget: theme=\"{value}\" is not light, dark or contrast; kept {}",
                self.theme.get_untracked().as_str()
            ),
        }
    }
}

/// Called by cc-env-widget.js for each `<cc-env-widget>`: `pairs` is an array of
/// `[name, value]` attribute pairs, `site_base` the URL of the folder holding the script.
#[wasm_bindgen]
pub fn cc_mount(el: web_sys::HtmlElement, pairs: js_sys::Array, site_base: String) -> WidgetHandle {
    WidgetHandle {
        theme: host::mount_element(el, &pairs, site_base),
    }
}

/// Also the entry of `widget-aqi.rs`, which includes this file as a module.
pub fn main() {
    console_error_panic_hook::set_once();
    host::start_page();
}
