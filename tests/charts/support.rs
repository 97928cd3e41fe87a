//! Fixtures and SVG readers for `tests/charts.rs`: the engines' sample data turned into chart
//! inputs (computed once), and small parsers of the SVG that plotters writes (one element per
//! line, attributes in `key="value"` form).

// Helpers outside #[test] functions: here a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cc_core::air::{city_daily, city_hourly, good_days, sample, station_hourly, Level};
use cc_core::time::{Date, Hour};
use cc_core::water::sample::sample_results;
use cc_core::water::{assess_period, changchun_sections, Indicator, Measurement, Period};
use lvse_changchun::charts::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::collections::HashMap;
use std::sync::OnceLock;

pub const SIZES: [(u32, u32); 2] = [(360, 220), (800, 300)];
pub const CITY: &str = "#0B3C6E";
pub const GRID: &str = "#BBBBBB";

/// The sample year's city hourly AQI, station 0 hourly AQI and city daily AQI, computed once.
pub struct Air {
    pub city: Vec<(Hour, Option<u16>)>,
    pub station: Vec<(Hour, Option<u16>)>,
    pub daily: Vec<(Date, Option<u16>)>,
    pub good: cc_core::air::GoodDays,
}

pub fn air() -> &'static Air {
    static AIR: OnceLock<Air> = OnceLock::new();
    AIR.get_or_init(|| {
        let ds = sample::generate_2021();
        let days = city_daily(&ds);
        Air {
            city: city_hourly(&ds)
                .iter()
                .map(|h| (h.hour, h.assessment.aqi()))
                .collect(),
            station: station_hourly(&ds)
                .iter()
                .filter(|s| s.station == 0)
                .map(|s| (s.hour, s.assessment.aqi()))
                .collect(),
            daily: days.iter().map(|d| (d.date, d.assessment.aqi())).collect(),
            good: good_days(&days),
        }
    })
}

pub fn water() -> &'static Vec<Measurement> {
    static W: OnceLock<Vec<Measurement>> = OnceLock::new();
    W.get_or_init(|| sample_results().results)
}

/// Draws with `draw` into an SVG of `size` and returns the SVG text.
pub fn svg(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), ChartError>,
) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&root).expect("chart draws");
        root.present().expect("svg finishes");
    }
    out
}

pub fn preview(name: &str, svg: &str) {
    let dir = std::path::Path::new("/tmp/charts-preview");
    if std::fs::create_dir_all(dir).is_ok() {
        let _ = std::fs::write(dir.join(format!("{name}.svg")), svg);
    }
}

/// The attributes of every `<tag …/>` element (plotters writes one element per line).
pub fn elements(svg: &str, tag: &str) -> Vec<HashMap<String, String>> {
    let open = format!("<{tag} ");
    svg.split(&open)
        .skip(1)
        .map(|rest| {
            let body = rest.split('>').next().unwrap_or("");
            body.split("\" ")
                .filter_map(|kv| kv.split_once("=\""))
                .map(|(k, v)| {
                    (
                        k.trim().to_string(),
                        v.trim_end_matches(['"', '/']).to_string(),
                    )
                })
                .collect()
        })
        .collect()
}

/// Text contents of every `<text>` element.
pub fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|t| t.split_once('>').and_then(|(_, r)| r.split_once("</text>")))
        .map(|(t, _)| t.trim().to_string())
        .collect()
}

pub fn attr<'a>(e: &'a HashMap<String, String>, k: &str) -> &'a str {
    e.get(k).map_or("", String::as_str)
}

pub fn num(e: &HashMap<String, String>, k: &str) -> i32 {
    attr(e, k).parse().unwrap_or(i32::MIN)
}

/// Filled, opaque rectangles of `fill`.
pub fn solid_rects(svg: &str, fill: &str) -> usize {
    elements(svg, "rect")
        .iter()
        .filter(|r| attr(r, "fill") == fill && attr(r, "opacity") == "1")
        .count()
}

/// The polylines of `stroke` inside the plot (the legend row at the top is left out).
pub fn polylines(svg: &str, stroke: &str) -> Vec<Vec<(i32, i32)>> {
    elements(svg, "polyline")
        .iter()
        .filter(|p| attr(p, "stroke") == stroke)
        .map(|p| {
            attr(p, "points")
                .split_whitespace()
                .filter_map(|xy| xy.split_once(','))
                .map(|(x, y)| (x.parse().unwrap_or(0), y.parse().unwrap_or(0)))
                .collect::<Vec<(i32, i32)>>()
        })
        .filter(|p| p.iter().any(|&(_, y)| y > 30))
        .collect()
}

/// The pixel row of AQI 0: the bottom edge of the light level-1 band.
pub fn zero_row(svg: &str) -> i32 {
    let l1 = Level::L1.colour_hex();
    elements(svg, "rect")
        .iter()
        .find(|r| attr(r, "fill") == l1 && attr(r, "opacity") != "1")
        .map(|r| num(r, "y") + num(r, "height"))
        .expect("level-1 band")
}

pub fn hourly_window(end: &str) -> HourlyAqi {
    let end = Hour::parse(end).expect("hour");
    let pick = |v: &[(Hour, Option<u16>)]| -> Vec<(Hour, Option<u16>)> {
        v.iter()
            .copied()
            .filter(|p| p.0 .0 > end.0 - 24 && p.0 <= end)
            .collect()
    };
    HourlyAqi {
        city: pick(&air().city),
        station: Some(StationLine {
            name: "食品厂".to_string(),
            values: pick(&air().station),
        }),
    }
}

pub fn last_30_days(end: Date) -> DailyAqi {
    let from = end.add_days(-29);
    let mut days: Vec<_> = air()
        .daily
        .iter()
        .copied()
        .filter(|d| d.0 >= from && d.0 <= end)
        .collect();
    // Two days without an AQI (the sample has none), one of them dropped from the list.
    if let Some(d) = days.get_mut(10) {
        d.1 = None;
    }
    days.remove(20);
    DailyAqi { days }
}

pub fn calendar() -> AqiCalendar {
    let mut days = air().daily.clone();
    // Knock out the first week of March as if the feed had been down.
    for d in days.iter_mut().filter(|d| d.0.month == 3 && d.0.day <= 7) {
        d.1 = None;
    }
    AqiCalendar {
        year: 2021,
        days,
        good: air().good,
    }
}

pub fn steps(slug: &str, name: &str, year: i32) -> WaterClassSteps {
    let sections = changchun_sections();
    let mut months = [None; 12];
    for (m, slot) in (1..=12u8).zip(months.iter_mut()) {
        *slot = assess_period(&sections, water(), Period::Month { year, month: m })
            .into_iter()
            .find(|p| p.section.slug == slug)
            .and_then(|p| p.assessment.class);
    }
    WaterClassSteps {
        year,
        section: name.to_string(),
        months,
    }
}

pub fn series(slug: &str, indicator: Indicator) -> IndicatorSeries {
    let sections = changchun_sections();
    let body = sections
        .iter()
        .find(|s| s.slug == slug)
        .map(|s| s.body)
        .expect("section");
    IndicatorSeries {
        indicator,
        body,
        section: slug.to_string(),
        points: water()
            .iter()
            .filter(|m| m.section == slug && m.indicator == indicator)
            .map(|m| (m.date, m.value))
            .collect(),
    }
}

/// (fill, y) of every class band.
pub fn bands(svg: &str) -> Vec<(String, i32)> {
    elements(svg, "rect")
        .iter()
        .filter(|r| attr(r, "opacity") == "0.45")
        .map(|r| (attr(r, "fill").to_string(), num(r, "y")))
        .collect()
}
