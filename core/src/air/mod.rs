//! The air-quality engine: China AQI per HJ 633 (2012 and 2026 rule sets), daily evaluation
//! per HJ 663, and the adapters that read air feeds into one [`AirDataset`] model.
//!
//! Layout: [`pollutant`] names what is measured and evaluated, [`rules`] holds the breakpoint
//! tables (one per rule set, chosen by observation date), [`iaqi`] scores hours and days,
//! [`level`] holds the six levels with colours and texts, [`aggregate`] turns hourly rows into
//! sliding means, daily values and city values, [`stats`] computes 优良天数 and period
//! statistics, [`annual`] a year's figures as the annual review reports them, [`dataset`] is the common model with merging, [`feeds`] the format parsers,
//! and [`shown`] what the site's and the widget's air views show of the scored data.

pub mod aggregate;
pub mod alerts;
pub mod annual;
pub mod dataset;
pub mod feeds;
pub mod forecast;
pub mod iaqi;
pub mod level;
pub mod pollutant;
pub mod round;
pub mod rules;
pub mod sample;
pub mod shown;
pub mod stations;
pub mod stats;

pub use aggregate::{
    city_daily, city_hourly, station_daily, station_hourly, CityDay, CityHour, StationDay,
    StationHour,
};
pub use dataset::{merge, AirDataset, DailyRow, DataNote, HourlyRow, NoteKind, Published, Station};
pub use feeds::{
    parse_cc_air_json, parse_cnemc_hourly_csv, parse_openaq_v3_json, parse_quotsoft_sites_csv,
    write_cc_air_json, CcJsonMeta,
};
pub use iaqi::{assess_daily, assess_hourly, iaqi, Aqi, Assessment, NoAqi, NoAqiReason};
pub use level::{Level, LevelTexts};
pub use pollutant::{Pollutant, PollutantSet, Species};
pub use rules::{RuleSet, RuleSetId};
pub use stats::{good_days, period_stats, GoodDays, PeriodStats};
