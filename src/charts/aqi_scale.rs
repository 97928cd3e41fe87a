//! The AQI value axis shared by the AQI charts: level boundaries of HJ 633 表2, the axis top
//! that keeps the highest value inside a whole level band, the light level bands behind a line,
//! the level numbers in the right margin, and the level wording of sentences and tables.

use super::frame::{rel, Frame};
use super::palette::{level_colour, BAND_ALPHA, GRID, INK};
use super::ChartError;
use cc_core::air::Level;
use cc_core::i18n::Lang;
use plotters::coord::combinators::WithKeyPoints;
use plotters::coord::ranged1d::Ranged;
use plotters::coord::types::{RangedCoordi32, RangedCoordi64};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Lower and upper AQI of each level band (level 6 drawn up to 500, the top of the scale).
pub const LEVEL_BOUNDS: [(i32, i32, Level); 6] = [
    (0, 50, Level::L1),
    (50, 100, Level::L2),
    (100, 150, Level::L3),
    (150, 200, Level::L4),
    (200, 300, Level::L5),
    (300, 500, Level::L6),
];

/// The y-axis top for a largest value `max`: the upper bound of the first level band that
/// leaves 5% headroom, never below 100 so that 优 and 良 are always shown.
pub fn axis_top(max: u16) -> i32 {
    let want = i32::from(max) * 21 / 20;
    LEVEL_BOUNDS
        .iter()
        .map(|&(_, hi, _)| hi)
        .find(|&hi| hi >= want)
        .unwrap_or(500)
        .max(100)
}

/// The AQI axis (integer, as AQI values are) with its ticks on the level boundaries up to
/// `top`.
pub fn y_axis(top: i32) -> WithKeyPoints<RangedCoordi32> {
    let mut ticks = vec![0];
    ticks.extend(
        LEVEL_BOUNDS
            .iter()
            .map(|&(_, hi, _)| hi)
            .filter(|&hi| hi <= top),
    );
    (0..top).with_key_points(ticks)
}

/// Fills the level bands up to `top` across `x0..x1`, in the level colours at low opacity.
pub fn draw_bands<DB, X, Y>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    (x0, x1): (X::ValueType, X::ValueType),
    top: i32,
) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    X: Ranged,
    X::ValueType: Clone + 'static,
    Y: Ranged<ValueType = i32>,
{
    let bands = LEVEL_BOUNDS
        .iter()
        .filter(|&&(lo, _, _)| lo < top)
        .map(|&(lo, hi, l)| {
            Rectangle::new(
                [(x0.clone(), lo), (x1.clone(), hi.min(top))],
                level_colour(l).mix(BAND_ALPHA).filled(),
            )
        });
    chart.draw_series(bands)?;
    Ok(())
}

/// Writes the level number of each visible band (`1级` / `L1`) in the right margin, at the
/// band's middle; bands thinner than the text are skipped.
pub fn draw_level_numbers<DB, X, Y>(
    root: &DrawingArea<DB, Shift>,
    chart: &ChartContext<'_, DB, Cartesian2d<X, Y>>,
    f: &Frame,
    x_end: X::ValueType,
    top: i32,
    lang: Lang,
) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    X: Ranged,
    X::ValueType: Clone,
    Y: Ranged<ValueType = i32>,
{
    for &(lo, hi, level) in LEVEL_BOUNDS.iter().filter(|&&(lo, _, _)| lo < top) {
        let hi = hi.min(top);
        let (_, y_lo) = chart.backend_coord(&(x_end.clone(), lo));
        let (x, y_hi) = chart.backend_coord(&(x_end.clone(), hi));
        if y_lo - y_hi < f.font as i32 {
            continue;
        }
        let at = rel(root, (x + 4, (y_lo + y_hi) / 2));
        let text = match lang {
            Lang::Zh => format!("{}级", level.number()),
            Lang::En => format!("L{}", level.number()),
        };
        root.draw(&Text::new(text, at, f.label()))?;
    }
    Ok(())
}

/// Hour stamps across, AQI up: the coordinates of the hourly and the year chart.
pub type HourAqiCoord = Cartesian2d<WithKeyPoints<RangedCoordi64>, WithKeyPoints<RangedCoordi32>>;

/// The hourly AQI axes over hour stamps `x0..x1`, ready for a line: level bands behind, the mesh
/// with `x_label` at each of `ticks`, level numbers in the right margin. `margin_top` leaves room
/// for what the chart writes above the plot (unit, legend).
#[allow(clippy::too_many_arguments)]
pub fn hour_aqi_axes<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    f: &Frame,
    margin_top: u32,
    (x0, x1): (i64, i64),
    ticks: Vec<i64>,
    top: i32,
    x_label: &dyn Fn(&i64) -> String,
    lang: Lang,
) -> Result<ChartContext<'a, DB, HourAqiCoord>, ChartError> {
    let mut chart = ChartBuilder::on(root)
        .margin_top(margin_top)
        .margin_right(level_margin(f))
        .margin_left(4)
        .x_label_area_size(f.font + 10)
        .y_label_area_size(f.font * 2 + 10)
        .build_cartesian_2d((x0..x1).with_key_points(ticks), y_axis(top))?;
    draw_bands(&mut chart, (x0, x1), top)?;
    let y_label = |v: &i32| v.to_string();
    chart
        .configure_mesh()
        .bold_line_style(GRID.mix(0.6))
        .axis_style(INK)
        .label_style(f.axis())
        .x_label_formatter(x_label)
        .y_label_formatter(&y_label)
        .draw()?;
    draw_level_numbers(root, &chart, f, x1, top, lang)?;
    Ok(chart)
}

/// Width of the right margin that holds the level numbers.
pub fn level_margin(f: &Frame) -> u32 {
    f.font * 2 + 8
}

/// A level in words for sentences and tables: `三级（轻度污染）` / `level 3, lightly polluted`.
pub fn level_text(level: Level, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}（{}）", level.grade().zh, level.name().zh),
        Lang::En => format!(
            "level {}, {}",
            level.number(),
            level.name().en.to_ascii_lowercase()
        ),
    }
}

/// The table cell for an optional AQI's level: `三级 轻度污染` / `Level 3 Lightly polluted`.
pub fn level_cell(aqi: Option<u16>, lang: Lang) -> String {
    aqi.map(Level::from_aqi).map_or_else(
        || "—".to_string(),
        |l| format!("{} {}", l.grade().get(lang), l.name().get(lang)),
    )
}
