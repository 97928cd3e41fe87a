//! River grades (proportion thresholds 90 %, 75 %, 20 %, 40 %, the 5-section switch, the mean
//! method), period means, monthly/quarterly/annual classes and the year-on-year headline.

// Helpers outside #[test] functions: here a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cc_core::time::Date;
use cc_core::water::grade::{GradeMethod, PROPORTION_MIN_SECTIONS};
use cc_core::water::{
    assess_period, changchun_sections, grade_by_proportion, headline, headline_comparison,
    indicator_series, monthly_classes, period_means, river_grade, river_grade_for_period,
    Indicator, Measurement, Period, SectionValues, Status, WaterBody, WaterClass,
};

use WaterClass::{WorseThanV as W, III, IV, V};

/// `good` sections in Ⅲ, `worse` in 劣Ⅴ, the rest in Ⅳ.
fn classes(n: usize, good: usize, worse: usize) -> Vec<WaterClass> {
    (0..n)
        .map(|i| {
            if i < good {
                III
            } else if i < good + worse {
                W
            } else {
                IV
            }
        })
        .collect()
}

#[test]
fn proportion_thresholds() {
    assert_eq!(
        grade_by_proportion(&classes(10, 10, 0)),
        Some(Status::Excellent)
    );
    assert_eq!(
        grade_by_proportion(&classes(10, 9, 0)),
        Some(Status::Excellent)
    ); // 90 % exactly
    assert_eq!(grade_by_proportion(&classes(20, 17, 0)), Some(Status::Good)); // 85 %
    assert_eq!(grade_by_proportion(&classes(20, 15, 0)), Some(Status::Good)); // 75 % exactly
    assert_eq!(
        grade_by_proportion(&classes(20, 14, 0)),
        Some(Status::Light)
    ); // 70 %, no 劣Ⅴ
    assert_eq!(
        grade_by_proportion(&classes(20, 14, 3)),
        Some(Status::Light)
    ); // 劣Ⅴ 15 %
    assert_eq!(
        grade_by_proportion(&classes(10, 0, 2)),
        Some(Status::Moderate)
    ); // 劣Ⅴ 20 % exactly
    assert_eq!(
        grade_by_proportion(&classes(20, 0, 7)),
        Some(Status::Moderate)
    ); // 35 %
    assert_eq!(grade_by_proportion(&classes(10, 0, 4)), Some(Status::Heavy)); // 40 % exactly
    assert_eq!(grade_by_proportion(&classes(10, 5, 5)), Some(Status::Heavy));
    // ≥ 75 % good wins whatever the 劣Ⅴ share.
    assert_eq!(grade_by_proportion(&classes(4, 3, 1)), Some(Status::Good));
    assert_eq!(grade_by_proportion(&[]), None);
}

fn sv(values: &[(Indicator, f64)]) -> SectionValues {
    SectionValues {
        body: WaterBody::River,
        values: values.to_vec(),
    }
}

#[test]
fn five_sections_switch_to_the_proportion_method() {
    assert_eq!(PROPORTION_MIN_SECTIONS, 5);
    // Four sections: the mean of NH3-N (0.5, 0.5, 0.5, 2.5) is 1.0 → Ⅲ → 良好.
    let mut four: Vec<SectionValues> = (0..3).map(|_| sv(&[(Indicator::Ammonia, 0.5)])).collect();
    four.push(sv(&[(Indicator::Ammonia, 2.5)]));
    let g = river_grade(&four).unwrap();
    assert_eq!(g.sections, 4);
    assert_eq!(g.status, Status::Good);
    match &g.method {
        GradeMethod::Mean(a) => assert_eq!(a.class, Some(III)),
        other => panic!("expected the mean method, got {other:?}"),
    }
    // Five sections: 4 of 5 good = 80 % → 良好 by proportion.
    let mut five = four.clone();
    five.push(sv(&[(Indicator::Ammonia, 0.5)]));
    let g5 = river_grade(&five).unwrap();
    assert_eq!(g5.status, Status::Good);
    assert!(
        matches!(g5.method, GradeMethod::Proportion { good_share, .. } if (good_share - 80.0).abs() < 1e-9)
    );
    // Sections without an assessed value do not count.
    four.push(sv(&[(Indicator::TotalNitrogen, 3.0)]));
    assert_eq!(river_grade(&four).unwrap().sections, 4);
    assert_eq!(river_grade(&[]), None);
}

