//! The last 30 days of daily AQI as bars in the level colours, each with its level number
//! above it when the bar is wide enough (colour is not the only cue). A day without an AQI is
//! an outlined, hatched slot across the whole height, never a zero bar.

use super::aqi_scale::{axis_top, level_cell, level_text, y_axis};
use super::frame::{date_text, day_label, no_data, rel, unit_caption, Frame};
use super::palette::{level_colour, EDGE, GRID, INK};
use super::table::{or_dash, Table};
use super::ChartError;
use cc_core::air::Level;
use cc_core::i18n::Lang;
use cc_core::time::Date;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Input of the daily bars: one entry per day, oldest first; `None` (or a date absent from
/// the list between the first and last) is a day without AQI.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DailyAqi {
    /// (natural day, daily AQI).
    pub days: Vec<(Date, Option<u16>)>,
}

/// Every day from the first to the last, with its AQI if given.
fn slots(data: &DailyAqi) -> Vec<(Date, Option<u16>)> {
    let (Some(first), Some(last)) = (
        data.days.iter().map(|d| d.0).min(),
        data.days.iter().map(|d| d.0).max(),
    ) else {
        return Vec::new();
    };
    (first.to_days()..=last.to_days())
        .map(Date::from_days)
        .map(|d| (d, data.days.iter().find(|p| p.0 == d).and_then(|p| p.1)))
        .collect()
}

/// The x axis counts tenths of a day slot (integer axes carry plotters' tick formatting):
/// day `i` is centred on `10 i`.
const SLOT: i32 = 10;
/// Half the bar width in x units: bars fill 80% of their slot.
const HALF: i32 = 4;

/// Draws the bars into `root`.
pub fn draw_daily_aqi_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &DailyAqi,
    lang: Lang,
) -> Result<(), ChartError> {
    let days = slots(data);
    let Some(max) = days.iter().filter_map(|d| d.1).max() else {
        return no_data(root, lang);
    };
    let f = Frame::of(root);
    root.fill(&WHITE)?;
    let top = axis_top(max);
    let n = days.len();
    // Label every 5th day on desktop, every 7th on a phone, counting back from the newest.
    let every = if f.narrow { 7 } else { 5 };
    let ticks: Vec<i32> = (0..n as i32)
        .rev()
        .step_by(every)
        .map(|i| i * SLOT)
        .collect();
    let mut chart = ChartBuilder::on(root)
        .margin_top(f.font * 2 + 4)
        // Room for half of the newest day's label, which sits on the last slot.
        .margin_right(f.font * 3 / 2)
        .margin_left(4)
        .x_label_area_size(f.font + 10)
        .y_label_area_size(f.font * 2 + 10)
        .build_cartesian_2d(
            (-SLOT / 2..n as i32 * SLOT - SLOT / 2).with_key_points(ticks),
            y_axis(top),
        )?;
    let x_fmt = |x: &i32| {
        usize::try_from(x / SLOT)
            .ok()
            .and_then(|i| days.get(i))
            .map_or_else(String::new, |d| day_label(d.0))
    };
    let y_fmt = |v: &i32| v.to_string();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(GRID.mix(0.6))
        .axis_style(INK)
        .label_style(f.axis())
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .draw()?;

    let (left, _) = chart.backend_coord(&(-HALF, 0));
    let (right, _) = chart.backend_coord(&(HALF, 0));
    let bar_px = right - left;
    for (i, &(_, aqi)) in days.iter().enumerate() {
        let centre = i as i32 * SLOT;
        let (x0, x1) = (centre - HALF, centre + HALF);
        match aqi {
            Some(v) => {
                let level = Level::from_aqi(v);
                let v = i32::from(v);
                chart.draw_series([
                    Rectangle::new([(x0, 0), (x1, v)], level_colour(level).filled()),
                    Rectangle::new([(x0, 0), (x1, v)], EDGE.stroke_width(1)),
                ])?;
                if bar_px >= 6 {
                    let (px, py) = chart.backend_coord(&(centre, v));
                    let style = f.text(INK, Pos::new(HPos::Center, VPos::Bottom));
                    let at = rel(root, (px, py - 2));
                    root.draw(&Text::new(level.number().to_string(), at, style))?;
                }
            }
            None => {
                // Hatched slot: parallel diagonals tiling the full height, then an outline.
                let k = 8;
                let hatch = (0..k).map(|j| {
                    let (y0, y1) = (top * j / k, top * (j + 1) / k);
                    PathElement::new(vec![(x0, y0), (x1, y1)], GRID.stroke_width(1))
                });
                chart.draw_series(hatch)?;
                chart.draw_series([Rectangle::new([(x0, 0), (x1, top)], GRID.stroke_width(1))])?;
            }
        }
    }
    unit_caption(root, &f, "AQI")?;
    Ok(())
}

/// Days with data, range, worst day and good days in one sentence.
pub fn summary_daily_aqi_bars(data: &DailyAqi, lang: Lang) -> String {
    let days = slots(data);
    let n = days.len();
    let valid: Vec<(Date, u16)> = days
        .iter()
        .filter_map(|&(d, a)| a.map(|a| (d, a)))
        .collect();
    let (Some(lo), Some(&(worst_day, hi))) = (
        valid.iter().map(|p| p.1).min(),
        valid.iter().max_by_key(|p| (p.1, std::cmp::Reverse(p.0))),
    ) else {
        return match lang {
            Lang::Zh => format!("过去{n}天没有日AQI数据。"),
            Lang::En => format!("There is no daily AQI for the last {n} days."),
        };
    };
    let good = valid.iter().filter(|p| p.1 <= 100).count();
    let k = valid.len();
    let level = level_text(Level::from_aqi(hi), lang);
    let day = date_text(worst_day, lang);
    match lang {
        Lang::Zh => format!(
            "过去{n}天中{k}天有AQI，日AQI在{lo}到{hi}之间，最高为{day}，{level}；优良{good}天。"
        ),
        Lang::En => format!(
            "Of the last {n} days, {k} have an AQI, ranging from {lo} to {hi}; the highest was on {day} ({level}); {good} days were good or excellent."
        ),
    }
}

/// One row per day: date, AQI, level.
pub fn table_daily_aqi_bars(data: &DailyAqi, lang: Lang) -> Table {
    Table {
        caption: lang
            .pick("日AQI（过去30天）", "Daily AQI (last 30 days)")
            .to_string(),
        headers: vec![
            lang.pick("日期", "Date").to_string(),
            "AQI".to_string(),
            lang.pick("级别", "Level").to_string(),
        ],
        rows: slots(data)
            .into_iter()
            .map(|(d, a)| vec![d.to_string(), or_dash(a), level_cell(a, lang)])
            .collect(),
    }
}
