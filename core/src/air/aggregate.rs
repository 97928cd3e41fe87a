//! From hourly rows to sliding means, daily values and city values, per HJ 663-2013 and
//! GB 3095-2012 表4 data-validity rules (the thresholds are from memory, not checked against
//! the standard's text): a 24-h mean needs ≥ 20 valid hours, an 8-h mean ≥ 6,
//! the daily O3-8h maximum ≥ 14 valid 8-h means among the 17 windows ending 08:00 … 24:00.
//! The natural day D is the stamps D 01:00 … D+1 00:00. City values average the stations that
//! are not 对照点 and have the value. Everything is one pass over the rows (O(n)).

use super::dataset::{AirDataset, HourlyRow};
use super::iaqi::{assess_daily, assess_hourly, Assessment, DailyInputs, HourlyInputs};
use super::pollutant::{Pollutant, Species};
use super::round;
use super::rules::RuleSet;
use crate::time::{Date, Hour};
use std::collections::BTreeMap;

/// Minimum valid hours for a 24-h mean (GB 3095-2012 表4).
pub const MIN_HOURS_24H: usize = 20;
/// Minimum valid hours for an 8-h mean.
pub const MIN_HOURS_8H: usize = 6;
/// Minimum valid 8-h means for the daily O3-8h maximum.
pub const MIN_WINDOWS_O3_8H: usize = 14;

/// Sliding means over `window` values ending at each index, `None` where fewer than
/// `min_valid` values are present. Running sum: O(n) whatever the window.
pub fn sliding_mean(values: &[Option<f64>], window: usize, min_valid: usize) -> Vec<Option<f64>> {
    let mut out = Vec::with_capacity(values.len());
    let (mut sum, mut n) = (0.0, 0usize);
    for (i, v) in values.iter().enumerate() {
        if let Some(v) = v {
            sum += v;
            n += 1;
        }
        if i >= window {
            if let Some(Some(old)) = values.get(i - window) {
                sum -= old;
                n -= 1;
            }
        }
        out.push((n >= min_valid.max(1)).then(|| sum / n as f64));
    }
    out
}

/// One station's hours on a dense grid from its first to its last row.
struct Grid {
    station: u16,
    start: i64,
    c: Vec<[Option<f64>; 6]>,
    present: Vec<bool>,
}

impl Grid {
    /// A grid of `len` empty hours. Out of line for the reason of [`ROWS_PER_CALL`]: it writes
    /// a year of hours, and is optimised after its first stations.
    #[inline(never)]
    fn empty(station: u16, start: i64, len: usize) -> Self {
        Grid {
            station,
            start,
            c: vec![[None; 6]; len],
            present: vec![false; len],
        }
    }

    fn column(&self, s: Species) -> Vec<Option<f64>> {
        self.c
            .iter()
            .map(|h| h.get(s.index()).copied().flatten())
            .collect()
    }
}

/// Rows go through [`widen_spans`] and [`fill_grids`] this many at a time. V8 runs a wasm
/// function in its baseline tier until the call returns (it has no on-stack replacement for
/// wasm), so one call looping over a year's rows would never be optimised; a helper called per
/// chunk is, after its first calls (`make bench`). The helpers are out of line for that, and
/// wasm-opt's `-ocimfs=20` keeps them so.
const ROWS_PER_CALL: usize = 4096;

fn grids(ds: &AirDataset) -> Vec<Grid> {
    let mut span: Vec<Option<(i64, i64)>> = vec![None; ds.stations.len()];
    for rows in ds.rows.chunks(ROWS_PER_CALL) {
        widen_spans(&mut span, rows);
    }
    let mut grids: Vec<Option<Grid>> = span
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (a, b) = (*s)?;
            let len = usize::try_from(b - a + 1).ok()?;
            Some(Grid::empty(u16::try_from(i).ok()?, a, len))
        })
        .collect();
    for rows in ds.rows.chunks(ROWS_PER_CALL) {
        fill_grids(&mut grids, rows);
    }
    grids.into_iter().flatten().collect()
}

