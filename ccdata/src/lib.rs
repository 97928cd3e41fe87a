//! `ccdata`, the data tool for the people who publish 绿色长春's data: it reads every format the
//! site reads through `cc_core` itself, so the site and the tool can never disagree about a file.
//!
//! - [`check`]: validates feeds (format, stations, hours, gaps, duplicates, future stamps,
//!   skipped cells) for people (text) and machines (`--json`, a stable shape).
//! - [`convert`]: any supported format to ours (`cc-air-json`, `cc-water-json`).
//! - [`publish`]: writes what a deployment serves (latest 48 h, month files, water files) and the
//!   `config.json` that points at them, idempotently.
//!
//! `main.rs` only parses the arguments and calls these; the tests call them directly too.

pub mod check;
pub mod convert;
pub mod detect;
pub mod error;
pub mod feed;
pub mod input;
pub mod progress;
pub mod publish;

pub use error::ToolError;

use cc_core::time::Hour;

/// "Now" on the Beijing clock, from the system clock: rows stamped later are future stamps.
pub fn now_hour() -> Hour {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    Hour::from_unix_millis(ms)
}
