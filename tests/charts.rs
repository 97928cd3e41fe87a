//! Host tests of `src/charts`: every chart is drawn into an SVG string at phone (360×220) and
//! desktop (800×300) size from the engines' sample data, and the SVG is checked for what the
//! reader must see: bar and cell counts per level colour, the class bands and their direction,
//! gaps as breaks (never zero points), and the "no data" message for empty input. One SVG of
//! each chart is written to /tmp/charts-preview/ for a human look.

#[path = "charts/support.rs"]
mod support;

use cc_core::air::Level;
use cc_core::i18n::Lang;
use cc_core::time::{Date, Hour};
use cc_core::water::{changchun_sections, Indicator};
use lvse_changchun::charts::*;
use plotters::prelude::*;
use support::*;

#[test]
fn hourly_aqi_breaks_the_line_at_missing_hours_and_never_drops_to_zero() {
    // The sample is silent city-wide on 2021-09-15 10:00–12:00.
    let data = hourly_window("2021-09-15T20:00");
    assert_eq!(data.city.iter().filter(|p| p.1.is_none()).count(), 3);
    for (size, lang) in SIZES.into_iter().zip([Lang::Zh, Lang::En]) {
        let s = svg(size, |r| draw_hourly_aqi(r, &data, lang));
        let lines = polylines(&s, CITY);
        assert_eq!(lines.len(), 2, "one city line before and one after the gap");
        // Text goes through the backend's own text drawing (no ttf feature), in a generic family.
        assert!(s.contains("font-family=\"sans-serif\""));
        let zero = zero_row(&s);
        for (_, y) in lines.iter().flatten() {
            assert!(*y < zero - 2, "a city point sits on zero: {y} vs {zero}");
        }
        for c in elements(&s, "circle")
            .iter()
            .filter(|c| attr(c, "fill") == CITY)
        {
            assert!(num(c, "cy") < zero - 2);
        }
        assert_eq!(
            elements(&s, "circle")
                .iter()
                .filter(|c| attr(c, "fill") == CITY)
                .count(),
            21 + 1,
            "21 hours with an AQI, and the legend's circle"
        );
        assert!(
            polylines(&s, "#222222").len() > 20,
            "the station line is dashed"
        );
        let t = texts(&s);
        let l1 = if lang == Lang::Zh { "1级" } else { "L1" };
        assert!(
            t.iter().any(|x| x == l1) && t.iter().any(|x| x == "食品厂"),
            "{t:?}"
        );
        assert!(t.iter().any(|x| x == lang.pick("全市", "City")));
        preview(
            &format!("hourly-aqi-{}x{}-{}", size.0, size.1, lang.as_str()),
            &s,
        );
    }
}

#[test]
fn hourly_aqi_treats_absent_hours_as_gaps_and_shows_high_levels() {
    // The straw-burning episode (late October) reaches the top levels.
    let mut data = hourly_window("2021-10-28T12:00");
    data.city.retain(|p| p.0.hour_of_day() != 5);
    let s = svg((800, 300), |r| draw_hourly_aqi(r, &data, Lang::Zh));
    assert_eq!(polylines(&s, CITY).len(), 2);
    let max = data.city.iter().filter_map(|p| p.1).max().unwrap_or(0);
    assert!(max > 200, "episode peak {max}");
    for l in Level::ALL
        .into_iter()
        .filter(|l| l.number() <= Level::from_aqi(max).number())
    {
        assert!(
            s.contains(&format!("fill=\"{}\"", l.colour_hex())),
            "{l:?} band"
        );
    }
    preview("hourly-aqi-episode-800x300-zh", &s);
}

