//! `cnemc-hourly-csv`: CNEMC's real-time hourly station publication as archived in
//! `HeQinWill/CNEMC` (`Archive/YYYY-MM-DD/YYYY-MM-DDTHH.csv`; that repository's README quotes
//! CNEMC's notes on the columns and hours).
//!
//! The O3 column names do not say what the columns hold; [`COLUMNS`] maps them by what the
//! data shows (checked on 477 real rows), and is the only place that knows.

use super::csv_reader::{
    number, plain_decimal, trim_cell, Cell, CsvReader, Field, PlainCell, PlainSplit,
};
use crate::air::dataset::{code_is_reference, AirDataset, HourlyRow, Published, Station};
use crate::air::pollutant::{PollutantSet, Species};
use crate::time::Hour;
use crate::FeedError;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    Time,
    Code,
    Lon,
    Lat,
    Name,
    Primary,
    Aqi,
    OneHour(Species),
    Mean24(Species),
    O3Running8h,
    O3Max1h,
    O3Max8h,
}

/// Header name → meaning. Unlisted headers (e.g. `area`) are ignored.
const COLUMNS: [(&str, Target); 21] = [
    ("timepoint", Target::Time),
    ("stationcode", Target::Code),
    ("longitude", Target::Lon),
    ("latitude", Target::Lat),
    ("positionname", Target::Name),
    ("primarypollutant", Target::Primary),
    ("aqi", Target::Aqi),
    ("pm10", Target::OneHour(Species::Pm10)),
    ("pm10_24h", Target::Mean24(Species::Pm10)),
    ("pm2_5", Target::OneHour(Species::Pm25)),
    ("pm2_5_24h", Target::Mean24(Species::Pm25)),
    // Despite its name, `o3_24h` is the 1-h O3 value: it reproduces the published AQI (469/469).
    ("o3_24h", Target::OneHour(Species::O3)),
    // `o3` is the 24-h sliding maximum of the 1-h O3 (246/246).
    ("o3", Target::O3Max1h),
    // `o3_8h_24h` is the running 8-h mean restarting at 01:00 (460/460).
    ("o3_8h_24h", Target::O3Running8h),
    // `o3_8h` is the day's maximum 8-h mean so far; at 00:00 the day's MDA8 (19/19).
    ("o3_8h", Target::O3Max8h),
    ("no2", Target::OneHour(Species::No2)),
    ("no2_24h", Target::Mean24(Species::No2)),
    ("so2", Target::OneHour(Species::So2)),
    ("so2_24h", Target::Mean24(Species::So2)),
    ("co", Target::OneHour(Species::Co)),
    ("co_24h", Target::Mean24(Species::Co)),
];

/// A value cell's number (`None`: empty or a missing-value marker); a bad one is recorded in
/// `skipped` and left empty. Inlined: it runs for every cell of a year's file.
#[inline(always)]
fn number_or_skip(f: &Cell<'_>, header: &str, skipped: &mut Vec<FeedError>) -> Option<f64> {
    match plain_decimal(f.text.as_bytes()) {
        Some(v) => Some(v),
        None if f.text.is_empty() => None,
        None => value(f, header).unwrap_or_else(|e| {
            skipped.push(e);
            None
        }),
    }
}

/// A cell's value (`None`: empty or a missing-value marker); an error names the column.
fn value(f: &Cell<'_>, header: &str) -> Result<Option<f64>, FeedError> {
    match number(f.text) {
        Ok(Some(v)) if v < 0.0 => Err(FeedError::at(
            f.line,
            f.column(),
            format!("negative value in column \"{header}\": \"{}\"", f.text),
        )),
        Ok(v) => Ok(v),
        Err(_) => Err(FeedError::at(
            f.line,
            f.column(),
            format!(
                "expected a number in column \"{header}\", found \"{}\"",
                f.text
            ),
        )),
    }
}

