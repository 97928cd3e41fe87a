//! Sub-indices (IAQI) and the AQI per HJ 633 式1/式2: linear interpolation between the
//! breakpoints of Table 1, each IAQI rounded up to an integer (CNEMC practice, verified on real
//! publications; HJ 633—2026 "向上进位取整数"), capped at 500; AQI = max IAQI; 首要污染物 only
//! when AQI > 50, all pollutants whose rounded IAQI equals the AQI; 超标污染物 when IAQI > 100.
//!
//! Hourly (实时报): the six 1-h values, PM scored on the 24-h PM columns (what CNEMC publishes;
//! the O3 8-h sub-index is computed for information only). Daily (日报): the seven daily items.

use super::level::Level;
use super::pollutant::{Pollutant, PollutantSet, Species};
use super::rules::{Column, IncompleteDay, RuleSet, RuleSetId, IAQI_STEPS};
use crate::i18n::Lang;

/// The IAQI of concentration `c` on `column`, rounded up, capped at 500. `None` for a missing
/// (non-finite or negative) value, or above the end of a column that stops (SO2 1-h, O3 8-h:
/// the callers apply the >800 rules).
pub fn iaqi(rules: &RuleSet, column: Column, c: f64) -> Option<u16> {
    if !c.is_finite() || c < 0.0 {
        return None;
    }
    let bp = rules.breakpoints(column);
    for (i, pair) in bp.windows(2).enumerate() {
        let (lo, hi) = (pair[0], pair[1]);
        if c <= hi {
            let (ilo, ihi) = (IAQI_STEPS.get(i)?, IAQI_STEPS.get(i + 1)?);
            let x = (ihi - ilo) / (hi - lo) * (c - lo) + ilo;
            // With decimal inputs a non-integer result is at least ~1e-7 from an integer, so
            // the tolerance only absorbs floating error on exact integers (e.g. 56.000000001).
            return Some((x - 1e-9).ceil().max(0.0) as u16);
        }
    }
    (bp.len() == IAQI_STEPS.len()).then_some(500)
}

/// An AQI that could be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Aqi {
    /// The AQI (integer, 0–500).
    pub value: u16,
    /// Its level.
    pub level: Level,
    /// 首要污染物; empty when AQI ≤ 50.
    pub primary: PollutantSet,
    /// 超标污染物 (IAQI > 100).
    pub exceeding: PollutantSet,
    /// True when some indicators were missing and the AQI was still published (HJ 633—2026
    /// incomplete day with AQI > 100).
    pub partial: bool,
}

/// Why no AQI was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoAqiReason {
    /// Some required values are missing (listed in [`NoAqi::missing`]).
    MissingValues,
    /// HJ 633—2026: the day is incomplete and the AQI of the valid items is ≤ 100 ("NA").
    IncompleteDay,
}

/// No AQI, with the reason the UI shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoAqi {
    /// Why.
    pub reason: NoAqiReason,
    /// The items whose value (or sub-index) is missing.
    pub missing: PollutantSet,
}

impl NoAqi {
    /// A sentence for the UI, e.g. `缺少 细颗粒物(PM2.5) 数据，无法计算 AQI`.
    pub fn text(&self, lang: Lang) -> String {
        let names = self.missing.text(lang);
        match (self.reason, lang) {
            (NoAqiReason::MissingValues, Lang::Zh) => format!("缺少{names}数据，无法计算AQI"),
            (NoAqiReason::MissingValues, Lang::En) => {
                format!("No AQI: missing {names}")
            }
            (NoAqiReason::IncompleteDay, Lang::Zh) => {
                format!("数据不完整（缺少{names}），AQI 记为 NA")
            }
            (NoAqiReason::IncompleteDay, Lang::En) => {
                format!("Incomplete day (missing {names}); AQI reported as NA")
            }
        }
    }
}

/// The full scoring of one hour or day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessment {
    /// The rule set used.
    pub rules: RuleSetId,
    /// IAQI per [`Pollutant`] index; `None` where not available or not part of this AQI.
    pub sub: [Option<u16>; 7],
    /// Hourly only: the O3 8-h sub-index, for information (never enters the hourly AQI).
    pub o3_8h_info: Option<u16>,
    /// The AQI, or why there is none.
    pub outcome: Result<Aqi, NoAqi>,
}

impl Assessment {
    /// The AQI value, if computed.
    pub fn aqi(&self) -> Option<u16> {
        self.outcome.as_ref().ok().map(|a| a.value)
    }

    /// The IAQI of `p`.
    pub fn iaqi_of(&self, p: Pollutant) -> Option<u16> {
        self.sub.get(p.index()).copied().flatten()
    }
}

fn finish(
    rules: &RuleSet,
    sub: [Option<u16>; 7],
    required: PollutantSet,
    daily: bool,
) -> Result<Aqi, NoAqi> {
    let mut missing = PollutantSet::EMPTY;
    for p in required.iter() {
        if sub.get(p.index()).copied().flatten().is_none() {
            missing.insert(p);
        }
    }
    let value = sub.iter().flatten().copied().max();
    let partial = !missing.is_empty();
    let value = match value {
        Some(v) if !partial => v,
        Some(v) if daily && rules.incomplete_day == IncompleteDay::PublishIfOver100 => {
            if v > 100 {
                v
            } else {
                return Err(NoAqi {
                    reason: NoAqiReason::IncompleteDay,
                    missing,
                });
            }
        }
        _ => {
            return Err(NoAqi {
                reason: NoAqiReason::MissingValues,
                missing,
            })
        }
    };
    let mut primary = PollutantSet::EMPTY;
    let mut exceeding = PollutantSet::EMPTY;
    for p in Pollutant::ALL {
        if let Some(i) = sub.get(p.index()).copied().flatten() {
            // Ties are decided on the rounded-up IAQI, as CNEMC lists them.
            if value > 50 && i == value {
                primary.insert(p);
            }
            if i > 100 {
                exceeding.insert(p);
            }
        }
    }
    Ok(Aqi {
        value,
        level: Level::from_aqi(value),
        primary,
        exceeding,
        partial,
    })
}

