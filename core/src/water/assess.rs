//! Single-factor assessment of a section (单因子评价法) per 地表水环境质量评价办法(试行)
//! (环办〔2011〕22号): each indicator is classed against GB 3838-2002 Table 1 and the section
//! takes the worst class of its assessed indicators. 超标倍数 and the main pollutants follow the
//! same 办法 ([memory] rules, kept in [`exceedance`] and [`main_pollutants`]).
//!
//! Values are compared with the limits as full values (全数值比较法, GB/T 8170-2008 §4.3, the
//! default where a standard says nothing else): the 2020 统计技术规定's table of reported digits
//! could not be confirmed, so no rounding happens before the comparison. Which indicators get a
//! class, which are required and which pollutants are listed first is in [`super::method`];
//! results below the detection limit in [`super::detection`].

use super::class::WaterClass;
use super::limits::{Indicator, Rule, WaterBody};
use super::method;
use std::cmp::Ordering;

/// Relative tolerance on limits. Means of decimal values pick up binary noise (three samples of
/// 0.1 average to 0.10000000000000002), which must not push a value on a limit into the worse
/// class: limits are inclusive.
const REL_TOL: f64 = 1e-9;

/// The class of one indicator value against Table 1, or `None` when the indicator has no class
/// limits or the value is not finite. A value on a limit takes the better class; failing Ⅴ
/// gives 劣Ⅴ.
pub fn classify(indicator: Indicator, value: f64, body: WaterBody) -> Option<WaterClass> {
    if !value.is_finite() {
        return None;
    }
    let class = match indicator.rule(body)? {
        Rule::AtMost(limits) => limits
            .iter()
            .position(|&l| value <= l * (1.0 + REL_TOL))
            .map_or(WaterClass::WorseThanV, WaterClass::from_index),
        Rule::AtLeast(limits) => limits
            .iter()
            .position(|&l| value >= l * (1.0 - REL_TOL))
            .map_or(WaterClass::WorseThanV, WaterClass::from_index),
        Rule::Between(low, high) => {
            if value >= low * (1.0 - REL_TOL) && value <= high * (1.0 + REL_TOL) {
                WaterClass::I
            } else {
                WaterClass::WorseThanV
            }
        }
    };
    Some(class)
}

/// 超标倍数 = (C − C_Ⅲ) / C_Ⅲ when the value is worse than Ⅲ; `None` otherwise, and always for
/// pH and DO, whose limits are not upper bounds.
pub fn exceedance(indicator: Indicator, value: f64, body: WaterBody) -> Option<f64> {
    if !method::has_class(indicator, body) {
        return None;
    }
    let limit = match indicator.rule(body)? {
        Rule::AtMost(limits) => limits[2],
        Rule::AtLeast(_) | Rule::Between(..) => return None,
    };
    let class = classify(indicator, value, body)?;
    (class > WaterClass::III && limit > 0.0).then(|| (value - limit) / limit)
}

/// Whether a class was computed from the full manual monitoring or from an automatic station.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    /// Manual monitoring (the official monthly class).
    Manual,
    /// An automatic station's partial indicator set: a reference only, labelled 自动监测(参考).
    Automatic,
}

/// One indicator's value, class and 超标倍数 within a section assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorResult {
    /// The indicator.
    pub indicator: Indicator,
    /// Its value (a period mean where the assessment covers a period), in the canonical unit;
    /// a result below the detection limit counts as half the limit (see [`super::detection`]).
    pub value: f64,
    /// `Some(limit)` when every result behind the value was below the detection limit (the
    /// largest limit; `0.0` when no limit was reported): the value is then shown as 未检出.
    pub not_detected: Option<f64>,
    /// Its class, `None` for indicators not classed in this water body (conductivity, faecal
    /// coliforms, total nitrogen in rivers: [`method::has_class`]).
    pub class: Option<WaterClass>,
    /// 超标倍数 against class Ⅲ, when worse than Ⅲ (never for pH and DO).
    pub exceedance: Option<f64>,
    /// Whether it took part in the section class (the 21 assessed indicators).
    pub assessed: bool,
}

/// The single-factor assessment of one section (for one sample or one period).
#[derive(Debug, Clone, PartialEq)]
pub struct SectionAssessment {
    /// The section class: the worst class of the assessed indicators; `None` when none of the
    /// assessed indicators has a value.
    pub class: Option<WaterClass>,
    /// Manual (official) or automatic (reference only).
    pub basis: Basis,
    /// The water-body type used for total phosphorus.
    pub body: WaterBody,
    /// Every indicator with a value, in Table 1 order (reference indicators included).
    pub indicators: Vec<IndicatorResult>,
    /// Up to three assessed indicators worse than Ⅲ, most decisive first.
    pub main_pollutants: Vec<Indicator>,
    /// Required indicators ([`method::required`]) without a value, in Table 1 order; always
    /// empty for automatic stations, whose partial set is already labelled 自动监测(参考).
    pub missing: Vec<Indicator>,
}

