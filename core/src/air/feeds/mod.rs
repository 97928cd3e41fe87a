//! Adapters from the air feeds the site reads to [`crate::air::AirDataset`]. One entry point per
//! format; none panics on any input, and every failure is a [`crate::FeedError`] with a position.

pub mod cc_json;
pub mod cnemc;
pub mod csv_reader;
pub mod openaq;
pub mod quotsoft;

pub use cc_json::{parse_cc_air_json, write_cc_air_json, CcJsonMeta};
pub use cnemc::parse_cnemc_hourly_csv;
pub use openaq::parse_openaq_v3_json;
pub use quotsoft::parse_quotsoft_sites_csv;

use crate::air::AirDataset;
use crate::config::FeedFormat;
use crate::FeedError;

/// Parses one file of an air feed by its configured format. OpenAQ rows carry no CNEMC station
/// code, so they are filed under `openaq_station` (config `default_station`).
pub fn parse_air_feed(
    format: FeedFormat,
    text: &str,
    openaq_station: &str,
) -> Result<AirDataset, FeedError> {
    let stations = crate::air::stations::changchun();
    match format {
        FeedFormat::CnemcHourlyCsv => parse_cnemc_hourly_csv(text),
        FeedFormat::QuotsoftSitesCsv => parse_quotsoft_sites_csv(text, &stations),
        FeedFormat::OpenaqV3Json => parse_openaq_v3_json(text, openaq_station, &stations),
        FeedFormat::CcAirJson => parse_cc_air_json(text),
        FeedFormat::CcWaterJson
        | FeedFormat::CnemcWaterJson
        | FeedFormat::CcForecastJson
        | FeedFormat::CcAlertsJson => Err(FeedError::whole(format!(
            "{} is not a format of air measurements",
            format.as_str()
        ))),
    }
}
