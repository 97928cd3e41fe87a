use super::*;
use crate::air::rules::{HJ633_2012, HJ633_2026};
use proptest::prelude::*;

const COLUMNS: [Column; 10] = [
    Column::So2_24h,
    Column::So2_1h,
    Column::No2_24h,
    Column::No2_1h,
    Column::Pm10_24h,
    Column::Co_24h,
    Column::Co_1h,
    Column::O3_1h,
    Column::O3_8h,
    Column::Pm25_24h,
];

#[test]
fn every_breakpoint_at_below_and_above_in_both_rule_sets() {
    let mut checked = 0;
    for rules in [&HJ633_2012, &HJ633_2026] {
        for col in COLUMNS {
            let bp = rules.breakpoints(col);
            for (i, &c) in bp.iter().enumerate() {
                let step = IAQI_STEPS[i] as u16;
                assert_eq!(
                    iaqi(rules, col, c),
                    Some(step),
                    "{:?} {col:?} at {c}",
                    rules.id
                );
                if i > 0 {
                    assert_eq!(iaqi(rules, col, c - 0.01), Some(step), "{col:?} below {c}");
                }
                let above = iaqi(rules, col, c + 0.01);
                let want = match (i + 1 == bp.len(), bp.len() == IAQI_STEPS.len()) {
                    (false, _) => Some(step + 1),
                    (true, true) => Some(500),
                    (true, false) => None,
                };
                assert_eq!(above, want, "{:?} {col:?} above {c}", rules.id);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 2 * (8 * 8 + 5 + 6));
}

#[test]
fn pm_columns_differ_only_where_2026_changed_them() {
    // 2012: PM2.5 75 → 100; 2026: 60 → 100 (a public implementation's test: 60.11 → 101).
    assert_eq!(iaqi(&HJ633_2012, Column::Pm25_24h, 75.0), Some(100));
    assert_eq!(iaqi(&HJ633_2026, Column::Pm25_24h, 60.0), Some(100));
    assert_eq!(iaqi(&HJ633_2026, Column::Pm25_24h, 60.11), Some(101));
    assert_eq!(iaqi(&HJ633_2012, Column::Pm25_24h, 60.11), Some(82));
    assert_eq!(iaqi(&HJ633_2026, Column::Pm10_24h, 120.0), Some(100));
    assert_eq!(iaqi(&HJ633_2012, Column::Pm10_24h, 120.0), Some(85));
    assert_eq!(iaqi(&HJ633_2012, Column::Pm25_24h, 9999.0), Some(500));
    assert_eq!(iaqi(&HJ633_2012, Column::Pm25_24h, -1.0), None);
    assert_eq!(iaqi(&HJ633_2012, Column::Pm25_24h, f64::NAN), None);
}

fn hour(c: [f64; 6]) -> HourlyInputs {
    HourlyInputs {
        c: c.map(Some),
        so2_24h: None,
        o3_8h: None,
    }
}

// Species order: PM2.5, PM10, SO2, NO2, CO, O3.
#[test]
fn real_cnemc_rows_ceil_and_primary() {
    // 1119A 2022-01-01T00: PM10 62 → 56, primary 颗粒物(PM10).
    let a = assess_hourly(&HJ633_2012, &hour([37.0, 62.0, 12.0, 51.0, 0.6, 14.0]));
    let aqi = a.outcome.unwrap();
    assert_eq!(aqi.value, 56);
    assert_eq!(aqi.primary.text(Lang::Zh), "颗粒物(PM10)");
    // 1124A: PM2.5 24 → 34.29 → 35; ≤ 50 so no primary.
    let a = assess_hourly(&HJ633_2012, &hour([24.0, 31.0, 8.0, 9.0, 0.7, 65.0]));
    assert_eq!(a.outcome.unwrap().value, 35);
    assert!(a.outcome.unwrap().primary.is_empty());
}

#[test]
fn level_boundaries_through_the_aqi() {
    // PM2.5 1-h values giving AQI 50/51, 100/101, 150/151, 200/201, 300/301 (2012 table).
    for (pm25, aqi, level) in [
        (35.0, 50, 1),
        (35.5, 51, 2),
        (75.0, 100, 2),
        (75.5, 101, 3),
        (115.0, 150, 3),
        (115.5, 151, 4),
        (150.0, 200, 4),
        (150.5, 201, 5),
        (250.0, 300, 5),
        (250.5, 301, 6),
    ] {
        let a = assess_hourly(&HJ633_2012, &hour([pm25, 1.0, 1.0, 1.0, 0.1, 1.0]))
            .outcome
            .unwrap();
        assert_eq!((a.value, a.level.number()), (aqi, level), "PM2.5 {pm25}");
        assert_eq!(a.primary.is_empty(), aqi <= 50);
        assert_eq!(a.exceeding.contains(Pollutant::Pm25), aqi > 100);
    }
}

#[test]
fn ties_are_decided_after_ceil_and_listed_in_cnemc_order() {
    // PM10 62 → 56; PM2.5 39.5 → 55.6 → 56: a tie only after rounding up.
    let a = assess_hourly(&HJ633_2012, &hour([39.5, 62.0, 1.0, 1.0, 0.1, 1.0]))
        .outcome
        .unwrap();
    assert_eq!(a.value, 56);
    assert_eq!(a.primary.text(Lang::Zh), "颗粒物(PM10),细颗粒物(PM2.5)");
    // The 2026 tie case of the public tests: PM2.5 60 & PM10 120 → both 100.
    let a = assess_hourly(&HJ633_2026, &hour([60.0, 120.0, 1.0, 1.0, 0.1, 1.0]))
        .outcome
        .unwrap();
    assert_eq!(
        (a.value, a.primary.text(Lang::En).as_str()),
        (100, "PM10, PM2.5")
    );
}

#[test]
fn so2_over_800_rules() {
    let mut input = hour([10.0, 10.0, 900.0, 10.0, 0.1, 10.0]);
    // 2012 without a 24-h mean: the SO2 sub-index is missing, so no AQI.
    let a = assess_hourly(&HJ633_2012, &input);
    let no = a.outcome.unwrap_err();
    assert!(no.missing.contains(Pollutant::So2));
    assert!(no.text(Lang::Zh).contains("二氧化硫"));
    // 2012 with the 24-h mean 475 → IAQI 150.
    input.so2_24h = Some(475.0);
    assert_eq!(assess_hourly(&HJ633_2012, &input).aqi(), Some(150));
    // 2026: fixed 200.
    assert_eq!(assess_hourly(&HJ633_2026, &input).aqi(), Some(200));
    // Exactly 800 is still on the 1-h column.
    let a = assess_hourly(&HJ633_2012, &hour([10.0, 10.0, 800.0, 10.0, 0.1, 10.0]));
    assert_eq!(a.aqi(), Some(200));
}

#[test]
fn o3_8h_over_800_rules() {
    let mut day: DailyInputs = [
        Some(10.0),
        Some(10.0),
        Some(10.0),
        Some(0.5),
        Some(1000.0),
        Some(900.0),
        Some(10.0),
    ];
    let a = assess_daily(&HJ633_2012, &day);
    assert_eq!(a.aqi(), Some(400)); // O3 1-h 1000 → 400
    assert_eq!(a.iaqi_of(Pollutant::O3_8h), None);
    assert_eq!(a.outcome.unwrap().primary.text(Lang::Zh), "臭氧1小时");
    let a = assess_daily(&HJ633_2026, &day);
    assert_eq!(a.iaqi_of(Pollutant::O3_8h), Some(300));
    assert_eq!(a.aqi(), Some(400));
    // O3-8h above 800 in an hour: its information sub-index is the 1-h one under 2012 (note 3),
    // a fixed 300 under 2026.
    let mut h = hour([10.0, 10.0, 10.0, 10.0, 0.1, 900.0]);
    h.o3_8h = Some(850.0);
    let a = assess_hourly(&HJ633_2012, &h);
    assert_eq!(a.o3_8h_info, a.iaqi_of(Pollutant::O3_1h));
    assert_eq!(assess_hourly(&HJ633_2026, &h).o3_8h_info, Some(300));
    // The 8-h value never enters the hourly AQI.
    h.c[5] = Some(10.0);
    h.o3_8h = Some(200.0);
    let a = assess_hourly(&HJ633_2012, &h);
    assert!(a.o3_8h_info > a.aqi());
    day[5] = Some(265.0);
    assert_eq!(
        assess_daily(&HJ633_2012, &day).iaqi_of(Pollutant::O3_8h),
        Some(200)
    );
}

#[test]
fn missing_values_give_a_reason_never_a_zero() {
    let mut input = hour([10.0, 10.0, 10.0, 10.0, 0.1, 10.0]);
    input.c[0] = None;
    input.c[1] = None;
    let no = assess_hourly(&HJ633_2012, &input).outcome.unwrap_err();
    assert_eq!(no.reason, NoAqiReason::MissingValues);
    assert_eq!(
        no.text(Lang::Zh),
        "缺少颗粒物(PM10),细颗粒物(PM2.5)数据，无法计算AQI"
    );
    assert_eq!(no.text(Lang::En), "No AQI: missing PM10, PM2.5");
}

#[test]
fn incomplete_days_on_both_sides_of_2026_03_01() {
    let day: DailyInputs = [
        Some(10.0),
        Some(10.0),
        Some(10.0),
        Some(0.5),
        Some(100.0),
        None,
        Some(90.0),
    ];
    // 2012: no daily AQI without all seven items.
    let old = assess_daily(
        RuleSet::for_date(crate::time::Date::parse("2026-02-28").unwrap()),
        &day,
    );
    assert_eq!(old.outcome.unwrap_err().reason, NoAqiReason::MissingValues);
    // 2026: PM2.5 90 → IAQI 128 > 100, published as partial.
    let new = assess_daily(
        RuleSet::for_date(crate::time::Date::parse("2026-03-01").unwrap()),
        &day,
    );
    let aqi = new.outcome.unwrap();
    assert!(aqi.partial);
    assert_eq!(aqi.value, 128);
    // 2026 with AQI ≤ 100 on an incomplete day: NA.
    let mut low = day;
    low[6] = Some(50.0);
    let na = assess_daily(&HJ633_2026, &low).outcome.unwrap_err();
    assert_eq!(na.reason, NoAqiReason::IncompleteDay);
    assert!(na.text(Lang::En).contains("NA"));
    // The same full day scores differently: PM2.5 70 → 94 (2012) vs 110 (2026).
    let full: DailyInputs = [
        Some(10.0),
        Some(10.0),
        Some(10.0),
        Some(0.5),
        Some(100.0),
        Some(80.0),
        Some(70.0),
    ];
    assert_eq!(assess_daily(&HJ633_2012, &full).aqi(), Some(94));
    assert_eq!(assess_daily(&HJ633_2026, &full).aqi(), Some(110));
}

fn conc() -> impl Strategy<Value = f64> {
    prop_oneof![0.0..200.0f64, 0.0..4000.0f64]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn aqi_never_decreases_when_one_concentration_rises(
        c in proptest::array::uniform6(conc()), i in 0usize..6, rise in 0.0..500.0f64, new in any::<bool>()
    ) {
        let rules = if new { &HJ633_2026 } else { &HJ633_2012 };
        let mut input = HourlyInputs { c: c.map(Some), so2_24h: Some(100.0), o3_8h: None };
        // CO is in mg/m³: keep it on its own scale.
        input.c[4] = input.c[4].map(|v| v / 20.0);
        let before = assess_hourly(rules, &input).aqi();
        if let Some(v) = input.c.get_mut(i).and_then(|v| v.as_mut()) { *v += if i == 4 { rise / 20.0 } else { rise }; }
        let after = assess_hourly(rules, &input).aqi();
        // SO2 crossing 800 switches to the 24-h column by the standard's own rule.
        if !(i == 2 && c[2] <= 800.0 && c[2] + rise > 800.0) {
            prop_assert!(after >= before, "{:?} → {:?}", before, after);
        }
    }

    #[test]
    fn level_always_matches_the_aqi(c in proptest::array::uniform7(proptest::option::of(0.0..1500.0f64))) {
        let a = assess_daily(&HJ633_2012, &c);
        if let Ok(aqi) = a.outcome {
            prop_assert_eq!(aqi.level, Level::from_aqi(aqi.value));
            prop_assert!(aqi.value <= 500);
            prop_assert_eq!(aqi.primary.is_empty(), aqi.value <= 50);
        }
    }
}
