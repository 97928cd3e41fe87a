//! Rules of the assessment method that are not GB 3838 limits: which indicators a section must
//! have, which are only for reference, which pollutants are listed first, and which values are
//! impossible.
//!
//! Sources (the full text of the 办法 was not read, so each [memory] rule below is unverified):
//! - 地表水环境质量评价办法(试行) (环办〔2011〕22号): the 21 assessed indicators; 水温、总氮、
//!   粪大肠菌群 as reference indicators; 湖库总氮单独评价 [memory]; "当氰化物或铅、铬等重金属
//!   超标时，优先作为主要污染指标列出" [memory]; a section is assessed on all the indicators the
//!   method lists for it [memory].

use super::limits::{Indicator, WaterBody};

/// The indicators a manual monitoring period must have for `body`: the 21 assessed indicators,
/// and for lakes and reservoirs also total nitrogen, which they assess separately [memory].
pub fn required(body: WaterBody) -> Vec<Indicator> {
    let mut list = Indicator::ASSESSED.to_vec();
    if body == WaterBody::LakeReservoir {
        list.push(Indicator::TotalNitrogen);
    }
    crate::order::sort_by_key(&mut list, |i| *i);
    list
}

/// Whether `indicator` gets a class in `body`: every indicator with Table 1 limits except
/// faecal coliforms (reference only) and, in rivers, total nitrogen (reference only; lakes and
/// reservoirs class it on its own line) [memory].
pub fn has_class(indicator: Indicator, body: WaterBody) -> bool {
    match indicator {
        Indicator::FecalColiform => false,
        Indicator::TotalNitrogen => body == WaterBody::LakeReservoir,
        _ => indicator.rule(body).is_some(),
    }
}

/// 氰化物 and the heavy metals (铅, 铬(六价), 汞, 镉, 砷, 铜, 锌, 硒): when one of them is worse
/// than Ⅲ it heads the main pollutants [memory].
pub fn is_priority_pollutant(indicator: Indicator) -> bool {
    use Indicator::*;
    matches!(
        indicator,
        Cyanide | Lead | Chromium6 | Mercury | Cadmium | Arsenic | Copper | Zinc | Selenium
    )
}

/// Whether a value in the canonical unit is physically possible: no negative concentration,
/// pH within 0–14, dissolved oxygen at most 20 mg/L (above saturation at any natural water
/// temperature by far), water temperature −5…50 ℃. An impossible value is a data error (a sign
/// slip, a unit mix-up), never a class: every water parser refuses it as a bad cell.
pub fn is_possible(indicator: Indicator, value: f64) -> bool {
    value.is_finite()
        && match indicator {
            Indicator::WaterTemperature => (-5.0..=50.0).contains(&value),
            Indicator::Ph => (0.0..=14.0).contains(&value),
            Indicator::DissolvedOxygen => (0.0..=20.0).contains(&value),
            _ => value >= 0.0,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_lists() {
        assert_eq!(required(WaterBody::River).len(), 21);
        let lake = required(WaterBody::LakeReservoir);
        assert_eq!(lake.len(), 22);
        assert!(lake.contains(&Indicator::TotalNitrogen));
    }

    #[test]
    fn impossible_values() {
        assert!(!is_possible(Indicator::Ammonia, -0.1));
        assert!(!is_possible(Indicator::Ph, 14.5));
        assert!(!is_possible(Indicator::DissolvedOxygen, 20.5));
        assert!(is_possible(Indicator::DissolvedOxygen, 20.0));
        assert!(is_possible(Indicator::WaterTemperature, -1.0));
        assert!(!is_possible(Indicator::Copper, f64::NAN));
    }

    #[test]
    fn total_nitrogen_classed_only_in_lakes() {
        assert!(!has_class(Indicator::TotalNitrogen, WaterBody::River));
        assert!(has_class(
            Indicator::TotalNitrogen,
            WaterBody::LakeReservoir
        ));
        assert!(!has_class(
            Indicator::FecalColiform,
            WaterBody::LakeReservoir
        ));
    }
}
