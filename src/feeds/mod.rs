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

mod air;
mod alerts;
mod forecast;
mod module;
mod water;

pub(crate) use air::*;
pub(crate) use alerts::*;
pub(crate) use forecast::*;
pub(crate) use water::*;

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

/// The largest config.json read.
pub const CONFIG_MAX_BYTES: u64 = 1_000_000;

/// Fetches and parses the config.json at `url` (the site's, or the widget's site).
pub async fn load_config_from(url: &str) -> ConfigResult {
    let limits = FetchLimits {
        timeout_ms: 15_000,
        max_bytes: CONFIG_MAX_BYTES,
    };
    let text = fetch_text(url, limits)
        .await
        .map_err(ConfigLoadError::Fetch)?
        .text;
    config_from_text(&text, url)
}

/// Parses config.json's `text`, fetched from `url`; unknown keys are logged, not fatal.
pub fn config_from_text(text: &str, url: &str) -> ConfigResult {
    let config = parse_config(text, url).map_err(ConfigLoadError::Invalid)?;
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

/// What a parser skipped in one fetched file, named by the file's URL (empty ones dropped).
pub(crate) fn skipped_in(
    file: &Fetched,
    skipped: Vec<cc_core::FeedError>,
) -> Option<SkippedInFile> {
    (!skipped.is_empty()).then(|| SkippedInFile {
        file: file.url.clone(),
        skipped,
    })
}
