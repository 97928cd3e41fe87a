//! Issue #15 rules: results below the detection limit, TN of lakes and reservoirs, heavy metals
//! first among the main pollutants, completeness, and the digits shown for a period mean. Every
//! expected value is computed by hand in the comment beside it.

use cc_core::i18n::Lang;
use cc_core::time::Date;
use cc_core::water::explain::{deciding_sentence, incomplete_note, total_nitrogen_line};
use cc_core::water::{
    assess_period, digits, headline, method, Basis, Indicator, Measurement, Period,
    SectionAssessment, Value, WaterBody, WaterClass,
};

use Indicator::*;

fn m(section: &str, day: u8, indicator: Indicator, value: f64, below: bool) -> Measurement {
    Measurement {
        section: section.to_string(),
        date: Date {
            year: 2021,
            month: 5,
            day,
        },
        indicator,
        value,
        below_detection: below,
    }
}

const MAY: Period = Period::Month {
    year: 2021,
    month: 5,
};

/// Every required indicator of a river at a class Ⅰ value, so a test changes only what it names.
fn complete_river(section: &str) -> Vec<Measurement> {
    method::required(WaterBody::River)
        .into_iter()
        .map(|i| {
            let v = match i {
                Ph => 7.5,
                DissolvedOxygen => 8.0,
                _ => 0.0,
            };
            m(section, 10, i, v, false)
        })
        .collect()
}

#[test]
fn not_detected_counts_as_half_the_limit_and_says_so() {
    // Pb 0.05L: half the limit 0.025 mg/L is Ⅲ (0.01 < 0.025 ≤ 0.05), so the ND decides.
    let mut rs = complete_river("songhuajiangcun");
    rs.retain(|r| r.indicator != Lead);
    rs.push(m("songhuajiangcun", 10, Lead, 0.05, true));
    let sections = cc_core::water::changchun_sections();
    let a = &assess_period(&sections, &rs, MAY)[0].assessment;
    assert_eq!(a.class, Some(WaterClass::III));
    let pb = a.indicator(Lead).unwrap();
    assert_eq!((pb.value, pb.not_detected), (0.025, Some(0.05)));
    assert_eq!(
        digits::shown_value(pb, WaterBody::River, Lang::Zh),
        "未检出（<0.05）"
    );
    assert_eq!(
        digits::shown_value(pb, WaterBody::River, Lang::En),
        "not detected (< 0.05)"
    );
    assert_eq!(
        deciding_sentence(a, Lang::Zh).unwrap(),
        "定类因子: 铅 未检出（<0.05）, 按检出限一半 0.025 mg/L 计, Ⅲ类"
    );
}

#[test]
fn period_mean_with_a_not_detected_result_uses_half_the_limit() {
    // NH3-N 0.04L and 0.30 → (0.02 + 0.30) / 2 = 0.16, detected (not every result was ND).
    let rs = vec![
        m("songhuajiangcun", 5, Ammonia, 0.04, true),
        m("songhuajiangcun", 20, Ammonia, 0.30, false),
    ];
    let v = cc_core::water::period_values(&rs, "songhuajiangcun", MAY);
    assert_eq!(v.len(), 1);
    assert!((v[0].value - 0.16).abs() < 1e-12);
    assert_eq!(v[0].not_detected, None);
    // Both ND with limits 0.025 and 0.04: mean (0.0125 + 0.02) / 2 = 0.01625, shown with the
    // larger limit.
    let rs = vec![
        m("songhuajiangcun", 5, Ammonia, 0.025, true),
        m("songhuajiangcun", 20, Ammonia, 0.04, true),
    ];
    let v = cc_core::water::period_values(&rs, "songhuajiangcun", MAY);
    assert!((v[0].value - 0.01625).abs() < 1e-12);
    assert_eq!(v[0].not_detected, Some(0.04));
}

#[test]
fn bare_not_detected_never_worse_than_class_i() {
    let a = SectionAssessment::from_values(
        &[Value {
            indicator: Mercury,
            value: 0.0,
            not_detected: Some(0.0),
        }],
        WaterBody::River,
        Basis::Manual,
    );
    assert_eq!(a.class, Some(WaterClass::I));
    assert_eq!(
        digits::shown_value(a.indicator(Mercury).unwrap(), WaterBody::River, Lang::Zh),
        "未检出"
    );
}

