//! Display-only components: they receive data and render it; they never fetch.

pub mod air;
pub mod chart;
pub mod config_gate;
pub mod nearest;
pub mod notices;
pub mod page;
pub mod shell;
pub mod stations;
pub mod water;
