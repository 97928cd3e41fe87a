//! `cc-air-json`: this project's own open-data format for station air data, columnar and
//! compact (documented in `core/src/air/FORMAT.md`). Reading validates inside deserialisation
//! so that every error carries serde_json's line and column.

use crate::air::dataset::{AirDataset, DailyRow, HourlyRow, Station};
use crate::air::pollutant::Species;
use crate::json_items::{parse_each_raw, place_bad_values, BadValue, Cell, Locator};
use crate::time::{Date, Hour};
use crate::FeedError;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fmt::Write;

/// The value of `"format"`.
pub const FORMAT: &str = "cc-air-json";
/// The supported `"version"`.
pub const VERSION: u32 = 1;
/// Longest series accepted (11 years of hours).
const MAX_LEN: usize = 100_000;

/// The document; its stations and series are read one by one (see [`parse_cc_air_json`]).
#[derive(Deserialize)]
struct Doc<'a> {
    // Validated while parsing; nothing to keep.
    #[allow(dead_code)]
    format: Tag,
    #[allow(dead_code)]
    version: Version,
    sample: bool,
    source: String,
    #[allow(dead_code)]
    generated_at: Stamp,
    #[allow(dead_code)]
    units: Units,
    #[serde(borrow)]
    stations: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    hourly: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    daily: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(try_from = "String")]
struct Tag;
impl TryFrom<String> for Tag {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        (s == FORMAT)
            .then_some(Tag)
            .ok_or_else(|| format!("expected format \"{FORMAT}\", found \"{s}\""))
    }
}

#[derive(Deserialize)]
#[serde(try_from = "u32")]
struct Version;
impl TryFrom<u32> for Version {
    type Error = String;
    fn try_from(v: u32) -> Result<Self, String> {
        (v == VERSION)
            .then_some(Version)
            .ok_or_else(|| format!("unsupported version {v}, expected {VERSION}"))
    }
}

/// A string field read by `$parse` into `$name($ty)`, refused as "expected $what, found "…"".
macro_rules! parsed_string {
    ($name:ident($ty:ty) = $parse:path, $what:literal) => {
        #[derive(Deserialize)]
        #[serde(try_from = "String")]
        struct $name($ty);
        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                $parse(&s)
                    .map($name)
                    .ok_or_else(|| format!(concat!("expected ", $what, ", found \"{}\""), s))
            }
        }
    };
}
parsed_string!(Stamp(Hour) = Hour::parse, "an hour like 2021-01-01T01:00");
parsed_string!(Day(Date) = Date::parse, "a date like 2021-01-01");

#[derive(Deserialize)]
#[serde(try_from = "RawUnits")]
struct Units;
#[derive(Deserialize)]
struct RawUnits {
    pm25: String,
    pm10: String,
    so2: String,
    no2: String,
    co: String,
    o3: String,
}
impl TryFrom<RawUnits> for Units {
    type Error = String;
    fn try_from(u: RawUnits) -> Result<Self, String> {
        for (s, got) in [
            (Species::Pm25, &u.pm25),
            (Species::Pm10, &u.pm10),
            (Species::So2, &u.so2),
            (Species::No2, &u.no2),
            (Species::Co, &u.co),
            (Species::O3, &u.o3),
        ] {
            if got != s.unit() {
                return Err(format!(
                    "unit of {} must be \"{}\", found \"{got}\"",
                    s.as_str(),
                    s.unit()
                ));
            }
        }
        Ok(Units)
    }
}

#[derive(Deserialize)]
struct JsonStation {
    code: String,
    name: String,
    lon: Option<f64>,
    lat: Option<f64>,
    reference: bool,
}

type Column = Vec<Cell>;

#[derive(Deserialize)]
#[serde(try_from = "RawHourly")]
struct HourlySeries {
    station: String,
    start: Hour,
    values: [Column; 6],
}
#[derive(Deserialize)]
struct RawHourly {
    station: String,
    start: Stamp,
    pm25: Column,
    pm10: Column,
    so2: Column,
    no2: Column,
    co: Column,
    o3: Column,
}

fn check_columns(cols: &[(&str, &Column)]) -> Result<(), String> {
    let n = cols.first().map_or(0, |c| c.1.len());
    if n > MAX_LEN {
        return Err(format!("series longer than {MAX_LEN} values"));
    }
    for (name, c) in cols {
        if c.len() != n {
            return Err(format!(
                "array \"{name}\" has {} values, expected {n}",
                c.len()
            ));
        }
    }
    Ok(())
}

/// The value at `i` of a column; a bad cell is read as missing and recorded in `bad` (the
/// series' text and the column's name place it later).
fn take<'t>(
    col: &[Cell],
    i: usize,
    key: &'static str,
    series: &'t str,
    bad: &mut Vec<BadValue<'t>>,
) -> Option<f64> {
    match col.get(i)? {
        Cell::Value(v) => Some(*v),
        Cell::Missing => None,
        Cell::Bad(why) => {
            bad.push(BadValue {
                object: series,
                key,
                index: i,
                why: why.clone(),
            });
            None
        }
    }
}

