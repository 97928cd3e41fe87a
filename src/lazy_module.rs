//! The wasm modules a page fetches only when it needs them: the feeds module (the parsers of
//! formats other than ours, `src/feeds/module.rs`) and the charts module (plotters and every
//! chart's drawing, `components::chart`). Each is a Trunk entry of its own that is never a page:
//! the build names its script in every site page (`<meta name="cc-feeds-module">`,
//! `<meta name="cc-charts-module">`, tools/finalize-dist.mjs), resolved against the page's base
//! like every other file of the site.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

// Two callers may ask at once (air and water, or two charts): import() shares one module, and
// wasm-bindgen's init shares one pending instantiation (e2e: "two loads of the feeds module at
// once…").
#[wasm_bindgen(inline_js = r#"
export async function cc_load_module(glue) {
  const url = new URL(glue, document.baseURI);
  const module = await import(url.href);
  await module.default({ module_or_path: new URL(glue.replace(/\.js$/, '_bg.wasm'), url) });
  return module;
}
export function cc_draw_chart(module, canvas, chart) {
  module.draw_chart(canvas, chart);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn cc_load_module(glue: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn cc_draw_chart(
        module: &JsValue,
        canvas: &web_sys::HtmlCanvasElement,
        chart: &[u8],
    ) -> Result<(), JsValue>;
}

/// A module fetched on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LazyModule {
    Feeds,
    Charts,
}

impl LazyModule {
    fn meta(self) -> &'static str {
        match self {
            LazyModule::Feeds => "meta[name=cc-feeds-module]",
            LazyModule::Charts => "meta[name=cc-charts-module]",
        }
    }
}

thread_local! {
    static LOADED: RefCell<[Option<JsValue>; 2]> = const { RefCell::new([None, None]) };
}

/// The module, if [`load`] has loaded it.
pub fn loaded(module: LazyModule) -> Option<JsValue> {
    LOADED.with(|m| m.borrow()[module as usize].clone())
}

/// The module's exports, fetched and instantiated on the first call of the page. Err carries
/// the script's address (empty if the build names none), for the caller's message; why it
/// failed goes to the console.
pub async fn load(module: LazyModule) -> Result<JsValue, String> {
    if let Some(exports) = loaded(module) {
        return Ok(exports);
    }
    let meta = module.meta();
    let glue = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(meta).ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    if glue.is_empty() {
        leptos::logging::warn!("this build names no module ({meta})");
        return Err(glue);
    }
    let exports = cc_load_module(&glue).await.map_err(|e| {
        leptos::logging::warn!("the module {glue:?} did not load: {e:?}");
        glue.clone()
    })?;
    LOADED.with(|m| m.borrow_mut()[module as usize] = Some(exports.clone()));
    Ok(exports)
}

/// Draws `chart` (`charts::wire::encode`'s bytes) on `canvas` with the charts module, loading it
/// first if this page has not. Err says why the canvas stays blank, for the console.
pub async fn draw_chart(canvas: &web_sys::HtmlCanvasElement, chart: &[u8]) -> Result<(), String> {
    let module = load(LazyModule::Charts)
        .await
        .map_err(|glue| format!("the charts module {glue:?} is not there"))?;
    cc_draw_chart(&module, canvas, chart).map_err(|e| format!("{e:?}"))
}