#[test]
fn daily_bars_one_bar_per_day_in_its_level_colour_and_hatched_gaps() {
    let data = last_30_days(Date::new(2021, 11, 5).expect("date"));
    let valid: Vec<u16> = data.days.iter().filter_map(|d| d.1).collect();
    assert_eq!(valid.len(), 28);
    for (size, lang) in SIZES.into_iter().zip([Lang::Zh, Lang::En]) {
        let s = svg(size, |r| draw_daily_aqi_bars(r, &data, lang));
        for l in Level::ALL {
            let want = valid.iter().filter(|&&v| Level::from_aqi(v) == l).count();
            assert_eq!(solid_rects(&s, l.colour_hex()), want, "{l:?} at {size:?}");
        }
        let slots = elements(&s, "rect")
            .iter()
            .filter(|r| attr(r, "stroke") == GRID && attr(r, "fill") == "none")
            .count();
        assert_eq!(slots, 2, "two outlined empty slots");
        let numbers = texts(&s)
            .iter()
            .filter(|t| matches!(t.as_str(), "1" | "2" | "3" | "4" | "5" | "6"))
            .count();
        assert_eq!(numbers, 28, "a level number on every bar");
        preview(
            &format!("daily-aqi-bars-{}x{}-{}", size.0, size.1, lang.as_str()),
            &s,
        );
    }
    let levels: Vec<_> = valid.iter().map(|&v| Level::from_aqi(v).number()).collect();
    assert!(
        levels.contains(&1) && levels.iter().any(|&n| n >= 5),
        "{levels:?}"
    );
}

#[test]
fn calendar_has_one_cell_per_day_coloured_by_level_and_outlined_gaps() {
    let data = calendar();
    let valid: Vec<u16> = data
        .days
        .iter()
        .filter(|d| d.0.year == 2021)
        .filter_map(|d| d.1)
        .collect();
    for (size, lang) in SIZES.into_iter().zip([Lang::En, Lang::Zh]) {
        let s = svg(size, |r| draw_aqi_calendar(r, &data, lang));
        for l in Level::ALL {
            let want = valid.iter().filter(|&&v| Level::from_aqi(v) == l).count();
            // + 1: the legend swatch.
            assert_eq!(solid_rects(&s, l.colour_hex()), want + 1, "{l:?}");
        }
        let outlined = elements(&s, "rect")
            .iter()
            .filter(|r| attr(r, "stroke") == GRID)
            .count();
        let missing = 365 - valid.len();
        assert_eq!(
            outlined,
            missing + 1,
            "empty days and the legend's empty swatch"
        );
        let t = texts(&s);
        assert!(t.iter().any(|x| x == lang.pick("1月", "Jan")), "{t:?}");
        preview(
            &format!("aqi-calendar-{}x{}-{}", size.0, size.1, lang.as_str()),
            &s,
        );
    }
    assert!(valid.len() <= 358);
    for l in Level::ALL {
        assert!(
            valid.iter().any(|&v| Level::from_aqi(v) == l),
            "sample year lacks {l:?}"
        );
    }
}

#[test]
fn year_line_is_one_polyline_per_run_and_decimated() {
    let data = YearHourlyAqi {
        year: 2021,
        hours: air().city.clone(),
    };
    assert_eq!(data.hours.len(), 8760);
    for (size, lang) in SIZES.into_iter().zip([Lang::Zh, Lang::En]) {
        let t0 = std::time::Instant::now();
        let s = svg(size, |r| draw_year_hourly_aqi(r, &data, lang));
        let took = t0.elapsed();
        let lines = polylines(&s, CITY);
        assert_eq!(lines.len(), 2, "the 3-hour city gap splits the year in two");
        let points: usize = lines.iter().map(Vec::len).sum();
        assert!(
            points <= 4 * size.0 as usize,
            "{points} points at width {}",
            size.0
        );
        let zero = zero_row(&s);
        assert!(lines.iter().flatten().all(|&(_, y)| y < zero));
        for l in Level::ALL {
            assert!(
                s.contains(&format!("fill=\"{}\"", l.colour_hex())),
                "{l:?} band"
            );
        }
        eprintln!("year line {size:?}: {points} points, drawn in {took:?} (debug, SVG)");
        preview(
            &format!("year-hourly-aqi-{}x{}-{}", size.0, size.1, lang.as_str()),
            &s,
        );
    }
}