impl TryFrom<RawHourly> for HourlySeries {
    type Error = String;
    fn try_from(r: RawHourly) -> Result<Self, String> {
        check_columns(&[
            ("pm25", &r.pm25),
            ("pm10", &r.pm10),
            ("so2", &r.so2),
            ("no2", &r.no2),
            ("co", &r.co),
            ("o3", &r.o3),
        ])?;
        Ok(HourlySeries {
            station: r.station,
            start: r.start.0,
            values: [r.pm25, r.pm10, r.so2, r.no2, r.co, r.o3],
        })
    }
}

#[derive(Deserialize)]
#[serde(try_from = "RawDaily")]
struct DailySeries {
    station: String,
    start: Date,
    means: [Column; 5],
    o3_1h_max: Column,
    o3_8h_max: Column,
}
#[derive(Deserialize)]
struct RawDaily {
    station: String,
    start: Day,
    pm25: Column,
    pm10: Column,
    so2: Column,
    no2: Column,
    co: Column,
    o3_1h_max: Column,
    o3_8h_max: Column,
}
impl TryFrom<RawDaily> for DailySeries {
    type Error = String;
    fn try_from(r: RawDaily) -> Result<Self, String> {
        check_columns(&[
            ("pm25", &r.pm25),
            ("pm10", &r.pm10),
            ("so2", &r.so2),
            ("no2", &r.no2),
            ("co", &r.co),
            ("o3_1h_max", &r.o3_1h_max),
            ("o3_8h_max", &r.o3_8h_max),
        ])?;
        Ok(DailySeries {
            station: r.station,
            start: r.start.0,
            means: [r.pm25, r.pm10, r.so2, r.no2, r.co],
            o3_1h_max: r.o3_1h_max,
            o3_8h_max: r.o3_8h_max,
        })
    }
}

const HOURLY_NAMES: [&str; 6] = ["pm25", "pm10", "so2", "no2", "co", "o3"];
const DAILY_NAMES: [&str; 5] = ["pm25", "pm10", "so2", "no2", "co"];

/// Parses a cc-air-json document. Series of stations missing from `stations` are kept with
/// name = code. The header (format, version, units…) must be right; after it, a bad station
/// entry or series costs that entry and a bad value costs that value (see
/// [`AirDataset::skipped`]), unless nothing at all can be read.
pub fn parse_cc_air_json(text: &str) -> Result<AirDataset, FeedError> {
    let doc: Doc = serde_json::from_str(text).map_err(|e| FeedError::from_json(&e))?;
    let mut skipped = Vec::new();
    let mut ds = AirDataset {
        sample: doc.sample,
        source: doc.source,
        ..Default::default()
    };
    let mut at = Locator::new(text);
    for (raw, s) in doc
        .stations
        .iter()
        .zip(parse_stations(text, &doc.stations, &mut skipped))
    {
        let Some(s) = s else { continue };
        if ds.stations.iter().any(|o| o.code == s.code) {
            let (line, column) = at.start_of(raw.get());
            skipped.push(FeedError::at(
                line,
                column,
                format!("station \"{}\" listed twice", s.code),
            ));
            continue;
        }
        ds.stations.push(Station {
            code: s.code,
            name: s.name,
            lon: s.lon,
            lat: s.lat,
            is_reference: s.reference,
        });
    }
    let series_count = doc.hourly.len() + doc.daily.len();
    let hourly: Vec<(_, HourlySeries)> = parse_each_raw(text, &doc.hourly, &mut skipped);
    let daily: Vec<(_, DailySeries)> = parse_each_raw(text, &doc.daily, &mut skipped);
    let mut bad = Vec::new();
    if series_count > 0 && hourly.is_empty() && daily.is_empty() {
        if let Some(first) = skipped.first() {
            return Err(FeedError::no_usable_row(first, skipped.len()));
        }
    }
    for (at, series) in hourly {
        let Some(st) = ds.station_index(&series.station) else {
            skipped.push(FeedError::whole("too many stations"));
            continue;
        };
        let n = series.values.first().map_or(0, Vec::len);
        ds.rows.reserve(n);
        for i in 0..n {
            let mut c = [None; 6];
            for ((slot, col), name) in c.iter_mut().zip(&series.values).zip(HOURLY_NAMES) {
                *slot = take(col, i, name, at, &mut bad);
            }
            if c.iter().any(Option::is_some) {
                ds.rows.push(HourlyRow {
                    station: st,
                    hour: Hour(series.start.0 + i as i64),
                    c,
                    published: None,
                });
            }
        }
    }
    for (at, series) in daily {
        let Some(st) = ds.station_index(&series.station) else {
            skipped.push(FeedError::whole("too many stations"));
            continue;
        };
        let sk = &mut bad;
        for i in 0..series.o3_1h_max.len() {
            let mut mean = [None; 6];
            for ((m, col), name) in mean.iter_mut().zip(&series.means).zip(DAILY_NAMES) {
                *m = take(col, i, name, at, sk);
            }
            ds.daily.push(DailyRow {
                station: st,
                date: series.start.add_days(i as i64),
                mean,
                o3_max_1h: take(&series.o3_1h_max, i, "o3_1h_max", at, sk),
                o3_max_8h: take(&series.o3_8h_max, i, "o3_8h_max", at, sk),
            });
        }
    }
    skipped.extend(place_bad_values(text, bad));
    ds.skipped = skipped;
    Ok(ds)
}

