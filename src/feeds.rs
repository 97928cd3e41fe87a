//! Loading `config.json` and the data sources it names.
//!
//! The app root creates one [`SiteConfig`] resource; pages create their source resources from
//! it, so the first screen fetches only what it shows (`air.latest`) and the year
//! (`air.history`) is fetched when a view asks for it.
//!
//! Every loaded source says whether any of its files came from the service worker's offline
//! copy (`offline_copy`, the oldest such copy), so its views can say they show the last data
//! received.

use crate::api::{fetch_text, ApiError, FetchLimits};
use cc_core::config::{parse_config, Config, ConfigError, Source};
use cc_core::i18n::Lang;
use cc_core::offline::OfflineCopy;
use cc_core::SkippedInFile;
use leptos::prelude::*;
use std::future::IntoFuture;
use std::sync::Arc;

/// Why the configuration could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigLoadError {
    /// config.json could not be fetched.
    Fetch(ApiError),
    /// config.json was fetched but is malformed.
    Invalid(ConfigError),
}

impl ConfigLoadError {
    /// A message for people, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ConfigLoadError::Fetch(e) => format!("config.json: {}", e.message(lang)),
            ConfigLoadError::Invalid(e) => e.message(lang),
        }
    }
}

/// The loaded configuration, shared by every page.
pub type ConfigResult = Result<Arc<Config>, ConfigLoadError>;

/// Context: the config.json resource.
#[derive(Clone, Copy)]
pub struct SiteConfig(pub LocalResource<ConfigResult>);

/// The configuration, once loaded, without subscribing the caller to the resource. It never
/// changes once loaded; a resource that awaited it tracked would run again when it arrives and
/// fetch its feeds twice.
pub async fn config_once(config: LocalResource<ConfigResult>) -> ConfigResult {
    leptos::reactive::computed::ScopedFuture::new_untracked(config.into_future()).await
}

/// Fetches and parses config.json, which sits beside index.html.
pub async fn load_config() -> ConfigResult {
    load_config_from(&crate::env::site_file_url("config.json")).await
}

/// Fetches and parses the config.json at `url` (the site's, or the widget's site).
pub async fn load_config_from(url: &str) -> ConfigResult {
    let limits = FetchLimits {
        timeout_ms: 15_000,
        max_bytes: 1_000_000,
    };
    let text = fetch_text(url, limits)
        .await
        .map_err(ConfigLoadError::Fetch)?
        .text;
    let config = parse_config(&text, url).map_err(ConfigLoadError::Invalid)?;
    if !config.unknown_keys.is_empty() {
        leptos::logging::warn!(
            "config.json: unknown keys ignored: {}",
            config.unknown_keys.join(", ")
        );
    }
    Ok(Arc::new(config))
}

/// One fetched file of a source.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub url: String,
    pub text: String,
    /// Set when the answer was the service worker's offline copy.
    pub offline_copy: Option<OfflineCopy>,
}

/// The oldest offline copy among `files` (`None` when all came from the network).
pub fn oldest_copy<'a>(files: impl IntoIterator<Item = &'a Fetched>) -> Option<OfflineCopy> {
    OfflineCopy::oldest(files.into_iter().map(|f| f.offline_copy))
}

/// Fetches every file of `source` (concurrently), in merge order.
pub async fn fetch_source(source: &Source, config: &Config) -> Result<Vec<Fetched>, ApiError> {
    let limits = FetchLimits {
        max_bytes: config.max_feed_bytes,
        ..FetchLimits::default()
    };
    let urls = source.urls_for(crate::env::now_hour().date());
    let fetches = urls.iter().map(|url| async move {
        fetch_text(url, limits).await.map(|body| Fetched {
            url: url.clone(),
            text: body.text,
            offline_copy: body.offline_copy,
        })
    });
    futures::future::join_all(fetches)
        .await
        .into_iter()
        .collect()
}

/// Why a configured data source could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceError {
    /// config.json itself failed (its message is shown once, by the config gate).
    Config(ConfigLoadError),
    /// config.json names no source for this part.
    NotConfigured,
    /// A file of the source failed.
    Api(ApiError),
}

