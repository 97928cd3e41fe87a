//! Surface water: GB 3838-2002 《地表水环境质量标准》 classes, the single-factor assessment of
//! 地表水环境质量评价办法(试行) (环办〔2011〕22号), river grades, period headlines, and the feed
//! adapters (`cc-water-json`, documented in `FORMAT.md`; the CNEMC automatic-station JSON).
//!
//! Everything is pure and host-tested. Each module cites the standard its rules come from; a
//! rule marked [memory] could not be checked against the 办法's full text (only its table of
//! contents was readable), so it is kept in one place and easy to change.

pub mod annual;
pub mod assess;
pub mod class;
pub mod detection;
pub mod digits;
pub mod explain;
pub mod feeds;
pub mod grade;
pub mod limits;
pub mod method;
pub mod period;
pub mod river;
pub mod sample;
pub mod sections;
pub mod summary;

pub use assess::{classify, exceedance, Basis, IndicatorResult, SectionAssessment, Value};
pub use class::{Status, WaterClass};
pub use explain::{class_label, deciding_sentence, format_exceedance, AUTOMATIC_LABEL};
pub use grade::{
    grade_by_proportion, river_grade, river_grade_for_period, RiverGrade, SectionValues,
};
pub use limits::{Indicator, Rule, WaterBody};
pub use period::{
    assess_period, headline, headline_comparison, indicator_series, monthly_classes, period_means,
    period_values, Headline, HeadlineComparison, Period,
};
pub use sections::{changchun_sections, Measurement, Name, Provenance, River, Section};
pub use summary::{newest_month_summary, MonthSummary};
