//! GB 3838-2002 Table 1 boundaries: every limit of every assessed indicator, on the limit, just
//! better and just worse; DO's and pH's direction; the river and lake total-phosphorus columns.
//! The table below is a second, independent transcription of GB 3838-2002 表1, so a typo in `limits.rs` cannot pass unnoticed.

// Helpers outside #[test] functions: here a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cc_core::water::{classify, exceedance, Indicator, Rule, WaterBody, WaterClass};

use Indicator::*;
use WaterClass::{WorseThanV, I, II, III, IV, V};

#[rustfmt::skip]
const UPPER: [(Indicator, [f64; 5]); 18] = [
    (PermanganateIndex, [2.0, 4.0, 6.0, 10.0, 15.0]),
    (Cod, [15.0, 15.0, 20.0, 30.0, 40.0]),
    (Bod5, [3.0, 3.0, 4.0, 6.0, 10.0]),
    (Ammonia, [0.15, 0.5, 1.0, 1.5, 2.0]),
    (Copper, [0.01, 1.0, 1.0, 1.0, 1.0]),
    (Zinc, [0.05, 1.0, 1.0, 2.0, 2.0]),
    (Fluoride, [1.0, 1.0, 1.0, 1.5, 1.5]),
    (Selenium, [0.01, 0.01, 0.01, 0.02, 0.02]),
    (Arsenic, [0.05, 0.05, 0.05, 0.1, 0.1]),
    (Mercury, [0.00005, 0.00005, 0.0001, 0.001, 0.001]),
    (Cadmium, [0.001, 0.005, 0.005, 0.005, 0.01]),
    (Chromium6, [0.01, 0.05, 0.05, 0.05, 0.1]),
    (Lead, [0.01, 0.01, 0.05, 0.05, 0.1]),
    (Cyanide, [0.005, 0.05, 0.2, 0.2, 0.2]),
    (VolatilePhenol, [0.002, 0.002, 0.005, 0.01, 0.1]),
    (Petroleum, [0.05, 0.05, 0.05, 0.5, 1.0]),
    (Surfactant, [0.2, 0.2, 0.2, 0.3, 0.3]),
    (Sulfide, [0.05, 0.1, 0.2, 0.5, 1.0]),
];
const TP_RIVER: [f64; 5] = [0.02, 0.1, 0.2, 0.3, 0.4];
const TP_LAKE: [f64; 5] = [0.01, 0.025, 0.05, 0.1, 0.2];
const DO: [f64; 5] = [7.5, 6.0, 5.0, 3.0, 2.0];

fn class_at(i: usize) -> WaterClass {
    [I, II, III, IV, V, WorseThanV][i]
}

/// The expected class of `v` under "≤" limits, worked out from the transcription.
fn expected_upper(limits: &[f64; 5], v: f64) -> WaterClass {
    class_at(limits.iter().position(|&l| v <= l).unwrap_or(5))
}

fn check_upper(ind: Indicator, body: WaterBody, limits: &[f64; 5]) {
    assert_eq!(
        ind.rule(body),
        Some(Rule::AtMost(*limits)),
        "{ind:?} {body:?}"
    );
    for &l in limits {
        let on = classify(ind, l, body).unwrap();
        assert_eq!(on, expected_upper(limits, l), "{ind:?} on {l}");
        let better = classify(ind, l * (1.0 - 1e-6), body).unwrap();
        assert!(better <= on, "{ind:?} just below {l}");
        assert_eq!(better, expected_upper(limits, l * (1.0 - 1e-6)));
        let worse = classify(ind, l * (1.0 + 1e-6), body).unwrap();
        assert!(worse > on, "{ind:?} just above {l}: {worse:?} vs {on:?}");
        assert_eq!(worse, expected_upper(limits, l * (1.0 + 1e-6)));
    }
    assert_eq!(classify(ind, 0.0, body), Some(I));
    assert_eq!(classify(ind, limits[4] * 1.5, body), Some(WorseThanV));
}

#[test]
fn every_upper_limit_of_the_assessed_indicators() {
    for (ind, limits) in UPPER {
        assert!(ind.is_assessed());
        check_upper(ind, WaterBody::River, &limits);
        check_upper(ind, WaterBody::LakeReservoir, &limits);
    }
}

#[test]
fn total_phosphorus_uses_the_river_or_the_lake_column() {
    check_upper(TotalPhosphorus, WaterBody::River, &TP_RIVER);
    check_upper(TotalPhosphorus, WaterBody::LakeReservoir, &TP_LAKE);
    assert_eq!(classify(TotalPhosphorus, 0.05, WaterBody::River), Some(II));
    assert_eq!(
        classify(TotalPhosphorus, 0.05, WaterBody::LakeReservoir),
        Some(III)
    );
    assert_eq!(
        classify(TotalPhosphorus, 0.3, WaterBody::LakeReservoir),
        Some(WorseThanV)
    );
    assert_eq!(classify(TotalPhosphorus, 0.3, WaterBody::River), Some(IV));
}