#[test]
fn water_steps_draw_six_class_bands_and_break_at_unassessed_months() {
    let mut seen = std::collections::BTreeSet::new();
    let mut varied: Option<WaterClassSteps> = None;
    for section in changchun_sections() {
        let mut data = steps(&section.slug, &section.name.zh, 2021);
        data.months[5] = None;
        seen.extend(data.months.iter().flatten().copied());
        let distinct = |d: &WaterClassSteps| {
            d.months
                .iter()
                .flatten()
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        };
        let runs = data
            .months
            .split(Option::is_none)
            .filter(|r| !r.is_empty())
            .count();
        let s = svg((360, 220), |r| draw_water_class_steps(r, &data, Lang::Zh));
        assert_eq!(polylines(&s, CITY).len(), runs, "{}", section.slug);
        let bands = elements(&s, "rect")
            .iter()
            .filter(|r| attr(r, "opacity") == "0.45")
            .count();
        assert_eq!(bands, 6);
        if varied
            .as_ref()
            .is_none_or(|v| distinct(&data) > distinct(v))
        {
            varied = Some(data);
        }
    }
    assert!(seen.len() >= 4, "the sample shows only {seen:?}");
    let data = varied.expect("sections");
    for (size, lang) in SIZES.into_iter().zip([Lang::Zh, Lang::En]) {
        let s = svg(size, |r| draw_water_class_steps(r, &data, lang));
        let t = texts(&s);
        // Every class is on the axis: plotters' own ticks must fall on the six ranks.
        let labels: &[&str] = if lang == Lang::Zh {
            &["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"]
        } else {
            &["I", "II", "III", "IV", "V", "&gt;V"]
        };
        for label in labels {
            assert_eq!(t.iter().filter(|x| x == label).count(), 1, "{label}: {t:?}");
        }
        preview(
            &format!("water-class-steps-{}x{}-{}", size.0, size.1, lang.as_str()),
            &s,
        );
    }
}

#[test]
fn indicator_bands_follow_the_direction_of_the_limit() {
    let worst = cc_core::water::WaterClass::WorseThanV.colour();
    let best = cc_core::water::WaterClass::I.colour();
    for (size, lang) in SIZES.into_iter().zip([Lang::Zh, Lang::En]) {
        // Ammonia: "≤", class Ⅰ at the bottom.
        let s = svg(size, |r| {
            draw_water_indicator_bands(r, &series("kaoshan-nanlou", Indicator::Ammonia), lang)
        });
        let b = bands(&s);
        let y = |fill: &str| b.iter().find(|x| x.0 == fill).map(|x| x.1).expect("band");
        assert!(y(best) > y(worst), "ammonia: Ⅰ below 劣Ⅴ: {b:?}");
        assert!(
            polylines(&s, CITY).len() >= 2,
            "winter sampling gaps break the line"
        );
        preview(
            &format!(
                "water-indicator-nh3n-{}x{}-{}",
                size.0,
                size.1,
                lang.as_str()
            ),
            &s,
        );
        // Dissolved oxygen: "≥", class Ⅰ at the top.
        let s = svg(size, |r| {
            draw_water_indicator_bands(
                r,
                &series("zhuanwayaoqiao", Indicator::DissolvedOxygen),
                lang,
            )
        });
        let b = bands(&s);
        assert_eq!(b.len(), 6);
        let y = |fill: &str| b.iter().find(|x| x.0 == fill).map(|x| x.1).expect("band");
        assert!(y(best) < y(worst), "DO: Ⅰ above 劣Ⅴ: {b:?}");
        preview(
            &format!("water-indicator-do-{}x{}-{}", size.0, size.1, lang.as_str()),
            &s,
        );
        // pH: one 6–9 band between two 劣Ⅴ bands.
        let s = svg(size, |r| {
            draw_water_indicator_bands(r, &series("songhuajiangcun", Indicator::Ph), lang)
        });
        let fills: Vec<_> = bands(&s).into_iter().map(|b| b.0).collect();
        assert_eq!(fills.iter().filter(|f| *f == worst).count(), 2, "{fills:?}");
        assert_eq!(fills.len(), 3);
    }
    // Total phosphorus uses the lake column at a reservoir.
    let lake = summary_water_indicator_bands(
        &series("xinlicheng-daba", Indicator::TotalPhosphorus),
        Lang::Zh,
    );
    let river = summary_water_indicator_bands(
        &series("kaoshan-nanlou", Indicator::TotalPhosphorus),
        Lang::Zh,
    );
    assert!(
        lake.contains("≤0.05 mg/L") && river.contains("≤0.2 mg/L"),
        "{lake} / {river}"
    );
}