/// Parses a CNEMC hourly CSV (one or many hours, any stations). Rows keep file order; use
/// [`crate::air::merge`] to sort and to detect duplicates.
pub fn parse_cnemc_hourly_csv(text: &str) -> Result<AirDataset, FeedError> {
    let mut reader = CsvReader::new(text);
    let mut fields: Vec<Field<'_>> = Vec::with_capacity(24);
    let header_line = reader
        .next_record(&mut fields)?
        .ok_or_else(|| FeedError::whole("empty file: no header line"))?;
    let map = header_map(&fields, header_line)?;
    let width = map.len();
    let mut ds = AirDataset {
        source: "CNEMC".to_string(),
        ..Default::default()
    };
    let mut stations = StationIndex::default();
    let mut last_stamp = (String::new(), Hour(0));
    let mut skipped = Vec::new();
    loop {
        let mark = skipped.len();
        let mut parts = RowParts::default();
        let plain = reader.plain_split().and_then(|mut split| {
            let read = parts.read_plain(&mut split, &map, &mut last_stamp, &mut skipped);
            reader
                .pass(&split)
                .then(|| (split.line(), split.len_read(), read))
        });
        let added = if let Some((line, len, read)) = plain {
            if ds.rows.capacity() == 0 && read.is_ok() {
                // One allocation sized by the first usable line instead of doubling copies of
                // megabytes of rows (a year is 87,600 rows). Only a line with every column
                // counts: a short broken first line would reserve rows by the million.
                ds.rows.reserve(text.len() / len.unwrap_or(1).max(1) + 1);
            }
            read.and_then(|(hour, code)| add_row(&mut ds, &mut stations, line, hour, code, &parts))
        } else {
            // Not a plain line: what its cells added is dropped, and the full reader reads it.
            skipped.truncate(mark);
            let Some(line) = reader.next_record_or_skip(&mut fields, &mut skipped) else {
                break;
            };
            if fields.len() != width {
                skipped.push(wrong_width(line, width, fields.len()));
                continue;
            }
            let mut parts = RowParts::default();
            parts
                .read(line, &fields, &map, &mut last_stamp, &mut skipped)
                .and_then(|(hour, code)| add_row(&mut ds, &mut stations, line, hour, code, &parts))
        };
        if let Err(e) = added {
            skipped.push(e);
        }
    }
    if ds.rows.is_empty() {
        if let Some(first) = skipped.first() {
            return Err(FeedError::no_usable_row(first, skipped.len()));
        }
    }
    ds.skipped = skipped;
    Ok(ds)
}

fn wrong_width(line: usize, width: usize, found: usize) -> FeedError {
    FeedError::at(line, 0, format!("expected {width} fields, found {found}"))
}

/// What each column of `header` means (`None`: ignored); an error for a repeated or a missing
/// required column.
fn header_map(
    header: &[Field<'_>],
    header_line: usize,
) -> Result<Vec<Option<(Target, &'static str)>>, FeedError> {
    let mut map: Vec<Option<(Target, &'static str)>> = Vec::with_capacity(header.len());
    for f in header {
        let name = f.text.trim().to_ascii_lowercase();
        let target = COLUMNS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(n, t)| (t, n));
        if target.is_some()
            && map
                .iter()
                .flatten()
                .any(|(t, _)| Some(*t) == target.map(|x| x.0))
        {
            return Err(FeedError::at(
                f.line,
                f.column(),
                format!("duplicate column \"{name}\""),
            ));
        }
        map.push(target);
    }
    let mut required = vec![Target::Time, Target::Code];
    required.extend(Species::ALL.map(Target::OneHour));
    for t in required {
        if !map.iter().flatten().any(|(m, _)| *m == t) {
            let name = COLUMNS
                .iter()
                .find(|(_, x)| *x == t)
                .map(|(n, _)| *n)
                .unwrap_or("?");
            return Err(FeedError::at(
                header_line,
                0,
                format!("missing column \"{name}\""),
            ));
        }
    }
    Ok(map)
}

/// What one record holds, before its station is looked up.
#[derive(Default)]
struct RowParts<'t> {
    hour: Option<Hour>,
    code: Option<Cell<'t>>,
    name: Option<&'t str>,
    /// Read only for a station seen for the first time.
    lon: Option<Cell<'t>>,
    lat: Option<Cell<'t>>,
    c: [Option<f64>; 6],
    published: Published,
}

