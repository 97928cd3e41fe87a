//! Units of the water feeds and their factors to each indicator's canonical unit
//! ([`Indicator::unit`]). Feeds write units loosely (`mg/l`, `µg/L` with a micro sign,
//! `ug/L`, `无量纲`); the accepted spellings are listed here, in one place.

use crate::water::limits::Indicator;

/// Lower-cases ASCII, unifies the micro sign and drops spaces.
fn normalise(unit: &str) -> String {
    unit.trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if c == '\u{b5}' {
                'μ'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect::<String>()
        .replace("ug/", "μg/")
        .replace("us/", "μs/")
}

/// The factor turning a value in `unit` into the canonical unit of `indicator`, or `None` if
/// the unit is not one this indicator is reported in.
pub(crate) fn factor(indicator: Indicator, unit: &str) -> Option<f64> {
    let u = normalise(unit);
    match indicator.unit() {
        "" => matches!(u.as_str(), "" | "无量纲" | "dimensionless").then_some(1.0),
        "mg/L" => match u.as_str() {
            "mg/l" => Some(1.0),
            "μg/l" => Some(0.001),
            _ => None,
        },
        "℃" => matches!(u.as_str(), "℃" | "°c" | "摄氏度").then_some(1.0),
        "μS/cm" => match u.as_str() {
            "μs/cm" => Some(1.0),
            "ms/cm" => Some(1000.0),
            _ => None,
        },
        "NTU" => matches!(u.as_str(), "ntu" | "度").then_some(1.0),
        "cells/L" | "个/L" => match u.as_str() {
            "cells/l" | "个/l" | "mpn/l" => Some(1.0),
            "万个/l" | "10^4cells/l" => Some(10_000.0),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_and_alternative_spellings() {
        assert_eq!(factor(Indicator::Ammonia, "mg/L"), Some(1.0));
        assert_eq!(factor(Indicator::TotalPhosphorus, " µg/L"), Some(0.001));
        assert_eq!(factor(Indicator::Ph, "无量纲"), Some(1.0));
        assert_eq!(factor(Indicator::AlgalDensity, "万个/L"), Some(10_000.0));
        assert_eq!(factor(Indicator::Ammonia, "ppm"), None);
        assert_eq!(factor(Indicator::Ph, "mg/L"), None);
    }
}
