//! The AQI rule sets: HJ 633-2012 (data before 2026-03-01) and HJ 633—2026 (from that date).
//!
//! Everything that differs between the two standards lives in one [`RuleSet`] value per
//! standard: the IAQI breakpoint table, the two ">800" rules and incomplete-day handling.
//! The level texts are in [`super::level`], keyed by [`RuleSetId`].

use crate::time::{Date, Hour};

/// Which standard a result was computed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleSetId {
    /// HJ 633-2012 环境空气质量指数（AQI）技术规定（试行）.
    Hj633_2012,
    /// HJ 633—2026, in force from 2026-03-01.
    Hj633_2026,
}

impl RuleSetId {
    /// Short citation, e.g. for a footnote.
    pub fn citation(self) -> &'static str {
        match self {
            RuleSetId::Hj633_2012 => "HJ 633-2012",
            RuleSetId::Hj633_2026 => "HJ 633—2026",
        }
    }
}

/// A column of HJ 633 Table 1 (表1 空气质量分指数及对应的污染物项目浓度限值).
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// SO2 24-h mean.
    So2_24h,
    /// SO2 1-h mean (实时报 only; stops at IAQI 200).
    So2_1h,
    /// NO2 24-h mean.
    No2_24h,
    /// NO2 1-h mean (实时报 only).
    No2_1h,
    /// PM10 24-h mean (also scores the 1-h PM10 value in 实时报).
    Pm10_24h,
    /// CO 24-h mean, mg/m³.
    Co_24h,
    /// CO 1-h mean, mg/m³ (实时报 only).
    Co_1h,
    /// O3 1-h mean.
    O3_1h,
    /// O3 8-h sliding mean (stops at IAQI 300).
    O3_8h,
    /// PM2.5 24-h mean (also scores the 1-h PM2.5 value in 实时报).
    Pm25_24h,
}

/// The IAQI values of the breakpoint rows of Table 1.
pub const IAQI_STEPS: [f64; 8] = [0.0, 50.0, 100.0, 150.0, 200.0, 300.0, 400.0, 500.0];

/// How a day whose indicators are not all valid is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncompleteDay {
    /// No daily AQI at all (our reading of HJ 663-2013's validity rules; the 2012 AQI text has
    /// no special case).
    NoAqi,
    /// HJ 633—2026 §5.3.1 (as quoted in third-party tests): compute from the valid
    /// indicators and publish only when that AQI exceeds 100; otherwise "NA".
    PublishIfOver100,
}

/// One complete rule set.
#[derive(Debug)]
pub struct RuleSet {
    /// Which standard.
    pub id: RuleSetId,
    /// First natural day this set applies to (inclusive); `None` = since always.
    pub from: Option<Date>,
    so2_24h: &'static [f64],
    so2_1h: &'static [f64],
    no2_24h: &'static [f64],
    no2_1h: &'static [f64],
    pm10_24h: &'static [f64],
    co_24h: &'static [f64],
    co_1h: &'static [f64],
    o3_1h: &'static [f64],
    o3_8h: &'static [f64],
    pm25_24h: &'static [f64],
    /// SO2 1-h above 800 µg/m³: `None` = report the SO2 24-h IAQI instead (2012 note 2);
    /// `Some(v)` = the SO2 IAQI is `v` (2026).
    pub so2_1h_over_800: Option<u16>,
    /// O3 8-h above 800 µg/m³: `None` = report the O3 1-h IAQI instead (2012 note 3);
    /// `Some(v)` = the O3-8h IAQI is `v` (2026).
    pub o3_8h_over_800: Option<u16>,
    /// Treatment of days with missing indicators.
    pub incomplete_day: IncompleteDay,
}

// Columns unchanged between the two standards. Source: HJ 633-2012 表1, as reproduced by
// ringsaturn/go-aqi mep/mep.go and other public implementations, which agree (one ASP.NET
// 空气质量浓度和指数换算表 page's "52" for SO2 24h at IAQI 50 is a typo). CO in mg/m³, the rest µg/m³.
const SO2_24H: [f64; 8] = [0.0, 50.0, 150.0, 475.0, 800.0, 1600.0, 2100.0, 2620.0];
const SO2_1H: [f64; 5] = [0.0, 150.0, 500.0, 650.0, 800.0];
const NO2_24H: [f64; 8] = [0.0, 40.0, 80.0, 180.0, 280.0, 565.0, 750.0, 940.0];
const NO2_1H: [f64; 8] = [0.0, 100.0, 200.0, 700.0, 1200.0, 2340.0, 3090.0, 3840.0];
const CO_24H: [f64; 8] = [0.0, 2.0, 4.0, 14.0, 24.0, 36.0, 48.0, 60.0];
const CO_1H: [f64; 8] = [0.0, 5.0, 10.0, 35.0, 60.0, 90.0, 120.0, 150.0];
const O3_1H: [f64; 8] = [0.0, 160.0, 200.0, 300.0, 400.0, 800.0, 1000.0, 1200.0];
const O3_8H: [f64; 6] = [0.0, 100.0, 160.0, 215.0, 265.0, 800.0];

// HJ 633-2012 表1 PM columns (same source as above).
const PM10_24H_2012: [f64; 8] = [0.0, 50.0, 150.0, 250.0, 350.0, 420.0, 500.0, 600.0];
const PM25_24H_2012: [f64; 8] = [0.0, 35.0, 75.0, 115.0, 150.0, 250.0, 350.0, 500.0];

