//! The common model every air feed is read into, and the merging of several feeds.
//!
//! Rows refer to stations by index into [`AirDataset::stations`] so that a year of hourly data
//! (87,600 rows for 10 stations) needs no per-row string.

use super::pollutant::{PollutantSet, Species};
use crate::i18n::Lang;
use crate::time::{Date, Hour};
use std::collections::HashMap;

/// A monitoring station.
#[derive(Debug, Clone, PartialEq)]
pub struct Station {
    /// Station code, e.g. `1119A`.
    pub code: String,
    /// Name (the code when the feed carries none).
    pub name: String,
    /// Longitude, WGS-84.
    pub lon: Option<f64>,
    /// Latitude.
    pub lat: Option<f64>,
    /// 对照点 (background station): excluded from city values (HJ 663).
    pub is_reference: bool,
}

/// What a source published besides the raw 1-h values, kept for display and cross-checking.
/// `f32` is enough for display and keeps a year of rows small.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Published {
    /// Published hourly AQI.
    pub aqi: Option<u16>,
    /// Published primary pollutants (`Some(empty)` = published as none).
    pub primary: Option<PollutantSet>,
    /// Published 24-h sliding means by [`Species`] index (the O3 slot stays empty).
    pub mean_24h: [Option<f32>; 6],
    /// Published 8-h sliding (or running) O3 mean.
    pub o3_8h: Option<f32>,
    /// Published maximum 1-h O3 (daily or 24-h sliding, per feed).
    pub o3_max_1h: Option<f32>,
    /// Published daily maximum 8-h O3 so far.
    pub o3_max_8h: Option<f32>,
}

impl Published {
    /// Whether nothing was published.
    pub fn is_empty(&self) -> bool {
        *self == Published::default()
    }
}

/// One station-hour.
#[derive(Debug, Clone, PartialEq)]
pub struct HourlyRow {
    /// Index into [`AirDataset::stations`].
    pub station: u16,
    /// Hour stamp (the hour *ending* at this time).
    pub hour: Hour,
    /// The six 1-h concentrations by [`Species`] index; `None` = missing (never zero).
    pub c: [Option<f64>; 6],
    /// What the source published, if anything.
    pub published: Option<Published>,
}

impl HourlyRow {
    /// The 1-h value of `s`.
    pub fn get(&self, s: Species) -> Option<f64> {
        self.c.get(s.index()).copied().flatten()
    }
}

/// One station-day as published by a daily feed (OpenAQ `/days`, cc-air-json `daily`).
#[derive(Debug, Clone, PartialEq)]
pub struct DailyRow {
    /// Index into [`AirDataset::stations`].
    pub station: u16,
    /// Natural day.
    pub date: Date,
    /// Daily means by [`Species`] index (the O3 mean is informative only).
    pub mean: [Option<f64>; 6],
    /// Daily maximum 1-h O3.
    pub o3_max_1h: Option<f64>,
    /// Daily maximum 8-h O3.
    pub o3_max_8h: Option<f64>,
}

/// Air data from one or more feeds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AirDataset {
    /// True when the data is a generated sample, not measurements: the UI must say so.
    pub sample: bool,
    /// Source name, for attribution.
    pub source: String,
    /// Stations referred to by the rows.
    pub stations: Vec<Station>,
    /// Hourly rows.
    pub rows: Vec<HourlyRow>,
    /// Daily rows, when the feed has them.
    pub daily: Vec<DailyRow>,
    /// Cells, rows or station blocks the parser could not read and skipped (see
    /// [`crate::SkippedInFile`]); [`merge`] appends those of every input in order.
    pub skipped: Vec<crate::FeedError>,
}

impl AirDataset {
    /// The station of a row.
    pub fn station(&self, index: u16) -> Option<&Station> {
        self.stations.get(usize::from(index))
    }