#[test]
fn lake_total_nitrogen_has_its_own_class_and_line_but_not_the_section_class() {
    // TN 1.2 mg/L: Ⅳ (1.0 < 1.2 ≤ 1.5); the section stays Ⅰ.
    let a = SectionAssessment::new(
        &[(Ammonia, 0.1), (TotalNitrogen, 1.2)],
        WaterBody::LakeReservoir,
        Basis::Manual,
    );
    assert_eq!(a.class, Some(WaterClass::I));
    assert_eq!(a.total_nitrogen().unwrap().class, Some(WaterClass::IV));
    assert!(a.main_pollutants.is_empty());
    assert_eq!(
        total_nitrogen_line(&a, Lang::Zh).unwrap(),
        "总氮 1.2 mg/L，Ⅳ类（湖库总氮单独评价，不参与断面水质类别）"
    );
    let river = SectionAssessment::new(&[(TotalNitrogen, 1.2)], WaterBody::River, Basis::Manual);
    assert_eq!(total_nitrogen_line(&river, Lang::Zh), None);
}

#[test]
fn cyanide_and_heavy_metals_are_listed_first() {
    // NH3-N 2.5 is 劣Ⅴ (超标 1.5); Cd 0.008 is Ⅴ (超标 0.6); Cd still comes first.
    let a = SectionAssessment::new(
        &[(Ammonia, 2.5), (Cadmium, 0.008), (PermanganateIndex, 12.0)],
        WaterBody::River,
        Basis::Manual,
    );
    assert_eq!(a.class, Some(WaterClass::WorseThanV));
    assert_eq!(a.main_pollutants, vec![Cadmium, Ammonia, PermanganateIndex]);
}

#[test]
fn incomplete_sections_keep_their_class_and_say_what_is_missing() {
    let mut rs = complete_river("songhuajiangcun");
    rs.retain(|r| r.indicator != Copper && r.indicator != Sulfide);
    rs.extend(complete_river("yinmahe-daqiao"));
    let sections = cc_core::water::changchun_sections();
    let assessed = assess_period(&sections, &rs, MAY);
    let a = &assessed[0].assessment;
    assert_eq!(a.class, Some(WaterClass::I));
    assert_eq!(a.missing, vec![Copper, Sulfide]);
    assert_eq!(
        incomplete_note(a, Lang::Zh).unwrap(),
        "评价指标不全（缺：铜、硫化物）"
    );
    assert_eq!(
        incomplete_note(a, Lang::En).unwrap(),
        "incomplete (missing: copper, sulfide)"
    );
    assert_eq!(incomplete_note(&assessed[1].assessment, Lang::Zh), None);
    assert_eq!(headline(&sections, &rs, MAY).incomplete, 1);
    // Automatic stations measure a few indicators by design: never flagged.
    let auto = SectionAssessment::new(&[(Ammonia, 0.1)], WaterBody::River, Basis::Automatic);
    assert!(!auto.is_incomplete());
}

#[test]
fn the_two_examples_of_the_issue_show_a_number_on_the_side_of_their_class() {
    let sections = cc_core::water::changchun_sections();
    let rs = vec![
        m("songhuajiangcun", 5, Ammonia, 1.000, false),
        m("songhuajiangcun", 15, Ammonia, 1.000, false),
        m("songhuajiangcun", 25, Ammonia, 1.001, false),
        m("songhuajiangcun", 5, DissolvedOxygen, 5.0, false),
        m("songhuajiangcun", 15, DissolvedOxygen, 5.0, false),
        m("songhuajiangcun", 25, DissolvedOxygen, 4.9, false),
    ];
    let a = &assess_period(&sections, &rs, MAY)[0].assessment;
    let nh3 = a.indicator(Ammonia).unwrap();
    let dox = a.indicator(DissolvedOxygen).unwrap();
    assert_eq!(nh3.class, Some(WaterClass::IV));
    assert_eq!(dox.class, Some(WaterClass::IV));
    assert_eq!(
        digits::shown_value(nh3, WaterBody::River, Lang::Zh),
        "1.0003 mg/L"
    );
    assert_eq!(
        digits::shown_value(dox, WaterBody::River, Lang::Zh),
        "4.97 mg/L"
    );
    // (1.000333… − 1) / 1 = 0.000333…: over Ⅲ, so never shown as 0 times.
    assert_eq!(
        deciding_sentence(a, Lang::Zh).unwrap(),
        "定类因子: 氨氮 1.0003 mg/L, Ⅳ类, 超Ⅲ类标准 0.0003 倍"
    );
}
