//! `ccdata check`: what a feed holds and what is wrong with it, for people (text) and machines
//! (`--json`, the shape documented in the README, "Publishing data"). Each file is checked on its
//! own; the exit code is the worst file's: 0 clean, 1 warnings, 2 errors.
//!
//! Warnings are what the site survives but a publisher should look at: gaps (station-hours
//! without a value between the file's first and last hour), duplicated station-hours (the site
//! keeps the later), future stamps (the site drops them) and cells the parser skipped. Errors are
//! files the site cannot read at all.

use crate::detect::detect;
use crate::feed::{parse, Context, Parsed};
use crate::input::{expand, read};
use crate::progress::Progress;
use cc_core::air::{city_hourly, AirDataset};
use cc_core::config::FeedFormat;
use cc_core::time::Hour;
use cc_core::water::feeds::cc_json::parse_sections;
use cc_core::FeedError;
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;

mod text;
pub use text::render_text;

/// Version of the `--json` shape; raised only when a member changes meaning or goes away.
pub const JSON_VERSION: u32 = 1;
/// Lists in the report name at most this many items; the counts are always complete.
pub const LIST_LIMIT: usize = 1000;

/// A position in a file, with what is wrong there.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl From<&FeedError> for Place {
    fn from(e: &FeedError) -> Self {
        Self {
            line: e.line,
            column: e.column,
            message: e.message.clone(),
        }
    }
}

/// A cell the parser skipped: the file it is in, its line and column, and why.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Skipped {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// A station and how many station-hours with a value it has in the file.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StationCount {
    pub code: String,
    pub name: String,
    pub hours: usize,
}

/// Consecutive missing station-hours of one station.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Gap {
    pub station: String,
    pub from: String,
    pub to: String,
    pub hours: usize,
}

/// A station-hour that comes more than once.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Duplicate {
    pub station: String,
    pub hour: String,
    pub times: usize,
}

/// A row stamped after "now".
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Future {
    pub station: String,
    pub hour: String,
}

/// The city's hourly AQI at the file's newest hour, as the site's air card computes it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CityLatest {
    pub hour: String,
    /// `null` when the city has no AQI that hour (a pollutant missing).
    pub aqi: Option<u16>,
}

/// Everything `check` found in one file. Members absent for a kind are empty or `null`.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct FileReport {
    pub file: String,
    /// The format's config name, `null` when it could not be told.
    pub format: Option<String>,
    /// Whether the format was detected (else given with `--format`).
    pub detected: bool,
    /// `air`, `water-sections`, `water-results`, `water-automatic`, `air-forecast`,
    /// `air-alerts`; `null` on an error.
    pub kind: Option<String>,
    /// `ok`, `warnings` or `error`.
    pub status: String,
    /// Why the file cannot be read (only with status `error`).
    pub error: Option<Place>,
    pub sample: Option<bool>,
    pub source: Option<String>,
    /// Air: station-hours with a value; water: results or sections or readings; forecast: days;
    /// alerts: warnings.
    pub rows: usize,
    /// Air: station-days of a daily feed (OpenAQ `/days`, cc-air-json `daily`).
    pub daily_rows: usize,
    pub stations: Vec<StationCount>,
    /// Water: section slugs (sections document) or the sections results refer to.
    pub sections: Vec<String>,
    /// Air: `YYYY-MM-DDTHH:00`; water results and forecast days: `YYYY-MM-DD`.
    pub first: Option<String>,
    pub last: Option<String>,
    pub gap_hours: usize,
    pub gaps: Vec<Gap>,
    pub duplicate_count: usize,
    pub duplicates: Vec<Duplicate>,
    pub future_count: usize,
    pub future: Vec<Future>,
    pub skipped: Vec<Skipped>,
    pub city_latest: Option<CityLatest>,
    /// Gap ranges + duplicated station-hours + future rows + skipped places.
    pub warnings: usize,
}

/// The whole run.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CheckReport {
    /// [`JSON_VERSION`].
    pub ccdata_check: u32,
    /// The "now" future stamps were measured against, `YYYY-MM-DDTHH:00` Beijing time.
    pub now: String,
    /// 0 clean, 1 warnings, 2 errors: the worst file's.
    pub exit_code: u8,
    pub files: Vec<FileReport>,
}