impl SourceError {
    /// A message for people, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SourceError::Config(e) => e.message(lang),
            SourceError::NotConfigured => crate::text::shared(lang).not_configured.to_string(),
            SourceError::Api(e) => e.message(lang),
        }
    }
}

/// An air source, loaded, merged and scored: what the air views display.
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

/// Parses one fetched file of an air source by the source's format.
pub fn parse_air(
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

/// What a parser skipped in one fetched file, named by the file's URL (empty ones dropped).
fn skipped_in(file: &Fetched, skipped: Vec<cc_core::FeedError>) -> Option<SkippedInFile> {
    (!skipped.is_empty()).then(|| SkippedInFile {
        file: file.url.clone(),
        skipped,
    })
}

/// Fetches every file of an air source, parses each by the source's format and merges them in
/// order (later rows win; duplicates, disorder and future rows become notes).
async fn fetch_air_dataset(
    config: &Config,
    source: &Source,
    parse: AirParser,
) -> Result<MergedAir, SourceError> {
    let files = fetch_source(source, config)
        .await
        .map_err(SourceError::Api)?;
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
    load_air_source_with(config, source, parse_air).await
}

/// [`load_air_source`] with the given parser (the widget's).
pub async fn load_air_source_with(config: &Config, source: &Source, parse: AirParser) -> AirResult {
    let MergedAir {
        dataset,
        notes,
        offline_copy,
        skipped,
    } = fetch_air_dataset(config, source, parse).await?;
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
    let merged = fetch_air_dataset(&config, &source, parse_air).await?;
    Ok(Arc::new(AirDaily {
        days: cc_core::air::city_daily(&merged.dataset),
        sample: source.sample || merged.dataset.sample,
        offline_copy: merged.offline_copy,
        skipped: merged.skipped,
    }))
}

/// The water sources, loaded: the section list and the results.
#[derive(Debug, Clone)]
pub struct WaterData {
    pub sections: Vec<cc_core::water::Section>,
    /// Manual monitoring results (`cc-water-json`).
    pub results: Vec<cc_core::water::Measurement>,
    /// Automatic-station readings (`cnemc-water-json`): classes from these are for reference only.
    pub automatic: Vec<cc_core::water::feeds::cnemc_json::AutoReading>,
    pub sample: bool,
    pub attribution: Option<String>,
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

/// Parses one fetched `water.results` file by the source's format.
pub fn parse_water_results(
    format: cc_core::config::FeedFormat,
    file: &Fetched,
    sections: &[cc_core::water::Section],
) -> Result<WaterResults, ApiError> {
    use cc_core::config::FeedFormat as F;
    use cc_core::water::feeds::cnemc_json;
    let parse_error = |error| ApiError::Parse {
        url: file.url.clone(),
        error,
    };
    match format {
        F::CnemcWaterJson => {
            let feed =
                cnemc_json::parse_cnemc(&file.text, crate::env::now_hour()).map_err(parse_error)?;
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
    let doc =
        cc_core::water::feeds::cc_json::parse_results(&file.text, sections).map_err(|error| {
            ApiError::Parse {
                url: file.url.clone(),
                error,
            }
        })?;
    Ok(WaterResults {
        results: doc.results,
        sample: doc.sample,
        skipped: doc.skipped,
        ..WaterResults::default()
    })
}

async fn load_water(config: LocalResource<ConfigResult>) -> Result<Arc<WaterData>, SourceError> {
    let config = config_once(config).await.map_err(SourceError::Config)?;
    load_water_with(&config, parse_water_results).await
}

/// Loads `water.sections` (Changchun's built-in list when absent) and `water.results`, the
/// results parsed by `parse`: the one water loader of the site and the widget.
pub async fn load_water_with(
    config: &Config,
    parse: WaterParser,
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
    let files = fetch_source(&results_source, config)
        .await
        .map_err(SourceError::Api)?;
    crate::env::yield_to_browser().await;
    copies.push(oldest_copy(&files));
    for file in files {
        let parsed = parse(results_source.format, &file, &sections).map_err(SourceError::Api)?;
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
        attribution: results_source.attribution.clone(),
        offline_copy: OfflineCopy::oldest(copies),
        skipped,
    }))
}
