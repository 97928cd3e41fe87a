//! The air sources: `air.latest` (every page) and `air.history` (the year, on demand), merged
//! and scored.

use super::{
    config_once, fetch_source, oldest_copy, skipped_in, ConfigResult, Fetched, SourceError,
};
use crate::api::ApiError;
use cc_core::config::{Config, Source};
use cc_core::offline::OfflineCopy;
use cc_core::SkippedInFile;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct AirData {
    pub dataset: cc_core::air::AirDataset,
    /// Duplicates, out-of-order and future rows found while merging.
    pub notes: Vec<cc_core::air::DataNote>,
    /// Every station-hour with its hourly AQI, by station then hour.
    pub station_hours: Vec<cc_core::air::StationHour>,
    /// Every city-hour (mean over the non-对照点 stations) with its AQI, by hour.
    pub city_hours: Vec<cc_core::air::CityHour>,
    /// From config (`"sample": true`) or from the files themselves.
    pub sample: bool,
    pub attribution: Option<String>,
    /// Set when the data is the service worker's offline copy.
    pub offline_copy: Option<OfflineCopy>,
    /// Cells, rows or blocks of the files that could not be read and were skipped.
    pub skipped: Vec<SkippedInFile>,
}

/// The shared result of loading an air source.
pub type AirResult = Result<Arc<AirData>, SourceError>;

/// Context: the `air.latest` source, loaded once for the whole site (home, air page, footer).
#[derive(Clone, Copy)]
pub struct AirLatest(pub LocalResource<AirResult>);

impl AirLatest {
    /// The newest hour of the loaded data (tracked); `None` while loading, on failure or
    /// without rows.
    pub fn newest_hour(self) -> Option<cc_core::time::Hour> {
        self.0
            .get()
            .and_then(|r| r.ok())
            .and_then(|d| d.dataset.latest_hour())
    }
}

/// Parses one fetched file of an air source by the source's format: `cc-air-json` here, the
/// other formats in the feeds module (see [`super::module`]).
pub fn parse_air(
    format: cc_core::config::FeedFormat,
    file: &Fetched,
    config: &Config,
) -> Result<cc_core::air::AirDataset, ApiError> {
    let openaq_station = config.default_station.as_deref().unwrap_or("openaq");
    let parsed = match format {
        cc_core::config::FeedFormat::CcAirJson => cc_core::air::parse_cc_air_json(&file.text),
        _ => super::module::parse_air(format, &file.text, openaq_station),
    };
    parsed.map_err(|error| ApiError::Parse {
        url: file.url.clone(),
        error,
    })
}

/// [`parse_air`] with every parser in this bundle (the year's, see [`load_air_daily`]).
fn parse_air_here(
    format: cc_core::config::FeedFormat,
    file: &Fetched,
    config: &Config,
) -> Result<cc_core::air::AirDataset, ApiError> {
    let openaq_station = config.default_station.as_deref().unwrap_or("openaq");
    let parsed = cc_core::air::feeds::parse_air_feed(format, &file.text, openaq_station);
    parsed.map_err(|error| ApiError::Parse {
        url: file.url.clone(),
        error,
    })
}

/// A parser of one fetched air file: [`parse_air`] (every format) on the site; the widget passes
/// one that knows `cc-air-json` only, so its bundle links no other parser.
pub type AirParser = fn(
    cc_core::config::FeedFormat,
    &Fetched,
    &Config,
) -> Result<cc_core::air::AirDataset, ApiError>;

/// An air source's files, parsed and merged.
struct MergedAir {
    dataset: cc_core::air::AirDataset,
    notes: Vec<cc_core::air::DataNote>,
    offline_copy: Option<OfflineCopy>,
    skipped: Vec<SkippedInFile>,
}

/// Fetches every file of an air source, parses each by the source's format and merges them in
/// order (later rows win; duplicates, disorder and future rows become notes).
async fn fetch_air_dataset(
    config: &Config,
    source: &Source,
    parse: AirParser,
    parser_ready: impl std::future::Future<Output = Result<(), ApiError>>,
) -> Result<MergedAir, SourceError> {
    let (files, ready) = futures::join!(fetch_source(source, config), parser_ready);
    let files = files.map_err(SourceError::Api)?;
    ready.map_err(SourceError::Api)?;
    crate::env::yield_to_browser().await;
    let mut datasets = Vec::with_capacity(files.len());
    let mut skipped = Vec::new();
    for file in &files {
        let mut dataset = parse(source.format, file, config).map_err(SourceError::Api)?;
        skipped.extend(skipped_in(file, std::mem::take(&mut dataset.skipped)));
        datasets.push(dataset);
    }
    let (dataset, notes) = cc_core::air::merge(datasets, Some(crate::env::now_hour()));
    Ok(MergedAir {
        dataset,
        notes,
        offline_copy: oldest_copy(&files),
        skipped,
    })
}

