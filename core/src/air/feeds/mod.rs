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
