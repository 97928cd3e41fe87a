//! `cc-air-json`: this project's own open-data format for station air data, columnar and
//! compact (documented in `core/src/air/FORMAT.md`). Objects are read member by member
//! ([`crate::json_obj`]) so that every error carries a line and column.

use crate::air::dataset::{AirDataset, DailyRow, HourlyRow, Station};
use crate::air::pollutant::Species;
use crate::json_items::{place_bad_values, BadValue, Cell, Locator};
use crate::json_obj::{Object, Problem};
use crate::time::{Date, Hour};
use crate::FeedError;
use std::fmt::Write;

/// The value of `"format"`.
pub const FORMAT: &str = "cc-air-json";
/// The supported `"version"`.
pub const VERSION: u32 = 1;
/// Longest series accepted (11 years of hours).
const MAX_LEN: usize = 100_000;

/// The header's checks; its values (but `sample` and `source`) are not kept.
fn read_header<'t>(doc: &Object<'t>) -> Result<(bool, String), Problem<'t>> {
    doc.checked("format", |s| {
        (s == FORMAT)
            .then_some(())
            .ok_or_else(|| format!("expected format \"{FORMAT}\", found \"{s}\""))
    })?;
    let version = doc.whole("version")?;
    if version != u64::from(VERSION) {
        return Err(Problem {
            at: doc.required("version")?,
            message: format!("unsupported version {version}, expected {VERSION}"),
        });
    }
    let sample = doc.bool("sample")?;
    let source = doc.string("source")?;
    doc.checked("generated_at", |s| {
        parsed(s, Hour::parse, "an hour like 2021-01-01T01:00")
    })?;
    let units = Object::at(doc.required("units")?)?;
    for s in Species::ALL {
        let got = units.string(s.as_str())?;
        if got != s.unit() {
            return Err(units.problem(format!(
                "unit of {} must be \"{}\", found \"{got}\"",
                s.as_str(),
                s.unit()
            )));
        }
    }
    Ok((sample, source))
}

/// `parse(s)`, refused as "expected `what`, found "…"".
fn parsed<T>(s: &str, parse: fn(&str) -> Option<T>, what: &str) -> Result<T, String> {
    parse(s).ok_or_else(|| format!("expected {what}, found \"{s}\""))
}

fn read_station(raw: &str) -> Result<Station, Problem<'_>> {
    let o = Object::at(raw)?;
    Ok(Station {
        code: o.string("code")?,
        name: o.string("name")?,
        lon: o.optional_number("lon")?,
        lat: o.optional_number("lat")?,
        is_reference: o.bool("reference")?,
    })
}

type Column = Vec<Cell>;

/// The named columns of a series, all of one length.
fn read_columns<'t, const N: usize>(
    o: &Object<'t>,
    names: [&str; N],
) -> Result<[Column; N], Problem<'t>> {
    let mut cols: [Column; N] = std::array::from_fn(|_| Vec::new());
    for (col, name) in cols.iter_mut().zip(names) {
        let raw = o.required(name)?;
        *col = column(raw)?;
    }
    let n = cols.first().map_or(0, Vec::len);
    if n > MAX_LEN {
        return Err(o.problem(format!("series longer than {MAX_LEN} values")));
    }
    for (c, name) in cols.iter().zip(names) {
        if c.len() != n {
            return Err(o.problem(format!(
                "array \"{name}\" has {} values, expected {n}",
                c.len()
            )));
        }
    }
    Ok(cols)
}

/// A column: an array of cells, each a number, `null` or a bad value named later.
fn column(raw: &str) -> Result<Column, Problem<'_>> {
    let mut cells = Vec::new();
    crate::json::each_value_of_checked(raw, |v, written| cells.push(Cell::from_value(&v, written)))
        .map_err(|e| Problem {
            at: raw,
            message: e.message,
        })?;
    Ok(cells)
}

