//! Counts per name (reports per category) as horizontal bars, most first, each with its name on
//! the left and its count written at its end, so the figures are in the picture and not only in
//! the bar lengths. Past [`MAX_BARS`] rows the rest are one "其他 / Other" bar.

use super::frame::{no_data, text_width, Frame};
use super::palette::{CITY, INK};
use super::table::Table;
use super::ChartError;
use cc_core::decimal::fixed;
use cc_core::i18n::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The most bars drawn; the table keeps every row.
pub const MAX_BARS: usize = 8;

/// Input of the bars: (name, count), most first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CountBars {
    /// What is counted, for the table's first column (e.g. 类别).
    pub what: String,
    /// The table's caption.
    pub caption: String,
    pub bars: Vec<(String, usize)>,
}

/// The bars as drawn: at most [`MAX_BARS`], the rest summed into one.
fn drawn(data: &CountBars, lang: Lang) -> Vec<(String, usize)> {
    if data.bars.len() <= MAX_BARS {
        return data.bars.clone();
    }
    let mut out: Vec<(String, usize)> = data.bars.iter().take(MAX_BARS - 1).cloned().collect();
    let rest = data.bars.iter().skip(MAX_BARS - 1).map(|b| b.1).sum();
    out.push((lang.pick("其他", "Other").to_string(), rest));
    out
}

/// `text` cut to fit `width` px at `font`, with an ellipsis.
fn fit(text: &str, width: i32, font: u32) -> String {
    if text_width(text, font) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&format!("{out}{c}…"), font) > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Draws the bars into `root`.
pub fn draw_count_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &CountBars,
    lang: Lang,
) -> Result<(), ChartError> {
    let bars = drawn(data, lang);
    let Some(max) = bars.iter().map(|b| b.1).max().filter(|m| *m > 0) else {
        return no_data(root, lang);
    };
    let f = Frame::of(root);
    root.fill(&WHITE)?;
    let (w, h) = (f.w as i32, f.h as i32);
    let widest = bars
        .iter()
        .map(|b| text_width(&b.0, f.font))
        .max()
        .unwrap_or(0);
    let label_w = widest.min(w * 2 / 5) + 8;
    let count_w = text_width(&max.to_string(), f.font) + 8;
    let span = (w - label_w - count_w - 4).max(1);
    let row = ((h - 8) / bars.len() as i32).max(1);
    let label = f.text(INK, Pos::new(HPos::Left, VPos::Center));
    for (i, (name, count)) in bars.iter().enumerate() {
        let top = 4 + i as i32 * row;
        let middle = top + row / 2;
        root.draw(&Text::new(
            fit(name, label_w - 8, f.font),
            (4, middle),
            label.clone(),
        ))?;
        let length = (span as usize * count / max) as i32;
        if *count > 0 {
            root.draw(&Rectangle::new(
                [
                    (label_w, top + row / 5),
                    (label_w + length.max(2), top + row * 4 / 5),
                ],
                CITY.filled(),
            ))?;
        }
        root.draw(&Text::new(
            count.to_string(),
            (label_w + length.max(2) + 4, middle),
            label.clone(),
        ))?;
    }
    Ok(())
}

/// The total and the largest two in one sentence.
pub fn summary_count_bars(data: &CountBars, lang: Lang) -> String {
    let total: usize = data.bars.iter().map(|b| b.1).sum();
    let mut top = data.bars.iter().filter(|b| b.1 > 0);
    match (lang, top.next(), top.next()) {
        (Lang::Zh, None, _) => "没有举报。".to_string(),
        (Lang::En, None, _) => "No reports.".to_string(),
        (Lang::Zh, Some(a), None) => format!("共 {total} 件，全部为{}。", a.0),
        (Lang::En, Some(a), None) => format!("{total} in all, every one {}.", a.0),
        (Lang::Zh, Some(a), Some(b)) => format!(
            "共 {total} 件，最多的是{}（{} 件），其次是{}（{} 件）。",
            a.0, a.1, b.0, b.1
        ),
        (Lang::En, Some(a), Some(b)) => format!(
            "{total} in all; the most {} ({}), then {} ({}).",
            a.0, a.1, b.0, b.1
        ),
    }
}

/// Every row with its count and share.
pub fn table_count_bars(data: &CountBars, lang: Lang) -> Table {
    let total: usize = data.bars.iter().map(|b| b.1).sum();
    Table {
        caption: data.caption.clone(),
        headers: vec![
            data.what.clone(),
            lang.pick("件数", "Reports").to_string(),
            lang.pick("占比", "Share").to_string(),
        ],
        rows: data
            .bars
            .iter()
            .map(|(name, n)| {
                let share = if total == 0 {
                    "—".to_string()
                } else {
                    format!("{}%", fixed(*n as f64 * 100.0 / total as f64, 1))
                };
                vec![name.clone(), n.to_string(), share]
            })
            .collect(),
    }
}
