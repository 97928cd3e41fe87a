//! How many digits a value is shown with, so that the number shown never contradicts its class.
//!
//! Classes come from the full value (全数值比较法, GB/T 8170-2008 §4.3, the default where a
//! standard says nothing else; the 2020 统计技术规定's table of reported digits could not be
//! confirmed, so we do not round before comparing). A mean of 1.000, 1.000 and 1.001 mg/L NH3-N
//! is 1.000333…, class Ⅳ; shown with the usual three decimals it reads "1", which is Ⅲ. So a value
//! is shown with the indicator's usual decimals, or with more until the shown number is on the
//! same side of every class limit as the full value.

use super::assess::{classify, IndicatorResult};
use super::detection::not_detected_text;
use super::limits::{Indicator, WaterBody};
use crate::decimal::{parse_plain_decimal, trimmed};
use crate::i18n::{Lang, Text};

/// The most decimals ever shown; a value closer to a limit than this is shown at this precision
/// (it then rounds onto the limit only if it is within 10⁻⁹ of it, which the comparison's own
/// tolerance counts as on the limit).
const MAX_DECIMALS: usize = 9;

/// The rule the page names beside the values.
pub const RULE_APPLIED: Text = Text {
    zh: "类别按全数值与标准限值比较（GB/T 8170-2008 第4.3条 全数值比较法），数值显示到足以看出其所在类别的位数；低于检出限的结果按检出限的一半参与计算和均值（《地表水环境质量监测数据统计技术规定（试行）》第7条）。",
    en: "Classes compare the full value with the limits (GB/T 8170-2008 §4.3, comparison of the full value); values are shown with as many digits as it takes to see their class. Results below the detection limit count as half the limit in calculations and means (2020 statistics rules for surface-water monitoring data, point 7).",
};

/// Decimals to show `value` of `indicator` with: the indicator's usual decimals, or more when
/// the rounded number would fall on the other side of a class limit in `body`.
pub fn decision_decimals(indicator: Indicator, value: f64, body: WaterBody) -> usize {
    let usual = indicator.decimals();
    let Some(full) = classify(indicator, value, body) else {
        return usual;
    };
    (usual..=MAX_DECIMALS)
        .find(|&d| {
            parse_plain_decimal(&trimmed(value, d))
                .and_then(|shown| classify(indicator, shown, body))
                == Some(full)
        })
        .unwrap_or(MAX_DECIMALS)
}

/// `value` with the digits of [`decision_decimals`] and its unit, e.g. `1.0003 mg/L`.
pub fn format_decided(indicator: Indicator, value: f64, body: WaterBody) -> String {
    let v = trimmed(value, decision_decimals(indicator, value, body));
    match indicator.unit() {
        "" => v,
        unit => format!("{v} {unit}"),
    }
}

/// What the page shows for one result: the number (see [`format_decided`]) or
/// `未检出（<0.01）` / `not detected (< 0.01)`.
pub fn shown_value(result: &IndicatorResult, body: WaterBody, lang: Lang) -> String {
    match result.not_detected {
        Some(limit) => not_detected_text(Some(limit), lang),
        None => format_decided(result.indicator, result.value, body),
    }
}

/// Whether [`format_decided`] needed more than the usual decimals for this value.
pub fn needed_more_digits(indicator: Indicator, value: f64, body: WaterBody) -> bool {
    decision_decimals(indicator, value, body) > indicator.decimals()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ammonia_mean_just_over_class_iii_is_not_shown_as_1() {
        let mean = (1.000 + 1.000 + 1.001) / 3.0;
        assert_eq!(
            classify(Indicator::Ammonia, mean, WaterBody::River),
            Some(crate::water::WaterClass::IV)
        );
        assert_eq!(
            format_decided(Indicator::Ammonia, mean, WaterBody::River),
            "1.0003 mg/L"
        );
    }

    #[test]
    fn oxygen_mean_just_under_class_iii_is_not_shown_as_5() {
        let mean = (5.0 + 5.0 + 4.9) / 3.0;
        assert_eq!(
            classify(Indicator::DissolvedOxygen, mean, WaterBody::River),
            Some(crate::water::WaterClass::IV)
        );
        assert_eq!(
            format_decided(Indicator::DissolvedOxygen, mean, WaterBody::River),
            "4.97 mg/L"
        );
    }

    #[test]
    fn usual_digits_when_they_already_agree() {
        assert_eq!(
            format_decided(Indicator::Ammonia, 1.8, WaterBody::River),
            "1.8 mg/L"
        );
        assert_eq!(
            format_decided(Indicator::Ph, 7.456, WaterBody::River),
            "7.46"
        );
        // Exactly on the limit stays on it (limits are inclusive).
        assert_eq!(
            format_decided(Indicator::Ammonia, 1.0, WaterBody::River),
            "1 mg/L"
        );
    }
}
