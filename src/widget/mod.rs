//! The embeddable widget: its root component, data loading and views. Used by the `widget` bin
//! (`widget.html` in an iframe, and the `<cc-env-widget>` custom element) and, for its strings,
//! by the `/embed` builder page.
//!
//! No router, no site contexts, no charts: the widget provides what it needs itself. All URLs
//! resolve against `site_base` (the folder of widget.html, or of cc-env-widget.js), never the
//! host page's address.

mod cards;
pub mod host;
pub(crate) mod text;

use crate::api::ApiError;
use crate::feeds::{AirData, ConfigLoadError, Fetched, ForecastResult, SourceError};
use cc_core::config::{Config, FeedFormat};
use cc_core::i18n::Lang;
use cc_core::offline::OfflineCopy;
use cc_core::water::MonthSummary;
use cc_core::widget::{Params, Theme, View};
use leptos::prelude::*;
use std::sync::Arc;
use text::wt;

pub(crate) use cards::frame_title;
use cards::{alerts_banner, aqi_card, error_card, forecast_card, report_card, water_card, Loading};

/// Fetches and parses `<site_base>config.json`. In widget.html the page's loader has fetched it
/// already, to preload the sources it names while the wasm loads: its text is read from there.
pub async fn load_config_at(site_base: &str, mode: Mode) -> Result<Arc<Config>, ConfigLoadError> {
    let url = cc_core::url::resolve(site_base, "config.json");
    if mode == Mode::Frame {
        if let Some(text) = host::config_text_from_loader().await {
            return crate::feeds::config_from_text(&text, &url);
        }
    }
    crate::feeds::load_config_from(&url).await
}

/// Loads the widget's air source (`widget.air_latest`, else `air.latest`) and scores it as the
/// site does. Only `cc-air-json` is read: the other parsers would make the widget's wasm much
/// larger (README "Widget").
pub async fn load_air_latest(config: &Config) -> Result<Arc<AirData>, WidgetError> {
    let (key, source) = config
        .widget_air_source()
        .ok_or(WidgetError::Source(SourceError::NotConfigured))?;
    if source.format != FeedFormat::CcAirJson {
        return Err(WidgetError::Unsupported {
            key,
            format: source.format,
        });
    }
    crate::feeds::load_air_source_with(
        config,
        source,
        parse_cc_air_json,
        std::future::ready(Ok(())),
    )
    .await
    .map_err(WidgetError::Source)
}

fn parse_cc_air_json(
    _format: FeedFormat,
    file: &Fetched,
    _config: &Config,
) -> Result<cc_core::air::AirDataset, ApiError> {
    cc_core::air::parse_cc_air_json(&file.text).map_err(|error| ApiError::Parse {
        url: file.url.clone(),
        error,
    })
}

/// What the water view shows: the newest month's headline (`cc_core`'s summary) and where the
/// data came from.
#[derive(Debug, Clone, PartialEq)]
pub struct WaterSummary {
    pub summary: MonthSummary,
    pub sample: bool,
    /// Set when the files came from the service worker's offline copy.
    pub offline_copy: Option<OfflineCopy>,
}

/// Why a view has nothing to show.
#[derive(Debug, Clone, PartialEq)]
pub enum WidgetError {
    Source(SourceError),
    /// The configured source is in a format the widget does not read: it reads `cc-air-json` and
    /// `cc-water-json` only. `key` is the config key that names the source.
    Unsupported {
        key: &'static str,
        format: FeedFormat,
    },
}

impl WidgetError {
    /// A message for people, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WidgetError::Source(e) => e.message(lang),
            WidgetError::Unsupported { key, format } => {
                let t = wt(lang);
                let text = if format.kind() == cc_core::config::FeedKind::Air {
                    t.air_unsupported
                } else {
                    t.water_unsupported
                };
                text.replace("{key}", key)
                    .replace("{format}", format.as_str())
            }
        }
    }
}

/// Loads the water sources with the site's loader (so, as on the site, Changchun's built-in
/// section list stands in for an absent `water.sections`), reading `cc-water-json` only.
#[cfg(not(feature = "widget-aqi-only"))]
async fn load_water(config: &Config) -> Result<Option<WaterSummary>, WidgetError> {
    let sources = [
        ("water.sections", config.water_sections.as_ref()),
        ("water.results", config.water_results.as_ref()),
    ];
    for (key, source) in sources {
        if let Some(source) = source.filter(|s| s.format != FeedFormat::CcWaterJson) {
            return Err(WidgetError::Unsupported {
                key,
                format: source.format,
            });
        }
    }
    let parse = |_, file: &_, sections: &_| crate::feeds::parse_cc_water_results(file, sections);
    let data = crate::feeds::load_water_with(config, parse, std::future::ready(Ok(())))
        .await
        .map_err(WidgetError::Source)?;
    Ok(
        cc_core::water::newest_month_summary(&data.sections, &data.results).map(|summary| {
            WaterSummary {
                summary,
                sample: data.sample,
                offline_copy: data.offline_copy,
            }
        }),
    )
}

/// Whether this build has the water and report views. The AQI widget's bundle (feature
/// `widget-aqi-only`, bin `widget-aqi`) has not: with this constant false the compiler drops
/// the views, and the refresh loop's `#[cfg]` drops the water loader; 21.5 KB of the AQI
/// widget's wasm together (brotli, README "Widget").
pub const HAS_ALL_VIEWS: bool = !cfg!(feature = "widget-aqi-only");

