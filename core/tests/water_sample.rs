//! The deterministic sample generator: byte-identical output, `"sample": true`, valid
//! cc-water-json, every class Ⅰ…劣Ⅴ present, and the seasonal shape it promises.

use cc_core::water::feeds::cc_json::{parse_results, parse_sections};
use cc_core::water::sample::{sample_files, sample_results, RESULTS_FILE, SECTIONS_FILE};
use cc_core::water::{
    assess_period, changchun_sections, headline_comparison, Indicator, Period, WaterClass,
};

#[test]
fn output_is_byte_identical_and_flagged_as_sample() {
    let a = sample_files();
    let b = sample_files();
    assert_eq!(a, b);
    assert_eq!([a[0].0, a[1].0], [SECTIONS_FILE, RESULTS_FILE]);
    for (name, text) in &a {
        assert!(text.contains("\"sample\": true"), "{name}");
    }
    let sections = parse_sections(&a[0].1).unwrap();
    assert!(sections.sample);
    assert_eq!(sections.sections, changchun_sections());
    let results = parse_results(&a[1].1, &sections.sections).unwrap();
    assert!(results.sample);
    assert_eq!(results.results, sample_results().results);
}

#[test]
fn every_class_appears_in_the_monthly_classes() {
    let sections = changchun_sections();
    let results = sample_results().results;
    let mut seen = [0usize; 6];
    for year in [2020, 2021] {
        for month in 1..=12 {
            for s in assess_period(&sections, &results, Period::Month { year, month }) {
                if let Some(c) = s.assessment.class {
                    seen[usize::from(c.code() - 1)] += 1;
                }
            }
        }
    }
    for c in WaterClass::ALL {
        assert!(
            seen[usize::from(c.code() - 1)] > 0,
            "no {c:?} in the sample: {seen:?}"
        );
    }
}

#[test]
fn ice_cover_months_have_fewer_samples_and_nutrients_peak_after_thaw() {
    let sections = changchun_sections();
    let results = sample_results().results;
    let count = |month| {
        [2020, 2021]
            .iter()
            .map(|&year| assess_period(&sections, &results, Period::Month { year, month }).len())
            .sum::<usize>()
    };
    assert!(
        count(1) < count(7) && count(2) < count(7),
        "Jan {} Feb {} Jul {}",
        count(1),
        count(2),
        count(7)
    );
    let mean = |indicator: Indicator, month: u8| {
        let v: Vec<f64> = results
            .iter()
            .filter(|m| m.indicator == indicator && m.date.month == month)
            .map(|m| m.value)
            .collect();
        v.iter().sum::<f64>() / v.len() as f64
    };
    for i in [
        Indicator::Ammonia,
        Indicator::TotalPhosphorus,
        Indicator::TotalNitrogen,
    ] {
        assert!(mean(i, 4) > 1.3 * mean(i, 9), "{i:?}");
    }
    assert!(mean(Indicator::DissolvedOxygen, 1) > mean(Indicator::DissolvedOxygen, 7));
}

/// A snapshot of the sample's 2021 annual headline (reported to the lead). If the generator
/// changes on purpose, update these numbers.
#[test]
fn annual_headline_snapshot() {
    let c = headline_comparison(
        &changchun_sections(),
        &sample_results().results,
        Period::Year(2021),
    );
    assert_eq!(
        (c.current.assessed, c.current.good, c.current.worse_than_v),
        (9, 5, 1)
    );
    assert_eq!(
        (
            c.year_earlier.assessed,
            c.year_earlier.good,
            c.year_earlier.worse_than_v
        ),
        (9, 5, 2)
    );
    assert_eq!(c.worse_than_v_count_change(), Some(-1));
}

#[test]
fn every_manual_sample_is_complete_and_some_traces_are_not_detected() {
    use cc_core::water::{assess_period, changchun_sections, sample, Period};
    let results = sample::sample_results().results;
    let sections = changchun_sections();
    for year in sample::YEARS {
        for month in 1..=12u8 {
            for s in assess_period(&sections, &results, Period::Month { year, month }) {
                assert!(
                    s.assessment.missing.is_empty(),
                    "{} {year}-{month}: {:?}",
                    s.section.slug,
                    s.assessment.missing
                );
            }
        }
    }
    // Mercury's generated level (~0.00002) is under its limit 0.00004 everywhere.
    let hg: Vec<_> = results
        .iter()
        .filter(|m| m.indicator == cc_core::water::Indicator::Mercury)
        .collect();
    assert!(hg.iter().all(|m| m.below_detection && m.value == 0.00004));
    assert!(results.iter().any(|m| !m.below_detection));
}
