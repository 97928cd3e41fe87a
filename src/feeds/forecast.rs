//! `air.forecast`: the city's air-quality forecast, read by the home page, `/air` and the AQI
//! widget. Only what it shows is decided in `cc_core::air::forecast`; here it is fetched.

use super::{config_once, fetch_source, oldest_copy, skipped_in, ConfigResult, SourceError};
use crate::api::ApiError;
use cc_core::air::forecast::{parse_cc_forecast_json, Forecast};
use cc_core::config::Config;
use cc_core::offline::OfflineCopy;
use cc_core::SkippedInFile;
use leptos::prelude::*;
use std::sync::Arc;

/// A loaded forecast.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastData {
    pub forecast: Forecast,
    /// From config (`"sample": true`) or from the file itself.
    pub sample: bool,
    /// Set when the file is the service worker's offline copy.
    pub offline_copy: Option<OfflineCopy>,
    /// Days and cells that could not be read.
    pub skipped: Vec<SkippedInFile>,
}

/// The outcome of loading `air.forecast`.
pub type ForecastResult = Result<Arc<ForecastData>, SourceError>;

/// Context: `air.forecast`, loaded once by the bundles whose pages show it.
#[derive(Clone, Copy)]
pub struct ForecastFeed(pub LocalResource<ForecastResult>);

/// Fetches and reads `air.forecast`. When the source names several files, the most recently
/// issued forecast is the one shown.
pub async fn load_forecast_source(config: &Config) -> ForecastResult {
    let source = config
        .air_forecast
        .as_ref()
        .ok_or(SourceError::NotConfigured)?;
    let files = fetch_source(source, config)
        .await
        .map_err(SourceError::Api)?;
    let mut newest: Option<(Forecast, usize)> = None;
    for (i, file) in files.iter().enumerate() {
        let forecast = parse_cc_forecast_json(&file.text).map_err(|error| {
            SourceError::Api(ApiError::Parse {
                url: file.url.clone(),
                error,
            })
        })?;
        if newest
            .as_ref()
            .is_none_or(|(n, _)| forecast.issued_at >= n.issued_at)
        {
            newest = Some((forecast, i));
        }
    }
    let (mut forecast, index) = newest.ok_or(SourceError::NotConfigured)?;
    let file = files.get(index);
    let skipped = file
        .and_then(|f| skipped_in(f, std::mem::take(&mut forecast.skipped)))
        .into_iter()
        .collect();
    Ok(Arc::new(ForecastData {
        sample: source.sample || forecast.sample,
        offline_copy: oldest_copy(file),
        skipped,
        forecast,
    }))
}

/// [`load_forecast_source`] once the site's configuration is loaded.
pub async fn load_forecast(config: LocalResource<ConfigResult>) -> ForecastResult {
    let config = config_once(config).await.map_err(SourceError::Config)?;
    load_forecast_source(&config).await
}
