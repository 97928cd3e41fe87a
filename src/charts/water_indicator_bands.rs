//! One indicator's values at a section over time, drawn over its GB 3838 class bands. The
//! bands come from the engine's limit table ([`Indicator::rule`] for the section's water body)
//! and follow the rule's direction: "≤ limit" indicators have Ⅰ at the bottom, dissolved oxygen
//! ("≥ limit") has Ⅰ at the top, pH has one band for the 6–9 range with 劣Ⅴ on both sides.
//! Samples are joined by a line unless more than 45 days apart (e.g. no winter sampling).

use super::frame::{date_text, day_label, month_label, no_data, rel, runs, unit_caption, Frame};
use super::palette::{class_colour, CITY, GRID, INK};
use super::table::Table;
use super::water_class_steps::class_axis_label;
use super::ChartError;
use cc_core::i18n::Lang;
use cc_core::time::Date;
use cc_core::water::{classify, Indicator, Rule, WaterBody, WaterClass};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Input of the band chart.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorSeries {
    /// The indicator.
    pub indicator: Indicator,
    /// The section's water body (selects the total-phosphorus column).
    pub body: WaterBody,
    /// Section name in the page language.
    pub section: String,
    /// (sampling date, value in the indicator's canonical unit); non-finite values are ignored.
    pub points: Vec<(Date, f64)>,
}

/// Longest gap, in days, still joined by the line (monthly sampling with some slack).
const MAX_GAP_DAYS: i64 = 45;
/// Opacity of the class bands.
const ALPHA: f64 = 0.45;

/// A class band: value range and the label it carries.
struct Band {
    lo: f64,
    hi: f64,
    colour: WaterClass,
    label: String,
}

fn sorted_points(data: &IndicatorSeries) -> Vec<(Date, f64)> {
    let mut p: Vec<_> = data
        .points
        .iter()
        .copied()
        .filter(|p| p.1.is_finite())
        .collect();
    cc_core::order::sort_by_key(&mut p, |p| p.0);
    p
}

/// The y range that shows the data and the limits around it.
fn y_range(rule: Option<Rule>, lo: f64, hi: f64) -> (f64, f64) {
    match rule {
        // Up to the limit just above the highest value (at least Ⅲ's), plus headroom.
        Some(Rule::AtMost(l)) => {
            let next = l.iter().copied().find(|&x| x >= hi).unwrap_or(hi);
            (0.0, next.max(hi).max(l[2]) * 1.15)
        }
        Some(Rule::AtLeast(l)) => (0.0, hi.max(l[0]) * 1.15),
        Some(Rule::Between(a, b)) => ((lo.min(a) - 0.5).max(0.0), (hi.max(b) + 0.5).min(14.0)),
        None => {
            let top = if hi > 0.0 { hi * 1.15 } else { 1.0 };
            (lo.min(0.0), top)
        }
    }
}

/// The class bands of `rule` between `y0` and `y1`, empty ones (e.g. COD Ⅰ = Ⅱ) left out.
fn bands(rule: Option<Rule>, (y0, y1): (f64, f64), lang: Lang) -> Vec<Band> {
    let band = |lo: f64, hi: f64, c: WaterClass| Band {
        lo,
        hi,
        colour: c,
        label: class_axis_label(c, lang).to_string(),
    };
    let mut out = Vec::new();
    match rule {
        Some(Rule::AtMost(l)) => {
            let mut lo = y0;
            for (i, &hi) in l.iter().enumerate() {
                out.push(band(lo, hi, WaterClass::from_index(i)));
                lo = hi;
            }
            out.push(band(lo, y1, WaterClass::WorseThanV));
        }
        Some(Rule::AtLeast(l)) => {
            let mut hi = y1;
            for (i, &lo) in l.iter().enumerate() {
                out.push(band(lo, hi, WaterClass::from_index(i)));
                hi = lo;
            }
            out.push(band(y0, hi, WaterClass::WorseThanV));
        }
        Some(Rule::Between(a, b)) => {
            let bad = WaterClass::WorseThanV;
            out.push(band(y0, a, bad));
            // Between the limits every class passes; the band says so instead of naming one.
            out.push(Band {
                label: lang.pick("Ⅰ–Ⅴ", "I–V").to_string(),
                ..band(a, b, WaterClass::II)
            });
            out.push(band(b, y1, bad));
        }
        None => {}
    }
    out.into_iter()
        .map(|b| Band {
            lo: b.lo.max(y0),
            hi: b.hi.min(y1),
            ..b
        })
        .filter(|b| b.hi > b.lo)
        .collect()
}

