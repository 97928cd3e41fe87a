//! One file through `cc_core`'s own parser for its format, into one of the documents the site
//! reads: air data, a water section list, water results, or the automatic water feed.

use crate::detect::{water_kind, WaterKind};
use cc_core::air::alerts::{parse_cc_alerts_json, Alerts};
use cc_core::air::feeds::parse_air_feed;
use cc_core::air::forecast::{parse_cc_forecast_json, Forecast};
use cc_core::air::AirDataset;
use cc_core::config::FeedFormat;
use cc_core::time::Hour;
use cc_core::water::feeds::cc_json::{parse_results, parse_sections, ResultsDoc, SectionsDoc};
use cc_core::water::feeds::cnemc_json::{parse_cnemc, AutoFeed};
use cc_core::water::Section;
use cc_core::FeedError;

/// What a file holds once parsed.
#[derive(Debug, Clone)]
pub enum Parsed {
    Air(AirDataset),
    Sections(SectionsDoc),
    Results(ResultsDoc),
    Auto(AutoFeed),
    Forecast(Forecast),
    Alerts(Alerts),
}

impl Parsed {
    /// The kind as `check --json` names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Parsed::Air(_) => "air",
            Parsed::Sections(_) => "water-sections",
            Parsed::Results(_) => "water-results",
            Parsed::Auto(_) => "water-automatic",
            Parsed::Forecast(_) => "air-forecast",
            Parsed::Alerts(_) => "air-alerts",
        }
    }

    /// The cells, rows or entries the parser skipped.
    pub fn skipped(&self) -> &[FeedError] {
        match self {
            Parsed::Air(d) => &d.skipped,
            Parsed::Sections(d) => &d.skipped,
            Parsed::Results(d) => &d.skipped,
            Parsed::Auto(d) => &d.skipped,
            Parsed::Forecast(d) => &d.skipped,
            Parsed::Alerts(d) => &d.skipped,
        }
    }
}

/// What the parsers need besides the text.
#[derive(Debug, Clone)]
pub struct Context {
    /// The station OpenAQ rows are filed under (config `default_station`).
    pub openaq_station: String,
    /// "Now", Beijing time: dates the automatic water feed's year-less times, and marks future rows.
    pub now: Hour,
    /// The section list water results are checked against.
    pub sections: Vec<Section>,
}

impl Context {
    /// Changchun's sections, OpenAQ rows under `openaq`, at `now`.
    pub fn new(now: Hour) -> Self {
        Self {
            openaq_station: "openaq".to_string(),
            now,
            sections: cc_core::water::changchun_sections(),
        }
    }
}

/// Parses `text` as `format`.
pub fn parse(format: FeedFormat, text: &str, ctx: &Context) -> Result<Parsed, FeedError> {
    match format {
        FeedFormat::CcWaterJson => match water_kind(text) {
            Some(WaterKind::Results) => parse_results(text, &ctx.sections).map(Parsed::Results),
            // A document without a readable kind goes to the sections parser, whose error
            // names the `kind` member.
            _ => parse_sections(text).map(Parsed::Sections),
        },
        FeedFormat::CnemcWaterJson => parse_cnemc(text, ctx.now).map(Parsed::Auto),
        FeedFormat::CcForecastJson => parse_cc_forecast_json(text).map(Parsed::Forecast),
        FeedFormat::CcAlertsJson => parse_cc_alerts_json(text).map(Parsed::Alerts),
        _ => parse_air_feed(format, text, &ctx.openaq_station).map(Parsed::Air),
    }
}
