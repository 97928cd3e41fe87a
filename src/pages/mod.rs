//! One module per route. Pages own routing state (query parameters) and data loading, and pass
//! plain values to components.

pub(crate) mod air;
pub(crate) mod air_history;
pub(crate) mod air_trends;
pub(crate) mod air_year;
pub(crate) mod embed;
pub(crate) mod home;
pub(crate) mod info;
pub(crate) mod not_found;
pub(crate) mod report;
pub(crate) mod water;
pub(crate) mod water_auto;
pub(crate) mod water_section;
