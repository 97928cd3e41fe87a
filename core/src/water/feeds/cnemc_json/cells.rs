//! Columns and cells of the CNEMC water feed: which thead names mean what, their units, and
//! how one cell's HTML becomes a value (as the public scrapers of the feed read it, e.g.
//! `simonchen/china_surface_water_quality` cnemc.py).

use super::AutoReading;
use crate::time::{Date, Hour};
use crate::water::class::WaterClass;
use crate::water::detection::{self, Reading};
use crate::water::feeds::html::{attribute, split_header, strip_tags};
use crate::water::feeds::units;
use crate::water::limits::Indicator;
use crate::water::method;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

impl Col {
    /// Whether the column holds an indicator value (a bad one costs only the cell).
    pub(super) fn is_value(self) -> bool {
        matches!(self, Col::Value(..))
    }
}

/// What a cell that cannot be read costs: the cell alone, or its whole row (section, time).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum CellError {
    Cell(String),
    Row(String),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Col {
    Province,
    Basin,
    Section,
    Time,
    Class,
    Value(Indicator, f64),
    Status,
    Other,
}

fn column_of(name: &str) -> Option<Indicator> {
    Some(match name {
        "水温" => Indicator::WaterTemperature,
        "pH" | "PH" | "ph" => Indicator::Ph,
        "溶解氧" => Indicator::DissolvedOxygen,
        "电导率" => Indicator::Conductivity,
        "浊度" => Indicator::Turbidity,
        "高锰酸盐指数" => Indicator::PermanganateIndex,
        "氨氮" => Indicator::Ammonia,
        "总磷" => Indicator::TotalPhosphorus,
        "总氮" => Indicator::TotalNitrogen,
        "叶绿素α" | "叶绿素a" | "叶绿素" => Indicator::Chlorophyll,
        "藻密度" => Indicator::AlgalDensity,
        _ => return None,
    })
}

pub(super) struct Header {
    pub(super) cols: Vec<Col>,
    pub(super) names: Vec<String>,
    pub(super) units: Vec<(Indicator, String)>,
}

pub(super) fn header(cells: &[String]) -> Result<Header, String> {
    let mut h = Header {
        cols: Vec::new(),
        names: Vec::new(),
        units: Vec::new(),
    };
    for cell in cells {
        let (name, unit) = split_header(cell);
        let col = match name.as_str() {
            "省份" => Col::Province,
            "流域" => Col::Basin,
            "断面名称" => Col::Section,
            "监测时间" => Col::Time,
            "水质类别" => Col::Class,
            "站点情况" => Col::Status,
            n => match column_of(n) {
                Some(ind) => {
                    let unit = unit.unwrap_or_default();
                    // A column without unit markup is taken to be in the canonical unit.
                    let factor = if unit.is_empty() {
                        Some(1.0)
                    } else {
                        units::factor(ind, &unit)
                    };
                    let factor = factor
                        .ok_or_else(|| format!("thead: unknown unit \"{unit}\" for {name}"))?;
                    h.units.push((ind, unit));
                    Col::Value(ind, factor)
                }
                None => Col::Other,
            },
        };
        if col != Col::Other && h.cols.contains(&col) {
            return Err(format!("thead: duplicate column \"{name}\""));
        }
        h.cols.push(col);
        h.names.push(name);
    }
    for (col, name) in [(Col::Section, "断面名称"), (Col::Time, "监测时间")] {
        if !h.cols.contains(&col) {
            return Err(format!("thead: missing column \"{name}\""));
        }
    }
    Ok(h)
}

/// A body cell: the feed writes strings, but a number or `null` must not break the parse.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Null,
    Text(String),
}

impl<'de> de::Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CellVisitor)
    }
}

struct CellVisitor;