/// The station entries, each read on its own (`None` for one that could not be read).
fn parse_stations(
    text: &str,
    raw: &[&RawValue],
    skipped: &mut Vec<FeedError>,
) -> Vec<Option<JsonStation>> {
    let mut at = Locator::new(text);
    raw.iter()
        .map(|r| match serde_json::from_str::<JsonStation>(r.get()) {
            Ok(s) => Some(s),
            Err(e) => {
                skipped.push(at.relocate(r.get(), &e));
                None
            }
        })
        .collect()
}

/// Header fields written besides the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CcJsonMeta {
    /// `generated_at`, an hour stamp (kept fixed by the sample generator for byte-identical runs).
    pub generated_at: Hour,
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

fn push_number(out: &mut String, v: Option<f64>) {
    match v {
        // Display gives the shortest round-tripping form: 35 for 35.0, 0.6 for 0.6.
        Some(v) if v.is_finite() => {
            let _ = write!(out, "{v}");
        }
        _ => out.push_str("null"),
    }
}

fn push_column(out: &mut String, values: impl Iterator<Item = Option<f64>>) {
    out.push('[');
    for (i, v) in values.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_number(out, v);
    }
    out.push(']');
}

/// Writes the hourly rows of `ds` (daily rows are not written) as cc-air-json: one series per station from its
/// first to its last row, `null` where a value is missing. Deterministic for a given input.
pub fn write_cc_air_json(ds: &AirDataset, meta: &CcJsonMeta) -> String {
    let mut out = String::with_capacity(ds.rows.len() * 24 + 1024);
    let _ = write!(
        out,
        "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"sample\":{},\"source\":{},\"generated_at\":\"{}+08:00\",\n\"units\":{{",
        ds.sample,
        json_str(&ds.source),
        meta.generated_at.to_param()
    );
    let units: Vec<String> = Species::ALL
        .iter()
        .map(|s| format!("\"{}\":\"{}\"", s.as_str(), s.unit()))
        .collect();
    out.push_str(&units.join(","));
    out.push_str("},\n\"stations\":[");
    for (i, s) in ds.stations.iter().enumerate() {
        out.push_str(if i > 0 { ",\n" } else { "\n" });
        let _ = write!(
            out,
            "{{\"code\":{},\"name\":{},",
            json_str(&s.code),
            json_str(&s.name)
        );
        out.push_str("\"lon\":");
        push_number(&mut out, s.lon);
        out.push_str(",\"lat\":");
        push_number(&mut out, s.lat);
        let _ = write!(out, ",\"reference\":{}}}", s.is_reference);
    }
    out.push_str("\n],\n\"hourly\":[");
    let mut first = true;
    for (k, _) in ds.stations.iter().enumerate() {
        let rows: Vec<&HourlyRow> = ds
            .rows
            .iter()
            .filter(|r| usize::from(r.station) == k)
            .collect();
        let (Some(a), Some(b)) = (
            rows.iter().map(|r| r.hour.0).min(),
            rows.iter().map(|r| r.hour.0).max(),
        ) else {
            continue;
        };
        let len = usize::try_from(b - a + 1).unwrap_or(0);
        let mut grid = vec![[None; 6]; len];
        for r in &rows {
            if let Some(g) = grid.get_mut(usize::try_from(r.hour.0 - a).unwrap_or(usize::MAX)) {
                *g = r.c;
            }
        }
        out.push_str(if first { "\n" } else { ",\n" });
        first = false;
        let code = ds.stations.get(k).map(|s| s.code.as_str()).unwrap_or("");
        let _ = write!(
            out,
            "{{\"station\":{},\"start\":\"{}\"",
            json_str(code),
            Hour(a).to_param()
        );
        for s in Species::ALL {
            let _ = write!(out, ",\n \"{}\":", s.as_str());
            push_column(
                &mut out,
                grid.iter().map(|g| g.get(s.index()).copied().flatten()),
            );
        }
        out.push('}');
    }
    out.push_str("\n]}\n");
    out
}

#[cfg(test)]
#[path = "cc_json_tests.rs"]
mod tests;
