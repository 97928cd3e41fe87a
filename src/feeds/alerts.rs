//! `air.alerts`: heavy-pollution warnings, shown above everything on every page and in the
//! widget. Which warnings are in force is decided in `cc_core::air::alerts`; here the file is
//! fetched again every refresh period, and the views' clock is moved at the exact minute a
//! warning starts or ends, so a warning appears and disappears on time without a reload.

use super::{fetch_source, skipped_in, SourceError};
use crate::api::ApiError;
use cc_core::air::alerts::{in_force, next_change, parse_cc_alerts_json, Alert, Alerts};
use cc_core::config::Config;
use cc_core::time::Minute;
use cc_core::SkippedInFile;
use leptos::prelude::*;
use std::sync::Arc;

/// A loaded warnings file.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertsData {
    pub alerts: Alerts,
    /// From config (`"sample": true`) or from the file itself.
    pub sample: bool,
    /// Warnings and cells that could not be read.
    pub skipped: Vec<SkippedInFile>,
}

/// The outcome of loading `air.alerts`.
pub type AlertsResult = Result<Arc<AlertsData>, SourceError>;

/// Fetches and reads `air.alerts`; the warnings of every file of the source together.
pub async fn load_alerts_source(config: &Config) -> AlertsResult {
    let source = config
        .air_alerts
        .as_ref()
        .ok_or(SourceError::NotConfigured)?;
    let files = fetch_source(source, config)
        .await
        .map_err(SourceError::Api)?;
    let mut all = Alerts::default();
    let mut skipped = Vec::new();
    for file in &files {
        let mut alerts = parse_cc_alerts_json(&file.text).map_err(|error| {
            SourceError::Api(ApiError::Parse {
                url: file.url.clone(),
                error,
            })
        })?;
        skipped.extend(skipped_in(file, std::mem::take(&mut alerts.skipped)));
        all.sample |= alerts.sample;
        all.alerts.append(&mut alerts.alerts);
    }
    Ok(Arc::new(AlertsData {
        sample: source.sample || all.sample,
        alerts: all,
        skipped,
    }))
}

/// What the warning banners show.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum AlertsShown {
    /// Nothing: no source, still loading, or no warning in force and none unreadable.
    #[default]
    Nothing,
    /// The warnings in force, the most severe first (none when only `skipped` is to be said),
    /// whether they are sample data, and the warnings of the file that could not be read: one of
    /// them may be in force, so the banner says so rather than stay silent.
    InForce {
        alerts: Vec<Alert>,
        sample: bool,
        skipped: Vec<SkippedInFile>,
    },
    /// The file could not be read, and no earlier reading of it is at hand.
    Unreadable(SourceError),
}

impl AlertsShown {
    /// What `loaded` (the last file read) or `failed` (why it could not be) shows at `now`.
    fn at(loaded: Option<&AlertsData>, failed: Option<&SourceError>, now: Minute) -> Self {
        match (loaded, failed) {
            (Some(data), _) => {
                let alerts: Vec<Alert> = in_force(&data.alerts, now).into_iter().cloned().collect();
                if alerts.is_empty() && data.skipped.is_empty() {
                    AlertsShown::Nothing
                } else {
                    AlertsShown::InForce {
                        alerts,
                        sample: data.sample,
                        skipped: data.skipped.clone(),
                    }
                }
            }
            (None, Some(e @ SourceError::Api(_))) => AlertsShown::Unreadable(e.clone()),
            _ => AlertsShown::Nothing,
        }
    }
}

/// The warnings the banners show, kept current by [`AlertsWatch::run`].
///
/// `shown` is set only when it changes: a refresh that finds the same warnings changes no node,
/// so the banners' live region does not announce them again.
#[derive(Clone, Copy)]
pub struct AlertsWatch {
    pub shown: RwSignal<AlertsShown>,
}

impl AlertsWatch {
    pub fn new() -> Self {
        Self {
            shown: RwSignal::new(AlertsShown::Nothing),
        }
    }

    /// Loads the warnings every `refresh_minutes` and wakes at every start and end, for as long
    /// as the page lives. A failed refresh keeps the warnings already loaded: they still end on
    /// time.
    pub async fn run(self, config: Arc<Config>, refresh_minutes: u32) {
        if config.air_alerts.is_none() {
            return;
        }
        let refresh = i64::from(refresh_minutes.max(1));
        let mut loaded: Option<Arc<AlertsData>> = None;
        let mut failed: Option<SourceError> = None;
        let mut next_load = crate::env::now_minute();
        loop {
            if crate::env::now_minute() >= next_load {
                match load_alerts_source(&config).await {
                    Ok(data) => {
                        loaded = Some(data);
                        failed = None;
                    }
                    Err(e) => failed = Some(e),
                }
                next_load = Minute(crate::env::now_minute().0 + refresh);
            }
            let now = crate::env::now_minute();
            let shown = AlertsShown::at(loaded.as_deref(), failed.as_ref(), now);
            if self.shown.with_untracked(|s| *s != shown) {
                self.shown.set(shown);
            }
            let change = loaded.as_ref().and_then(|d| next_change(&d.alerts, now));
            let wake = change.map_or(next_load, |c| c.min(next_load));
            let wait_ms = (wake.to_unix_millis() - js_sys::Date::now() as i64).clamp(0, 86_400_000);
            gloo_timers::future::TimeoutFuture::new(wait_ms as u32).await;
        }
    }
}

impl Default for AlertsWatch {
    fn default() -> Self {
        Self::new()
    }
}