impl<'t> RowParts<'t> {
    /// Reads a record's cells, each with the header's meaning of it. A bad value costs its
    /// cell (recorded in `skipped`, left empty); a bad time or a missing station code costs the
    /// row (the `Err`). `last_stamp` is the last time cell read and its hour: rows of one hour
    /// are consecutive, so each distinct stamp is parsed once.
    fn read(
        &mut self,
        line: usize,
        fields: &'t [Field<'_>],
        map: &[Option<(Target, &'static str)>],
        last_stamp: &mut (String, Hour),
        skipped: &mut Vec<FeedError>,
    ) -> Result<(Hour, Cell<'t>), FeedError> {
        for (f, m) in fields.iter().zip(map) {
            let Some((target, header)) = *m else { continue };
            self.take(target, header, f.cell(), last_stamp, skipped)?;
        }
        self.finish(line)
    }

    /// [`RowParts::read`] for a plain line, split as it is read: a year's file is nearly all
    /// plain lines, and this loop is what `make bench` times. A line with the wrong number of
    /// cells is an error of the row (its cells' errors are dropped, as the full reader never
    /// reads them); a line that is not plain leaves `split` unfinished, and the `Err` is not
    /// kept (the caller reads the line again).
    ///
    /// Out of line, called once a line: V8 runs a wasm function in its baseline tier until the
    /// call returns (it has no on-stack replacement for wasm), so the loop over a file's lines
    /// inlined into the parser would never be optimised (parse 67 → 45 ms in `make bench`).
    /// wasm-opt's `-ocimfs=20` (each page's `data-wasm-opt-params`) keeps it out of line too.
    #[inline(never)]
    fn read_plain(
        &mut self,
        split: &mut PlainSplit<'t>,
        map: &[Option<(Target, &'static str)>],
        last_stamp: &mut (String, Hour),
        skipped: &mut Vec<FeedError>,
    ) -> Result<(Hour, Cell<'t>), FeedError> {
        let mark = skipped.len();
        let (mut cells, mut row_error) = (0, None);
        loop {
            let (span, last) = match split.next_cell() {
                PlainCell::More(span) => (span, false),
                PlainCell::Last(span) => (span, true),
                PlainCell::NotPlain => return Err(FeedError::whole("read by the full reader")),
            };
            if let (None, Some(Some((target, header)))) = (&row_error, map.get(cells)) {
                if !self.take_plain_value(*target, split.bytes(span)) {
                    let cell = split.cell(span);
                    row_error = self.take(*target, header, cell, last_stamp, skipped).err();
                }
            }
            cells += 1;
            if last {
                break;
            }
        }
        if cells != map.len() {
            skipped.truncate(mark);
            return Err(wrong_width(split.line(), map.len(), cells));
        }
        match row_error {
            Some(e) => Err(e),
            None => self.finish(split.line()),
        }
    }

    /// The row's time and station code, or why the row cannot be used.
    fn finish(&self, line: usize) -> Result<(Hour, Cell<'t>), FeedError> {
        let (Some(hour), Some(code)) = (self.hour, self.code) else {
            return Err(FeedError::at(line, 0, "row without time or station code"));
        };
        if trim_cell(code.text).is_empty() {
            return Err(FeedError::at(
                code.line,
                code.column(),
                "empty station code",
            ));
        }
        Ok((hour, code))
    }

    /// A value cell that is empty or plain digits (nearly every value cell), read from its
    /// bytes and stored; `false` for any other cell, which [`RowParts::take`] reads, reporting
    /// what is wrong with it. Two thirds of a file's cells take this way, without a call or a
    /// [`Cell`] each.
    #[inline(always)]
    fn take_plain_value(&mut self, target: Target, bytes: &[u8]) -> bool {
        let is_value = matches!(
            target,
            Target::Aqi
                | Target::OneHour(_)
                | Target::Mean24(_)
                | Target::O3Running8h
                | Target::O3Max1h
                | Target::O3Max8h
        );
        if !is_value {
            return false;
        }
        let value = if bytes.is_empty() {
            None
        } else {
            match plain_decimal(bytes) {
                Some(v) => Some(v),
                None => return false,
            }
        };
        if target == Target::Aqi {
            match value {
                Some(v) if v.fract() != 0.0 || v > 500.0 => return false,
                v => self.published.aqi = v.map(|v| v as u16),
            }
        } else {
            self.store_number(target, value);
        }
        true
    }

    /// A value column's number, read (`None`: empty or missing), into its slot.
    #[inline(always)]
    fn store_number(&mut self, target: Target, number: Option<f64>) {
        let p = &mut self.published;
        match target {
            Target::OneHour(s) => {
                if let Some(slot) = self.c.get_mut(s.index()) {
                    *slot = number;
                }
            }
            Target::Mean24(s) => {
                if let Some(slot) = p.mean_24h.get_mut(s.index()) {
                    *slot = number.map(|v| v as f32);
                }
            }
            Target::O3Running8h => p.o3_8h = number.map(|v| v as f32),
            Target::O3Max1h => p.o3_max_1h = number.map(|v| v as f32),
            Target::O3Max8h => p.o3_max_8h = number.map(|v| v as f32),
            _ => {}
        }
    }

    fn take(
        &mut self,
        target: Target,
        header: &str,
        f: Cell<'t>,
        last_stamp: &mut (String, Hour),
        skipped: &mut Vec<FeedError>,
    ) -> Result<(), FeedError> {
        let p = &mut self.published;
        match target {
            Target::Time => {
                if last_stamp.0 != f.text {
                    let h = Hour::parse(f.text).ok_or_else(|| {
                        FeedError::at(
                            f.line,
                            f.column(),
                            format!(
                                "expected a time like 2022-01-01T00:00:00, found \"{}\"",
                                f.text
                            ),
                        )
                    })?;
                    last_stamp.0.clear();
                    last_stamp.0.push_str(f.text);
                    last_stamp.1 = h;
                }
                self.hour = Some(last_stamp.1);
            }
            Target::Code => self.code = Some(f),
            Target::Name => self.name = Some(f.text),
            Target::Lon => self.lon = Some(f),
            Target::Lat => self.lat = Some(f),
            Target::Primary => p.primary = PollutantSet::parse_cnemc(f.text),
            Target::Aqi => {
                p.aqi = aqi(&f, header)
                    .unwrap_or_else(|e| {
                        skipped.push(e);
                        None
                    })
                    .map(|v| v as u16)
            }
            Target::OneHour(_)
            | Target::Mean24(_)
            | Target::O3Running8h
            | Target::O3Max1h
            | Target::O3Max8h => {
                let number = number_or_skip(&f, header, skipped);
                self.store_number(target, number);
            }
        }
        Ok(())
    }
}

/// A published AQI cell: an integer ≤ 500, or empty.
fn aqi(f: &Cell<'_>, header: &str) -> Result<Option<f64>, FeedError> {
    match value(f, header)? {
        Some(v) if v.fract() != 0.0 || v > 500.0 => Err(FeedError::at(
            f.line,
            f.column(),
            format!("expected an integer AQI ≤ 500, found \"{}\"", f.text),
        )),
        v => Ok(v),
    }
}

/// A station's longitude or latitude; a cell that is not a number ≥ 0 is left out (the
/// station is still listed).
fn coordinate(f: Cell<'_>) -> Option<f64> {
    number(f.text).ok().flatten().filter(|v| *v >= 0.0)
}

/// Station code → index in [`AirDataset::stations`].
type StationIndex = HashMap<String, u16>;

/// Files a read row under its station (added on first sight).
fn add_row(
    ds: &mut AirDataset,
    index: &mut StationIndex,
    line: usize,
    hour: Hour,
    code: Cell<'_>,
    read: &RowParts<'_>,
) -> Result<(), FeedError> {
    let code_text = trim_cell(code.text);
    // A file lists its stations in the same order every hour: the station after the last row's
    // is nearly always this row's, found without hashing.
    let guess = ds
        .rows
        .last()
        .map_or(0, |r| usize::from(r.station) + 1)
        .checked_rem(ds.stations.len());
    let station = match guess
        .filter(|&g| ds.stations.get(g).is_some_and(|s| s.code == code_text))
        .and_then(|g| u16::try_from(g).ok())
        .or_else(|| index.get(code_text).copied())
    {
        Some(i) => i,
        None => {
            let i = u16::try_from(ds.stations.len())
                .map_err(|_| FeedError::at(line, 0, "too many stations"))?;
            let name = read
                .name
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| code_text.to_string());
            ds.stations.push(Station {
                code: code_text.to_string(),
                is_reference: code_is_reference(code_text, &name),
                name,
                lon: read.lon.and_then(coordinate),
                lat: read.lat.and_then(coordinate),
            });
            index.insert(code_text.to_string(), i);
            i
        }
    };
    ds.rows.push(HourlyRow {
        station,
        hour,
        c: read.c,
        published: (!read.published.is_empty()).then_some(read.published),
    });
    Ok(())
}

/// The header of a CNEMC hourly CSV, as the real feed writes it.
pub const CNEMC_HEADER: &str = "timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h";

/// Appends one CSV cell, quoted when it holds a comma, a quote or a line break.
fn push_cell(out: &mut String, text: &str) {
    if text.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn push_num<T: std::fmt::Display>(out: &mut String, v: Option<T>) {
    use std::fmt::Write;
    out.push(',');
    if let Some(v) = v {
        let _ = write!(out, "{v}");
    }
}

/// Writes `ds` in the CNEMC hourly CSV layout of [`parse_cnemc_hourly_csv`] (CRLF lines, stamps
/// `YYYY-MM-DDTHH:00:00`, `area` = `area` on every row), in row order. The 1-h values go to the
/// columns the parser reads them from (the 1-h O3 into `o3_24h`, see [`COLUMNS`]); what a row
/// has in [`Published`] fills the other columns, which stay empty otherwise. Daily rows are not
/// part of this format and are left out.
pub fn write_cnemc_hourly_csv(ds: &AirDataset, area: &str) -> String {
    let mut out = String::with_capacity(ds.rows.len() * 140 + 256);
    out.push_str(CNEMC_HEADER);
    out.push_str("\r\n");
    for r in &ds.rows {
        let Some(s) = ds.station(r.station) else {
            continue;
        };
        let p = r.published.unwrap_or_default();
        let c = |sp: Species| r.get(sp);
        let m = |sp: Species| p.mean_24h.get(sp.index()).copied().flatten();
        out.push_str(&r.hour.to_param());
        out.push_str(":00,");
        push_cell(&mut out, &s.code);
        push_num(&mut out, s.lon);
        push_num(&mut out, s.lat);
        out.push(',');
        push_cell(&mut out, area);
        out.push(',');
        push_cell(&mut out, &s.name);
        out.push(',');
        if let Some(set) = p.primary {
            push_cell(&mut out, &set.text(crate::i18n::Lang::Zh));
        }
        push_num(&mut out, p.aqi);
        push_num(&mut out, c(Species::Pm10));
        push_num(&mut out, m(Species::Pm10));
        push_num(&mut out, c(Species::Pm25));
        push_num(&mut out, m(Species::Pm25));
        push_num(&mut out, p.o3_max_1h);
        push_num(&mut out, c(Species::O3));
        push_num(&mut out, p.o3_max_8h);
        push_num(&mut out, p.o3_8h);
        push_num(&mut out, c(Species::No2));
        push_num(&mut out, m(Species::No2));
        push_num(&mut out, c(Species::So2));
        push_num(&mut out, m(Species::So2));
        push_num(&mut out, c(Species::Co));
        push_num(&mut out, m(Species::Co));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h\r\n\
2021-11-20T00:00:00,1119A,125.3325,43.9166,长春市,食品厂,颗粒物(PM10),56,62,52,37,37,62,14,51,24,51,41,12,16,0.6,0.6\r\n\
2021-11-20T00:00:00,1125A,125.7194,43.515,长春市,甩湾子(对照点),\"颗粒物(PM10),细颗粒物(PM2.5)\",94,77,52,70,49,72,18,63,32,29,23,2,3,1.1,0.7\r\n\
2021-11-20T00:00:00,1126A,125.3863,43.8447,长春市,经开区环卫处,,,,51,,35,63,,24,,,47,,15,,0.8\r\n";

    #[test]
    fn maps_the_o3_columns_by_content() {
        let ds = parse_cnemc_hourly_csv(SAMPLE).unwrap();
        assert_eq!(ds.rows.len(), 3);
        let r = &ds.rows[0];
        assert_eq!(r.get(Species::O3), Some(14.0));
        assert_eq!(r.get(Species::Co), Some(0.6));
        let p = r.published.unwrap();
        assert_eq!(
            (p.aqi, p.o3_max_1h, p.o3_8h, p.o3_max_8h),
            (Some(56), Some(62.0), Some(24.0), Some(51.0))
        );
        assert!(ds.stations[1].is_reference);
        assert_eq!(
            ds.rows[1]
                .published
                .unwrap()
                .primary
                .unwrap()
                .0
                .count_ones(),
            2
        );
        assert_eq!(ds.rows[2].c, [None; 6]);
        assert_eq!(ds.stations[2].name, "经开区环卫处");
    }

    #[test]
    fn rows_are_filed_under_their_station_whatever_the_order_of_the_hour() {
        // The reader guesses each row's station from the row before; the order changing from
        // hour to hour, a station missing for an hour and one coming new must not fool it.
        let mut text = SAMPLE.lines().next().unwrap_or_default().to_string();
        for (hour, codes) in [
            ("00", ["1119A", "1125A", "1126A"].as_slice()),
            ("01", &["1126A", "1119A", "1125A"]),
            ("02", &["1125A", "1126A"]),
            ("03", &["1119A", "2000A", "1125A", "1126A"]),
        ] {
            for code in codes {
                text.push_str(&format!(
                    "\n2021-11-20T{hour}:00:00,{code},,,长春市,{code},,,1,,1,,1,,,,1,,1,,0.1,"
                ));
            }
        }
        let ds = parse_cnemc_hourly_csv(&text).unwrap();
        assert!(ds.skipped.is_empty(), "{:?}", ds.skipped);
        let codes: Vec<&str> = ds.stations.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(codes, ["1119A", "1125A", "1126A", "2000A"]);
        let filed: Vec<&str> = ds
            .rows
            .iter()
            .map(|r| codes[usize::from(r.station)])
            .collect();
        assert_eq!(
            filed,
            [
                "1119A", "1125A", "1126A", "1126A", "1119A", "1125A", "1125A", "1126A", "1119A",
                "2000A", "1125A", "1126A"
            ]
        );
    }

    #[test]
    fn the_writer_round_trips_through_the_parser() {
        let ds = parse_cnemc_hourly_csv(SAMPLE).unwrap();
        let text = write_cnemc_hourly_csv(&ds, "长春市");
        assert!(text.starts_with(CNEMC_HEADER));
        let again = parse_cnemc_hourly_csv(&text).unwrap();
        assert_eq!(again.stations, ds.stations);
        assert_eq!(again.rows, ds.rows);
        // The quoted list of primary pollutants survives, and the columns land where they were.
        assert!(text.contains(",\"颗粒物(PM10),细颗粒物(PM2.5)\",94,77,52,70,49,72,18,63,32,"));
        let mut odd = ds.clone();
        odd.stations[0].name = "a,\"b\"".to_string();
        odd.stations[0].lon = None;
        let back = parse_cnemc_hourly_csv(&write_cnemc_hourly_csv(&odd, "x")).unwrap();
        assert_eq!(back.stations[0].name, "a,\"b\"");
        assert_eq!(back.stations[0].lon, None);
    }

    #[test]
    fn the_generated_year_round_trips() {
        let ds = crate::air::sample::generate_2021();
        let back = parse_cnemc_hourly_csv(&write_cnemc_hourly_csv(&ds, "长春市")).unwrap();
        assert_eq!(back.rows.len(), 87_600);
        assert_eq!(back.stations, ds.stations);
        for (a, b) in ds.rows.iter().zip(&back.rows) {
            assert_eq!((a.station, a.hour, a.c), (b.station, b.hour, b.c));
        }
    }

    #[test]
    fn a_bad_cell_costs_that_cell_and_is_named() {
        let bad = SAMPLE.replace(",62,52,37", ",6x,52,37");
        let ds = parse_cnemc_hourly_csv(&bad).unwrap();
        assert_eq!(ds.rows.len(), 3);
        assert_eq!(ds.rows[0].get(Species::Pm10), None);
        assert_eq!(ds.rows[0].get(Species::Pm25), Some(37.0));
        assert_eq!(ds.skipped.len(), 1);
        let e = &ds.skipped[0];
        assert_eq!((e.line, e.column), (2, 65));
        assert!(e.message.contains("pm10"), "{}", e.message);
    }

    #[test]
    fn a_plain_line_checks_its_aqi_cell_as_the_full_reader_does() {
        // Line 2 is plain: its value cells are read from their bytes, and a cell that is not
        // plain digits goes to the full check, which names it.
        let prefix = "2021-11-20T00:00:00,1119A,125.3325,43.9166,长春市,食品厂,颗粒物(PM10),";
        let column = prefix.chars().count() + 1;
        for (aqi, message) in [
            ("56.5", "expected an integer AQI ≤ 500, found \"56.5\""),
            ("501", "expected an integer AQI ≤ 500, found \"501\""),
            ("-3", "negative value in column \"aqi\": \"-3\""),
            ("5x", "expected a number in column \"aqi\", found \"5x\""),
        ] {
            let text = SAMPLE.replace(",颗粒物(PM10),56,", &format!(",颗粒物(PM10),{aqi},"));
            let ds = parse_cnemc_hourly_csv(&text).unwrap();
            assert_eq!(ds.rows.len(), 3, "{aqi}");
            assert_eq!(ds.rows[0].published.and_then(|p| p.aqi), None, "{aqi}");
            assert_eq!(ds.rows[0].get(Species::Pm10), Some(62.0), "{aqi}");
            assert_eq!(ds.skipped.len(), 1, "{aqi}");
            let e = &ds.skipped[0];
            assert_eq!((e.line, e.column, e.message.as_str()), (2, column, message));
        }
        for (aqi, read) in [("500", Some(500)), ("0", Some(0)), ("", None), ("—", None)] {
            let text = SAMPLE.replace(",颗粒物(PM10),56,", &format!(",颗粒物(PM10),{aqi},"));
            let ds = parse_cnemc_hourly_csv(&text).unwrap();
            assert!(ds.skipped.is_empty(), "{aqi}: {:?}", ds.skipped);
            assert_eq!(ds.rows[0].published.and_then(|p| p.aqi), read, "{aqi}");
        }
    }

    #[test]
    fn a_bad_cell_is_named_alike_on_a_line_with_quotes() {
        // Line 3 has a quoted cell, so it is read field by field rather than split in place.
        let bad = SAMPLE.replace(",94,77,52,70,", ",94,77,52,7x,");
        let ds = parse_cnemc_hourly_csv(&bad).unwrap();
        assert_eq!(ds.rows.len(), 3);
        assert_eq!(ds.rows[1].get(Species::Pm25), None);
        assert_eq!(ds.rows[1].get(Species::Pm10), Some(77.0));
        let e = &ds.skipped[0];
        assert_eq!((e.line, e.column), (3, 89));
        assert!(e.message.contains("pm2_5"), "{}", e.message);
    }

    #[test]
    fn a_short_broken_first_line_does_not_size_the_rows() {
        let header = SAMPLE.lines().next().unwrap_or_default();
        let good = SAMPLE.lines().nth(1).unwrap_or_default();
        let text = format!("{header}\nx\n{good}\n");
        let ds = parse_cnemc_hourly_csv(&text).unwrap();
        assert_eq!((ds.rows.len(), ds.skipped.len()), (1, 1));
        // Sized by the good line: a few rows, not the file's length over two bytes.
        assert!(ds.rows.capacity() < 10, "{}", ds.rows.capacity());
    }

    #[test]
    fn a_bad_row_costs_that_row_and_is_named() {
        let ds =
            parse_cnemc_hourly_csv(&SAMPLE.replace("2021-11-20T00:00:00,1125A", "yesterday,1125A"))
                .unwrap();
        assert_eq!(ds.rows.len(), 2);
        assert_eq!((ds.skipped[0].line, ds.skipped[0].column), (3, 1));
        // A stray quote breaks the CSV of one line; the next line is read as usual.
        let ds = parse_cnemc_hourly_csv(&SAMPLE.replace(",食品厂,", ",食\"品厂,")).unwrap();
        assert_eq!(ds.rows.len(), 2);
        assert_eq!(ds.skipped[0].line, 2);
        // Too few fields.
        let ds = parse_cnemc_hourly_csv(&SAMPLE.replace(",0.8\r\n", "\r\n")).unwrap();
        assert_eq!((ds.rows.len(), ds.skipped[0].line), (2, 4));
    }

    #[test]
    fn a_file_without_a_usable_row_is_still_an_error() {
        let e = parse_cnemc_hourly_csv("timepoint,stationcode\n").unwrap_err();
        assert!(e.message.contains("missing column"));
        assert_eq!(parse_cnemc_hourly_csv("").unwrap_err().line, 0);
        let header = SAMPLE.lines().next().unwrap_or_default();
        let e = parse_cnemc_hourly_csv(&format!("{header}\nnow,1119A\nthen,1119A\n")).unwrap_err();
        assert_eq!((e.line, e.column), (2, 0));
        assert!(e.message.starts_with("no usable row"), "{}", e.message);
        assert!(
            e.message.ends_with("(and 1 more problems)"),
            "{}",
            e.message
        );
        // A header alone is an empty feed, not an error.
        assert!(parse_cnemc_hourly_csv(header).unwrap().rows.is_empty());
    }
}
