//! A year of hourly AQI (8,760 points) as one line over the level bands. Drawn for speed: one
//! path per run of consecutive hours, and within a run only the first, lowest, highest and
//! last point of each pixel column (the picture is the same, the path much shorter), so a
//! canvas draw stays within its budget (README "Performance"). No per-point markers.

use super::aqi_scale::{axis_top, hour_aqi_axes, level_cell, level_text};
use super::frame::{hour_text, month_label, no_data, runs, unit_caption, Frame};
use super::palette::CITY;
use super::table::{or_dash, Table};
use super::ChartError;
use cc_core::air::Level;
use cc_core::i18n::Lang;
use cc_core::time::{Date, Hour};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Input of the year chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearHourlyAqi {
    /// The calendar year (axis and captions).
    pub year: i32,
    /// City AQI per hour stamp, oldest first; `None` or an absent hour is a gap.
    pub hours: Vec<(Hour, Option<u16>)>,
}

/// Keeps, per pixel column, the first, lowest, highest and last point of `run`, in x order.
/// `col` maps an x to its column.
pub fn decimate<T: Copy + PartialOrd>(run: &[(i64, T)], col: impl Fn(i64) -> i64) -> Vec<(i64, T)> {
    let mut out = Vec::new();
    let mut rest = run;
    while let Some(&(x, _)) = rest.first() {
        let c = col(x);
        let len = rest.iter().take_while(|p| col(p.0) == c).count();
        let (bucket, tail) = rest.split_at(len);
        let mut keep = [0, 0, 0, len - 1];
        for (i, p) in bucket.iter().enumerate() {
            if bucket.get(keep[1]).is_some_and(|m| p.1 < m.1) {
                keep[1] = i;
            }
            if bucket.get(keep[2]).is_some_and(|m| p.1 > m.1) {
                keep[2] = i;
            }
        }
        cc_core::order::sort_by(&mut keep, Ord::cmp);
        let mut last = None;
        for i in keep {
            if last != Some(i) {
                out.extend(bucket.get(i).copied());
                last = Some(i);
            }
        }
        rest = tail;
    }
    out
}

/// Draws the year line into `root`.
pub fn draw_year_hourly_aqi<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &YearHourlyAqi,
    lang: Lang,
) -> Result<(), ChartError> {
    let (Some(max), Some(jan1), Some(next)) = (
        data.hours.iter().filter_map(|p| p.1).max(),
        Date::new(data.year, 1, 1),
        Date::new(data.year + 1, 1, 1),
    ) else {
        return no_data(root, lang);
    };
    let f = Frame::of(root);
    root.fill(&WHITE)?;
    let top = axis_top(max);
    // The natural days of the year: Jan 1 01:00 … Jan 1 00:00 of the next year.
    let (x0, x1) = (jan1.at_hour(0).0, next.at_hour(0).0);
    let step = if f.narrow { 2 } else { 1 };
    let ticks: Vec<i64> = (1..=12u8)
        .step_by(step)
        .filter_map(|m| Date::new(data.year, m, 1))
        .map(|d| d.at_hour(0).0)
        .collect();
    let x_label = |h: &i64| month_label(Hour(*h).date().month, lang);
    let mut chart = hour_aqi_axes(root, &f, f.font + 8, (x0, x1), ticks, top, &x_label, lang)?;

    let width = i64::from(chart.plotting_area().dim_in_pixel().0.max(1));
    let span = (x1 - x0).max(1);
    let col = |x: i64| (x - x0) * width / span;
    let mut points: Vec<(i64, Option<i32>)> = data
        .hours
        .iter()
        .map(|&(h, a)| (h.0, a.map(i32::from)))
        .collect();
    cc_core::order::sort_by_key(&mut points, |p| p.0);
    let style = CITY.stroke_width(1);
    for run in runs(points, 1) {
        if let [only] = run.as_slice() {
            // A lone hour between gaps has no line to join: a small dot keeps it visible.
            chart.draw_series([Circle::new(*only, 1, CITY.filled())])?;
        } else {
            chart.draw_series(LineSeries::new(decimate(&run, col), style))?;
        }
    }
    unit_caption(root, &f, "AQI")?;
    Ok(())
}

/// Range, peak hour and missing hours of the year.
pub fn summary_year_hourly_aqi(data: &YearHourlyAqi, lang: Lang) -> String {
    let year = data.year;
    let valid: Vec<(Hour, u16)> = data
        .hours
        .iter()
        .filter_map(|&(h, a)| a.map(|a| (h, a)))
        .collect();
    let (Some(lo), Some(&(at, hi))) = (
        valid.iter().map(|p| p.1).min(),
        valid.iter().max_by_key(|p| (p.1, std::cmp::Reverse(p.0))),
    ) else {
        return match lang {
            Lang::Zh => format!("{year}年没有小时AQI数据。"),
            Lang::En => format!("There is no hourly AQI for {year}."),
        };
    };
    let hours_in_year = match (Date::new(year, 1, 1), Date::new(year + 1, 1, 1)) {
        (Some(a), Some(b)) => (b.to_days() - a.to_days()) * 24,
        _ => 0,
    };
    let n = valid.len();
    let missing = (hours_in_year - n as i64).max(0);
    let (when, level) = (hour_text(at, lang), level_text(Level::from_aqi(hi), lang));
    match lang {
        Lang::Zh => format!(
            "{year}年全市小时AQI在{lo}到{hi}之间，最高出现在{when}，为{level}；有效{n}小时，{missing}小时无数据。"
        ),
        Lang::En => format!(
            "In {year} the hourly city AQI ranged from {lo} to {hi}, highest at {when} ({level}); {n} hours have an AQI, {missing} have none."
        ),
    }
}

/// One row per hour: time, AQI, level (8,760 rows: meant for the CSV download; a page may
/// show only part of it).
pub fn table_year_hourly_aqi(data: &YearHourlyAqi, lang: Lang) -> Table {
    Table {
        caption: match lang {
            Lang::Zh => format!("{}年全市小时AQI", data.year),
            Lang::En => format!("Hourly city AQI, {}", data.year),
        },
        headers: vec![
            lang.pick("时间", "Time").to_string(),
            "AQI".to_string(),
            lang.pick("级别", "Level").to_string(),
        ],
        rows: data
            .hours
            .iter()
            .map(|&(h, a)| vec![h.to_string(), or_dash(a), level_cell(a, lang)])
            .collect(),
    }
}