/// Loads an air source and scores every hour: what the site displays.
pub async fn load_air_source(config: &Config, source: &Source) -> AirResult {
    let ready = super::module::ready_for(source.format);
    load_air_source_with(config, source, parse_air, ready).await
}

/// [`load_air_source`] with the given parser (the widget's), which can parse once `parser_ready`
/// has finished (it runs while the files are fetched).
pub async fn load_air_source_with(
    config: &Config,
    source: &Source,
    parse: AirParser,
    parser_ready: impl std::future::Future<Output = Result<(), ApiError>>,
) -> AirResult {
    let MergedAir {
        dataset,
        notes,
        offline_copy,
        skipped,
    } = fetch_air_dataset(config, source, parse, parser_ready).await?;
    crate::env::yield_to_browser().await;
    let station_hours = cc_core::air::station_hourly(&dataset);
    let city_hours = cc_core::air::city_hourly(&dataset);
    crate::env::yield_to_browser().await;
    Ok(Arc::new(AirData {
        sample: source.sample || dataset.sample,
        attribution: source
            .attribution
            .clone()
            .or_else(|| (!dataset.source.is_empty()).then(|| dataset.source.clone())),
        dataset,
        notes,
        station_hours,
        city_hours,
        offline_copy,
        skipped,
    }))
}

/// Loads the air source `pick` chooses from the site's configuration.
pub async fn load_air(
    config: LocalResource<ConfigResult>,
    pick: fn(&Config) -> Option<&Source>,
) -> AirResult {
    let config = config_once(config).await.map_err(SourceError::Config)?;
    let source = pick(&config).cloned().ok_or(SourceError::NotConfigured)?;
    load_air_source(&config, &source).await
}

/// [`load_air`] for the history bundle, which links every air parser itself for the year (see
/// [`load_air_daily`]), so it never fetches the feeds module for the latest data either.
pub async fn load_air_here(
    config: LocalResource<ConfigResult>,
    pick: fn(&Config) -> Option<&Source>,
) -> AirResult {
    let config = config_once(config).await.map_err(SourceError::Config)?;
    let source = pick(&config).cloned().ok_or(SourceError::NotConfigured)?;
    load_air_source_with(&config, &source, parse_air_here, async { Ok(()) }).await
}

/// The daily city values of an air source (for the 30-day and calendar charts).
#[derive(Debug, Clone)]
pub struct AirDaily {
    /// The city's natural days with their daily AQI, in date order.
    pub days: Vec<cc_core::air::CityDay>,
    pub sample: bool,
    /// Set when the year is the service worker's offline copy.
    pub offline_copy: Option<OfflineCopy>,
    /// Cells, rows or blocks of the files that could not be read and were skipped.
    pub skipped: Vec<SkippedInFile>,
}

/// `air.history` for the history page, fetched only once the reader asks for it (`wanted`).
#[derive(Clone, Copy)]
pub struct AirHistory {
    pub wanted: RwSignal<bool>,
    pub data: LocalResource<Option<Result<Arc<AirDaily>, SourceError>>>,
}

impl AirHistory {
    /// A resource that stays idle until `wanted` is set.
    pub fn new(config: LocalResource<ConfigResult>) -> Self {
        let wanted = RwSignal::new(false);
        let data = LocalResource::new(move || {
            let wanted = wanted.get();
            async move {
                if !wanted {
                    return None;
                }
                Some(load_air_daily(config).await)
            }
        });
        Self { wanted, data }
    }
}

async fn load_air_daily(config: LocalResource<ConfigResult>) -> Result<Arc<AirDaily>, SourceError> {
    let config = config_once(config).await.map_err(SourceError::Config)?;
    let source = config
        .air_history
        .clone()
        .ok_or(SourceError::NotConfigured)?;
    // The year is parsed here, in the history bundle (the only one that loads it), whatever its
    // format: through the feeds module a year of CNEMC CSV would cost 30 ms more to pass back
    // (8.6 MB of cc_core::wire, natively: README "The feeds module") on top of the 86 KB module.
    let merged = fetch_air_dataset(&config, &source, parse_air_here, async { Ok(()) }).await?;
    Ok(Arc::new(AirDaily {
        days: cc_core::air::city_daily(&merged.dataset),
        sample: source.sample || merged.dataset.sample,
        offline_copy: merged.offline_copy,
        skipped: merged.skipped,
    }))
}