#[test]
fn count_bars_one_bar_per_name_with_its_count_and_the_rest_as_other() {
    let bars = |n: usize| CountBars {
        what: "类别".into(),
        caption: "按类别".into(),
        bars: (0..n).map(|i| (format!("类别{i}"), 20 - i)).collect(),
    };
    for (size, lang) in SIZES.into_iter().zip([Lang::Zh, Lang::En]) {
        let s = svg(size, |r| draw_count_bars(r, &bars(3), lang));
        assert_eq!(solid_rects(&s, CITY), 3);
        let t = texts(&s);
        for expected in ["类别0", "20", "类别2", "18"] {
            assert!(t.iter().any(|x| x == expected), "{expected} in {t:?}");
        }
        // The longest bar is the largest count.
        let widths: Vec<i32> = elements(&s, "rect")
            .iter()
            .filter(|r| attr(r, "fill") == CITY)
            .map(|r| num(r, "width"))
            .collect();
        assert!(widths.windows(2).all(|p| p[0] >= p[1]), "{widths:?}");
        let many = svg(size, |r| draw_count_bars(r, &bars(12), lang));
        assert_eq!(solid_rects(&many, CITY), MAX_BARS);
        // 13 + 12 + … + 9 = 55 reports beyond the first seven names.
        let other = lang.pick("其他", "Other");
        assert!(texts(&many).iter().any(|x| x == other));
        assert!(texts(&many).iter().any(|x| x == "55"));
        preview("count-bars", &s);
    }
    assert!(
        texts(&svg(SIZES[0], |r| draw_count_bars(r, &bars(0), Lang::Zh)))
            .iter()
            .any(|x| x == "暂无数据")
    );
}

#[test]
fn empty_inputs_draw_a_no_data_message() {
    let no_air = cc_core::air::GoodDays {
        good: 0,
        valid: 0,
        total: 0,
        rate_percent: None,
    };
    let empty_steps = WaterClassSteps {
        year: 2021,
        section: "x".into(),
        months: [None; 12],
    };
    let empty_series = IndicatorSeries {
        indicator: Indicator::Ammonia,
        body: cc_core::water::WaterBody::River,
        section: "x".into(),
        points: vec![(Date::new(2021, 5, 1).expect("date"), f64::NAN)],
    };
    let all_missing = HourlyAqi {
        city: vec![(Hour(450_000), None)],
        station: None,
    };
    for size in SIZES.into_iter().chain([(120, 80)]) {
        for lang in [Lang::Zh, Lang::En] {
            let drawn = [
                svg(size, |r| draw_hourly_aqi(r, &HourlyAqi::default(), lang)),
                svg(size, |r| draw_hourly_aqi(r, &all_missing, lang)),
                svg(size, |r| draw_daily_aqi_bars(r, &DailyAqi::default(), lang)),
                svg(size, |r| {
                    draw_aqi_calendar(
                        r,
                        &AqiCalendar {
                            year: 2021,
                            days: vec![],
                            good: no_air,
                        },
                        lang,
                    )
                }),
                svg(size, |r| {
                    draw_year_hourly_aqi(r, &YearHourlyAqi::default(), lang)
                }),
                svg(size, |r| draw_water_class_steps(r, &empty_steps, lang)),
                svg(size, |r| draw_water_indicator_bands(r, &empty_series, lang)),
            ];
            for s in drawn {
                assert!(texts(&s)
                    .iter()
                    .any(|t| t == lang.pick("暂无数据", "No data")));
                assert!(!s.contains("<polyline"));
            }
        }
    }
}

#[test]
fn small_canvases_do_not_panic() {
    let data = hourly_window("2021-09-15T20:00");
    for size in [(120, 80), (60, 40), (1, 1)] {
        let mut out = String::new();
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        // An error is acceptable for a canvas too small for axes; a panic is not.
        let _ = draw_hourly_aqi(&root, &data, Lang::Zh);
        let _ = draw_daily_aqi_bars(
            &root,
            &last_30_days(Date::new(2021, 11, 5).expect("date")),
            Lang::Zh,
        );
        let _ = draw_aqi_calendar(&root, &calendar(), Lang::Zh);
    }
}
