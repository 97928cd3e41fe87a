//! The feeds module (src/bin/feeds.rs) seen from a page: the parsers of the air formats other
//! than `cc-air-json` and of `cnemc-water-json`, in a wasm module of their own, fetched once and
//! only when a source is in one of those formats (`crate::lazy_module`).

use crate::api::ApiError;
use crate::lazy_module::{load, loaded, LazyModule};
use cc_core::config::FeedFormat;
use cc_core::time::Hour;
use cc_core::water::feeds::cnemc_json::AutoFeed;
use cc_core::FeedError;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = r#"
export function cc_feeds_parse_air(module, format, text, station) {
  return module.parse_air(format, text, station);
}
export function cc_feeds_parse_water_auto(module, text, fetched) {
  return module.parse_water_auto(text, fetched);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn cc_feeds_parse_air(
        module: &JsValue,
        format: &str,
        text: &str,
        station: &str,
    ) -> Result<js_sys::Uint8Array, JsValue>;
    #[wasm_bindgen(catch)]
    fn cc_feeds_parse_water_auto(
        module: &JsValue,
        text: &str,
        fetched: f64,
    ) -> Result<js_sys::Uint8Array, JsValue>;
}

/// Whether the pages' own bundles read `format` (no module needed): our own formats.
pub fn is_built_in(format: FeedFormat) -> bool {
    matches!(
        format,
        FeedFormat::CcAirJson
            | FeedFormat::CcWaterJson
            | FeedFormat::CcForecastJson
            | FeedFormat::CcAlertsJson
    )
}

/// Loads the module if `format` needs it (once per page: later calls find it loaded). Failing
/// to fetch it is a network error, as for the feed itself.
pub async fn ready_for(format: FeedFormat) -> Result<(), ApiError> {
    if is_built_in(format) {
        return Ok(());
    }
    load(LazyModule::Feeds)
        .await
        .map(|_| ())
        .map_err(|url| ApiError::Network { url })
}

/// Parses one air file with the module, which [`ready_for`] has loaded.
pub fn parse_air(
    format: FeedFormat,
    text: &str,
    openaq_station: &str,
) -> Result<cc_core::air::AirDataset, FeedError> {
    let bytes = call(|m| cc_feeds_parse_air(m, format.as_str(), text, openaq_station))?;
    cc_core::wire::air::decode_air(&bytes)
}

/// Parses one `cnemc-water-json` file fetched at `fetched` with the module, which
/// [`ready_for`] has loaded.
pub fn parse_water_auto(text: &str, fetched: Hour) -> Result<AutoFeed, FeedError> {
    // An hour count is far within f64's exact integers.
    let bytes = call(|m| cc_feeds_parse_water_auto(m, text, fetched.0 as f64))?;
    cc_core::wire::water::decode_water_auto(&bytes)
}

/// The answer of one of the module's functions, or why there is none.
fn call(
    parse: impl FnOnce(&JsValue) -> Result<js_sys::Uint8Array, JsValue>,
) -> Result<Vec<u8>, FeedError> {
    let Some(module) = loaded(LazyModule::Feeds) else {
        return Err(FeedError::whole("the feeds module is not loaded"));
    };
    parse(&module).map(|bytes| bytes.to_vec()).map_err(|e| {
        let reason = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()));
        FeedError::whole(format!(
            "the feeds module stopped: {}",
            reason.unwrap_or_default()
        ))
    })
}
