//! One module per route. Pages own routing state (query parameters) and data loading, and pass
//! plain values to components.

pub mod air;
pub mod air_history;
pub mod air_trends;
pub mod embed;
pub mod home;
pub mod info;
pub mod not_found;
pub mod report;
pub mod water;
pub mod water_auto;
pub mod water_section;
