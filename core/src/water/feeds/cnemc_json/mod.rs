//! The national surface-water automatic monitoring real-time JSON (国家地表水水质自动监测实时数据
//! 发布系统, `/GJZ/Ajax/Publish.ashx?action=getRealDatas`), as documented in
//! `shared/domain/data-formats.md` §3(c): `{"thead": [...], "tbody": [[...], ...]}` with HTML in
//! cells, `--` or `*` for no value, `null` time for an offline station, and `MM-DD HH:00` times
//! without a year. Units come from the thead markup. No real response was available; the
//! fixtures in `core/tests/fixtures/water/` follow the documented layout.
//!
//! Automatic stations measure only part of the GB 3838 indicators, so a class from them is a
//! reference (自动监测(参考)), never the official class: see [`AutoReading::assess`].

mod cells;

pub use cells::resolve_time;

use crate::time::Hour;
use crate::water::assess::{Basis, SectionAssessment};
use crate::water::class::WaterClass;
use crate::water::limits::{Indicator, WaterBody};
use crate::FeedError;
use cells::{apply_cell, empty_reading, finish, header, reading, Cell, Header};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
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
    /// Measured values in canonical units ([`Indicator::unit`]), in column order.
    pub values: Vec<(Indicator, f64)>,
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
        SectionAssessment::new(&self.values, body, Basis::Automatic)
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
    let top = Top { fetched }
        .deserialize(&mut de)
        .map_err(|e| FeedError::from_json(&e))?;
    de.end().map_err(|e| FeedError::from_json(&e))?;
    let header = top
        .header
        .ok_or_else(|| end_error(text, "missing \"thead\""))?;
    let readings = match top.body {
        Body::Parsed(r) => r,
        Body::Missing => return Err(end_error(text, "missing \"tbody\"")),
        // tbody came before thead: rows could only be checked now, at the end of the input.
        Body::Pending(rows) => rows
            .into_iter()
            .enumerate()
            .map(|(i, cells)| reading(&header, cells, fetched, i))
            .collect::<Result<_, _>>()
            .map_err(|e| end_error(text, e))?,
    };
    Ok(AutoFeed {
        readings,
        units: header.units,
        skipped: Vec::new(),
    })
}

/// An error positioned at the end of the input (1-based line and character column).
fn end_error(text: &str, message: impl Into<String>) -> FeedError {
    let line = text.split('\n').count();
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    FeedError::at(line, column, message)
}

enum Body {
    Missing,
    Parsed(Vec<AutoReading>),
    Pending(Vec<Vec<Cell>>),
}

struct TopValue {
    header: Option<Header>,
    body: Body,
}

struct Top {
    fetched: Hour,
}

impl<'de> DeserializeSeed<'de> for Top {
    type Value = TopValue;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<TopValue, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top {
    type Value = TopValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with thead and tbody")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopValue, A::Error> {
        let mut top = TopValue {
            header: None,
            body: Body::Missing,
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "thead" if top.header.is_some() => {
                    return Err(de::Error::custom("duplicate field `thead`"))
                }
                "thead" => {
                    let cells = map.next_value::<Vec<String>>()?;
                    top.header = Some(header(&cells).map_err(de::Error::custom)?);
                }
                "tbody" if !matches!(top.body, Body::Missing) => {
                    return Err(de::Error::custom("duplicate field `tbody`"))
                }
                "tbody" => {
                    top.body = match &top.header {
                        Some(h) => Body::Parsed(map.next_value_seed(Rows {
                            header: h,
                            fetched: self.fetched,
                        })?),
                        None => Body::Pending(map.next_value::<Vec<Vec<Cell>>>()?),
                    }
                }
                // Other members (paging totals, …) are not ours to judge.
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(top)
    }
}

struct Rows<'a> {
    header: &'a Header,
    fetched: Hour,
}

impl<'de> DeserializeSeed<'de> for Rows<'_> {
    type Value = Vec<AutoReading>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<AutoReading>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Rows<'_> {
    type Value = Vec<AutoReading>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of rows")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<AutoReading>, A::Error> {
        let mut out = Vec::new();
        while let Some(r) = seq.next_element_seed(RowSeed {
            header: self.header,
            fetched: self.fetched,
            row: out.len(),
        })? {
            out.push(r);
        }
        Ok(out)
    }
}

/// One row, checked cell by cell as it is read so that an error points at the cell.
struct RowSeed<'a> {
    header: &'a Header,
    fetched: Hour,
    row: usize,
}

impl<'de> DeserializeSeed<'de> for RowSeed<'_> {
    type Value = AutoReading;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<AutoReading, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for RowSeed<'_> {
    type Value = AutoReading;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a row of cells")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AutoReading, A::Error> {
        let (h, row) = (self.header, self.row);
        let mut r = empty_reading();
        let count_error = |n: usize| {
            de::Error::custom(format!(
                "tbody[{row}]: {n} cells, thead has {}",
                h.cols.len()
            ))
        };
        for (n, (col, name)) in h.cols.iter().zip(&h.names).enumerate() {
            let cell = seq.next_element::<Cell>()?.ok_or_else(|| count_error(n))?;
            apply_cell(&mut r, *col, name, cell, self.fetched, row).map_err(de::Error::custom)?;
        }
        let mut n = h.cols.len();
        while seq.next_element::<IgnoredAny>()?.is_some() {
            n += 1;
        }
        if n != h.cols.len() {
            return Err(count_error(n));
        }
        finish(r, row).map_err(de::Error::custom)
    }
}