/// Where the widget runs: an iframe of widget.html, or a custom element in the host page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Frame,
    Element,
}

/// What a view shows: nothing yet (loading), or the outcome of the last load.
type Loaded<T> = Option<Result<T, WidgetError>>;

/// Stores a refreshed outcome. A failed refresh keeps the data already shown: it still says its
/// own data time, and the stale notice tells when it gets old.
fn store<T: Send + Sync + 'static, E: Send + Sync + 'static>(
    slot: RwSignal<Option<Result<T, E>>>,
    outcome: Result<T, E>,
) {
    let keep_old = outcome.is_err() && slot.with_untracked(|s| matches!(s, Some(Ok(_))));
    if !keep_old {
        slot.set(Some(outcome));
    }
}

/// The widget. `theme` can change later (a permitted message); `origins` receives
/// config `widget.message_origins` once config.json is loaded.
///
/// Data loads in one task per widget (config.json, then the views' sources, then again every
/// `widget.refresh_minutes` without reloading the page) that writes plain signals. Resources
/// with `<Transition>` would do the same at a cost in wasm the widget cannot afford (README
/// "Widget").
#[component]
pub fn Widget(
    params: Params,
    /// Absolute URL of the site's folder, ending with `/`.
    site_base: String,
    theme: RwSignal<Theme>,
    origins: RwSignal<Vec<String>>,
    mode: Mode,
) -> impl IntoView {
    let lang = params.lang;
    let view = params.view;
    let wants_air = matches!(view, View::Aqi | View::Combo);
    let wants_water = HAS_ALL_VIEWS && matches!(view, View::Water | View::Combo);
    let air: RwSignal<Loaded<Arc<AirData>>> = RwSignal::new(None);
    let water: RwSignal<Loaded<Option<WaterSummary>>> = RwSignal::new(None);
    let forecast: RwSignal<Option<ForecastResult>> = RwSignal::new(None);
    let alerts = crate::feeds::AlertsWatch::new();
    let base = site_base.clone();
    leptos::task::spawn_local(async move {
        let cfg = match load_config_at(&base, mode).await {
            Ok(cfg) => cfg,
            Err(e) => {
                let e = WidgetError::Source(SourceError::Config(e));
                air.set(Some(Err(e.clone())));
                water.set(Some(Err(e)));
                return;
            }
        };
        origins.set(cfg.widget.message_origins.clone());
        leptos::task::spawn_local(alerts.run(cfg.clone(), cfg.widget.refresh_minutes));
        let pause_ms = cfg.widget.refresh_minutes.max(1).saturating_mul(60_000);
        loop {
            let load_air = async {
                if wants_air {
                    store(air, load_air_latest(&cfg).await);
                }
            };
            let load_forecast = async {
                if wants_air {
                    store(forecast, crate::feeds::load_forecast_source(&cfg).await);
                }
            };
            // Not a run-time `if` in the AQI bundle: an async block keeps the state that polls
            // a future it could await, whatever the condition, and with it the water loader and
            // its parser (15.3 KB of the AQI bundle's wasm, brotli).
            #[cfg(not(feature = "widget-aqi-only"))]
            let load_water = async {
                if wants_water {
                    store(water, load_water(&cfg).await);
                }
            };
            #[cfg(feature = "widget-aqi-only")]
            let load_water = std::future::ready(());
            futures::join!(load_air, load_forecast, load_water);
            gloo_timers::future::TimeoutFuture::new(pause_ms).await;
        }
    });
    let station = params.station.clone();
    let size = params.size;
    let class = move || {
        format!(
            "ccw ccw--{} ccw--{} ccw--view-{}{}",
            theme.get().as_str(),
            size.as_str(),
            view.as_str(),
            if mode == Mode::Element {
                " ccw--element"
            } else {
                ""
            }
        )
    };
    let sb = site_base.clone();
    let air_part = wants_air.then_some({
        move || match air.get() {
            None => view! { <Loading lang=lang /> }.into_any(),
            Some(Ok(data)) => aqi_card(&data, station.as_deref(), lang, size, &sb),
            Some(Err(e)) => error_card(e.message(lang), lang),
        }
    });
    // Only once the AQI card above has its data: drawn earlier, the card would be pushed down
    // when the AQI arrives (a layout shift Lighthouse measured at 0.06).
    let forecast_part = wants_air.then_some(move || {
        if air.with(Option::is_none) {
            return None;
        }
        forecast.get().map(|result| forecast_card(&result, lang))
    });
    let sb = site_base.clone();
    let water_part = wants_water.then_some({
        move || match water.get() {
            None => view! { <Loading lang=lang /> }.into_any(),
            Some(Ok(summary)) => water_card(summary.as_ref(), lang, &sb),
            Some(Err(e)) => error_card(e.message(lang), lang),
        }
    });
    let report_part = (HAS_ALL_VIEWS && matches!(view, View::Report | View::Combo))
        .then(|| report_card(lang, &site_base));
    view! {
        <div class=class lang=lang.tag() data-testid="widget">
            {alerts_banner(alerts, lang)}
            {air_part}
            {forecast_part}
            {water_part}
            {report_part}
        </div>
    }
}
