//! Pure domain logic of 绿色长春 · 环境信息.
//!
//! Everything here compiles and is tested on the host with plain `cargo test`: no leptos, no
//! web-sys, no I/O. The app crate (`src/`) only displays what these modules compute.

pub mod air;
pub mod config;
pub mod decimal;
pub mod feed_error;
pub mod geo;
pub mod i18n;
pub mod json;
mod json_doc;
pub(crate) mod json_items;
pub(crate) mod json_obj;
pub mod name;
pub mod offline;
pub mod order;
pub mod report;
pub mod rng;
pub mod time;
pub mod url;
pub mod water;
pub mod widget;
pub mod wire;

pub use feed_error::{skipped_note, FeedError, SkippedInFile};
pub use name::UnknownName;
