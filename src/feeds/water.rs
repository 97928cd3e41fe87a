//! The water sources: the section list and the monitoring results, one loader for site and
//! widget.

use super::{
    config_once, fetch_source, oldest_copy, skipped_in, ConfigResult, Fetched, SourceError,
};
use crate::api::ApiError;
use cc_core::config::{Config, FeedFormat};
use cc_core::offline::OfflineCopy;
use cc_core::SkippedInFile;
use leptos::prelude::*;
use std::sync::Arc;

/// The water sources, loaded: the section list and the results.
#[derive(Debug, Clone)]
pub struct WaterData {
    pub sections: Vec<cc_core::water::Section>,
    /// Manual monitoring results (`cc-water-json`).
    pub results: Vec<cc_core::water::Measurement>,
    /// Automatic-station readings (`cnemc-water-json`): classes from these are for reference only.
    pub automatic: Vec<cc_core::water::feeds::cnemc_json::AutoReading>,
    pub sample: bool,
    /// Set when any of the files is the service worker's offline copy (the oldest such copy).
    pub offline_copy: Option<OfflineCopy>,
    /// Entries, cells or rows of the files that could not be read and were skipped.
    pub skipped: Vec<SkippedInFile>,
}

/// Context: the water sources, loaded once for the site when a view first needs them (home
/// headline, water page), so other pages don't download them.
#[derive(Clone, Copy)]
pub struct WaterFeed {
    wanted: RwSignal<bool>,
    data: LocalResource<Option<Result<Arc<WaterData>, SourceError>>>,
}

impl WaterFeed {
    /// An idle resource; nothing is fetched until [`WaterFeed::get`] is first called.
    pub fn new(config: LocalResource<ConfigResult>) -> Self {
        let wanted = RwSignal::new(false);
        let data = LocalResource::new(move || {
            let wanted = wanted.get();
            async move {
                if wanted {
                    Some(load_water(config).await)
                } else {
                    None
                }
            }
        });
        Self { wanted, data }
    }

    /// Asks for the data (once) and returns the resource to await.
    pub fn get(self) -> LocalResource<Option<Result<Arc<WaterData>, SourceError>>> {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
        self.data
    }
}

/// One `water.results` file, parsed.
#[derive(Debug, Default)]
pub struct WaterResults {
    /// Manual monitoring results (`cc-water-json`).
    pub results: Vec<cc_core::water::Measurement>,
    /// Automatic-station readings (`cnemc-water-json`).
    pub automatic: Vec<cc_core::water::feeds::cnemc_json::AutoReading>,
    /// The file says it is sample data.
    pub sample: bool,
    pub skipped: Vec<cc_core::FeedError>,
}

/// A parser of one fetched `water.results` file: [`parse_water_results`] (every water format)
/// on the site; the widget passes one that knows `cc-water-json` only, so its bundle links no
/// other parser.
pub type WaterParser = fn(
    cc_core::config::FeedFormat,
    &Fetched,
    &[cc_core::water::Section],
) -> Result<WaterResults, ApiError>;

/// Parses one fetched `water.results` file by the source's format: `cc-water-json` here,
/// `cnemc-water-json` in the feeds module (see [`super::module`]).
pub fn parse_water_results(
    format: cc_core::config::FeedFormat,
    file: &Fetched,
    sections: &[cc_core::water::Section],
) -> Result<WaterResults, ApiError> {
    use cc_core::config::FeedFormat as F;
    let parse_error = parse_error_in(file);
    match format {
        F::CnemcWaterJson => {
            let feed = super::module::parse_water_auto(&file.text, crate::env::now_hour())
                .map_err(parse_error)?;
            Ok(WaterResults {
                automatic: feed.readings,
                skipped: feed.skipped,
                ..WaterResults::default()
            })
        }
        F::CcWaterJson => parse_cc_water_results(file, sections),
        other => Err(parse_error(cc_core::FeedError::whole(format!(
            "{} is not a water format",
            other.as_str()
        )))),
    }
}

/// Parses one fetched `cc-water-json` results file (whatever the configured format says).
pub fn parse_cc_water_results(
    file: &Fetched,
    sections: &[cc_core::water::Section],
) -> Result<WaterResults, ApiError> {
    cc_core::water::feeds::cc_json::parse_results(&file.text, sections)
        .map(WaterResults::from)
        .map_err(parse_error_in(file))
}