/// One input value of an assessment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value {
    /// The indicator.
    pub indicator: Indicator,
    /// The value for calculations, in the canonical unit (half the limit when not detected).
    pub value: f64,
    /// `Some(limit)` when not detected (`0.0`: limit unknown), as in [`IndicatorResult`].
    pub not_detected: Option<f64>,
}

impl Value {
    /// A measured value.
    pub fn measured(indicator: Indicator, value: f64) -> Self {
        Self {
            indicator,
            value,
            not_detected: None,
        }
    }
}

impl SectionAssessment {
    /// Assesses `values` (one value per indicator; later duplicates are ignored; non-finite
    /// values are skipped).
    pub fn new(values: &[(Indicator, f64)], body: WaterBody, basis: Basis) -> Self {
        let values: Vec<Value> = values.iter().map(|&(i, v)| Value::measured(i, v)).collect();
        Self::from_values(&values, body, basis)
    }

    /// Assesses `values`, which may include results below the detection limit.
    pub fn from_values(values: &[Value], body: WaterBody, basis: Basis) -> Self {
        let mut indicators: Vec<IndicatorResult> = Vec::new();
        for v in values {
            let (indicator, value) = (v.indicator, v.value);
            if !value.is_finite() || indicators.iter().any(|r| r.indicator == indicator) {
                continue;
            }
            let class = if method::has_class(indicator, body) {
                classify(indicator, value, body)
            } else {
                None
            };
            indicators.push(IndicatorResult {
                indicator,
                value,
                not_detected: v.not_detected,
                class,
                exceedance: exceedance(indicator, value, body),
                assessed: indicator.is_assessed(),
            });
        }
        crate::order::sort_by_key(&mut indicators, |r| r.indicator);
        let class = indicators
            .iter()
            .filter(|r| r.assessed)
            .filter_map(|r| r.class)
            .max();
        let main_pollutants = main_pollutants(&indicators);
        let missing = match basis {
            Basis::Manual => method::required(body)
                .into_iter()
                .filter(|i| !indicators.iter().any(|r| r.indicator == *i))
                .collect(),
            Basis::Automatic => Vec::new(),
        };
        Self {
            class,
            basis,
            body,
            indicators,
            main_pollutants,
            missing,
        }
    }

    /// Whether required indicators are missing (评价指标不全); never for automatic stations.
    pub fn is_incomplete(&self) -> bool {
        !self.missing.is_empty()
    }

    /// The separately assessed total nitrogen of a lake or reservoir (湖库总氮单独评价), with
    /// its own class; `None` for rivers, where TN is a reference value without a class.
    pub fn total_nitrogen(&self) -> Option<&IndicatorResult> {
        self.indicator(Indicator::TotalNitrogen)
            .filter(|r| r.class.is_some() && self.body == WaterBody::LakeReservoir)
    }

    /// Whether this is a reference class from an automatic station (自动监测(参考)).
    pub fn is_reference(&self) -> bool {
        self.basis == Basis::Automatic
    }

    /// The result for one indicator, if measured.
    pub fn indicator(&self, indicator: Indicator) -> Option<&IndicatorResult> {
        self.indicators.iter().find(|r| r.indicator == indicator)
    }

    /// Number of assessed indicators with a class.
    pub fn assessed_count(&self) -> usize {
        self.indicators
            .iter()
            .filter(|r| r.assessed && r.class.is_some())
            .count()
    }

    /// The deciding indicator (定类因子): the first main pollutant, or, when the section meets
    /// Ⅲ, the first assessed indicator in the section's class.
    pub fn deciding(&self) -> Option<&IndicatorResult> {
        if let Some(first) = self.main_pollutants.first() {
            return self.indicator(*first);
        }
        let class = self.class?;
        self.indicators
            .iter()
            .find(|r| r.assessed && r.class == Some(class))
    }
}

/// Orders two assessed results for the main-pollutant list: 氰化物 and heavy metals first
/// ([`method::is_priority_pollutant`], [memory]); then worse class first; within a class,
/// indicators with a 超标倍数 before DO and pH, larger 超标倍数 first, then Table 1 order.
fn pollutant_order(a: &IndicatorResult, b: &IndicatorResult) -> Ordering {
    let priority = |r: &IndicatorResult| method::is_priority_pollutant(r.indicator);
    priority(b)
        .cmp(&priority(a))
        .then_with(|| b.class.cmp(&a.class))
        .then_with(|| match (a.exceedance, b.exceedance) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then_with(|| a.indicator.cmp(&b.indicator))
}

/// 主要污染指标: up to three assessed indicators worse than Ⅲ, ordered by [`pollutant_order`].
pub fn main_pollutants(results: &[IndicatorResult]) -> Vec<Indicator> {
    let mut worse: Vec<&IndicatorResult> = results
        .iter()
        .filter(|r| r.assessed && r.class.is_some_and(|c| c > WaterClass::III))
        .collect();
    crate::order::sort_by(&mut worse, |a, b| pollutant_order(a, b));
    worse.into_iter().take(3).map(|r| r.indicator).collect()
}