    /// Index of the station `code`, adding it (name = code) if unknown.
    pub fn station_index(&mut self, code: &str) -> Option<u16> {
        if let Some(i) = self.stations.iter().position(|s| s.code == code) {
            return u16::try_from(i).ok();
        }
        let i = u16::try_from(self.stations.len()).ok()?;
        self.stations.push(Station {
            code: code.to_string(),
            name: code.to_string(),
            lon: None,
            lat: None,
            is_reference: code_is_reference(code, code),
        });
        Some(i)
    }

    /// The latest hour with any row.
    pub fn latest_hour(&self) -> Option<Hour> {
        self.rows.iter().map(|r| r.hour).max()
    }
}

/// Whether a station is a 对照点 by its name (CNEMC appends `(对照点)`).
pub fn code_is_reference(_code: &str, name: &str) -> bool {
    name.contains("对照点")
}

/// What [`merge`] noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// The same station-hour came more than once; the later one was kept.
    Duplicate,
    /// Rows were not in time order within a feed (they were sorted).
    OutOfOrder,
    /// Rows stamped after "now" (they were dropped).
    Future,
}

/// A notice for the UI (not an error): how many rows, and the first example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataNote {
    /// What happened.
    pub kind: NoteKind,
    /// How many rows.
    pub count: usize,
    /// First station code concerned.
    pub station: String,
    /// First hour concerned.
    pub hour: Hour,
}

impl DataNote {
    /// A sentence for the UI.
    pub fn text(&self, lang: Lang) -> String {
        let (n, s, h) = (self.count, &self.station, self.hour);
        match (self.kind, lang) {
            (NoteKind::Duplicate, Lang::Zh) => {
                format!("{n} 条重复的站点小时数据（首条：{s} {h}），已采用后读入的值")
            }
            (NoteKind::Duplicate, Lang::En) => {
                format!("{n} duplicated station-hours (first: {s} {h}); the later value was kept")
            }
            (NoteKind::OutOfOrder, Lang::Zh) => {
                format!("{n} 条数据时间顺序错乱（首条：{s} {h}），已重新排序")
            }
            (NoteKind::OutOfOrder, Lang::En) => {
                format!("{n} rows out of time order (first: {s} {h}); they were sorted")
            }
            (NoteKind::Future, Lang::Zh) => {
                format!("{n} 条数据的时间晚于当前时间（首条：{s} {h}），已忽略")
            }
            (NoteKind::Future, Lang::En) => {
                format!("{n} rows are stamped in the future (first: {s} {h}); they were ignored")
            }
        }
    }
}

fn note(notes: &mut Vec<DataNote>, kind: NoteKind, station: &str, hour: Hour) {
    match notes.iter_mut().find(|n| n.kind == kind) {
        Some(n) => n.count += 1,
        None => notes.push(DataNote {
            kind,
            count: 1,
            station: station.to_string(),
            hour,
        }),
    }
}

