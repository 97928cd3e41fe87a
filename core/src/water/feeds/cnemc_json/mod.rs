//! The national surface-water automatic monitoring real-time JSON (国家地表水水质自动监测实时数据
//! 发布系统, `/GJZ/Ajax/Publish.ashx?action=getRealDatas`), as documented in
//! the public scrapers of the feed (`simonchen/china_surface_water_quality` cnemc.py): `{"thead": [...], "tbody": [[...], ...]}` with HTML in
//! cells, `--` or `*` for no value, `null` time for an offline station, and `MM-DD HH:00` times
//! without a year. Units come from the thead markup. No real response was available; the
//! fixtures in `core/tests/fixtures/water/` follow the documented layout.
//!
//! A cell that cannot be read (not a number, an impossible value: [`crate::water::method::is_possible`])
//! is skipped and named in [`AutoFeed::skipped`]; a row whose section, time or cell count cannot
//! be read is skipped whole. Values below the detection limit (`0.01L`, `<0.01`, `ND`, 未检出)
//! are read as [`crate::water::detection`] says. A feed with rows but none usable is an error.
//!
//! Automatic stations measure only part of the GB 3838 indicators, so a class from them is a
//! reference (自动监测(参考)), never the official class: see [`AutoReading::assess`].

mod cells;

pub use cells::resolve_time;

use crate::json_items::Locator;
use crate::time::Hour;
use crate::water::assess::Value;
use crate::water::assess::{Basis, SectionAssessment};
use crate::water::class::WaterClass;
use crate::water::limits::{Indicator, WaterBody};
use crate::FeedError;
use cells::{apply_cell, empty_reading, header, Cell, CellError, Header};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// One row of the feed: one station's latest readings.
#[derive(Debug, Clone, PartialEq)]
pub struct AutoReading {
    /// 省份.
    pub province: Option<String>,
    /// 流域.
    pub basin: Option<String>,
    /// 所属地市, from the section cell's tooltip.
    pub city: Option<String>,
    /// 所属河流, from the section cell's tooltip.
    pub river: Option<String>,
    /// 断面名称.
    pub section: String,
    /// 监测时间; `None` when the station is offline (`null` time).
    pub time: Option<Hour>,
    /// 水质类别 as the feed states it, if any.
    pub reported_class: Option<WaterClass>,
    /// Measured values in canonical units ([`Indicator::unit`]), in column order; a value below
    /// the detection limit is here as half the limit (see `not_detected`).
    pub values: Vec<(Indicator, f64)>,
    /// Indicators reported below the detection limit, with the limit (`0.0` when none given).
    pub not_detected: Vec<(Indicator, f64)>,
    /// 站点情况, as written.
    pub station_status: Option<String>,
}

impl AutoReading {
    /// Whether the station is offline (no time).
    pub fn is_offline(&self) -> bool {
        self.time.is_none()
    }

    /// The partial single-factor class from this station's indicators, marked
    /// [`Basis::Automatic`] so it is always shown as 自动监测(参考).
    pub fn assess(&self, body: WaterBody) -> SectionAssessment {
        let values: Vec<Value> = self
            .values
            .iter()
            .map(|&(indicator, value)| Value {
                indicator,
                value,
                not_detected: self
                    .not_detected
                    .iter()
                    .find(|(i, _)| *i == indicator)
                    .map(|(_, l)| *l),
            })
            .collect();
        SectionAssessment::from_values(&values, body, Basis::Automatic)
    }
}

/// A parsed feed.
#[derive(Debug, Clone, PartialEq)]
pub struct AutoFeed {
    /// The rows.
    pub readings: Vec<AutoReading>,
    /// Each indicator column's unit as the thead wrote it (empty when it gave none).
    pub units: Vec<(Indicator, String)>,
    /// Cells or rows that could not be read and were skipped (see [`crate::SkippedInFile`]).
    pub skipped: Vec<crate::FeedError>,
}