/// Each station's first and last hour, widened by `rows`.
#[inline(never)]
fn widen_spans(span: &mut [Option<(i64, i64)>], rows: &[HourlyRow]) {
    for r in rows {
        if let Some(s) = span.get_mut(usize::from(r.station)) {
            let h = r.hour.0;
            *s = Some(s.map_or((h, h), |(a, b)| (a.min(h), b.max(h))));
        }
    }
}

/// Puts `rows` on their stations' grids.
#[inline(never)]
fn fill_grids(grids: &mut [Option<Grid>], rows: &[HourlyRow]) {
    for r in rows {
        if let Some(Some(g)) = grids.get_mut(usize::from(r.station)) {
            let i = (r.hour.0 - g.start) as usize;
            if let (Some(c), Some(p)) = (g.c.get_mut(i), g.present.get_mut(i)) {
                *c = r.c;
                *p = true;
            }
        }
    }
}

fn rounded(s: Species, v: Option<f64>) -> Option<f64> {
    v.map(|x| round::concentration(s, x))
}

/// One station-hour with its computed means and hourly AQI.
#[derive(Debug, Clone, PartialEq)]
pub struct StationHour {
    /// Station index.
    pub station: u16,
    /// Hour stamp.
    pub hour: Hour,
    /// The 1-h values.
    pub c: [Option<f64>; 6],
    /// Computed 24-h sliding means by [`Species`] index (O3 slot empty), rounded.
    pub mean_24h: [Option<f64>; 6],
    /// Computed O3 8-h sliding mean, rounded.
    pub o3_8h: Option<f64>,
    /// The hourly AQI.
    pub assessment: Assessment,
}

/// Every station-hour present in the data, with sliding means and the hourly AQI (the SO2
/// >800 rule uses the computed SO2 24-h mean). Ordered by station index, then hour.
pub fn station_hourly(ds: &AirDataset) -> Vec<StationHour> {
    let mut out = Vec::with_capacity(ds.rows.len());
    for g in grids(ds) {
        let means: Vec<Vec<Option<f64>>> = Species::ALL
            .iter()
            .map(|&s| {
                if s == Species::O3 {
                    Vec::new()
                } else {
                    sliding_mean(&g.column(s), 24, MIN_HOURS_24H)
                }
            })
            .collect();
        let o3_8h = sliding_mean(&g.column(Species::O3), 8, MIN_HOURS_8H);
        for (i, (c, present)) in g.c.iter().zip(&g.present).enumerate() {
            if !present {
                continue;
            }
            let hour = Hour(g.start + i as i64);
            let mut mean_24h = [None; 6];
            for s in Species::ALL {
                if let Some(slot) = mean_24h.get_mut(s.index()) {
                    *slot = rounded(
                        s,
                        means
                            .get(s.index())
                            .and_then(|m| m.get(i))
                            .copied()
                            .flatten(),
                    );
                }
            }
            let o3 = rounded(Species::O3, o3_8h.get(i).copied().flatten());
            let input = HourlyInputs {
                c: *c,
                so2_24h: mean_24h.get(Species::So2.index()).copied().flatten(),
                o3_8h: o3,
            };
            let assessment = assess_hourly(RuleSet::for_hour(hour), &input);
            out.push(StationHour {
                station: g.station,
                hour,
                c: *c,
                mean_24h,
                o3_8h: o3,
                assessment,
            });
        }
    }
    out
}

/// A city-hour: the mean over non-对照点 stations of each 1-h value, and its AQI.
#[derive(Debug, Clone, PartialEq)]
pub struct CityHour {
    /// Hour stamp.
    pub hour: Hour,
    /// City means by [`Species`] index, rounded.
    pub c: [Option<f64>; 6],
    /// How many stations went into each mean.
    pub stations_used: [u8; 6],
    /// The hourly AQI of the city values.
    pub assessment: Assessment,
}