/// Inputs of an hourly (实时报) AQI.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HourlyInputs {
    /// The six 1-h concentrations, by [`Species`] index.
    pub c: [Option<f64>; 6],
    /// SO2 24-h sliding mean, used only when SO2 1-h exceeds 800 µg/m³ (2012 rule).
    pub so2_24h: Option<f64>,
    /// O3 8-h sliding mean, scored for information.
    pub o3_8h: Option<f64>,
}

fn hourly_column(s: Species) -> Column {
    match s {
        Species::Pm25 => Column::Pm25_24h,
        Species::Pm10 => Column::Pm10_24h,
        Species::So2 => Column::So2_1h,
        Species::No2 => Column::No2_1h,
        Species::Co => Column::Co_1h,
        Species::O3 => Column::O3_1h,
    }
}

/// The hourly AQI: max over the six 1-h sub-indices. An hour without all six gets no AQI.
pub fn assess_hourly(rules: &RuleSet, input: &HourlyInputs) -> Assessment {
    let mut sub = [None; 7];
    let mut required = PollutantSet::EMPTY;
    for s in Species::ALL {
        let p = s.hourly_pollutant();
        required.insert(p);
        let c = input.c.get(s.index()).copied().flatten();
        let value = match c {
            Some(c) if s == Species::So2 && c > 800.0 => match rules.so2_1h_over_800 {
                Some(fixed) => Some(fixed),
                None => input.so2_24h.and_then(|d| iaqi(rules, Column::So2_24h, d)),
            },
            Some(c) => iaqi(rules, hourly_column(s), c),
            None => None,
        };
        if let Some(slot) = sub.get_mut(p.index()) {
            *slot = value;
        }
    }
    let o3_1h = sub.get(Pollutant::O3_1h.index()).copied().flatten();
    let o3_8h_info = input.o3_8h.and_then(|c| o3_8h_iaqi(rules, c, o3_1h));
    let outcome = finish(rules, sub, required, false);
    Assessment {
        rules: rules.id,
        sub,
        o3_8h_info,
        outcome,
    }
}

fn o3_8h_iaqi(rules: &RuleSet, c: f64, o3_1h_iaqi: Option<u16>) -> Option<u16> {
    if c > 800.0 {
        rules.o3_8h_over_800.or(o3_1h_iaqi)
    } else {
        iaqi(rules, Column::O3_8h, c)
    }
}

/// Inputs of a daily (日报) AQI, by [`Pollutant`] index: 24-h means of SO2, NO2, PM10, CO and
/// PM2.5, the daily maximum 1-h O3 ([`Pollutant::O3_1h`]) and the daily maximum 8-h O3
/// ([`Pollutant::O3_8h`]).
pub type DailyInputs = [Option<f64>; 7];

fn daily_column(p: Pollutant) -> Column {
    match p {
        Pollutant::So2 => Column::So2_24h,
        Pollutant::No2 => Column::No2_24h,
        Pollutant::Pm10 => Column::Pm10_24h,
        Pollutant::Co => Column::Co_24h,
        Pollutant::O3_1h => Column::O3_1h,
        Pollutant::O3_8h => Column::O3_8h,
        Pollutant::Pm25 => Column::Pm25_24h,
    }
}

/// The daily AQI over the seven daily items.
pub fn assess_daily(rules: &RuleSet, input: &DailyInputs) -> Assessment {
    let mut sub = [None; 7];
    for p in Pollutant::ALL {
        if p == Pollutant::O3_8h {
            continue;
        }
        if let (Some(slot), Some(c)) = (
            sub.get_mut(p.index()),
            input.get(p.index()).copied().flatten(),
        ) {
            *slot = iaqi(rules, daily_column(p), c);
        }
    }
    let o3_1h = sub.get(Pollutant::O3_1h.index()).copied().flatten();
    let mut required = PollutantSet(0x7f);
    if let Some(c) = input.get(Pollutant::O3_8h.index()).copied().flatten() {
        if c > 800.0 && rules.o3_8h_over_800.is_none() {
            // 2012 note 3: the O3 sub-index is the 1-h one, which is already an item of the
            // day; the 8-h item drops out instead of being counted twice.
            let mut without = PollutantSet::EMPTY;
            for p in required.iter().filter(|p| *p != Pollutant::O3_8h) {
                without.insert(p);
            }
            required = without;
        } else if let Some(slot) = sub.get_mut(Pollutant::O3_8h.index()) {
            *slot = o3_8h_iaqi(rules, c, o3_1h);
        }
    }
    let outcome = finish(rules, sub, required, true);
    Assessment {
        rules: rules.id,
        sub,
        o3_8h_info: None,
        outcome,
    }
}

#[cfg(test)]
#[path = "iaqi_tests.rs"]
mod tests;
