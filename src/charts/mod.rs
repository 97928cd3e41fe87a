//! Chart drawing for the site: pure functions generic over plotters' [`DrawingBackend`], so the
//! browser draws them on a `<canvas>` (plotters-canvas) and the host tests draw them into an SVG
//! string (style rule 4).
//!
//! Every chart comes as four functions over one plain input struct built from the engines'
//! outputs (so charts never depend on page code): `draw_<name>` (the picture), `summary_<name>`
//! (one sentence for screen readers and the caption), `table_<name>` (the "view as table"
//! alternative, which also gives the CSV through [`Table::to_csv`]). Colours come from the
//! engines' own tables ([`palette`]); every label exists in Chinese and English.

pub(crate) mod aqi_calendar;
pub(crate) mod count_bars;
pub(crate) mod daily_aqi_bars;
pub(crate) mod hourly_aqi;
pub(crate) mod palette;
pub(crate) mod table;
pub(crate) mod water_class_steps;
pub(crate) mod water_indicator_bands;
pub mod wire;
pub(crate) mod year_hourly_aqi;

mod aqi_scale;
mod frame;

pub use aqi_calendar::{draw_aqi_calendar, summary_aqi_calendar, table_aqi_calendar, AqiCalendar};
pub use count_bars::{draw_count_bars, summary_count_bars, table_count_bars, CountBars, MAX_BARS};
pub use daily_aqi_bars::{
    draw_daily_aqi_bars, summary_daily_aqi_bars, table_daily_aqi_bars, DailyAqi,
};
pub use hourly_aqi::{
    draw_hourly_aqi, summary_hourly_aqi, table_hourly_aqi, HourlyAqi, StationLine,
};
pub use table::{tables_to_csv, Table};
pub use water_class_steps::{
    draw_water_class_steps, summary_water_class_steps, table_water_class_steps, WaterClassSteps,
};
pub use water_indicator_bands::{
    draw_water_indicator_bands, summary_water_indicator_bands, table_water_indicator_bands,
    IndicatorSeries,
};
pub use year_hourly_aqi::{
    draw_year_hourly_aqi, summary_year_hourly_aqi, table_year_hourly_aqi, YearHourlyAqi,
};

use plotters::drawing::DrawingAreaErrorKind;
use std::fmt;

/// A drawing failed in the backend (canvas or SVG). It carries the backend's message as text so
/// that the type doesn't depend on the backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(pub String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "chart drawing failed: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

#[cfg(test)]
mod tests;
