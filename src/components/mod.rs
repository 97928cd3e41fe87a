//! Display-only components: they receive data and render it; they never fetch.

pub(crate) mod air;
pub(crate) mod alerts;
pub(crate) mod chart;
pub(crate) mod data_table;
pub(crate) mod forecast;
pub(crate) mod later;
pub(crate) mod nearest;
pub mod notices;
pub(crate) mod nowrap;
pub(crate) mod page;
pub(crate) mod read_aloud;
pub(crate) mod shell;
pub(crate) mod stations;
pub(crate) mod water;
