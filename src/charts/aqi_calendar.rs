//! A year of daily AQI as a calendar: one square per day, weeks as columns and weekdays as rows
//! (Monday on top, as Chinese calendars start the week), filled in the level colour; a day
//! without an AQI is only outlined. Month names run along the top, a level legend along the
//! bottom. Drawn in plain pixels (no axes) so it packs 53 weeks into a phone's width.

use super::aqi_scale::{level_cell, level_text};
use super::frame::{date_text, month_label, no_data, text_width, Frame};
use super::palette::{level_colour, EDGE, GRID, MUTED};
use super::table::{or_dash, Table};
use super::ChartError;
use cc_core::air::{GoodDays, Level};
use cc_core::decimal::fixed;
use cc_core::i18n::Lang;
use cc_core::time::Date;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Input of the calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct AqiCalendar {
    /// The calendar year.
    pub year: i32,
    /// Daily city AQI; days of other years are ignored, absent days count as no data.
    pub days: Vec<(Date, Option<u16>)>,
    /// 优良天数 and 优良率 over the valid days, from `cc_core::air::good_days`.
    pub good: GoodDays,
}

/// Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
fn weekday(d: Date) -> i64 {
    (d.to_days() + 3).rem_euclid(7)
}

/// Every date of `year` with its AQI.
fn year_days(data: &AqiCalendar) -> Vec<(Date, Option<u16>)> {
    let (Some(first), Some(next)) = (Date::new(data.year, 1, 1), Date::new(data.year + 1, 1, 1))
    else {
        return Vec::new();
    };
    (first.to_days()..next.to_days())
        .map(Date::from_days)
        .map(|d| (d, data.days.iter().find(|p| p.0 == d).and_then(|p| p.1)))
        .collect()
}

/// Draws the calendar into `root`.
pub fn draw_aqi_calendar<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &AqiCalendar,
    lang: Lang,
) -> Result<(), ChartError> {
    let days = year_days(data);
    let Some(&(jan1, _)) = days.first() else {
        return no_data(root, lang);
    };
    if days.iter().all(|d| d.1.is_none()) {
        return no_data(root, lang);
    }
    let f = Frame::of(root);
    root.fill(&WHITE)?;
    let offset = weekday(jan1);
    let cols = (days.len() as i64 + offset + 6) / 7;
    let label_w = if lang == Lang::Zh {
        f.font as i32 + 6
    } else {
        text_width("Wed", f.font) + 6
    };
    let (top_h, legend_h) = (f.font as i32 + 6, f.font as i32 + 12);
    let cell_w = (f.w as i32 - label_w - 4) / cols as i32;
    let cell_h = (f.h as i32 - top_h - legend_h - 4) / 7;
    let cell = cell_w.min(cell_h).max(3);
    let gap = i32::from(cell >= 6);
    // Centre the block: a year is 53 × 7 cells, so one side of the canvas always has room left.
    let block_w = label_w + cols as i32 * cell;
    let block_h = top_h + 7 * cell + 6 + f.font as i32;
    let (ox, oy) = (
        ((f.w as i32 - block_w) / 2).max(0),
        ((f.h as i32 - block_h) / 2).max(0),
    );
    let (x0, y0) = (ox + label_w, oy + top_h);
    let place = |i: usize| {
        let k = i as i64 + offset;
        (x0 + (k / 7) as i32 * cell, y0 + (k % 7) as i32 * cell)
    };

    for (i, &(_, aqi)) in days.iter().enumerate() {
        let (x, y) = place(i);
        let corners = [(x, y), (x + cell - 1 - gap, y + cell - 1 - gap)];
        match aqi {
            Some(v) => root.draw(&Rectangle::new(
                corners,
                level_colour(Level::from_aqi(v)).filled(),
            ))?,
            None => root.draw(&Rectangle::new(corners, GRID.stroke_width(1)))?,
        }
    }

    // Month names above the column of each month's first day, thinned if they would collide.
    let widest = text_width(&month_label(10, lang), f.font) + 4;
    let month_step = if cell * 4 >= widest { 1 } else { 2 };
    let top_style = f.text(MUTED, Pos::new(HPos::Left, VPos::Top));
    for (i, &(d, _)) in days.iter().enumerate() {
        if d.day == 1 && (d.month - 1) % month_step == 0 {
            let (x, _) = place(i);
            root.draw(&Text::new(
                month_label(d.month, lang),
                (x, oy + 2),
                top_style.clone(),
            ))?;
        }
    }
    // Weekday names on Monday, Wednesday and Friday rows.
    let names = match lang {
        Lang::Zh => ["一", "三", "五"],
        Lang::En => ["Mon", "Wed", "Fri"],
    };
    let side = f.text(MUTED, Pos::new(HPos::Left, VPos::Center));
    for (row, name) in [0, 2, 4].into_iter().zip(names) {
        let y = y0 + row * cell + cell / 2;
        root.draw(&Text::new(name.to_string(), (ox + 2, y), side.clone()))?;
    }
    draw_legend(root, &f, (x0, y0 + 7 * cell + 6), lang)?;
    Ok(())
}

