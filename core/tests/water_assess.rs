//! Section assessment: worst class, 超标倍数, main pollutants (order, ties, DO and pH last in
//! their class), the deciding-indicator sentence and the automatic-station label.

use cc_core::i18n::Lang;
use cc_core::water::explain::{describe_indicator, main_pollutants_text};
use cc_core::water::{
    class_label, deciding_sentence, format_exceedance, Basis, Indicator, SectionAssessment,
    WaterBody, WaterClass,
};

use Indicator::*;

fn assess(values: &[(Indicator, f64)]) -> SectionAssessment {
    SectionAssessment::new(values, WaterBody::River, Basis::Manual)
}

#[test]
fn the_section_takes_the_worst_assessed_class() {
    let a = assess(&[
        (Ph, 7.5),
        (DissolvedOxygen, 8.0),
        (Ammonia, 0.4),
        (PermanganateIndex, 5.0),
    ]);
    assert_eq!(a.class, Some(WaterClass::III));
    assert!(a.main_pollutants.is_empty());
    // Total nitrogen and faecal coliforms are shown but never decide the class.
    let b = assess(&[
        (Ammonia, 0.1),
        (TotalNitrogen, 9.0),
        (FecalColiform, 99_000.0),
        (WaterTemperature, 30.0),
    ]);
    assert_eq!(b.class, Some(WaterClass::I));
    // In a river TN and faecal coliforms are reference values: no class, no 超标倍数.
    let tn = b.indicator(TotalNitrogen).unwrap();
    assert_eq!((tn.class, tn.exceedance), (None, None));
    let fc = b.indicator(FecalColiform).unwrap();
    assert_eq!((fc.class, fc.exceedance), (None, None));
    assert!(!tn.assessed);
    assert!(b.total_nitrogen().is_none());
    assert_eq!(assess(&[(TotalNitrogen, 1.0)]).class, None);
    assert_eq!(assess(&[]).class, None);
}

#[test]
fn worse_than_v_from_any_indicator() {
    assert_eq!(
        assess(&[(Ammonia, 2.01)]).class,
        Some(WaterClass::WorseThanV)
    );
    assert_eq!(
        assess(&[(Ph, 9.5), (Ammonia, 0.1)]).class,
        Some(WaterClass::WorseThanV)
    );
    assert_eq!(
        assess(&[(DissolvedOxygen, 1.5)]).class,
        Some(WaterClass::WorseThanV)
    );
}

#[test]
fn main_pollutants_by_class_then_exceedance_at_most_three() {
    let a = assess(&[
        (Cod, 35.0),              // Ⅴ, 0.75
        (Ammonia, 1.8),           // Ⅴ, 0.8
        (TotalPhosphorus, 0.45),  // 劣Ⅴ, 1.25
        (PermanganateIndex, 8.0), // Ⅳ, 0.33
        (Bod5, 3.5),              // Ⅲ: not a pollutant
    ]);
    assert_eq!(a.class, Some(WaterClass::WorseThanV));
    assert_eq!(a.main_pollutants, vec![TotalPhosphorus, Ammonia, Cod]);
}

#[test]
fn ties_keep_table_order() {
    // Four indicators in Ⅳ, all 0.5 over Ⅲ: Table 1 order decides, and only three are kept.
    let a = assess(&[
        (Ammonia, 1.5),
        (Cod, 30.0),
        (PermanganateIndex, 9.0),
        (Bod5, 6.0),
    ]);
    assert_eq!(a.indicator(Cod).unwrap().exceedance, Some(0.5));
    assert_eq!(a.indicator(Bod5).unwrap().exceedance, Some(0.5));
    assert_eq!(a.indicator(Ammonia).unwrap().exceedance, Some(0.5));
    assert_eq!(
        a.indicator(PermanganateIndex).unwrap().exceedance,
        Some(0.5)
    );
    assert_eq!(a.main_pollutants, vec![PermanganateIndex, Cod, Bod5]);
}

