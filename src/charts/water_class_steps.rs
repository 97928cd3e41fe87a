//! A section's water class month by month for one year, as a step line over the six class
//! bands (Ⅰ at the top, 劣Ⅴ at the bottom, so "higher is better" as in the national bulletins).
//! A month without a class is a gap: the line stops and restarts.

use super::frame::{month_label, no_data, unit_caption, Frame};
use super::palette::{class_colour, CITY, GRID, INK};
use super::table::Table;
use super::ChartError;
use cc_core::i18n::Lang;
use cc_core::water::WaterClass;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Input of the step chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WaterClassSteps {
    /// The year.
    pub year: i32,
    /// Section name in the page language.
    pub section: String,
    /// The class of each month, January first; `None` for a month without assessment.
    pub months: [Option<WaterClass>; 12],
}

/// Opacity of the class bands: the class swatches are already light.
const ALPHA: f64 = 0.45;

/// Position of a class on the y axis: Ⅰ at 10 (top) … 劣Ⅴ at 0, in steps of 2, so that band
/// edges fall on odd numbers and plotters' own ticks for −1..11 (at most 7) are the six ranks.
/// The axes have the indicator chart's types (days as `i64` with key points, values as `f64`),
/// so the water bundle links plotters' axis and series code once for the two charts.
fn rank(c: WaterClass) -> f64 {
    2.0 * f64::from(6 - c.code())
}

/// Month `m` (1–12) is centred on x = 10 m; its slot is `10 m ± 5`.
fn mx(m: i32) -> i64 {
    10 * i64::from(m)
}

/// Short class label for the axis: the Unicode numerals in Chinese, ASCII in English (which
/// screen readers and Latin fonts handle), `>V` for 劣Ⅴ.
pub(crate) fn class_axis_label(c: WaterClass, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => c.roman(),
        Lang::En => match c {
            WaterClass::I => "I",
            WaterClass::II => "II",
            WaterClass::III => "III",
            WaterClass::IV => "IV",
            WaterClass::V => "V",
            WaterClass::WorseThanV => ">V",
        },
    }
}

/// Draws the steps into `root`.
pub fn draw_water_class_steps<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &WaterClassSteps,
    lang: Lang,
) -> Result<(), ChartError> {
    if data.months.iter().all(Option::is_none) {
        return no_data(root, lang);
    }
    let f = Frame::of(root);
    root.fill(&WHITE)?;
    let ticks: Vec<i64> = (1..=12).map(mx).collect();
    let mut chart = ChartBuilder::on(root)
        .margin_top(f.font + 8)
        .margin_right(8)
        .margin_left(4)
        .x_label_area_size(f.font + 10)
        .y_label_area_size(f.font * 2 + 12)
        .build_cartesian_2d((mx(1) - 5..mx(12) + 5).with_key_points(ticks), -1.0..11.0)?;
    chart.draw_series(WaterClass::ALL.into_iter().map(|c| {
        let r = rank(c);
        Rectangle::new(
            [(mx(1) - 5, r - 1.0), (mx(12) + 5, r + 1.0)],
            class_colour(c).mix(ALPHA).filled(),
        )
    }))?;
    // On a phone the month numbers alone fit; the caption says they are months.
    let x_fmt = |x: &i64| {
        let m = u8::try_from(x / 10).unwrap_or(0);
        if f.narrow {
            m.to_string()
        } else {
            month_label(m, lang)
        }
    };
    let y_fmt = |r: &f64| {
        WaterClass::ALL
            .into_iter()
            .find(|&c| (rank(c) - r).abs() < 0.5)
            .map_or("", |c| class_axis_label(c, lang))
            .to_string()
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .disable_y_mesh()
        .axis_style(INK)
        .label_style(f.axis())
        .y_labels(7)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .draw()?;

    // Month boundaries as faint verticals, so a one-month gap reads as a gap.
    chart.draw_series((1..12).map(|m| {
        let x = mx(m) + 5;
        PathElement::new(vec![(x, -1.0), (x, 11.0)], GRID.mix(0.5))
    }))?;
    let mut run: Vec<(i64, f64)> = Vec::new();
    let mut paths = Vec::new();
    for (m, class) in (1..).zip(data.months.iter()) {
        match class {
            Some(c) => {
                run.push((mx(m) - 5, rank(*c)));
                run.push((mx(m) + 5, rank(*c)));
            }
            None => paths.push(std::mem::take(&mut run)),
        }
    }
    paths.push(run);
    for path in paths.into_iter().filter(|p| !p.is_empty()) {
        chart.draw_series(LineSeries::new(path, CITY.stroke_width(3)))?;
    }
    chart.draw_series(
        (1..)
            .zip(data.months.iter())
            .filter_map(|(m, c)| c.map(|c| Circle::new((mx(m), rank(c)), 4, CITY.filled()))),
    )?;
    let caption = match lang {
        Lang::Zh => format!("水质类别 · {}年", data.year),
        Lang::En => format!("Water class · {}", data.year),
    };
    unit_caption(root, &f, &caption)?;
    Ok(())
}

fn month_name(m: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{m}月"),
        Lang::En => month_label(m as u8, lang),
    }
}

/// Months assessed, best and worst class, and the good months, in one sentence.
pub fn summary_water_class_steps(data: &WaterClassSteps, lang: Lang) -> String {
    let (year, section) = (data.year, &data.section);
    let classes: Vec<(usize, WaterClass)> = data
        .months
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.map(|c| (i + 1, c)))
        .collect();
    let (Some(best), Some(&(worst_m, worst))) = (
        classes.iter().map(|p| p.1).min(),
        classes.iter().max_by_key(|p| (p.1, std::cmp::Reverse(p.0))),
    ) else {
        return match lang {
            Lang::Zh => format!("{section}{year}年没有逐月水质类别。"),
            Lang::En => format!("{section} has no monthly water class for {year}."),
        };
    };
    let n = classes.len();
    let good = classes.iter().filter(|p| p.1.is_good()).count();
    let wm = month_name(worst_m, lang);
    match lang {
        Lang::Zh => format!(
            "{section}{year}年有{n}个月评价了水质，类别在{}到{}之间，最差为{wm}（{}）；达到或优于Ⅲ类的有{good}个月。",
            best.name().zh, worst.name().zh, worst.name().zh
        ),
        Lang::En => format!(
            "{section} was assessed in {n} months of {year}, from {} to {}; the worst was {wm} ({}); {good} months met class III or better.",
            best.name().en, worst.name().en, worst.name().en
        ),
    }
}

/// One row per month: month, class, 水质状况.
pub fn table_water_class_steps(data: &WaterClassSteps, lang: Lang) -> Table {
    Table {
        caption: match lang {
            Lang::Zh => format!("{}{}年逐月水质类别", data.section, data.year),
            Lang::En => format!("{}: water class by month, {}", data.section, data.year),
        },
        headers: vec![
            lang.pick("月份", "Month").to_string(),
            lang.pick("水质类别", "Class").to_string(),
            lang.pick("水质状况", "Status").to_string(),
        ],
        rows: data
            .months
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let month = format!("{}-{:02}", data.year, i + 1);
                match c {
                    Some(c) => vec![
                        month,
                        c.label(lang).to_string(),
                        c.status().name().get(lang).to_string(),
                    ],
                    None => vec![month, "—".to_string(), "—".to_string()],
                }
            })
            .collect(),
    }
}