/// City hourly values and AQI, by hour.
pub fn city_hourly(ds: &AirDataset) -> Vec<CityHour> {
    let mut acc: BTreeMap<i64, ([f64; 6], [u8; 6])> = BTreeMap::new();
    for r in &ds.rows {
        if ds.station(r.station).is_none_or(|s| s.is_reference) {
            continue;
        }
        let e = acc.entry(r.hour.0).or_insert(([0.0; 6], [0; 6]));
        for (k, v) in r.c.iter().enumerate() {
            if let (Some(v), Some(sum), Some(n)) = (v, e.0.get_mut(k), e.1.get_mut(k)) {
                *sum += v;
                *n = n.saturating_add(1);
            }
        }
    }
    acc.into_iter()
        .map(|(h, (sum, n))| {
            let mut c = [None; 6];
            for s in Species::ALL {
                let k = s.index();
                if let (Some(slot), Some(&sum), Some(&n)) = (c.get_mut(k), sum.get(k), n.get(k)) {
                    *slot = (n > 0).then(|| round::concentration(s, sum / f64::from(n)));
                }
            }
            let hour = Hour(h);
            let input = HourlyInputs {
                c,
                so2_24h: None,
                o3_8h: None,
            };
            CityHour {
                hour,
                c,
                stations_used: n,
                assessment: assess_hourly(RuleSet::for_hour(hour), &input),
            }
        })
        .collect()
}

/// One station-day: the seven daily items and the daily AQI.
#[derive(Debug, Clone, PartialEq)]
pub struct StationDay {
    /// Station index.
    pub station: u16,
    /// Natural day.
    pub date: Date,
    /// Daily items by [`Pollutant`] index, rounded.
    pub values: DailyInputs,
    /// Valid 1-h values per [`Species`] in the day (24 when taken from a daily feed).
    pub valid_hours: [u8; 6],
    /// Daily AQI.
    pub assessment: Assessment,
}

fn day_of(g: &Grid, date: Date, o3_8h: &[Option<f64>]) -> ([Option<f64>; 7], [u8; 6]) {
    let first = date.at_hour(1).0 - g.start;
    let idx = |k: i64| usize::try_from(first + k).ok();
    let mut sum = [0.0; 6];
    let mut n = [0u8; 6];
    let mut o3_max: Option<f64> = None;
    for k in 0..24 {
        let Some(h) = idx(k).and_then(|i| g.c.get(i)) else {
            continue;
        };
        for (j, v) in h.iter().enumerate() {
            if let (Some(v), Some(s), Some(c)) = (v, sum.get_mut(j), n.get_mut(j)) {
                *s += v;
                *c += 1;
            }
        }
        if let Some(v) = h.get(Species::O3.index()).copied().flatten() {
            o3_max = Some(o3_max.map_or(v, |m: f64| m.max(v)));
        }
    }
    let mean = |s: Species| -> Option<f64> {
        let (total, count) = (sum.get(s.index())?, usize::from(*n.get(s.index())?));
        (count >= MIN_HOURS_24H).then(|| round::concentration(s, total / count as f64))
    };
    // Windows ending 08:00 … 24:00 (stamps D 08:00 … D+1 00:00): offsets 7 … 23.
    let windows: Vec<f64> = (7..24)
        .filter_map(|k| idx(k).and_then(|i| o3_8h.get(i)).copied().flatten())
        .collect();
    let o3_8h_max = (windows.len() >= MIN_WINDOWS_O3_8H)
        .then(|| windows.iter().copied().fold(f64::MIN, f64::max))
        .map(|v| round::concentration(Species::O3, v));
    let o3_valid = usize::from(n.get(Species::O3.index()).copied().unwrap_or(0)) >= MIN_HOURS_24H;
    let mut v = [None; 7];
    for p in Pollutant::ALL {
        if let Some(slot) = v.get_mut(p.index()) {
            *slot = match p {
                Pollutant::O3_1h => o3_max.filter(|_| o3_valid),
                Pollutant::O3_8h => o3_8h_max,
                _ => mean(p.species()),
            };
        }
    }
    (v, n)
}