// HJ 633—2026 PM columns: only the IAQI-100 breakpoint changed (PM10 150→120, PM2.5 75→60).
// Source: HJ 633—2026, as implemented by caiyunapp/aqi-hub src/cn.rs and by an
// implementation tested against the standard's table (MEE page
// https://www.mee.gov.cn/ywgz/fgbz/bz/bzwb/jcffbz/202602/t20260225_1144441.shtml).
const PM10_24H_2026: [f64; 8] = [0.0, 50.0, 120.0, 250.0, 350.0, 420.0, 500.0, 600.0];
const PM25_24H_2026: [f64; 8] = [0.0, 35.0, 60.0, 115.0, 150.0, 250.0, 350.0, 500.0];

/// HJ 633-2012 (技术规定(试行)), for observations before 2026-03-01.
pub static HJ633_2012: RuleSet = RuleSet {
    id: RuleSetId::Hj633_2012,
    from: None,
    so2_24h: &SO2_24H,
    so2_1h: &SO2_1H,
    no2_24h: &NO2_24H,
    no2_1h: &NO2_1H,
    pm10_24h: &PM10_24H_2012,
    co_24h: &CO_24H,
    co_1h: &CO_1H,
    o3_1h: &O3_1H,
    o3_8h: &O3_8H,
    pm25_24h: &PM25_24H_2012,
    so2_1h_over_800: None,
    o3_8h_over_800: None,
    incomplete_day: IncompleteDay::NoAqi,
};

/// HJ 633—2026, for observations from 2026-03-01 (MEE/SAMR release, effective that day).
/// The >800 rules are those of caiyunapp/aqi-hub src/cn.rs (SO2-1h → 200, O3-8h → 300).
pub static HJ633_2026: RuleSet = RuleSet {
    id: RuleSetId::Hj633_2026,
    from: Some(Date {
        year: 2026,
        month: 3,
        day: 1,
    }),
    so2_24h: &SO2_24H,
    so2_1h: &SO2_1H,
    no2_24h: &NO2_24H,
    no2_1h: &NO2_1H,
    pm10_24h: &PM10_24H_2026,
    co_24h: &CO_24H,
    co_1h: &CO_1H,
    o3_1h: &O3_1H,
    o3_8h: &O3_8H,
    pm25_24h: &PM25_24H_2026,
    so2_1h_over_800: Some(200),
    o3_8h_over_800: Some(300),
    incomplete_day: IncompleteDay::PublishIfOver100,
};

impl RuleSet {
    /// The rule set for observations of natural day `date` (by observation date, never by the
    /// date the code runs).
    pub fn for_date(date: Date) -> &'static RuleSet {
        match HJ633_2026.from {
            Some(from) if date >= from => &HJ633_2026,
            _ => &HJ633_2012,
        }
    }

    /// The rule set for an hour stamp. The stamp 00:00 averages the last hour of the previous
    /// day, so the hour's natural day decides.
    pub fn for_hour(hour: Hour) -> &'static RuleSet {
        Self::for_date(hour.natural_day())
    }

    /// The rule set by id.
    pub fn by_id(id: RuleSetId) -> &'static RuleSet {
        match id {
            RuleSetId::Hj633_2012 => &HJ633_2012,
            RuleSetId::Hj633_2026 => &HJ633_2026,
        }
    }

    /// The concentration breakpoints of `column`, aligned with [`IAQI_STEPS`] (shorter where
    /// the column stops).
    pub fn breakpoints(&self, column: Column) -> &'static [f64] {
        match column {
            Column::So2_24h => self.so2_24h,
            Column::So2_1h => self.so2_1h,
            Column::No2_24h => self.no2_24h,
            Column::No2_1h => self.no2_1h,
            Column::Pm10_24h => self.pm10_24h,
            Column::Co_24h => self.co_24h,
            Column::Co_1h => self.co_1h,
            Column::O3_1h => self.o3_1h,
            Column::O3_8h => self.o3_8h,
            Column::Pm25_24h => self.pm25_24h,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_set_switches_on_2026_03_01_by_natural_day() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(RuleSet::for_date(d("2026-02-28")).id, RuleSetId::Hj633_2012);
        assert_eq!(RuleSet::for_date(d("2026-03-01")).id, RuleSetId::Hj633_2026);
        assert_eq!(RuleSet::for_date(d("2021-06-01")).id, RuleSetId::Hj633_2012);
        // 2026-03-01 00:00 still closes 2026-02-28.
        let h = |s| Hour::parse(s).unwrap();
        assert_eq!(
            RuleSet::for_hour(h("2026-03-01T00:00")).id,
            RuleSetId::Hj633_2012
        );
        assert_eq!(
            RuleSet::for_hour(h("2026-03-01T01:00")).id,
            RuleSetId::Hj633_2026
        );
    }

    #[test]
    fn tables_are_strictly_increasing() {
        use Column::*;
        for rs in [&HJ633_2012, &HJ633_2026] {
            for c in [
                So2_24h, So2_1h, No2_24h, No2_1h, Pm10_24h, Co_24h, Co_1h, O3_1h, O3_8h, Pm25_24h,
            ] {
                let bp = rs.breakpoints(c);
                assert!(bp.windows(2).all(|w| w[0] < w[1]), "{c:?}");
                assert!(bp.len() <= IAQI_STEPS.len());
            }
        }
    }
}
