//! Concentration rounding (修约) per GB/T 8170 as applied by HJ 663-2013: round half to even
//! (四舍六入五成双), to whole µg/m³, and CO to 0.1 mg/m³ (GB/T 8170-2008 进舍规则).
//!
//! Where it applies (our choice): every concentration this crate *computes* and reports — a
//! 24-h or 8-h mean, a city mean, a period mean or percentile — is rounded once, when it is
//! produced, and later steps use the rounded value, as a published value would be used. Raw
//! feed values are never rounded.

use super::pollutant::Species;

/// Rounds `x` half to even at `decimals` decimal places (0 or 1 here).
pub fn half_even(x: f64, decimals: i32) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(decimals);
    let y = x * scale;
    let floor = y.floor();
    let frac = y - floor;
    // Sums of decimal inputs land a few ulps off .5; treat those as exact halves.
    let rounded = if (frac - 0.5).abs() < 1e-9 {
        if floor % 2.0 == 0.0 {
            floor
        } else {
            floor + 1.0
        }
    } else {
        y.round()
    };
    rounded / scale
}

/// Rounds a concentration of `species` to its reporting precision.
pub fn concentration(species: Species, x: f64) -> f64 {
    half_even(x, if species == Species::Co { 1 } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_to_even() {
        for (x, d, want) in [
            (2.5, 0, 2.0),
            (3.5, 0, 4.0),
            (3.51, 0, 4.0),
            (-0.4, 0, -0.0),
            (0.65, 1, 0.6),
            (0.75, 1, 0.8),
            ((0.6 + 0.7) / 2.0, 1, 0.6),
            (34.49, 0, 34.0),
        ] {
            assert_eq!(half_even(x, d), want, "{x} @ {d}");
        }
        assert_eq!(concentration(Species::Co, 1.25), 1.2);
        assert_eq!(concentration(Species::Pm25, 74.5), 74.0);
    }
}