struct HourlySeries {
    station: String,
    start: Hour,
    values: [Column; 6],
}

fn read_hourly(raw: &str) -> Result<HourlySeries, Problem<'_>> {
    let o = Object::at(raw)?;
    Ok(HourlySeries {
        station: o.string("station")?,
        start: o.checked("start", |s| {
            parsed(s, Hour::parse, "an hour like 2021-01-01T01:00")
        })?,
        values: read_columns(&o, HOURLY_NAMES)?,
    })
}

struct DailySeries {
    station: String,
    start: Date,
    means: [Column; 5],
    o3_1h_max: Column,
    o3_8h_max: Column,
}

fn read_daily(raw: &str) -> Result<DailySeries, Problem<'_>> {
    let o = Object::at(raw)?;
    let station = o.string("station")?;
    let start = o.checked("start", |s| {
        parsed(s, Date::parse, "a date like 2021-01-01")
    })?;
    let [pm25, pm10, so2, no2, co, o3_1h_max, o3_8h_max] = read_columns(
        &o,
        ["pm25", "pm10", "so2", "no2", "co", "o3_1h_max", "o3_8h_max"],
    )?;
    Ok(DailySeries {
        station,
        start,
        means: [pm25, pm10, so2, no2, co],
        o3_1h_max,
        o3_8h_max,
    })
}

/// Reads each element with `read`; one that fails is left out and its error goes to `skipped`.
fn read_each<'t, T>(
    at: &mut Locator<'_>,
    items: &[&'t str],
    read: fn(&'t str) -> Result<T, Problem<'t>>,
    skipped: &mut Vec<FeedError>,
) -> Vec<(&'t str, T)> {
    let mut out = Vec::with_capacity(items.len());
    for &raw in items {
        match read(raw) {
            Ok(item) => out.push((raw, item)),
            Err(p) => skipped.push(p.place(at)),
        }
    }
    out
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

const HOURLY_NAMES: [&str; 6] = ["pm25", "pm10", "so2", "no2", "co", "o3"];
const DAILY_NAMES: [&str; 5] = ["pm25", "pm10", "so2", "no2", "co"];

/// Parses a cc-air-json document. Series of stations missing from `stations` are kept with
/// name = code. The header (format, version, units…) must be right; after it, a bad station
/// entry or series costs that entry and a bad value costs that value (see
/// [`AirDataset::skipped`]), unless nothing at all can be read.
pub fn parse_cc_air_json(text: &str) -> Result<AirDataset, FeedError> {
    let mut at = Locator::new(text);
    let doc = Object::parse(text)?;
    let read = || -> Result<_, Problem<'_>> {
        let (sample, source) = read_header(&doc)?;
        Ok((
            sample,
            source,
            doc.array("stations", false)?,
            doc.array("hourly", true)?,
            doc.array("daily", true)?,
        ))
    };
    let (sample, source, stations, hourly, daily) = read().map_err(|p| p.place(&mut at))?;
    let mut skipped = Vec::new();
    let mut ds = AirDataset {
        sample,
        source,
        ..Default::default()
    };
    for (raw, s) in read_each(&mut at, &stations, read_station, &mut skipped) {
        if ds.stations.iter().any(|o| o.code == s.code) {
            let (line, column) = at.start_of(raw);
            skipped.push(FeedError::at(
                line,
                column,
                format!("station \"{}\" listed twice", s.code),
            ));
            continue;
        }
        ds.stations.push(s);
    }
    let series_count = hourly.len() + daily.len();
    let hourly = read_each(&mut at, &hourly, read_hourly, &mut skipped);
    let daily = read_each(&mut at, &daily, read_daily, &mut skipped);
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

/// Header fields written besides the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CcJsonMeta {
    /// `generated_at`, an hour stamp (kept fixed by the sample generator for byte-identical runs).
    pub generated_at: Hour,
}

fn json_str(s: &str) -> String {
    crate::json::quote(s)
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