/// Checks every file of `paths` (directories expand to their feed files). `format` forces the
/// format instead of detecting it.
pub fn check_paths(paths: &[PathBuf], format: Option<FeedFormat>, ctx: &Context) -> CheckReport {
    let mut files = Vec::new();
    let mut inputs = Vec::new();
    match expand(paths) {
        Ok(list) => {
            let progress = Progress::new(list.len(), "reading");
            for path in list {
                inputs.push((path.display().to_string(), read(&path)));
                progress.step();
            }
            progress.finish();
        }
        Err(e) => files.push(error_report(
            &e.file.unwrap_or_default(),
            &FeedError::whole(e.message),
        )),
    }
    // Water results are checked against the section lists given beside them, else Changchun's.
    let mut ctx = ctx.clone();
    let given: Vec<_> = inputs
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .filter(|i| detect(&i.text) == Ok(FeedFormat::CcWaterJson))
        .filter_map(|i| parse_sections(&i.text).ok())
        .flat_map(|d| d.sections)
        .collect();
    if !given.is_empty() {
        ctx.sections = given;
    }
    let progress = Progress::new(inputs.len(), "checking");
    for (name, input) in inputs {
        files.push(match input {
            Ok(input) => check_text(&input.name, &input.text, format, &ctx),
            Err(e) => error_report(&name, &FeedError::at(e.line, e.column, e.message)),
        });
        progress.step();
    }
    progress.finish();
    let exit_code = files
        .iter()
        .map(|f| status_code(&f.status))
        .max()
        .unwrap_or(0);
    CheckReport {
        ccdata_check: JSON_VERSION,
        now: ctx.now.to_param(),
        exit_code,
        files,
    }
}

fn status_code(status: &str) -> u8 {
    match status {
        "ok" => 0,
        "warnings" => 1,
        _ => 2,
    }
}

fn error_report(file: &str, e: &FeedError) -> FileReport {
    FileReport {
        file: file.to_string(),
        status: "error".to_string(),
        error: Some(Place::from(e)),
        ..FileReport::default()
    }
}

/// Checks one file's text.
pub fn check_text(name: &str, text: &str, format: Option<FeedFormat>, ctx: &Context) -> FileReport {
    let (format, detected) = match format {
        Some(f) => (f, false),
        None => match detect(text) {
            Ok(f) => (f, true),
            Err(e) => return error_report(name, &e),
        },
    };
    let mut report = match parse(format, text, ctx) {
        Ok(parsed) => describe(name, &parsed, ctx.now),
        Err(e) => error_report(name, &e),
    };
    report.format = Some(format.as_str().to_string());
    report.detected = detected;
    report
}

fn describe(name: &str, parsed: &Parsed, now: Hour) -> FileReport {
    let mut r = FileReport {
        file: name.to_string(),
        kind: Some(parsed.kind().to_string()),
        skipped: parsed
            .skipped()
            .iter()
            .map(|e| Skipped {
                file: name.to_string(),
                line: e.line,
                column: e.column,
                message: e.message.clone(),
            })
            .collect(),
        ..FileReport::default()
    };
    match parsed {
        Parsed::Air(ds) => describe_air(&mut r, ds, now),
        Parsed::Sections(doc) => {
            r.sample = Some(doc.sample);
            r.rows = doc.sections.len();
            r.sections = doc.sections.iter().map(|s| s.slug.clone()).collect();
        }
        Parsed::Results(doc) => {
            r.sample = Some(doc.sample);
            r.rows = doc.results.len();
            let mut slugs: Vec<String> = doc.results.iter().map(|m| m.section.clone()).collect();
            slugs.sort();
            slugs.dedup();
            r.sections = slugs;
            r.first = doc
                .results
                .iter()
                .map(|m| m.date)
                .min()
                .map(|d| d.to_string());
            r.last = doc
                .results
                .iter()
                .map(|m| m.date)
                .max()
                .map(|d| d.to_string());
            let today = now.date();
            let future: Vec<_> = doc.results.iter().filter(|m| m.date > today).collect();
            r.future_count = future.len();
            r.future = future
                .iter()
                .take(LIST_LIMIT)
                .map(|m| Future {
                    station: m.section.clone(),
                    hour: m.date.to_string(),
                })
                .collect();
        }
        Parsed::Forecast(f) => {
            r.sample = Some(f.sample);
            r.source = Some(format!("{} ({})", f.issuer, f.issued_at.to_iso()));
            r.rows = f.days.len();
            r.first = f.days.first().map(|d| d.date.to_string());
            r.last = f.days.last().map(|d| d.date.to_string());
        }
        Parsed::Alerts(a) => {
            r.sample = Some(a.sample);
            r.rows = a.alerts.len();
            r.first = a.alerts.iter().map(|w| w.starts).min().map(|m| m.to_iso());
            r.last = a
                .alerts
                .iter()
                .filter_map(|w| w.ends)
                .max()
                .map(|m| m.to_iso());
        }
        Parsed::Auto(feed) => {
            r.rows = feed.readings.len();
            r.sections = feed.readings.iter().map(|x| x.section.clone()).collect();
            let times: Vec<Hour> = feed.readings.iter().filter_map(|x| x.time).collect();
            r.first = times.iter().min().map(|h| h.to_param());
            r.last = times.iter().max().map(|h| h.to_param());
        }
    }
    r.warnings = r.gaps.len() + r.duplicate_count + r.future_count + r.skipped.len();
    r.status = if r.warnings > 0 { "warnings" } else { "ok" }.to_string();
    r
}