/// A parser's error, as the error of reading `file`.
fn parse_error_in(file: &Fetched) -> impl Fn(cc_core::FeedError) -> ApiError + '_ {
    |error| ApiError::Parse {
        url: file.url.clone(),
        error,
    }
}

impl From<cc_core::water::feeds::cc_json::ResultsDoc> for WaterResults {
    fn from(doc: cc_core::water::feeds::cc_json::ResultsDoc) -> Self {
        WaterResults {
            results: doc.results,
            sample: doc.sample,
            skipped: doc.skipped,
            ..WaterResults::default()
        }
    }
}

/// How long a part of [`read_cc_water_results`] may run before the browser gets its turn: well
/// under the 50 ms from which a task counts as long, on a phone four times slower than this
/// machine.
const PART_MS: f64 = 8.0;

/// [`parse_cc_water_results`] in parts of about [`PART_MS`], with the browser's turn between
/// them: the sample year's 500 KB of results was one task of 164 ms in Lighthouse (4× slowed),
/// most of `/water`'s Total Blocking Time.
async fn read_cc_water_results(
    file: &Fetched,
    sections: &[cc_core::water::Section],
) -> Result<WaterResults, ApiError> {
    let parse_error = parse_error_in(file);
    let mut reader = cc_core::water::feeds::cc_json::ResultsReader::new(&file.text, sections)
        .map_err(&parse_error)?;
    let now = || js_sys::Date::now();
    let mut since = now();
    while reader.read(64) {
        if now() - since >= PART_MS {
            crate::env::yield_to_browser().await;
            since = now();
        }
    }
    reader.finish().map(WaterResults::from).map_err(parse_error)
}

async fn load_water(config: LocalResource<ConfigResult>) -> Result<Arc<WaterData>, SourceError> {
    let config = config_once(config).await.map_err(SourceError::Config)?;
    let format = config.water_results.as_ref().map(|s| s.format);
    let ready = async move {
        match format {
            Some(format) => super::module::ready_for(format).await,
            None => Ok(()),
        }
    };
    load_water_with(&config, parse_water_results, ready).await
}

/// Loads `water.sections` (Changchun's built-in list when absent) and `water.results`, the
/// results parsed by `parse` once `parser_ready` has finished (it runs while the files are
/// fetched): the one water loader of the site and the widget. `cc-water-json` results are read
/// here, a part at a time ([`read_cc_water_results`]), whatever `parse` would do with them.
pub async fn load_water_with(
    config: &Config,
    parse: WaterParser,
    parser_ready: impl std::future::Future<Output = Result<(), ApiError>>,
) -> Result<Arc<WaterData>, SourceError> {
    use cc_core::water::feeds::cc_json;
    let results_source = config
        .water_results
        .clone()
        .ok_or(SourceError::NotConfigured)?;
    let mut sample = results_source.sample;
    let mut copies = Vec::new();
    let mut skipped = Vec::new();
    let sections = match config.water_sections.clone() {
        Some(source) => {
            sample |= source.sample;
            let mut all = Vec::new();
            let files = fetch_source(&source, config)
                .await
                .map_err(SourceError::Api)?;
            copies.push(oldest_copy(&files));
            for file in files {
                let doc = cc_json::parse_sections(&file.text).map_err(|error| {
                    SourceError::Api(ApiError::Parse {
                        url: file.url.clone(),
                        error,
                    })
                })?;
                sample |= doc.sample;
                skipped.extend(skipped_in(&file, doc.skipped));
                all.extend(doc.sections);
            }
            all
        }
        None => cc_core::water::changchun_sections(),
    };
    let mut results = Vec::new();
    let mut automatic = Vec::new();
    let (files, ready) = futures::join!(fetch_source(&results_source, config), parser_ready);
    let files = files.map_err(SourceError::Api)?;
    ready.map_err(SourceError::Api)?;
    crate::env::yield_to_browser().await;
    copies.push(oldest_copy(&files));
    for file in files {
        let parsed = match results_source.format {
            FeedFormat::CcWaterJson => read_cc_water_results(&file, &sections).await,
            format => parse(format, &file, &sections),
        }
        .map_err(SourceError::Api)?;
        sample |= parsed.sample;
        skipped.extend(skipped_in(&file, parsed.skipped));
        results.extend(parsed.results);
        automatic.extend(parsed.automatic);
    }
    crate::env::yield_to_browser().await;
    Ok(Arc::new(WaterData {
        sections,
        results,
        automatic,
        sample,
        offline_copy: OfflineCopy::oldest(copies),
        skipped,
    }))
}
