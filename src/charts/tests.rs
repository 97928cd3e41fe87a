//! Unit tests of the pure parts: CSV, summaries and tables in both languages, run splitting
//! and decimation. The drawings themselves are tested in `tests/charts.rs`.

use super::frame::runs;
use super::table::csv_field;
use super::year_hourly_aqi::decimate;
use super::*;
use cc_core::air::GoodDays;
use cc_core::i18n::Lang;
use cc_core::time::{Date, Hour};
use cc_core::water::{Indicator, WaterBody, WaterClass};

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

#[test]
fn csv_quotes_guards_and_marks_samples() {
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_field("=1+2"), "'=1+2");
    assert_eq!(
        csv_field("=HYPERLINK(\"x\",\"y\")"),
        "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
    );
    assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_field("+cmd"), "'+cmd");
    assert_eq!(csv_field("-2+3"), "'-2+3");
    assert_eq!(csv_field("-3.5"), "-3.5", "negative numbers stay numbers");
    assert_eq!(csv_field("+12"), "+12");
    assert_eq!(csv_field("-1.2.3"), "'-1.2.3");
    assert_eq!(csv_field("-"), "'-");
    assert_eq!(csv_field("-."), "'-.");
    assert_eq!(csv_field("—"), "—");
    let t = Table {
        caption: "c".into(),
        headers: vec!["日期".into(), "AQI".into()],
        rows: vec![
            vec!["2021-01-01".into(), "35".into()],
            vec!["a,b".into(), "=x".into()],
        ],
    };
    let csv = t.to_csv(true);
    assert!(csv.starts_with('\u{FEFF}'));
    assert_eq!(
        csv.trim_start_matches('\u{FEFF}'),
        "# 示例数据 Sample data\r\n日期,AQI\r\n2021-01-01,35\r\n\"a,b\",'=x\r\n"
    );
    assert!(!t.to_csv(false).contains("示例"));
}

#[test]
fn runs_split_at_missing_values_and_jumps() {
    let pts = [
        (1, Some(5)),
        (2, Some(6)),
        (3, None),
        (4, Some(7)),
        (6, Some(8)),
        (7, Some(9)),
    ];
    let r = runs(pts, 1);
    assert_eq!(
        r,
        vec![vec![(1, 5), (2, 6)], vec![(4, 7)], vec![(6, 8), (7, 9)]]
    );
    assert!(runs(Vec::<(i64, Option<i32>)>::new(), 1).is_empty());
}

#[test]
fn decimation_keeps_extremes_in_order() {
    let run: Vec<(i64, i32)> = (0..100).map(|x| (x, ((x * 37) % 101) as i32)).collect();
    let out = decimate(&run, |x| x / 10);
    assert!(out.len() <= 40 && out.len() >= 20);
    assert!(out.windows(2).all(|w| w[0].0 < w[1].0));
    for c in 0..10 {
        let bucket = run.iter().filter(|p| p.0 / 10 == c);
        let max = bucket.clone().map(|p| p.1).max();
        let min = bucket.map(|p| p.1).min();
        let kept: Vec<_> = out.iter().filter(|p| p.0 / 10 == c).map(|p| p.1).collect();
        assert_eq!(kept.iter().copied().max(), max);
        assert_eq!(kept.iter().copied().min(), min);
    }
}

fn hourly() -> HourlyAqi {
    let h0 = date(2021, 3, 5).at_hour(0).0;
    let city = (0..24)
        .map(|i| (Hour(h0 + i), (i != 7).then_some(35 + i as u16 * 5)))
        .collect();
    HourlyAqi {
        city,
        station: Some(StationLine {
            name: "食品厂".into(),
            values: vec![(Hour(h0), Some(40)), (Hour(h0 + 1), None)],
        }),
    }
}

#[test]
fn hourly_summary_and_table_in_both_languages() {
    let d = hourly();
    let zh = summary_hourly_aqi(&d, Lang::Zh);
    assert_eq!(
        zh,
        "过去24小时全市AQI在35到150之间，最高出现在3月5日23时，为三级（轻度污染）；食品厂在40到40之间；1小时全市无数据。"
    );
    let en = summary_hourly_aqi(&d, Lang::En);
    assert!(en.starts_with("Over the last 24 hours the city AQI ranged from 35 to 150, highest at 23:00 on 5 Mar (level 3, lightly polluted)"), "{en}");
    let t = table_hourly_aqi(&d, Lang::En);
    assert_eq!(t.headers, ["Time", "City AQI", "Level", "食品厂 AQI"]);
    assert_eq!(t.rows.len(), 24);
    assert_eq!(t.rows[7][1], "—", "missing is a dash, never 0");
    assert_eq!(t.rows[1][3], "—");
    assert_eq!(
        t.rows[0],
        ["2021-03-05 00:00", "35", "Level 1 Excellent", "40"]
    );
    assert!(summary_hourly_aqi(&HourlyAqi::default(), Lang::Zh).contains("没有"));
}

