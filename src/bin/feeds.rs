//! The feeds module (`feeds.html` in the build, never a page): the parsers of the air formats
//! other than `cc-air-json` (CNEMC hourly CSV, quotsoft, OpenAQ) and of `cnemc-water-json`, a
//! wasm module of their own that a page loads only when its `config.json` names one of them
//! (src/feeds/module.rs). Deployments on our own formats never fetch it, and the pages' bundles
//! leave these parsers out. It answers in `cc_core::wire`'s bytes.

use cc_core::config::FeedFormat;
use wasm_bindgen::prelude::*;

/// Parses one air file in `format` (its config name, e.g. `cnemc-hourly-csv`); OpenAQ rows are
/// filed under `openaq_station`. An unknown format is an error about the whole file.
#[wasm_bindgen]
pub fn parse_air(format: &str, text: &str, openaq_station: &str) -> Vec<u8> {
    let outcome = match format.parse::<FeedFormat>() {
        Ok(format) => cc_core::air::feeds::parse_air_feed(format, text, openaq_station),
        Err(_) => Err(cc_core::FeedError::whole(format!(
            "{format} is not an air format"
        ))),
    };
    cc_core::wire::air::encode_air(&outcome)
}

/// Parses one `cnemc-water-json` file fetched at `fetched` (Beijing time, whole hours since
/// 1970-01-01 00:00), which dates its year-less times.
#[wasm_bindgen]
pub fn parse_water_auto(text: &str, fetched: f64) -> Vec<u8> {
    // The page passes an hour count it made from an i64; a fraction or NaN cannot come from it,
    // and `as` saturates rather than panics.
    let fetched = cc_core::time::Hour(fetched as i64);
    let outcome = cc_core::water::feeds::cnemc_json::parse_cnemc(text, fetched);
    cc_core::wire::water::encode_water_auto(&outcome)
}

fn main() {}