/// Month-start ticks across `lo..=hi` (days), thinned to fit, with their label format.
fn date_ticks(lo: i64, hi: i64, f: &Frame) -> (Vec<i64>, bool) {
    let (a, b) = (Date::from_days(lo), Date::from_days(hi));
    let multi_year = a.year != b.year;
    let mut months = Vec::new();
    let (mut y, mut m) = (a.year, a.month);
    while let Some(d) = Date::new(y, m, 1) {
        if d.to_days() > hi {
            break;
        }
        if d.to_days() >= lo {
            months.push(d.to_days());
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    let label_px = if multi_year { 60 } else { 36 };
    let fit = (f.w as usize / label_px).max(2);
    let step = months.len().div_ceil(fit).max(1);
    let ticks = if months.len() < 2 {
        vec![lo, hi]
    } else {
        months.into_iter().step_by(step).collect()
    };
    (ticks, multi_year)
}

/// Draws the indicator and its bands into `root`.
pub fn draw_water_indicator_bands<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &IndicatorSeries,
    lang: Lang,
) -> Result<(), ChartError> {
    let points = sorted_points(data);
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return no_data(root, lang);
    };
    let f = Frame::of(root);
    root.fill(&WHITE)?;
    let rule = data.indicator.rule(data.body);
    let lo = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let (y0, y1) = y_range(rule, lo, hi);
    let (x0, x1) = (
        first.0.to_days() - 5,
        last.0.to_days().max(first.0.to_days() + 1) + 5,
    );
    let (ticks, multi_year) = date_ticks(x0, x1, &f);
    let mut chart = ChartBuilder::on(root)
        .margin_top(f.font + 8)
        .margin_right(f.font * 2 + 10)
        .margin_left(4)
        .x_label_area_size(f.font + 10)
        .y_label_area_size(f.font * 3 + 6)
        .build_cartesian_2d((x0..x1).with_key_points(ticks), y0..y1)?;
    let bands = bands(rule, (y0, y1), lang);
    chart.draw_series(bands.iter().map(|b| {
        Rectangle::new(
            [(x0, b.lo), (x1, b.hi)],
            class_colour(b.colour).mix(ALPHA).filled(),
        )
    }))?;
    let x_fmt = |x: &i64| {
        let d = Date::from_days(*x);
        match (multi_year, d.day) {
            (true, 1) => format!("{}-{:02}", d.year, d.month),
            (false, 1) => month_label(d.month, lang),
            _ => day_label(d),
        }
    };
    let decimals = data.indicator.decimals().min(3);
    let y_fmt = |v: &f64| {
        let s = format!("{v:.decimals$}");
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(GRID.mix(0.5))
        .light_line_style(TRANSPARENT)
        .axis_style(INK)
        .label_style(f.axis())
        .y_labels(if f.narrow { 5 } else { 7 })
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .draw()?;
    for b in &bands {
        let (x, y_lo) = chart.backend_coord(&(x1, b.lo));
        let (_, y_hi) = chart.backend_coord(&(x1, b.hi));
        if y_lo - y_hi >= f.font as i32 {
            let at = rel(root, (x + 4, (y_lo + y_hi) / 2));
            root.draw(&Text::new(b.label.clone(), at, f.label()))?;
        }
    }
    let xy = points.iter().map(|&(d, v)| (d.to_days(), Some(v)));
    for run in runs(xy, MAX_GAP_DAYS) {
        chart.draw_series(LineSeries::new(run, CITY.stroke_width(2)))?;
    }
    chart.draw_series(
        points
            .iter()
            .map(|&(d, v)| Circle::new((d.to_days(), v), 3, CITY.filled())),
    )?;
    let name = data.indicator.name().get(lang);
    let caption = match data.indicator.unit() {
        "" => name.to_string(),
        unit => format!("{name} ({unit})"),
    };
    unit_caption(root, &f, &caption)?;
    Ok(())
}

/// The limit sentence of `rule`: `Ⅲ类限值 ≤1 mg/L` / `class III limit ≥5 mg/L` / `标准范围6–9`.
fn limit_clause(data: &IndicatorSeries, lang: Lang) -> String {
    let with_unit = |v: f64| data.indicator.format_with_unit(v);
    match data.indicator.rule(data.body) {
        Some(Rule::AtMost(l)) => match lang {
            Lang::Zh => format!("Ⅲ类限值为≤{}", with_unit(l[2])),
            Lang::En => format!("the class III limit is ≤ {}", with_unit(l[2])),
        },
        Some(Rule::AtLeast(l)) => match lang {
            Lang::Zh => format!("Ⅲ类限值为≥{}", with_unit(l[2])),
            Lang::En => format!("the class III limit is ≥ {}", with_unit(l[2])),
        },
        Some(Rule::Between(a, b)) => match lang {
            Lang::Zh => format!("标准范围为{a}–{b}"),
            Lang::En => format!("the standard range is {a}–{b}"),
        },
        None => lang
            .pick(
                "该指标不参与水质类别评价",
                "this indicator has no class limits",
            )
            .to_string(),
    }
}

/// Count, range, worst sample and the class Ⅲ limit in one sentence.
pub fn summary_water_indicator_bands(data: &IndicatorSeries, lang: Lang) -> String {
    let points = sorted_points(data);
    let name = data.indicator.name().get(lang);
    let section = &data.section;
    let (Some(lo), Some(hi)) = (
        points.iter().map(|p| p.1).reduce(f64::min),
        points.iter().map(|p| p.1).reduce(f64::max),
    ) else {
        return match lang {
            Lang::Zh => format!("{section}没有{name}监测数据。"),
            Lang::En => format!("There are no {name} results for {section}."),
        };
    };
    let n = points.len();
    let fmt = |v: f64| data.indicator.format_with_unit(v);
    let class_of = |v: f64| classify(data.indicator, v, data.body);
    // The worst sample by class; on equal class the first one.
    let worst = points
        .iter()
        .filter_map(|&(d, v)| class_of(v).map(|c| (c, std::cmp::Reverse(d), v)))
        .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let limit = limit_clause(data, lang);
    let (a, b) = (fmt(lo), fmt(hi));
    let mut s = match lang {
        Lang::Zh => format!("{section}共{n}次{name}监测，数值在{a}到{b}之间"),
        Lang::En => format!("{section} has {n} {name} results, from {a} to {b}"),
    };
    if let Some((c, std::cmp::Reverse(d), v)) = worst {
        let (day, v) = (date_text(d, lang), fmt(v));
        s += &match lang {
            Lang::Zh => format!("，最差为{day}的{v}（{}）", c.name().zh),
            Lang::En => format!("; the worst was {v} on {day} ({})", c.name().en),
        };
    }
    s + lang.pick("；", "; ") + &limit + lang.pick("。", ".")
}

/// One row per sample: date, value, class.
pub fn table_water_indicator_bands(data: &IndicatorSeries, lang: Lang) -> Table {
    let name = data.indicator.name().get(lang);
    let unit = data.indicator.unit();
    let value_header = if unit.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({unit})")
    };
    Table {
        caption: match lang {
            Lang::Zh => format!("{}{}监测结果", data.section, name),
            Lang::En => format!("{}: {} results", data.section, name),
        },
        headers: vec![
            lang.pick("日期", "Date").to_string(),
            value_header,
            lang.pick("水质类别", "Class").to_string(),
        ],
        rows: sorted_points(data)
            .into_iter()
            .map(|(d, v)| {
                let class = classify(data.indicator, v, data.body)
                    .map_or_else(|| "—".to_string(), |c| c.label(lang).to_string());
                vec![d.to_string(), data.indicator.format_value(v), class]
            })
            .collect(),
    }
}