/// Parses a response fetched at `fetched` (Beijing time), which dates the year-less times.
pub fn parse_cnemc(text: &str, fetched: Hour) -> Result<AutoFeed, FeedError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let top = Top
        .deserialize(&mut de)
        .map_err(|e| FeedError::from_json(&e))?;
    de.end().map_err(|e| FeedError::from_json(&e))?;
    let (cells, thead) = top
        .header
        .ok_or_else(|| end_error(text, "missing \"thead\""))?;
    let mut at = Locator::new(text);
    let header = header(&cells).map_err(|m| at.error_at(thead, m))?;
    let rows = top
        .rows
        .ok_or_else(|| end_error(text, "missing \"tbody\""))?;
    let mut feed = AutoFeed {
        readings: Vec::new(),
        units: Vec::new(),
        skipped: Vec::new(),
    };
    for (i, raw) in rows.iter().enumerate() {
        if let Some(r) = read_row(&mut at, &header, raw.get(), fetched, i, &mut feed.skipped) {
            feed.readings.push(r);
        }
    }
    if feed.readings.is_empty() {
        if let (Some(first), Some(raw)) = (feed.skipped.first(), rows.first()) {
            let msg = format!("no usable row; the first: {}", first.message);
            return Err(Locator::new(text).error_at(raw.get(), msg));
        }
    }
    feed.units = header.units;
    Ok(feed)
}

/// Reads row `row` (its raw text `part`, a slice of `text`). A cell that cannot be read is
/// skipped and named; a row without a readable section, time or the right cell count is
/// skipped whole (`None`) and named.
fn read_row(
    at: &mut Locator<'_>,
    h: &Header,
    part: &str,
    fetched: Hour,
    row: usize,
    skipped: &mut Vec<FeedError>,
) -> Option<AutoReading> {
    let cells: Vec<&RawValue> = match serde_json::from_str(part) {
        Ok(c) => c,
        Err(e) => {
            let mut e = at.relocate(part, &e);
            e.message = format!("tbody[{row}]: {}", e.message);
            skipped.push(e);
            return None;
        }
    };
    if cells.len() != h.cols.len() {
        let msg = format!(
            "tbody[{row}]: {} cells, thead has {}",
            cells.len(),
            h.cols.len()
        );
        skipped.push(at.error_at(part, msg));
        return None;
    }
    let mut r = empty_reading();
    for ((col, name), raw) in h.cols.iter().zip(&h.names).zip(cells) {
        let cell_text = raw.get();
        let cell = match serde_json::from_str::<Cell>(cell_text) {
            Ok(c) => c,
            Err(e) => {
                let mut e = at.relocate(cell_text, &e);
                e.message = format!("tbody[{row}], column \"{name}\": {}", e.message);
                skipped.push(e);
                if col.is_value() {
                    continue;
                }
                return None;
            }
        };
        match apply_cell(&mut r, *col, name, cell, fetched, row) {
            Ok(()) => {}
            Err(CellError::Cell(m)) => skipped.push(at.error_at(cell_text, m)),
            Err(CellError::Row(m)) => {
                skipped.push(at.error_at(cell_text, m));
                return None;
            }
        }
    }
    if r.section.is_empty() {
        skipped.push(at.error_at(part, format!("tbody[{row}]: no section name")));
        return None;
    }
    Some(r)
}

/// An error positioned at the end of the input (1-based line and character column).
fn end_error(text: &str, message: impl Into<String>) -> FeedError {
    let line = text.split('\n').count();
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    FeedError::at(line, column, message)
}

/// The top object, its header cells and rows still raw (either may come first).
struct TopValue<'de> {
    header: Option<(Vec<String>, &'de str)>,
    rows: Option<Vec<&'de RawValue>>,
}

struct Top;

impl<'de> DeserializeSeed<'de> for Top {
    type Value = TopValue<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<TopValue<'de>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top {
    type Value = TopValue<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with thead and tbody")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopValue<'de>, A::Error> {
        let mut top = TopValue {
            header: None,
            rows: None,
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "thead" if top.header.is_some() => {
                    return Err(de::Error::custom("duplicate field `thead`"))
                }
                "thead" => {
                    let raw = map.next_value::<&'de RawValue>()?;
                    let cells: Vec<String> =
                        serde_json::from_str(raw.get()).map_err(de::Error::custom)?;
                    top.header = Some((cells, raw.get()));
                }
                "tbody" if top.rows.is_some() => {
                    return Err(de::Error::custom("duplicate field `tbody`"))
                }
                "tbody" => top.rows = Some(map.next_value::<Vec<&'de RawValue>>()?),
                // Other members (paging totals, …) are not ours to judge.
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(top)
    }
}
