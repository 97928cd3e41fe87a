//! Water feed adapters. Each turns a text into domain values or a [`crate::FeedError`] with a
//! line and column, and never panics.
//!
//! - [`cc_json`]: `cc-water-json`, our canonical format for manual monitoring (see `FORMAT.md`).
//! - [`cnemc_json`]: the national surface-water automatic monitoring real-time JSON
//!   (国家地表水水质自动监测实时数据发布系统, szzdjc.cnemc.cn).

pub mod cc_json;
pub mod cnemc_json;
pub(crate) mod html;
pub(crate) mod units;