/// Six level swatches, each with its number beside it, then the empty "no data" swatch.
fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    f: &Frame,
    (mut x, y): (i32, i32),
    lang: Lang,
) -> Result<(), ChartError> {
    let s = f.font as i32;
    let style = f.label();
    for level in Level::ALL {
        root.draw(&Rectangle::new(
            [(x, y), (x + s, y + s)],
            level_colour(level).filled(),
        ))?;
        root.draw(&Rectangle::new(
            [(x, y), (x + s, y + s)],
            EDGE.stroke_width(1),
        ))?;
        root.draw(&Text::new(
            level.number().to_string(),
            (x + s + 3, y + s / 2),
            style.clone(),
        ))?;
        x += s + 3 + text_width("6", f.font) + 8;
    }
    root.draw(&Rectangle::new(
        [(x, y), (x + s, y + s)],
        GRID.stroke_width(1),
    ))?;
    let none = lang.pick("无数据", "no data").to_string();
    root.draw(&Text::new(none, (x + s + 3, y + s / 2), style))?;
    Ok(())
}

/// 优良天数, 优良率 over the valid days, and the worst day.
pub fn summary_aqi_calendar(data: &AqiCalendar, lang: Lang) -> String {
    let g = &data.good;
    let year = data.year;
    let Some(rate) = g.rate_percent else {
        return match lang {
            Lang::Zh => format!("{year}年没有有效的日AQI数据。"),
            Lang::En => format!("There is no valid daily AQI for {year}."),
        };
    };
    let (good, valid) = (g.good, g.valid);
    let worst = year_days(data)
        .into_iter()
        .filter_map(|(d, a)| a.map(|a| (d, a)))
        .max_by_key(|p| (p.1, std::cmp::Reverse(p.0)));
    let mut s = match lang {
        Lang::Zh => format!(
            "{year}年有效监测{valid}天，优良天数{good}天，优良率{}%",
            fixed(rate, 1)
        ),
        Lang::En => format!(
            "In {year}, {good} of {valid} valid days were good or excellent (a rate of {}%)",
            fixed(rate, 1)
        ),
    };
    if let Some((d, a)) = worst {
        let (day, level) = (date_text(d, lang), level_text(Level::from_aqi(a), lang));
        s += &match lang {
            Lang::Zh => format!("；AQI最高的一天是{day}（AQI {a}），为{level}"),
            Lang::En => format!("; the highest AQI was {a} on {day} ({level})"),
        };
    }
    s + lang.pick("。", ".")
}

/// One row per day of the year: date, AQI, level.
pub fn table_aqi_calendar(data: &AqiCalendar, lang: Lang) -> Table {
    Table {
        caption: match lang {
            Lang::Zh => format!("{}年日AQI", data.year),
            Lang::En => format!("Daily AQI, {}", data.year),
        },
        headers: vec![
            lang.pick("日期", "Date").to_string(),
            "AQI".to_string(),
            lang.pick("级别", "Level").to_string(),
        ],
        rows: year_days(data)
            .into_iter()
            .map(|(d, a)| vec![d.to_string(), or_dash(a), level_cell(a, lang)])
            .collect(),
    }
}