fn m(section: &str, date: (i32, u8, u8), indicator: Indicator, value: f64) -> Measurement {
    let date = Date::new(date.0, date.1, date.2).unwrap();
    Measurement {
        section: section.to_string(),
        date,
        indicator,
        value,
        below_detection: false,
    }
}

#[test]
fn period_means_and_classes() {
    let s = "songhuajiangcun";
    let results = vec![
        m(s, (2021, 1, 10), Indicator::Ammonia, 0.4),
        m(s, (2021, 2, 10), Indicator::Ammonia, 1.6),
        m(s, (2021, 3, 10), Indicator::Ammonia, 1.0),
        m(s, (2021, 3, 20), Indicator::Ammonia, 2.2),
        m(s, (2021, 7, 10), Indicator::Ammonia, 0.1),
        m(s, (2021, 7, 10), Indicator::Ph, 7.0),
        m("other", (2021, 7, 10), Indicator::Ammonia, 9.0),
        m(s, (2020, 7, 10), Indicator::Ammonia, 9.0),
    ];
    let march = period_means(
        &results,
        s,
        Period::Month {
            year: 2021,
            month: 3,
        },
    );
    assert_eq!(march.len(), 1);
    assert!((march[0].1 - 1.6).abs() < 1e-12);
    let q1 = period_means(
        &results,
        s,
        Period::Quarter {
            year: 2021,
            quarter: 1,
        },
    );
    assert!((q1[0].1 - 5.2 / 4.0).abs() < 1e-12);
    let year = period_means(&results, s, Period::Year(2021));
    assert_eq!(
        year.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
        vec![Indicator::Ph, Indicator::Ammonia]
    );
    assert!((year[1].1 - 5.3 / 5.0).abs() < 1e-12);

    let sections = changchun_sections();
    let class = |p| {
        assess_period(&sections, &results, p)
            .first()
            .and_then(|x| x.assessment.class)
    };
    assert_eq!(
        class(Period::Month {
            year: 2021,
            month: 3
        }),
        Some(V)
    );
    assert_eq!(
        class(Period::Month {
            year: 2021,
            month: 2
        }),
        Some(V)
    );
    assert_eq!(
        class(Period::Quarter {
            year: 2021,
            quarter: 1
        }),
        Some(IV)
    );
    assert_eq!(
        class(Period::Quarter {
            year: 2021,
            quarter: 3
        }),
        Some(WaterClass::I)
    );
    assert_eq!(class(Period::Year(2021)), Some(IV));
    assert_eq!(
        class(Period::Month {
            year: 2021,
            month: 5
        }),
        None
    );
}

#[test]
fn period_params_and_labels() {
    for p in [
        Period::Month {
            year: 2021,
            month: 5,
        },
        Period::Quarter {
            year: 2021,
            quarter: 2,
        },
        Period::Year(2021),
    ] {
        assert_eq!(Period::parse(&p.to_param()), Some(p));
    }
    assert_eq!(Period::parse("2021-13"), None);
    assert_eq!(Period::parse("2021-Q5"), None);
    assert_eq!(Period::parse("21"), None);
    assert_eq!(
        Period::Month {
            year: 2021,
            month: 5
        }
        .label(cc_core::i18n::Lang::Zh),
        "2021年5月"
    );
    assert_eq!(
        Period::Quarter {
            year: 2021,
            quarter: 2
        }
        .label(cc_core::i18n::Lang::En),
        "Q2 2021"
    );
    assert!(Period::Quarter {
        year: 2021,
        quarter: 4
    }
    .contains(Date::new(2021, 12, 31).unwrap()));
    assert!(!Period::Quarter {
        year: 2021,
        quarter: 4
    }
    .contains(Date::new(2021, 9, 30).unwrap()));
}