#[test]
fn do_and_ph_sort_after_the_others_of_their_class() {
    let a = assess(&[
        (DissolvedOxygen, 2.5),
        (Cod, 35.0),
        (Ph, 9.6),
        (Ammonia, 2.5),
    ]);
    // 劣Ⅴ: NH3-N (with 超标倍数) before pH; Ⅴ: COD before DO.
    assert_eq!(a.main_pollutants, vec![Ammonia, Ph, Cod]);
    let b = assess(&[(DissolvedOxygen, 2.5), (Cod, 31.0)]);
    assert_eq!(b.main_pollutants, vec![Cod, DissolvedOxygen]);
    assert_eq!(
        format_exceedance(b.indicator(DissolvedOxygen).unwrap().exceedance),
        "—"
    );
    assert_eq!(
        format_exceedance(b.indicator(Cod).unwrap().exceedance),
        "0.55"
    );
}

#[test]
fn deciding_sentence_in_both_languages() {
    let a = assess(&[(Ammonia, 1.8), (Ph, 7.2), (DissolvedOxygen, 6.5)]);
    assert_eq!(
        deciding_sentence(&a, Lang::Zh).unwrap(),
        "定类因子: 氨氮 1.8 mg/L, Ⅴ类, 超Ⅲ类标准 0.8 倍"
    );
    assert_eq!(
        deciding_sentence(&a, Lang::En).unwrap(),
        "Deciding indicator: ammonia nitrogen 1.8 mg/L, class V, 0.8 times above the class III limit"
    );
    let ph = assess(&[(Ph, 9.4), (Ammonia, 0.2)]);
    assert_eq!(
        deciding_sentence(&ph, Lang::Zh).unwrap(),
        "定类因子: pH 9.4, 劣Ⅴ类"
    );
    let good = assess(&[(Ammonia, 0.9), (PermanganateIndex, 3.0)]);
    assert_eq!(
        deciding_sentence(&good, Lang::En).unwrap(),
        "Deciding indicator: ammonia nitrogen 0.9 mg/L, class III"
    );
    let best = assess(&[(Ammonia, 0.1), (PermanganateIndex, 1.0)]);
    assert_eq!(
        deciding_sentence(&best, Lang::Zh).unwrap(),
        "全部 2 项参评指标均符合Ⅰ类"
    );
    assert_eq!(deciding_sentence(&assess(&[]), Lang::Zh), None);
    assert_eq!(
        describe_indicator(a.indicator(DissolvedOxygen).unwrap(), Lang::En),
        "dissolved oxygen 6.5 mg/L, class II"
    );
    let many = assess(&[(Ammonia, 1.8), (DissolvedOxygen, 2.5)]);
    assert_eq!(main_pollutants_text(&many, Lang::Zh), "氨氮(0.8)、溶解氧");
    assert_eq!(
        main_pollutants_text(&many, Lang::En),
        "ammonia nitrogen (0.8), dissolved oxygen"
    );
}

#[test]
fn automatic_results_are_labelled_as_reference() {
    let values = [
        (Ph, 7.5),
        (DissolvedOxygen, 6.0),
        (Ammonia, 1.2),
        (TotalPhosphorus, 0.1),
    ];
    let auto = SectionAssessment::new(&values, WaterBody::River, Basis::Automatic);
    assert!(auto.is_reference());
    assert_eq!(auto.class, Some(WaterClass::IV));
    assert_eq!(class_label(&auto, Lang::Zh).unwrap(), "Ⅳ类 自动监测(参考)");
    assert_eq!(
        class_label(&auto, Lang::En).unwrap(),
        "class IV automatic monitoring (reference only)"
    );
    let manual = SectionAssessment::new(&values, WaterBody::River, Basis::Manual);
    assert_eq!(class_label(&manual, Lang::Zh).unwrap(), "Ⅳ类");
}
