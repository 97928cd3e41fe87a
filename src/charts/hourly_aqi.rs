//! The last 24 hours of hourly AQI: the city line and optionally one chosen station, over the
//! six level bands. The station line is dashed with triangles, the city solid with circles, so
//! colour is not the only cue; a missing hour is a gap in the line, never a zero.

use super::aqi_scale::{axis_top, hour_aqi_axes, level_cell, level_text};
use super::frame::{
    hour_label, hour_text, legend_entry, no_data, runs, unit_caption, Frame, Marker,
};
use super::palette::{CITY, STATION};
use super::table::{or_dash, Table};
use super::ChartError;
use cc_core::air::Level;
use cc_core::i18n::Lang;
use cc_core::time::Hour;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Input of the hourly chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HourlyAqi {
    /// City AQI per hour stamp, oldest first; `None` where the hour has no AQI. An hour absent
    /// from the list is a gap too.
    pub city: Vec<(Hour, Option<u16>)>,
    /// The station chosen by the user, if any.
    pub station: Option<StationLine>,
}

/// One station's hourly AQI.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StationLine {
    /// Station name in the page language (legend and table header).
    pub name: String,
    /// AQI per hour stamp, oldest first, as [`HourlyAqi::city`].
    pub values: Vec<(Hour, Option<u16>)>,
}

impl HourlyAqi {
    fn all(&self) -> impl Iterator<Item = &(Hour, Option<u16>)> {
        self.city
            .iter()
            .chain(self.station.iter().flat_map(|s| s.values.iter()))
    }

    /// First and last stamp of either series.
    fn span(&self) -> Option<(Hour, Hour)> {
        let lo = self.all().map(|p| p.0).min()?;
        let hi = self.all().map(|p| p.0).max()?;
        Some((lo, hi))
    }

    fn max(&self) -> Option<u16> {
        self.all().filter_map(|p| p.1).max()
    }
}

fn as_points(values: &[(Hour, Option<u16>)]) -> Vec<(i64, Option<i32>)> {
    let mut v: Vec<_> = values
        .iter()
        .map(|&(h, a)| (h.0, a.map(i32::from)))
        .collect();
    cc_core::order::sort_by_key(&mut v, |p| p.0);
    v
}

/// Draws the chart into `root` (the whole canvas or a part of it).
pub fn draw_hourly_aqi<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &HourlyAqi,
    lang: Lang,
) -> Result<(), ChartError> {
    let (Some((first, last)), Some(max)) = (data.span(), data.max()) else {
        return no_data(root, lang);
    };
    let f = Frame::of(root);
    root.fill(&WHITE)?;
    let top = axis_top(max);
    let (x0, x1) = (first.0, last.0.max(first.0 + 1));
    let step = if f.narrow { 6 } else { 3 };
    let ticks: Vec<i64> = (x0..=x1)
        .filter(|&h| i64::from(Hour(h).hour_of_day()) % step == 0)
        .collect();
    let x_label = |h: &i64| hour_label(Hour(*h), lang);
    let mut chart = hour_aqi_axes(
        root,
        &f,
        f.font * 2 + 4,
        (x0, x1),
        ticks,
        top,
        &x_label,
        lang,
    )?;

    if let Some(station) = &data.station {
        let style = STATION.stroke_width(2);
        for run in runs(as_points(&station.values), 1) {
            chart.draw_series(DashedLineSeries::new(run.clone(), 5, 3, style))?;
            chart.draw_series(
                run.into_iter()
                    .map(|p| TriangleMarker::new(p, 4, STATION.filled())),
            )?;
        }
    }
    for run in runs(as_points(&data.city), 1) {
        chart.draw_series(LineSeries::new(run.clone(), CITY.stroke_width(2)))?;
        chart.draw_series(run.into_iter().map(|p| Circle::new(p, 3, CITY.filled())))?;
    }

    unit_caption(root, &f, "AQI")?;
    let y = (f.font / 2 + 3) as i32;
    let x = (f.font * 3 + 10) as i32;
    let city = lang.pick("全市", "City");
    let next = legend_entry(root, &f, (x, y), CITY, false, Marker::Circle, city)?;
    if let Some(station) = &data.station {
        legend_entry(
            root,
            &f,
            (next, y),
            STATION,
            true,
            Marker::Triangle,
            &station.name,
        )?;
    }
    Ok(())
}

/// Range, peak and missing hours in one sentence.
pub fn summary_hourly_aqi(data: &HourlyAqi, lang: Lang) -> String {
    let hours = data
        .span()
        .map_or(0, |(a, b)| b.0 - a.0 + 1)
        .max(data.city.len() as i64);
    let valid: Vec<(Hour, u16)> = data
        .city
        .iter()
        .filter_map(|&(h, a)| a.map(|a| (h, a)))
        .collect();
    let (Some(lo), Some(&(peak_at, hi))) = (
        valid.iter().map(|p| p.1).min(),
        valid.iter().max_by_key(|p| (p.1, std::cmp::Reverse(p.0))),
    ) else {
        return lang
            .pick(
                "过去{h}小时没有全市AQI数据。",
                "There is no city AQI for the last {h} hours.",
            )
            .replace("{h}", &hours.to_string());
    };
    let missing = hours - valid.len() as i64;
    let level = level_text(Level::from_aqi(hi), lang);
    let at = hour_text(peak_at, lang);
    let mut s = match lang {
        Lang::Zh => format!("过去{hours}小时全市AQI在{lo}到{hi}之间，最高出现在{at}，为{level}"),
        Lang::En => format!(
            "Over the last {hours} hours the city AQI ranged from {lo} to {hi}, highest at {at} ({level})"
        ),
    };
    if let Some(st) = &data.station {
        let vals = st.values.iter().filter_map(|p| p.1);
        if let (Some(a), Some(b)) = (vals.clone().min(), vals.max()) {
            s += &match lang {
                Lang::Zh => format!("；{}在{a}到{b}之间", st.name),
                Lang::En => format!("; {} ranged from {a} to {b}", st.name),
            };
        }
    }
    if missing > 0 {
        s += &match lang {
            Lang::Zh => format!("；{missing}小时全市无数据"),
            Lang::En => format!("; {missing} hours without city data"),
        };
    }
    s + lang.pick("。", ".")
}

/// One row per hour stamp of either series: time, city AQI and level, station AQI.
pub fn table_hourly_aqi(data: &HourlyAqi, lang: Lang) -> Table {
    let mut hours: Vec<Hour> = data.all().map(|p| p.0).collect();
    cc_core::order::sort_by(&mut hours, Ord::cmp);
    hours.dedup();
    let find = |v: &[(Hour, Option<u16>)], h: Hour| v.iter().find(|p| p.0 == h).and_then(|p| p.1);
    let mut headers = vec![
        lang.pick("时间", "Time").to_string(),
        lang.pick("全市AQI", "City AQI").to_string(),
        lang.pick("级别", "Level").to_string(),
    ];
    if let Some(st) = &data.station {
        headers.push(format!("{} AQI", st.name));
    }
    let rows = hours
        .into_iter()
        .map(|h| {
            let city = find(&data.city, h);
            let mut row = vec![h.to_string(), or_dash(city), level_cell(city, lang)];
            if let Some(st) = &data.station {
                row.push(or_dash(find(&st.values, h)));
            }
            row
        })
        .collect();
    Table {
        caption: lang
            .pick("逐小时AQI（过去24小时）", "Hourly AQI (last 24 hours)")
            .to_string(),
        headers,
        rows,
    }
}
