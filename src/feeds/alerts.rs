//! `air.alerts`: heavy-pollution warnings, shown above everything on every page and in the
//! widget. Which warnings are in force is decided in `cc_core::air::alerts`; here the file is
//! fetched again every refresh period, and the views' clock is moved at the exact minute a
//! warning starts or ends, so a warning appears and disappears on time without a reload.

use super::{fetch_source, skipped_in, SourceError};
use crate::api::ApiError;
use cc_core::air::alerts::{next_change, parse_cc_alerts_json, Alerts};
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

/// What the warning views read: the last outcome (`None` until the first load ends) and the
/// minute they show the warnings for.
#[derive(Clone, Copy)]
pub struct AlertsWatch {
    pub result: RwSignal<Option<AlertsResult>>,
    pub now: RwSignal<Minute>,
}

impl AlertsWatch {
    pub fn new() -> Self {
        Self {
            result: RwSignal::new(None),
            now: RwSignal::new(crate::env::now_minute()),
        }
    }

    /// Loads the warnings every `refresh_minutes` and moves `now` at every start and end, for as
    /// long as the page lives. A failed refresh keeps the warnings already loaded: they still
    /// end on time.
    pub async fn run(self, config: Arc<Config>, refresh_minutes: u32) {
        if config.air_alerts.is_none() {
            self.result.set(Some(Err(SourceError::NotConfigured)));
            return;
        }
        let refresh = i64::from(refresh_minutes.max(1));
        let mut next_load = crate::env::now_minute();
        loop {
            let now = crate::env::now_minute();
            if now >= next_load {
                let outcome = load_alerts_source(&config).await;
                let keep_old =
                    outcome.is_err() && self.result.with_untracked(|r| matches!(r, Some(Ok(_))));
                if !keep_old {
                    self.result.set(Some(outcome));
                }
                next_load = Minute(crate::env::now_minute().0 + refresh);
            }
            let now = crate::env::now_minute();
            self.now.set(now);
            let change = self.result.with_untracked(|r| match r {
                Some(Ok(data)) => next_change(&data.alerts, now),
                _ => None,
            });
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
