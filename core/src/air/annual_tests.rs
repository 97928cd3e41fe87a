//! Hand-computed years: day i of the year (1-based) has O3-8h = i µg/m³ and CO = i/100 mg/m³,
//! so the percentiles and the 综合指数 can be worked out on paper.

use super::*;
use crate::air::iaqi::assess_daily;
use crate::air::rules::HJ633_2012;

/// Day `i` (1-based) of `year`: PM2.5 `pm25` (none on day 50), PM10 50, SO2 10, NO2 20,
/// CO i/100, O3-8h and O3-1h i.
fn day(year: i32, i: i64, pm25: f64) -> CityDay {
    let o3 = i as f64;
    let values = [
        Some(10.0),
        Some(20.0),
        Some(50.0),
        Some(i as f64 / 100.0),
        Some(o3),
        Some(o3),
        (i != 50).then_some(pm25),
    ];
    CityDay {
        date: Date::new(year, 1, 1).unwrap().add_days(i - 1),
        values,
        stations_used: [9; 7],
        assessment: assess_daily(&HJ633_2012, &values),
    }
}

fn year(year: i32, days: i64, pm25: f64) -> Vec<CityDay> {
    (1..=days).map(|i| day(year, i, pm25)).collect()
}

#[test]
fn a_whole_year_worked_out_by_hand() {
    let days = year(2021, 365, 30.0);
    let y = air_year(&days, 2021).unwrap();
    // O3-8h ≤ 160 gives IAQI ≤ 100: days 1–160 are good, less day 50 (no PM2.5, no AQI).
    assert_eq!((y.stats.good.good, y.stats.good.valid), (159, 364));
    assert_eq!(y.stats.good.rate_percent, Some(43.7));
    // O3-8h 266 → IAQI 201: days 266–365 are heavy; 265 is IAQI 200 exactly, not heavy.
    assert_eq!(y.heavy_days, 100);
    // Days 1–49, then 51–160: the second run, from 20 February.
    assert_eq!(
        y.longest_good_run,
        GoodRun {
            days: 110,
            first: Date::new(2021, 2, 20)
        }
    );
    let value = |species: Species| y.items.iter().find(|e| e.species == species).unwrap();
    // O3: k = 1 + 364 × 0.9 = 328.6 → 328 + 0.6 × (329 − 328) = 328.6 → 329.
    assert_eq!(value(Species::O3).value, Some(329.0));
    // CO: k = 1 + 364 × 0.95 = 346.8 → 3.46 + 0.8 × 0.01 = 3.468 → 3.5.
    assert_eq!(value(Species::Co).value, Some(3.5));
    assert_eq!(value(Species::Pm25).value, Some(30.0));
    assert_eq!(value(Species::Pm25).days, 364);
    // (329 − 160) / 160 = 1.05625 → 1.06 times.
    assert_eq!(
        value(Species::O3).verdict(),
        Some(Verdict::Exceeds { times: 1.06 })
    );
    assert_eq!(value(Species::Co).verdict(), Some(Verdict::Meets));
    assert_eq!(value(Species::Pm25).verdict(), Some(Verdict::Meets));
    // 30/35 + 50/70 + 10/60 + 20/40 + 3.5/4 + 329/160 = 5.1693… → 5.17.
    assert_eq!(y.stats.composite_index, Some(5.17));
    assert!(y.complete());
    assert_eq!(
        Verdict::Exceeds { times: 1.06 }.text(Lang::Zh),
        "超标 1.06 倍"
    );
}

#[test]
fn the_year_in_words() {
    let y = air_year(&year(2021, 365, 30.0), 2021).unwrap();
    assert_eq!(
        air_year_summary(&y, Lang::Zh),
        "2021年，全市有效监测 364 天，其中优良天数 159 天，优良率 43.7%；重污染天数 100 天。\
         参与评价的 6 项污染物中，1 项超过国家二级标准：O3。"
    );
    assert_eq!(
        air_year_summary(&y, Lang::En),
        "In 2021 the city had 159 good days out of 364 with a daily AQI (43.7%) and 100 \
         heavy-pollution days. 1 of the 6 pollutants judged exceed the national Grade Ⅱ \
         standard: O3."
    );
    let short = air_year(&year(2021, 30, 30.0), 2021).unwrap();
    assert!(!air_year_summary(&short, Lang::Zh).contains("国家二级标准"));
}

#[test]
fn a_short_year_is_shown_but_not_judged() {
    let days = year(2021, 30, 80.0);
    let y = air_year(&days, 2021).unwrap();
    let pm25 = y.items[0];
    assert_eq!(
        (pm25.species, pm25.value, pm25.days),
        (Species::Pm25, Some(80.0), 30)
    );
    assert_eq!(pm25.verdict(), None);
    assert!(!y.complete());
    assert_eq!(air_year(&days, 2020), None);
    assert_eq!(
        years_with_days(&[days, year(2020, 3, 1.0)].concat()),
        vec![2020, 2021]
    );
}

#[test]
fn the_change_on_the_year_before_in_words() {
    let now = air_year(&year(2021, 365, 30.0), 2021).unwrap();
    // 2020 is a leap year: 366 days, one more heavy day, PM2.5 40; O3 p90: k = 329.5 → 329.5
    // → 330 (half to even); CO p95: k = 347.75 → 3.4775 → 3.5; 综合指数 5.4613… → 5.46.
    let then = air_year(&year(2020, 366, 40.0), 2020).unwrap();
    assert_eq!(then.stats.composite_index, Some(5.46));
    assert_eq!(
        air_changes(&now, &then, Lang::Zh),
        vec![
            "优良天数与上年持平",
            // 159/364 = 43.7 %, 159/365 = 43.6 %.
            "优良率比上年上升 0.1 个百分点",
            "重污染天数比上年减少 1 天",
            "PM2.5年平均浓度比上年下降 25.0%",
            // (5.17 − 5.46) / 5.46 = −5.31 %.
            "环境空气质量综合指数比上年下降 5.3%",
        ]
    );
    assert_eq!(
        air_changes(&now, &then, Lang::En),
        vec![
            "As many good days as the year before",
            "The share of good days rose by 0.1 percentage points on the year before",
            "1 fewer heavy-pollution day than the year before",
            "The annual mean of PM2.5 fell by 25.0% on the year before",
            "The composite air quality index fell by 5.3% on the year before",
        ]
    );
    assert_eq!(
        count_change(12, ["优良天数", "good day", "good days"], Lang::Zh),
        "优良天数比上年增加 12 天"
    );
}