/// Stations, hours, gaps, duplicates, future stamps and the newest city AQI of air data.
fn describe_air(r: &mut FileReport, ds: &AirDataset, now: Hour) {
    r.sample = Some(ds.sample);
    r.source = Some(ds.source.clone());
    r.daily_rows = ds.daily.len();
    let code = |i: u16| ds.station(i).map(|s| s.code.clone()).unwrap_or_default();
    // (station, hour) of every row; duplicates counted before anything is merged away.
    let mut keys: Vec<(u16, i64)> = ds.rows.iter().map(|x| (x.station, x.hour.0)).collect();
    keys.sort_unstable();
    let mut i = 0;
    while i < keys.len() {
        let run = keys[i..].iter().take_while(|k| **k == keys[i]).count();
        if run > 1 {
            r.duplicate_count += run - 1;
            if r.duplicates.len() < LIST_LIMIT {
                r.duplicates.push(Duplicate {
                    station: code(keys[i].0),
                    hour: Hour(keys[i].1).to_param(),
                    times: run,
                });
            }
        }
        i += run;
    }
    for row in ds.rows.iter().filter(|x| x.hour > now) {
        r.future_count += 1;
        if r.future.len() < LIST_LIMIT {
            r.future.push(Future {
                station: code(row.station),
                hour: row.hour.to_param(),
            });
        }
    }
    // Present = a row with at least one value, not in the future (an all-null station-hour is
    // the same as an absent one, as in cc-air-json).
    let present: Vec<&cc_core::air::HourlyRow> = ds
        .rows
        .iter()
        .filter(|x| x.hour <= now && x.c.iter().any(Option::is_some))
        .collect();
    r.rows = present.len();
    let all_hours = ds.rows.iter().map(|x| x.hour).filter(|h| *h <= now);
    let (first, last) = (all_hours.clone().min(), all_hours.max());
    r.first = first.map(|h| h.to_param());
    r.last = last.map(|h| h.to_param());
    let mut by_station: HashMap<u16, Vec<i64>> = HashMap::new();
    for x in &present {
        by_station.entry(x.station).or_default().push(x.hour.0);
    }
    for (i, s) in ds.stations.iter().enumerate() {
        let Ok(index) = u16::try_from(i) else {
            continue;
        };
        let mut hours = by_station.remove(&index).unwrap_or_default();
        hours.sort_unstable();
        hours.dedup();
        r.stations.push(StationCount {
            code: s.code.clone(),
            name: s.name.clone(),
            hours: hours.len(),
        });
        if let (Some(first), Some(last)) = (first, last) {
            for (a, b) in missing_ranges(&hours, first.0, last.0) {
                let n = usize::try_from(b - a + 1).unwrap_or(0);
                r.gap_hours += n;
                if r.gaps.len() < LIST_LIMIT {
                    r.gaps.push(Gap {
                        station: s.code.clone(),
                        from: Hour(a).to_param(),
                        to: Hour(b).to_param(),
                        hours: n,
                    });
                }
            }
        }
    }
    if let Some(last) = last {
        let city = city_hourly(ds);
        let aqi = city
            .iter()
            .find(|c| c.hour == last)
            .and_then(|c| c.assessment.outcome.as_ref().ok().map(|a| a.value));
        r.city_latest = Some(CityLatest {
            hour: last.to_param(),
            aqi,
        });
    }
}

/// The inclusive ranges of `first..=last` not in `hours` (sorted, deduplicated).
fn missing_ranges(hours: &[i64], first: i64, last: i64) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    let mut next = first;
    for &h in hours.iter().filter(|h| (first..=last).contains(*h)) {
        if h > next {
            out.push((next, h - 1));
        }
        next = h + 1;
    }
    if next <= last {
        out.push((next, last));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The adapters' skipped lists are reported with file, line and column, and count as
    /// warnings.
    #[test]
    fn skipped_cells_are_warnings_with_their_place() {
        let mut ds = cc_core::air::parse_cnemc_hourly_csv(
            "timepoint,stationcode,pm2_5,pm10,so2,no2,co,o3_24h\n\
             2021-12-01T01:00:00,1119A,30,40,5,20,0.5,60\n",
        )
        .expect("parses");
        ds.skipped
            .push(FeedError::at(3, 12, "expected a number, found \"x\""));
        let report = describe("a.csv", &Parsed::Air(ds), Hour(i64::MAX));
        assert_eq!(report.status, "warnings");
        assert_eq!(report.warnings, 1);
        let s = &report.skipped[0];
        assert_eq!((s.file.as_str(), s.line, s.column), ("a.csv", 3, 12));
        let text = render_text(&CheckReport {
            ccdata_check: JSON_VERSION,
            now: "2026-01-01T00:00".to_string(),
            exit_code: 1,
            files: vec![report],
        });
        assert!(text.contains("a.csv:3:12: expected a number"), "{text}");
    }

    #[test]
    fn missing_ranges_between_first_and_last() {
        assert_eq!(
            missing_ranges(&[2, 3, 6], 0, 8),
            vec![(0, 1), (4, 5), (7, 8)]
        );
        assert_eq!(missing_ranges(&[0, 1, 2], 0, 2), vec![]);
        assert_eq!(missing_ranges(&[], 5, 6), vec![(5, 6)]);
    }
}