#[test]
fn dissolved_oxygen_is_better_when_higher() {
    assert_eq!(
        DissolvedOxygen.rule(WaterBody::River),
        Some(Rule::AtLeast(DO))
    );
    for (i, &l) in DO.iter().enumerate() {
        assert_eq!(
            classify(DissolvedOxygen, l, WaterBody::River),
            Some(class_at(i)),
            "on {l}"
        );
        assert_eq!(
            classify(DissolvedOxygen, l * (1.0 + 1e-6), WaterBody::River),
            Some(class_at(i)),
            "above {l}"
        );
        assert_eq!(
            classify(DissolvedOxygen, l * (1.0 - 1e-6), WaterBody::River),
            Some(class_at(i + 1)),
            "below {l}"
        );
    }
    assert_eq!(classify(DissolvedOxygen, 12.0, WaterBody::River), Some(I));
    assert_eq!(
        classify(DissolvedOxygen, 1.9, WaterBody::LakeReservoir),
        Some(WorseThanV)
    );
    assert_eq!(exceedance(DissolvedOxygen, 1.0, WaterBody::River), None);
}

#[test]
fn ph_is_a_range_of_six_to_nine() {
    for v in [6.0, 7.0, 9.0, 6.0 * (1.0 + 1e-6), 9.0 * (1.0 - 1e-6)] {
        assert_eq!(classify(Ph, v, WaterBody::River), Some(I), "{v}");
    }
    for v in [
        5.99,
        6.0 * (1.0 - 1e-6),
        9.0 * (1.0 + 1e-6),
        9.01,
        0.0,
        14.0,
    ] {
        assert_eq!(classify(Ph, v, WaterBody::River), Some(WorseThanV), "{v}");
    }
    assert_eq!(exceedance(Ph, 10.0, WaterBody::River), None);
}

#[test]
fn reference_indicators_are_classed_but_not_assessed() {
    assert_eq!(Indicator::ASSESSED.len(), 21);
    for i in [
        WaterTemperature,
        TotalNitrogen,
        FecalColiform,
        Conductivity,
        Chlorophyll,
    ] {
        assert!(!i.is_assessed(), "{i:?}");
    }
    assert_eq!(
        classify(TotalNitrogen, 1.2, WaterBody::LakeReservoir),
        Some(IV)
    );
    assert_eq!(classify(FecalColiform, 200.0, WaterBody::River), Some(I));
    assert_eq!(classify(WaterTemperature, 20.0, WaterBody::River), None);
    assert_eq!(classify(Turbidity, 20.0, WaterBody::River), None);
    assert_eq!(classify(Ammonia, f64::NAN, WaterBody::River), None);
}

#[test]
fn exceedance_is_against_class_three() {
    let x = exceedance(Ammonia, 1.8, WaterBody::River).unwrap();
    assert!((x - 0.8).abs() < 1e-12);
    assert_eq!(exceedance(Ammonia, 1.0, WaterBody::River), None);
    let lake = exceedance(TotalPhosphorus, 0.1, WaterBody::LakeReservoir).unwrap();
    assert!((lake - 1.0).abs() < 1e-12);
    // On the Ⅲ limit after averaging noise: still Ⅲ, so no exceedance.
    let mean = (0.1 + 0.2 + 0.3 + 0.2 + 0.2) / 5.0;
    assert_eq!(classify(TotalPhosphorus, mean, WaterBody::River), Some(III));
}

#[test]
fn class_codes_numerals_and_texts() {
    let romans: Vec<&str> = WaterClass::ALL.iter().map(|c| c.roman()).collect();
    assert_eq!(romans, ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"]);
    for (i, c) in WaterClass::ALL.into_iter().enumerate() {
        assert_eq!(usize::from(c.code()), i + 1);
        assert_eq!(WaterClass::from_code(c.code()), Some(c));
        assert_eq!(WaterClass::parse(c.roman()), Some(c));
        assert!(!c.meaning().zh.is_empty() && !c.meaning().en.is_empty());
        assert!(c.colour().starts_with('#'));
    }
    assert_eq!(WaterClass::from_code(0), None);
    assert_eq!(WaterClass::from_code(7), None);
    assert_eq!(WaterClass::parse("劣V类"), Some(WorseThanV));
    assert_eq!(WaterClass::parse("III类"), Some(III));
    assert_eq!(WaterClass::parse("劣Ⅲ"), None);
    let status: Vec<&str> = WaterClass::ALL
        .iter()
        .map(|c| c.status().name().zh)
        .collect();
    assert_eq!(
        status,
        ["优", "优", "良好", "轻度污染", "中度污染", "重度污染"]
    );
    assert!(III.is_good() && !IV.is_good());
}

#[test]
fn indicator_codes_names_and_units() {
    for i in Indicator::ALL {
        assert_eq!(i.as_str().parse(), Ok(i));
        assert!(!i.name().zh.is_empty() && !i.name().en.is_empty());
    }
    assert_eq!(Ammonia.name().zh, "氨氮");
    assert_eq!(Ammonia.name().en, "ammonia nitrogen");
    assert_eq!(Ammonia.unit(), "mg/L");
    assert_eq!(Ph.unit(), "");
    assert_eq!(Ammonia.format_with_unit(1.8), "1.8 mg/L");
    assert_eq!(Ph.format_with_unit(7.456), "7.46");
}