/// Merges datasets in order: stations are unified by code (the first metadata seen wins, but a
/// name other than the bare code replaces a placeholder); for the same station-hour the later
/// row replaces the earlier. Rows after `now` are dropped. The result is sorted by hour, then
/// station code; `sample` is true if any input is a sample.
pub fn merge(datasets: Vec<AirDataset>, now: Option<Hour>) -> (AirDataset, Vec<DataNote>) {
    let mut out = AirDataset::default();
    let mut notes = Vec::new();
    let mut slot: HashMap<(u16, i64), usize> = HashMap::new();
    let mut daily_slot: HashMap<(u16, i64), usize> = HashMap::new();
    let mut sources: Vec<String> = Vec::new();
    for ds in datasets {
        out.sample |= ds.sample;
        out.skipped.extend(ds.skipped);
        if !ds.source.is_empty() && !sources.contains(&ds.source) {
            sources.push(ds.source.clone());
        }
        let map: Vec<Option<u16>> = ds
            .stations
            .iter()
            .map(|s| unify(&mut out.stations, s))
            .collect();
        let mut last: Option<(u16, Hour)> = None;
        for mut row in ds.rows {
            let Some(Some(st)) = map.get(usize::from(row.station)).copied() else {
                continue;
            };
            let code = out
                .stations
                .get(usize::from(st))
                .map(|s| s.code.as_str())
                .unwrap_or("");
            if let Some((lst, lh)) = last {
                if lst == st && row.hour < lh {
                    note(&mut notes, NoteKind::OutOfOrder, code, row.hour);
                }
            }
            last = Some((st, row.hour));
            if now.is_some_and(|n| row.hour > n) {
                note(&mut notes, NoteKind::Future, code, row.hour);
                continue;
            }
            row.station = st;
            match slot.get(&(st, row.hour.0)) {
                Some(&i) => {
                    note(&mut notes, NoteKind::Duplicate, code, row.hour);
                    if let Some(old) = out.rows.get_mut(i) {
                        *old = row;
                    }
                }
                None => {
                    slot.insert((st, row.hour.0), out.rows.len());
                    out.rows.push(row);
                }
            }
        }
        for mut d in ds.daily {
            let Some(Some(st)) = map.get(usize::from(d.station)).copied() else {
                continue;
            };
            d.station = st;
            match daily_slot.get(&(st, d.date.to_days())) {
                Some(&i) => {
                    if let Some(old) = out.daily.get_mut(i) {
                        *old = d;
                    }
                }
                None => {
                    daily_slot.insert((st, d.date.to_days()), out.daily.len());
                    out.daily.push(d);
                }
            }
        }
    }
    out.source = sources.join("; ");
    let stations = &out.stations;
    let code = |i: u16| {
        stations
            .get(usize::from(i))
            .map(|s| s.code.as_str())
            .unwrap_or("")
    };
    crate::order::sort_by(&mut out.rows, |a, b| {
        a.hour
            .cmp(&b.hour)
            .then_with(|| code(a.station).cmp(code(b.station)))
    });
    crate::order::sort_by(&mut out.daily, |a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| code(a.station).cmp(code(b.station)))
    });
    (out, notes)
}

fn unify(stations: &mut Vec<Station>, s: &Station) -> Option<u16> {
    match stations.iter_mut().position(|o| o.code == s.code) {
        Some(i) => {
            if let Some(o) = stations.get_mut(i) {
                if o.name == o.code && s.name != s.code {
                    o.name = s.name.clone();
                }
                o.lon = o.lon.or(s.lon);
                o.lat = o.lat.or(s.lat);
                o.is_reference |= s.is_reference;
            }
            u16::try_from(i).ok()
        }
        None => {
            stations.push(s.clone());
            u16::try_from(stations.len() - 1).ok()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds(code: &str, hours: &[(i64, f64)]) -> AirDataset {
        let mut d = AirDataset::default();
        let st = d.station_index(code).unwrap();
        for &(h, v) in hours {
            d.rows.push(HourlyRow {
                station: st,
                hour: Hour(h),
                c: [Some(v), None, None, None, None, None],
                published: None,
            });
        }
        d
    }

    #[test]
    fn later_rows_replace_earlier_and_notes_are_counted() {
        let a = ds("1119A", &[(10, 1.0), (12, 2.0), (11, 3.0)]);
        let b = ds("1119A", &[(12, 9.0), (99, 4.0)]);
        let (m, notes) = merge(vec![a, b], Some(Hour(50)));
        let hours: Vec<_> = m.rows.iter().map(|r| (r.hour.0, r.c[0])).collect();
        assert_eq!(
            hours,
            vec![(10, Some(1.0)), (11, Some(3.0)), (12, Some(9.0))]
        );
        let kinds: Vec<_> = notes.iter().map(|n| (n.kind, n.count)).collect();
        assert_eq!(
            kinds,
            vec![
                (NoteKind::OutOfOrder, 1),
                (NoteKind::Duplicate, 1),
                (NoteKind::Future, 1)
            ]
        );
        assert!(notes[1].text(Lang::Zh).contains("1119A"));
        assert!(notes[2].text(Lang::En).contains("future"));
        assert_eq!(m.stations.len(), 1);
    }
}