#[test]
fn headline_compares_with_the_same_period_a_year_earlier() {
    let sections = changchun_sections();
    let slugs: Vec<&str> = sections.iter().map(|s| s.slug.as_str()).collect();
    let mut results = Vec::new();
    // 2021: 6 of 9 good (NH3-N 0.5), 1 劣Ⅴ (3.0), 2 Ⅳ (1.2).
    // 2020: 4 of 8 good, 3 劣Ⅴ, 1 Ⅳ; the ninth section has no data.
    for (i, s) in slugs.iter().enumerate() {
        let v21 = if i < 6 {
            0.5
        } else if i < 7 {
            3.0
        } else {
            1.2
        };
        results.push(m(s, (2021, 6, 1), Indicator::Ammonia, v21));
        if i < 8 {
            let v20 = if i < 4 {
                0.5
            } else if i < 7 {
                3.0
            } else {
                1.2
            };
            results.push(m(s, (2020, 6, 1), Indicator::Ammonia, v20));
        }
    }
    let h = headline(&sections, &results, Period::Year(2021));
    assert_eq!((h.assessed, h.good, h.worse_than_v), (9, 6, 1));
    assert!((h.good_share().unwrap() - 600.0 / 9.0).abs() < 1e-9);
    let c = headline_comparison(&sections, &results, Period::Year(2021));
    assert_eq!(
        (
            c.year_earlier.assessed,
            c.year_earlier.good,
            c.year_earlier.worse_than_v
        ),
        (8, 4, 3)
    );
    assert!((c.good_share_change().unwrap() - (600.0 / 9.0 - 50.0)).abs() < 1e-9);
    assert!((c.worse_than_v_share_change().unwrap() - (100.0 / 9.0 - 37.5)).abs() < 1e-9);
    assert_eq!(c.worse_than_v_count_change(), Some(-2));
    let none = headline_comparison(&sections, &results, Period::Year(2020));
    assert_eq!(none.year_earlier.assessed, 0);
    assert_eq!(none.good_share_change(), None);
    assert_eq!(none.worse_than_v_count_change(), None);
}

#[test]
fn river_grade_for_a_period_groups_by_river_slug() {
    let sections = changchun_sections();
    let results = vec![
        m("yinmahe-daqiao", (2021, 6, 1), Indicator::Ammonia, 0.4),
        m("kaoshan-daqiao", (2021, 6, 1), Indicator::Ammonia, 1.2),
        m("zhenjiangkou", (2021, 6, 1), Indicator::Ammonia, 0.4),
        m("songhuajiangcun", (2021, 6, 1), Indicator::Ammonia, 5.0),
    ];
    // 饮马河 sections with data: three (the reservoir has none) → mean 0.667 → Ⅲ → 良好.
    let g = river_grade_for_period(&sections, &results, "yinma-he", Period::Year(2021)).unwrap();
    assert_eq!((g.sections, g.status), (3, Status::Good));
    assert_eq!(
        river_grade_for_period(&sections, &results, "nowhere", Period::Year(2021)),
        None
    );
}

#[test]
fn monthly_classes_and_an_indicator_series() {
    let sections = changchun_sections();
    let section = &sections[0];
    let s = section.slug.as_str();
    let mut below = m(s, (2021, 5, 1), Indicator::Ammonia, 0.05);
    below.below_detection = true;
    let results = vec![
        m(s, (2021, 3, 20), Indicator::Ammonia, 2.2),
        m(s, (2021, 1, 10), Indicator::Ammonia, 0.4),
        m(s, (2021, 3, 10), Indicator::Ammonia, 1.0),
        below,
        m("other", (2021, 2, 10), Indicator::Ammonia, 9.0),
        m(s, (2020, 2, 10), Indicator::Ammonia, 9.0),
    ];
    let months = monthly_classes(&results, section, 2021);
    assert_eq!(months[0], Some(WaterClass::II));
    assert_eq!(
        months[1], None,
        "another section's and another year's results stay out"
    );
    assert_eq!(months[2], Some(V), "March's mean, 1.6");
    assert_eq!(months[4], Some(WaterClass::I), "half the detection limit");
    assert_eq!(months.iter().flatten().count(), 3);

    let series = indicator_series(&results, s, Indicator::Ammonia);
    let dates: Vec<_> = series.iter().map(|p| p.0.to_string()).collect();
    assert_eq!(
        dates,
        [
            "2020-02-10",
            "2021-01-10",
            "2021-03-10",
            "2021-03-20",
            "2021-05-01"
        ]
    );
    assert_eq!(series[4].1, 0.025);
    assert!(indicator_series(&results, s, Indicator::Ph).is_empty());
}