#[test]
fn daily_and_calendar_summaries_state_good_days() {
    let days: Vec<_> = (0..30)
        .map(|i| {
            (
                date(2021, 10, 1).add_days(i),
                (i != 3).then_some(40 + i as u16 * 10),
            )
        })
        .collect();
    let d = DailyAqi { days: days.clone() };
    let zh = summary_daily_aqi_bars(&d, Lang::Zh);
    assert!(
        zh.contains("过去30天中29天有AQI") && zh.contains("330") && zh.contains("优良6天"),
        "{zh}"
    );
    assert!(summary_daily_aqi_bars(&d, Lang::En).contains("6 days were good"));
    assert_eq!(
        table_daily_aqi_bars(&d, Lang::Zh).rows[3],
        ["2021-10-04", "—", "—"]
    );
    let cal = AqiCalendar {
        year: 2021,
        days,
        good: GoodDays {
            good: 287,
            valid: 365,
            total: 365,
            rate_percent: Some(78.6),
        },
    };
    let zh = summary_aqi_calendar(&cal, Lang::Zh);
    assert!(
        zh.starts_with("2021年有效监测365天，优良天数287天，优良率78.6%"),
        "{zh}"
    );
    let en = summary_aqi_calendar(&cal, Lang::En);
    assert!(
        en.contains("287 of 365 valid days") && en.contains("78.6%"),
        "{en}"
    );
    assert_eq!(table_aqi_calendar(&cal, Lang::En).rows.len(), 365);
}

#[test]
fn year_summary_counts_missing_hours() {
    let h0 = date(2021, 1, 1).at_hour(1).0;
    let d = YearHourlyAqi {
        year: 2021,
        hours: (0..8760)
            .map(|i| (Hour(h0 + i), (i % 100 != 0).then_some(60)))
            .collect(),
    };
    let zh = summary_year_hourly_aqi(&d, Lang::Zh);
    assert!(zh.contains("有效8672小时，88小时无数据"), "{zh}");
    assert!(summary_year_hourly_aqi(&d, Lang::En).contains("8672 hours have an AQI, 88 have none"));
}

#[test]
fn water_summaries_name_classes_and_limits() {
    let mut months = [Some(WaterClass::III); 12];
    months[0] = None;
    months[3] = Some(WaterClass::WorseThanV);
    let s = WaterClassSteps {
        year: 2021,
        section: "靠山南楼".into(),
        months,
    };
    assert_eq!(
        summary_water_class_steps(&s, Lang::Zh),
        "靠山南楼2021年有11个月评价了水质，类别在Ⅲ类到劣Ⅴ类之间，最差为4月（劣Ⅴ类）；达到或优于Ⅲ类的有10个月。"
    );
    assert!(
        summary_water_class_steps(&s, Lang::En).contains("the worst was Apr (worse than class V)")
    );
    let t = table_water_class_steps(&s, Lang::Zh);
    assert_eq!(t.rows[0], ["2021-01", "—", "—"]);
    assert_eq!(t.rows[3], ["2021-04", "劣Ⅴ类", "重度污染"]);

    let series = |indicator, points: Vec<(Date, f64)>| IndicatorSeries {
        indicator,
        body: WaterBody::River,
        section: "靠山南楼".into(),
        points,
    };
    let do_ = series(
        Indicator::DissolvedOxygen,
        vec![(date(2021, 5, 6), 6.5), (date(2021, 6, 6), 2.4)],
    );
    let zh = summary_water_indicator_bands(&do_, Lang::Zh);
    assert!(
        zh.contains("最差为2021年6月6日的2.4 mg/L（Ⅴ类）") && zh.contains("≥5 mg/L"),
        "{zh}"
    );
    let ph = series(Indicator::Ph, vec![(date(2021, 5, 6), 9.3)]);
    assert!(summary_water_indicator_bands(&ph, Lang::En).contains("the standard range is 6–9"));
    let t = table_water_indicator_bands(&do_, Lang::En);
    assert_eq!(t.headers, ["Date", "dissolved oxygen (mg/L)", "Class"]);
    assert_eq!(t.rows[1], ["2021-06-06", "2.4", "class V"]);
    let temp = series(Indicator::WaterTemperature, vec![]);
    assert!(summary_water_indicator_bands(&temp, Lang::Zh).contains("没有"));
}

#[test]
fn count_bars_say_the_total_and_the_largest_two() {
    let data = CountBars {
        what: "类别".into(),
        caption: "按类别".into(),
        bars: vec![
            ("大气污染".into(), 6),
            ("噪声污染".into(), 3),
            ("水污染".into(), 1),
        ],
    };
    assert_eq!(
        summary_count_bars(&data, Lang::Zh),
        "共 10 件，最多的是大气污染（6 件），其次是噪声污染（3 件）。"
    );
    let t = table_count_bars(&data, Lang::En);
    assert_eq!(t.headers, ["类别", "Reports", "Share"]);
    assert_eq!(t.rows[0], ["大气污染", "6", "60.0%"]);
    assert_eq!(
        summary_count_bars(&CountBars::default(), Lang::En),
        "No reports."
    );
}