/// Daily items and AQI of every station and natural day the data touches (days at the edges
/// of the data are usually incomplete and get no AQI). Days from a daily feed fill in where
/// there are no hourly rows. Ordered by station index, then date.
pub fn station_daily(ds: &AirDataset) -> Vec<StationDay> {
    let mut out = Vec::new();
    let mut covered = std::collections::HashSet::new();
    for g in grids(ds) {
        // 8-h means are not rounded before taking the maximum: rounding is monotone.
        let o3_8h = sliding_mean(&g.column(Species::O3), 8, MIN_HOURS_8H);
        let last = Hour(g.start + g.c.len() as i64 - 1).natural_day();
        let mut date = Hour(g.start).natural_day();
        while date <= last {
            let (values, valid_hours) = day_of(&g, date, &o3_8h);
            let assessment = assess_daily(RuleSet::for_date(date), &values);
            covered.insert((g.station, date));
            out.push(StationDay {
                station: g.station,
                date,
                values,
                valid_hours,
                assessment,
            });
            date = date.add_days(1);
        }
    }
    for d in &ds.daily {
        if covered.contains(&(d.station, d.date)) {
            continue;
        }
        let mut values = [None; 7];
        for p in Pollutant::ALL {
            if let Some(slot) = values.get_mut(p.index()) {
                *slot = match p {
                    Pollutant::O3_1h => d.o3_max_1h,
                    Pollutant::O3_8h => d.o3_max_8h,
                    _ => d.mean.get(p.species().index()).copied().flatten(),
                };
            }
        }
        let assessment = assess_daily(RuleSet::for_date(d.date), &values);
        out.push(StationDay {
            station: d.station,
            date: d.date,
            values,
            valid_hours: [24; 6],
            assessment,
        });
    }
    crate::order::sort_by_key(&mut out, |d| (d.station, d.date));
    out
}

/// A city-day: the mean of each daily item over non-对照点 stations that have it.
#[derive(Debug, Clone, PartialEq)]
pub struct CityDay {
    /// Natural day.
    pub date: Date,
    /// City daily items by [`Pollutant`] index, rounded.
    pub values: DailyInputs,
    /// Stations that went into each item.
    pub stations_used: [u8; 7],
    /// Daily AQI from the city values.
    pub assessment: Assessment,
}

/// City daily values and AQI from station days (see [`station_daily`]), by date.
pub fn city_daily(ds: &AirDataset) -> Vec<CityDay> {
    city_daily_from(ds, &station_daily(ds))
}

/// [`city_daily`] from already computed station days.
pub fn city_daily_from(ds: &AirDataset, days: &[StationDay]) -> Vec<CityDay> {
    let mut acc: BTreeMap<Date, ([f64; 7], [u8; 7])> = BTreeMap::new();
    for d in days {
        if ds.station(d.station).is_none_or(|s| s.is_reference) {
            continue;
        }
        let e = acc.entry(d.date).or_insert(([0.0; 7], [0; 7]));
        for (k, v) in d.values.iter().enumerate() {
            if let (Some(v), Some(sum), Some(n)) = (v, e.0.get_mut(k), e.1.get_mut(k)) {
                *sum += v;
                *n = n.saturating_add(1);
            }
        }
    }
    acc.into_iter()
        .map(|(date, (sum, n))| {
            let mut values = [None; 7];
            for p in Pollutant::ALL {
                let k = p.index();
                if let (Some(slot), Some(&s), Some(&c)) = (values.get_mut(k), sum.get(k), n.get(k))
                {
                    *slot = (c > 0).then(|| round::concentration(p.species(), s / f64::from(c)));
                }
            }
            CityDay {
                date,
                values,
                stations_used: n,
                assessment: assess_daily(RuleSet::for_date(date), &values),
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "aggregate_tests.rs"]
mod tests;
