//! Layout pieces shared by the charts: font sizes for the canvas size, the "no data" message,
//! short axis labels in both languages, the unit caption and the legend row above the plot,
//! and the level / class labels in the right margin.

use super::palette::{GRID, INK, MUTED};
use super::ChartError;
use cc_core::i18n::Lang;
use cc_core::time::{Date, Hour};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The generic family: the browser picks its CJK face for Chinese, the SVG viewer likewise.
pub const FAMILY: &str = "sans-serif";

/// Sizes derived from the canvas size, so a phone (360×220) and a desktop (800×300) canvas
/// both get legible text without the caller passing styles.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Canvas width in pixels.
    pub w: u32,
    /// Canvas height in pixels.
    pub h: u32,
    /// Label font size in pixels.
    pub font: u32,
    /// True below 480 px: fewer labels, thinner margins.
    pub narrow: bool,
}

impl Frame {
    /// The frame of `root`.
    pub fn of<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>) -> Self {
        let (w, h) = root.dim_in_pixel();
        let narrow = w < 480;
        Frame {
            w,
            h,
            font: if narrow { 11 } else { 13 },
            narrow,
        }
    }

    /// A text style of the label size in `colour`, anchored at `pos`.
    pub fn text(&self, colour: RGBColor, pos: Pos) -> TextStyle<'static> {
        (FAMILY, self.font).into_font().color(&colour).pos(pos)
    }

    /// The left-aligned, vertically centred label style.
    pub fn label(&self) -> TextStyle<'static> {
        self.text(INK, Pos::new(HPos::Left, VPos::Center))
    }

    /// Axis label style for the mesh.
    pub fn axis(&self) -> TextStyle<'static> {
        (FAMILY, self.font).into_font().color(&INK)
    }
}

/// Whole-chart message for an empty input: a light outline and "暂无数据 / No data" in the
/// middle, instead of an empty or collapsed axis.
pub fn no_data<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    lang: Lang,
) -> Result<(), ChartError> {
    let f = Frame::of(root);
    root.fill(&WHITE)?;
    let (w, h) = (f.w as i32, f.h as i32);
    root.draw(&Rectangle::new(
        [(1, 1), (w - 2, h - 2)],
        GRID.stroke_width(1),
    ))?;
    let style = f.text(MUTED, Pos::new(HPos::Center, VPos::Center));
    root.draw(&Text::new(
        lang.pick("暂无数据", "No data").to_string(),
        (w / 2, h / 2),
        style,
    ))?;
    Ok(())
}

/// The unit or quantity above the y axis, top left ("AQI", "mg/L").
pub fn unit_caption<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    f: &Frame,
    text: &str,
) -> Result<(), ChartError> {
    if text.is_empty() {
        return Ok(());
    }
    let style = f.text(MUTED, Pos::new(HPos::Left, VPos::Top));
    root.draw(&Text::new(text.to_string(), (4, 2), style))?;
    Ok(())
}

/// Converts an absolute backend pixel (from `ChartContext::backend_coord`) to a coordinate of
/// `root`, which may itself be a sub-area of the canvas.
pub fn rel<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    abs: (i32, i32),
) -> (i32, i32) {
    let (bx, by) = root.get_base_pixel();
    (abs.0 - bx, abs.1 - by)
}

/// Short month names for axes.
pub fn month_label(month: u8, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Zh => format!("{month}月"),
        Lang::En => EN
            .get(usize::from(month).wrapping_sub(1))
            .copied()
            .unwrap_or("?")
            .to_string(),
    }
}

/// Hour-of-day axis label: `14时` / `14:00`.
pub fn hour_label(h: Hour, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}时", h.hour_of_day()),
        Lang::En => format!("{:02}:00", h.hour_of_day()),
    }
}

/// Day axis label: `3/5` in both languages (short enough for 30 days on a phone).
pub fn day_label(d: Date) -> String {
    format!("{}/{}", d.month, d.day)
}

/// A full date for sentences and tables: `2021年3月5日` / `5 Mar 2021`.
pub fn date_text(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year, d.month, d.day),
        Lang::En => format!("{} {} {}", d.day, month_label(d.month, lang), d.year),
    }
}

/// An hour stamp for sentences: `3月5日14时` / `14:00 on 5 Mar`.
pub fn hour_text(h: Hour, lang: Lang) -> String {
    let d = h.date();
    match lang {
        Lang::Zh => format!("{}月{}日{}时", d.month, d.day, h.hour_of_day()),
        Lang::En => format!(
            "{:02}:00 on {} {}",
            h.hour_of_day(),
            d.day,
            month_label(d.month, lang)
        ),
    }
}

/// One legend entry in the row above the plot: a short line sample (solid or dashed) with a
/// marker, then the text. Returns the x just after the entry, for the next one.
pub fn legend_entry<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    f: &Frame,
    (x, y): (i32, i32),
    colour: RGBColor,
    dashed: bool,
    marker: Marker,
    text: &str,
) -> Result<i32, ChartError> {
    let style = colour.stroke_width(2);
    if dashed {
        for s in [0, 7, 14] {
            root.draw(&PathElement::new(vec![(x + s, y), (x + s + 4, y)], style))?;
        }
    } else {
        root.draw(&PathElement::new(vec![(x, y), (x + 18, y)], style))?;
    }
    marker.draw(root, (x + 9, y), colour)?;
    root.draw(&Text::new(text.to_string(), (x + 23, y), f.label()))?;
    Ok(x + 23 + text_width(text, f.font) + 12)
}

/// Point markers, so that series differ by shape as well as colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// Filled circle (the city, water samples).
    Circle,
    /// Filled triangle (the chosen station).
    Triangle,
}

impl Marker {
    /// Draws the marker centred on `at` (pixels of `area`).
    pub fn draw<DB: DrawingBackend>(
        self,
        area: &DrawingArea<DB, plotters::coord::Shift>,
        at: (i32, i32),
        colour: RGBColor,
    ) -> Result<(), ChartError> {
        match self {
            Marker::Circle => area.draw(&Circle::new(at, 3, colour.filled()))?,
            Marker::Triangle => area.draw(&TriangleMarker::new(at, 4, colour.filled()))?,
        }
        Ok(())
    }
}

/// Splits `(x, value)` points into runs to be drawn as one line each: a run ends at a missing
/// value or where x jumps by more than `max_step`, so a gap is never bridged or drawn as zero.
pub fn runs<T: Copy>(
    points: impl IntoIterator<Item = (i64, Option<T>)>,
    max_step: i64,
) -> Vec<Vec<(i64, T)>> {
    let mut out: Vec<Vec<(i64, T)>> = Vec::new();
    let mut current: Vec<(i64, T)> = Vec::new();
    for (x, v) in points {
        let joined = current.last().is_some_and(|&(px, _)| x - px <= max_step);
        if !joined && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        match v {
            Some(v) => current.push((x, v)),
            None => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Estimated width in pixels of `text` at `font` px (CJK a full em, ASCII about 0.6 em); used
/// to thin out labels that would collide.
pub fn text_width(text: &str, font: u32) -> i32 {
    let ems: f64 = text
        .chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum();
    (ems * f64::from(font)).round() as i32
}