impl Visitor<'_> for CellVisitor {
    type Value = Cell;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, a number or null")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
        Ok(Cell::Text(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Null)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
        Ok(Cell::Text(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
        Ok(Cell::Text(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
        Ok(Cell::Text(v.to_string()))
    }
}

/// Whether a cell's text means "no value".
fn is_blank(text: &str) -> bool {
    matches!(text, "" | "--" | "*" | "—" | "-")
}

/// Resolves `MM-DD HH:00` to an hour: the year of `fetched`, or the year before when that would
/// put the stamp more than a day after the fetch (a December reading fetched in January). A
/// full `YYYY-MM-DD HH:00` is taken as it is.
pub fn resolve_time(text: &str, fetched: Hour) -> Option<Hour> {
    let t = text.trim();
    if let Some(h) = Hour::parse(t) {
        return Some(h);
    }
    let (md, hm) = t.split_once(' ')?;
    let (m, d) = md.split_once('-')?;
    let (hh, mm) = hm.trim().split_once(':')?;
    let two = |s: &str| -> Option<u8> {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (month, day, hour) = (two(m)?, two(d)?, two(hh)?);
    if mm != "00" || hour > 23 {
        return None;
    }
    let year = fetched.date().year;
    let at = |y: i32| Date::new(y, month, day).map(|date| date.at_hour(hour));
    match at(year) {
        Some(h) if h.0 <= fetched.0 + 24 => Some(h),
        _ => at(year - 1).filter(|h| h.0 <= fetched.0 + 24),
    }
}

pub(super) fn empty_reading() -> AutoReading {
    AutoReading {
        province: None,
        basin: None,
        city: None,
        river: None,
        section: String::new(),
        time: None,
        reported_class: None,
        values: Vec::new(),
        not_detected: Vec::new(),
        station_status: None,
    }
}

/// Reads one cell of row `row` into `r`.
pub(super) fn apply_cell(
    r: &mut AutoReading,
    col: Col,
    name: &str,
    cell: Cell,
    fetched: Hour,
    row: usize,
) -> Result<(), CellError> {
    let raw = match cell {
        Cell::Null => return Ok(()),
        Cell::Text(t) => t,
    };
    let text = strip_tags(&raw);
    let fail = |what: &str| format!("tbody[{row}], column \"{name}\": {what}, found \"{text}\"");
    let opt = || (!is_blank(&text)).then(|| text.clone());
    match col {
        Col::Province => r.province = opt(),
        Col::Basin => r.basin = opt(),
        Col::Status => r.station_status = opt(),
        Col::Other => {}
        Col::Section => {
            for line in attribute(&raw, "title").unwrap_or_default().lines() {
                let Some((k, v)) = line.split_once([':', '：']) else {
                    continue;
                };
                let v = v.trim();
                match k.trim() {
                    "所属地市" if !v.is_empty() => r.city = Some(v.to_string()),
                    "所属河流" if !v.is_empty() => r.river = Some(v.to_string()),
                    _ => {}
                }
            }
            if text.is_empty() {
                return Err(CellError::Row(fail("empty section name")));
            }
            r.section = text.clone();
        }
        Col::Time if is_blank(&text) => {}
        Col::Time => {
            r.time = Some(
                resolve_time(&text, fetched)
                    .ok_or_else(|| CellError::Row(fail("expected MM-DD HH:00")))?,
            )
        }
        Col::Class if is_blank(&text) => {}
        Col::Class => {
            r.reported_class = Some(
                WaterClass::parse(&text)
                    .ok_or_else(|| CellError::Cell(fail("expected a class")))?,
            )
        }
        Col::Value(_, _) if is_blank(&text) => {}
        Col::Value(ind, factor) => {
            let cell_error = |what: &str| CellError::Cell(fail(what));
            match detection::parse_reading(&text) {
                None => return Err(cell_error("expected a number")),
                Some(Reading::Value(v)) => {
                    let v = v * factor;
                    if !method::is_possible(ind, v) {
                        return Err(cell_error("impossible value"));
                    }
                    r.values.push((ind, v));
                }
                Some(Reading::BelowLimit(limit)) => {
                    let limit = limit.map(|l| l * factor);
                    let ok = limit.is_none_or(|l| l > 0.0 && method::is_possible(ind, l));
                    if !ok || !detection::accepts_below_limit(ind, limit) {
                        return Err(cell_error("not a usable detection limit"));
                    }
                    r.values.push((ind, detection::calculation_value(limit)));
                    r.not_detected.push((ind, limit.unwrap_or(0.0)));
                }
            }
        }
    }
    Ok(())
}
