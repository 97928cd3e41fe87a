//! Results below the method's detection limit (未检出).
//!
//! HJ/T 91-2002 《地表水和污水监测技术规范》 reports such a result as the detection limit
//! followed by `L` (`0.01L`); other reports write `<0.01`, `ND` or `未检出`. Point 7 of
//! 《地表水环境质量监测数据统计技术规定（试行）》(环办监测函〔2020〕82号) has the value take part
//! in calculations and statistics as **half the detection limit**; SL 219-2013 §12.2.5 says the
//! same for annual means (both as quoted by monitoring-practice pages; the 2020 text itself was
//! not read here).
//!
//! Our rule for a bare `ND` / `未检出` without a limit (not in either source): the limit is
//! unknown, so the value counts as 0 and shows as 未检出. It can therefore never make a class
//! worse than Ⅰ, and it is accepted only for "≤" indicators (and those without class limits):
//! for pH, water temperature and dissolved oxygen "not detected" without a limit says nothing
//! usable (a DO below an unknown limit could be anything from Ⅰ… to 劣Ⅴ), so such a cell is
//! refused as a bad cell.

use super::limits::{Indicator, Rule, WaterBody};
use crate::decimal::parse_plain_decimal;

/// One reported value: a number, or below the detection limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// A measured value.
    Value(f64),
    /// Below the detection limit; `None` when the report gave no limit (bare `ND`, `未检出`).
    BelowLimit(Option<f64>),
}

/// Parses a report's text: `0.01`, `0.01L` (also `l`), `<0.01`, `＜0.01`, `ND`, `N.D.`,
/// `未检出`, `未检出(<0.01)`. `None` for anything else. Signs and range are not checked here.
pub fn parse_reading(text: &str) -> Option<Reading> {
    let t = text.trim();
    if matches!(t, "ND" | "nd" | "N.D." | "n.d." | "未检出" | "未检测出") {
        return Some(Reading::BelowLimit(None));
    }
    // Not "inf", "NaN" or "1e5", which Rust's parser takes: a report's number is digits only.
    let number = |s: &str| parse_plain_decimal(s.trim());
    if let Some(rest) = t.strip_prefix("未检出").map(|r| {
        r.trim_start_matches(['(', '（'])
            .trim_end_matches([')', '）'])
    }) {
        let rest = rest.trim_start_matches(['<', '＜']);
        return number(rest).map(|l| Reading::BelowLimit(Some(l)));
    }
    if let Some(rest) = t.strip_prefix(['<', '＜']) {
        return number(rest).map(|l| Reading::BelowLimit(Some(l)));
    }
    if let Some(rest) = t.strip_suffix(['L', 'l']) {
        return number(rest).map(|l| Reading::BelowLimit(Some(l)));
    }
    number(t).map(Reading::Value)
}

/// The value a below-limit result takes in calculations: half the limit (2020 统计技术规定
/// point 7), or 0 for an unknown limit (our rule, see the module docs).
pub fn calculation_value(limit: Option<f64>) -> f64 {
    limit.map_or(0.0, |l| l / 2.0)
}

/// Whether `indicator` may be reported below a detection limit at all: not pH or water
/// temperature (not concentrations), and, without a limit, only "≤" indicators.
pub fn accepts_below_limit(indicator: Indicator, limit: Option<f64>) -> bool {
    match indicator {
        Indicator::Ph | Indicator::WaterTemperature => false,
        _ => {
            limit.is_some()
                || !matches!(
                    indicator.rule(WaterBody::River),
                    Some(Rule::AtLeast(_) | Rule::Between(..))
                )
        }
    }
}

/// The not-detected text: `未检出（<0.01）` / `not detected (< 0.01)`; without a known limit
/// `未检出` / `not detected`. The limit is in the canonical unit of the indicator.
pub fn not_detected_text(limit: Option<f64>, lang: crate::i18n::Lang) -> String {
    use crate::i18n::Lang;
    match (limit.filter(|l| *l > 0.0), lang) {
        (Some(l), Lang::Zh) => format!("未检出（<{}）", limit_text(l)),
        (Some(l), Lang::En) => format!("not detected (< {})", limit_text(l)),
        (None, Lang::Zh) => "未检出".to_string(),
        (None, Lang::En) => "not detected".to_string(),
    }
}

/// A detection limit as written: the shortest decimal that reads back (limits are short).
fn limit_text(l: f64) -> String {
    crate::decimal::trimmed(l, 8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_spelling_of_below_the_limit_reads() {
        assert_eq!(
            parse_reading("0.01L"),
            Some(Reading::BelowLimit(Some(0.01)))
        );
        assert_eq!(
            parse_reading(" 0.01l "),
            Some(Reading::BelowLimit(Some(0.01)))
        );
        assert_eq!(
            parse_reading("<0.01"),
            Some(Reading::BelowLimit(Some(0.01)))
        );
        assert_eq!(
            parse_reading("＜0.004"),
            Some(Reading::BelowLimit(Some(0.004)))
        );
        assert_eq!(
            parse_reading("未检出（<0.05）"),
            Some(Reading::BelowLimit(Some(0.05)))
        );
        assert_eq!(parse_reading("ND"), Some(Reading::BelowLimit(None)));
        assert_eq!(parse_reading("未检出"), Some(Reading::BelowLimit(None)));
        assert_eq!(parse_reading("1.25"), Some(Reading::Value(1.25)));
        assert_eq!(parse_reading("inf"), None);
        assert_eq!(parse_reading("L"), None);
        assert_eq!(parse_reading("abc"), None);
    }

    #[test]
    fn half_the_limit_and_zero_without_one() {
        assert_eq!(calculation_value(Some(0.01)), 0.005);
        assert_eq!(calculation_value(None), 0.0);
    }

    #[test]
    fn text_in_both_languages() {
        assert_eq!(not_detected_text(Some(0.01), Lang::Zh), "未检出（<0.01）");
        assert_eq!(
            not_detected_text(Some(0.01), Lang::En),
            "not detected (< 0.01)"
        );
        assert_eq!(not_detected_text(None, Lang::Zh), "未检出");
    }

    #[test]
    fn no_bare_not_detected_for_ph_temperature_or_oxygen() {
        assert!(!accepts_below_limit(Indicator::Ph, Some(0.1)));
        assert!(!accepts_below_limit(Indicator::DissolvedOxygen, None));
        assert!(accepts_below_limit(Indicator::DissolvedOxygen, Some(0.2)));
        assert!(accepts_below_limit(Indicator::Mercury, None));
    }
}
