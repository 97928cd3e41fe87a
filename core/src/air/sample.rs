//! The deterministic sample data set: hourly values for Changchun's 10 national stations over
//! the natural days of 2021, written as cc-air-json. It is **not** measured data and is not
//! tuned to imitate official figures; every file says `"sample": true`.
//!
//! The shapes are plausible for Changchun: heating-season PM and SO2 (mid-October to
//! mid-April), spring dust (PM10, March–May), straw-burning episodes in late autumn (PM2.5 to
//! 严重污染 on a few days), summer ozone; isolated missing values, a station outage and a
//! city-wide gap so that every display state appears. Only integer arithmetic, + − × ÷ and a
//! fixed-seed SplitMix64 are used (no `ln`/`cos`), so the output is identical on every run and
//! platform.

use super::alerts::{Alert, AlertLevel, Alerts};
use super::dataset::{AirDataset, HourlyRow, Published};
use super::feeds::cc_json::{write_cc_air_json, CcJsonMeta};
use super::forecast::{Forecast, ForecastDay};
use super::pollutant::Species;
use super::pollutant::{Pollutant, PollutantSet};
use super::round;
use super::stations;
use super::Level;
use crate::time::{Date, Hour, Minute};

use crate::rng::SplitMix64 as Rng;

/// Approximately standard normal (Irwin–Hall of four uniforms).
fn normal(rng: &mut Rng) -> f64 {
    (rng.unit() + rng.unit() + rng.unit() + rng.unit() - 2.0) * 1.732_050_8
}

const SEED: u64 = 0x6C76_7365_2021_0001;

/// Relative PM level per station (the 对照点 1125A is cleaner), and O3 level.
const STATION_PM: [f64; 10] = [1.05, 1.0, 1.02, 1.08, 1.1, 0.85, 0.72, 1.03, 0.95, 0.97];
const STATION_O3: [f64; 10] = [0.95, 0.97, 1.0, 0.94, 0.93, 1.08, 1.12, 0.98, 1.03, 1.0];

/// Diurnal factors by hour of day (stamp), PM/CO: night and evening high.
const DIURNAL_PM: [f64; 24] = [
    1.18, 1.16, 1.12, 1.08, 1.04, 1.0, 1.0, 1.04, 1.06, 1.02, 0.94, 0.86, 0.8, 0.77, 0.76, 0.78,
    0.84, 0.94, 1.04, 1.12, 1.18, 1.2, 1.2, 1.19,
];
/// NO2: rush hours.
const DIURNAL_NO2: [f64; 24] = [
    1.05, 1.0, 0.95, 0.9, 0.88, 0.9, 1.0, 1.15, 1.25, 1.15, 1.0, 0.9, 0.82, 0.78, 0.78, 0.82, 0.92,
    1.1, 1.25, 1.25, 1.18, 1.12, 1.1, 1.08,
];
/// O3 photochemistry: 0 at night, peak mid-afternoon.
const DIURNAL_O3: [f64; 24] = [
    0.05, 0.03, 0.02, 0.0, 0.0, 0.0, 0.03, 0.1, 0.22, 0.38, 0.55, 0.72, 0.86, 0.96, 1.0, 0.97,
    0.86, 0.68, 0.46, 0.28, 0.17, 0.12, 0.09, 0.07,
];

/// Episodes: (first day-of-year (0-based), length in days, peak addition).
const STRAW_PM25: [(i64, i64, f64); 3] = [(299, 2, 320.0), (308, 1, 170.0), (320, 1, 110.0)];
const DUST_PM10: [(i64, i64, f64); 3] = [(78, 1, 600.0), (101, 0, 380.0), (127, 0, 260.0)];

/// Smooth 0…1 weight of the heating season (15 Oct – 15 Apr) with 10-day ramps.
fn heating(doy: f64) -> f64 {
    let ramp = |x: f64| x.clamp(0.0, 1.0);
    // Ends around day 105 (15 Apr), starts around day 288 (15 Oct).
    ramp((110.0 - doy) / 10.0).max(ramp((doy - 283.0) / 10.0))
}

/// 0…1 weight of summer sun, a triangle peaking at the end of June.
fn summer(doy: f64) -> f64 {
    (1.0 - (doy - 178.0).abs() / 110.0).clamp(0.0, 1.0)
}

/// Trapezoid episode profile: a day up, the rest at peak, the last day down.
fn episode(hours_since_start: f64, days: i64) -> f64 {
    let len = days as f64 * 24.0 + 24.0;
    if hours_since_start < 0.0 || hours_since_start > len {
        return 0.0;
    }
    (hours_since_start / 18.0)
        .min((len - hours_since_start) / 18.0)
        .clamp(0.0, 1.0)
}

fn episodes(table: &[(i64, i64, f64)], hour_of_year: f64) -> f64 {
    table
        .iter()
        .map(|&(d, n, peak)| peak * episode(hour_of_year - d as f64 * 24.0, n))
        .sum()
}

/// The full sample year: 87,600 station-hours (natural days of 2021: 2021-01-01 01:00 …
/// 2022-01-01 00:00), some of them missing.
pub fn generate_2021() -> AirDataset {
    let mut rng = Rng::new(SEED);
    let first = Date {
        year: 2021,
        month: 1,
        day: 1,
    }
    .at_hour(1);
    let hours = 365 * 24;
    // City-wide weather: an AR(1) per day for stagnation (PM) and for sunshine (O3).
    let mut stagnation = Vec::with_capacity(367);
    let mut sun = Vec::with_capacity(367);
    let (mut w, mut s) = (0.0, 0.0);
    for _ in 0..367 {
        w = 0.72 * w + 0.55 * normal(&mut rng);
        s = 0.6 * s + 0.6 * normal(&mut rng);
        stagnation.push((1.0 + 0.38 * w).clamp(0.35, 2.4));
        sun.push((1.0 + 0.2 * s).clamp(0.5, 1.35));
    }
    let stations = stations::changchun();
    let mut rows = Vec::with_capacity(hours * stations.len());
    for h in 0..hours {
        let hour = Hour(first.0 + h as i64);
        let hod = usize::from(hour.hour_of_day());
        let t = h as f64 + 1.0; // hours since 2021-01-01 00:00
        let doy = t / 24.0;
        let day = h / 24;
        let frac = (h % 24) as f64 / 24.0;
        let lerp = |v: &[f64]| {
            let a = v.get(day).copied().unwrap_or(1.0);
            let b = v.get(day + 1).copied().unwrap_or(a);
            a + (b - a) * frac
        };
        let (stag, sunny) = (lerp(&stagnation), lerp(&sun));
        let heat = heating(doy);
        let warm = summer(doy);
        let spring = if (59.0..151.0).contains(&doy) {
            1.0
        } else {
            0.0
        };
        let d_pm = DIURNAL_PM.get(hod).copied().unwrap_or(1.0);
        let pm25_city =
            (16.0 + 28.0 * heat) * stag * (0.55 + 0.45 * d_pm * (0.6 + 0.4 * heat) / 0.8)
                + episodes(&STRAW_PM25, t);
        let dust = episodes(&DUST_PM10, t);
        let so2_city = (7.0 + 26.0 * heat) * (0.7 + 0.3 * stag) * (0.8 + 0.2 * d_pm);
        let no2_city = (24.0 + 14.0 * heat)
            * (0.75 + 0.25 * stag)
            * DIURNAL_NO2.get(hod).copied().unwrap_or(1.0);
        let o3_city = 28.0 * (1.0 - 0.5 * heat) / (0.6 + 0.4 * stag)
            + (30.0 + 150.0 * warm) * sunny * DIURNAL_O3.get(hod).copied().unwrap_or(0.0);
        for (k, _) in stations.iter().enumerate() {
            let spm = STATION_PM.get(k).copied().unwrap_or(1.0);
            let so3 = STATION_O3.get(k).copied().unwrap_or(1.0);
            let mut noise = || (1.0 + 0.12 * normal(&mut rng)).clamp(0.6, 1.5);
            let pm25 = (pm25_city * spm * noise() + 0.12 * dust).max(2.0);
            let pm10 = (pm25 * 1.45 + (12.0 + 38.0 * spring) * spm * noise() + dust * noise())
                .max(pm25 + 1.0);
            let so2 = (so2_city * spm * noise()).max(2.0);
            let no2 = (no2_city * spm * noise()).max(3.0);
            let co = (0.35 + 0.011 * pm25_city * spm + 0.25 * heat) * noise();
            let o3 = (o3_city * so3 * noise()).max(2.0);
            let mut c = [
                Some(pm25),
                Some(pm10),
                Some(so2),
                Some(no2),
                Some(co.max(0.1)),
                Some(o3),
            ];
            for (i, v) in c.iter_mut().enumerate() {
                let s = Species::ALL.get(i).copied().unwrap_or(Species::Pm25);
                *v = v.map(|x| round::concentration(s, x));
                if rng.unit() < 0.003 {
                    *v = None;
                }
            }
            apply_gaps(k, hour, &mut c);
            rows.push(HourlyRow {
                station: k as u16,
                hour,
                c,
                published: None,
            });
        }
    }
    AirDataset {
        sample: true,
        source: "绿色长春 sample generator (generated, not measured) / 示例数据（生成，非实测）"
            .to_string(),
        stations,
        rows,
        daily: Vec::new(),
        skipped: Vec::new(),
    }
}

/// The sample year as one CNEMC hourly CSV (87,600 rows, 10 stations), the benchmark workload
/// (`make bench`, core/tests/air_bench.rs). Besides the 1-h values, each row carries what the
/// real feed publishes and the engine computes the same way: the hourly AQI, its primary
/// pollutants and the 24-h sliding means. The O3 summary columns (`o3`, `o3_8h`, `o3_8h_24h`)
/// are left empty, since the feed's running and "so far" values are not computed here.
pub fn cnemc_csv_2021() -> String {
    let mut ds = generate_2021();
    let hours = super::aggregate::station_hourly(&ds);
    let by_key: std::collections::HashMap<(u16, i64), &super::aggregate::StationHour> =
        hours.iter().map(|h| ((h.station, h.hour.0), h)).collect();
    for r in &mut ds.rows {
        let Some(h) = by_key.get(&(r.station, r.hour.0)) else {
            continue;
        };
        let aqi = h.assessment.outcome.as_ref().ok();
        let published = Published {
            aqi: aqi.map(|a| a.value),
            primary: Some(aqi.map(|a| a.primary).unwrap_or_default()),
            mean_24h: h.mean_24h.map(|v| v.map(|x| x as f32)),
            ..Published::default()
        };
        r.published = (!published.is_empty()).then_some(published);
    }
    super::feeds::cnemc::write_cnemc_hourly_csv(&ds, "长春市")
}

/// Outages so that missing-data states appear: 1126A (index 7) is down 60 h from 2021-05-10,
/// 1123A (index 4) loses PM2.5 on 2021-08-03 06:00–20:00, and every station is silent on
/// 2021-09-15 10:00–12:00.
fn apply_gaps(station: usize, hour: Hour, c: &mut [Option<f64>; 6]) {
    let at = |s: &str| Hour::parse(s).map_or(0, |h| h.0);
    let h = hour.0;
    let outage = station == 7 && (at("2021-05-10T01:00")..at("2021-05-10T01:00") + 60).contains(&h);
    let city = (at("2021-09-15T10:00")..=at("2021-09-15T12:00")).contains(&h);
    if outage || city {
        *c = [None; 6];
    }
    if station == 4 && (at("2021-08-03T06:00")..=at("2021-08-03T20:00")).contains(&h) {
        c[0] = None;
    }
}

/// The rows of `ds` in `[from, to]`.
fn slice(ds: &AirDataset, from: Hour, to: Hour) -> AirDataset {
    AirDataset {
        rows: ds
            .rows
            .iter()
            .filter(|r| r.hour >= from && r.hour <= to)
            .cloned()
            .collect(),
        ..AirDataset {
            sample: ds.sample,
            source: ds.source.clone(),
            stations: ds.stations.clone(),
            rows: Vec::new(),
            daily: Vec::new(),
            skipped: Vec::new(),
        }
    }
}

/// The sample files as (file name, contents): `air-2021-01.json` … `air-2021-12.json` (each
/// month's natural days: MM-01 01:00 … next month's 01 00:00), `air-latest.json` (the last
/// 72 hours of the year) and `air-latest-24h.json` (the last 24: the widget's source, config
/// `widget.air_latest`, as the widget shows only the newest hour), then the forecast and warnings.
pub fn files() -> Vec<(String, String)> {
    let ds = generate_2021();
    let end = Date {
        year: 2022,
        month: 1,
        day: 1,
    }
    .at_hour(0);
    let meta = CcJsonMeta { generated_at: end };
    let mut out = Vec::with_capacity(16);
    for m in 1..=12u8 {
        let from = Date {
            year: 2021,
            month: m,
            day: 1,
        }
        .at_hour(1);
        let to = if m == 12 {
            end
        } else {
            Date {
                year: 2021,
                month: m + 1,
                day: 1,
            }
            .at_hour(0)
        };
        out.push((
            format!("air-2021-{m:02}.json"),
            write_cc_air_json(&slice(&ds, from, to), &meta),
        ));
    }
    out.push((
        "air-latest.json".to_string(),
        write_cc_air_json(&slice(&ds, Hour(end.0 - 71), end), &meta),
    ));
    out.push((
        "air-latest-24h.json".to_string(),
        write_cc_air_json(&slice(&ds, Hour(end.0 - 23), end), &meta),
    ));
    out.push((
        "air-forecast.json".to_string(),
        super::forecast::write_cc_forecast_json(&forecast()),
    ));
    out.push((
        "air-alerts.json".to_string(),
        super::alerts::write_cc_alerts_json(&alerts()),
    ));
    out
}

/// The sample warnings: an orange warning over the sample's straw-burning episode of late
/// October 2021, long over, so the bundled site shows no banner (the e2e tests serve warnings
/// in force, made at test time).
pub fn alerts() -> Alerts {
    let at = |day: u8, hour: u8| {
        Minute(
            Date {
                year: 2021,
                month: 10,
                day,
            }
            .at_hour(hour)
            .0 * 60,
        )
    };
    let texts = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
    Alerts {
        sample: true,
        alerts: vec![Alert {
            level: AlertLevel::Orange,
            issuer: "绿色长春示例数据生成器 / sample generator".to_string(),
            issued: at(26, 16),
            starts: at(26, 20),
            ends: Some(at(30, 0)),
            headline: "示例：长春市启动重污染天气橙色预警".to_string(),
            headline_en: Some(
                "Sample: Changchun issues an orange heavy-pollution warning".to_string(),
            ),
            measures: texts(&["示例：机动车限行", "示例：停止室外大型活动"]),
            measures_en: texts(&[
                "Sample: traffic restrictions",
                "Sample: large outdoor events stopped",
            ]),
            url: None,
        }],
        skipped: Vec::new(),
    }
}

/// The sample forecast: three days from 2022-01-01, issued at 16:00 on the sample's last day.
/// Written by hand, not computed from the sample data (a forecast is a model's output, which
/// this generator does not imitate).
pub fn forecast() -> Forecast {
    let day = |d: u8, aqi: (u16, u16), primary: &[Pollutant], zh: &str, en: &str| {
        let mut set = PollutantSet::EMPTY;
        for p in primary {
            set.insert(*p);
        }
        ForecastDay {
            date: Date {
                year: 2022,
                month: 1,
                day: d,
            },
            aqi: Some(aqi),
            levels: (Level::from_aqi(aqi.0), Level::from_aqi(aqi.1)),
            primary: set,
            text: Some(zh.to_string()),
            text_en: Some(en.to_string()),
        }
    };
    Forecast {
        sample: true,
        issuer: "绿色长春示例数据生成器 / sample generator".to_string(),
        issued_at: Minute(
            Date {
                year: 2021,
                month: 12,
                day: 31,
            }
            .at_hour(16)
            .0 * 60,
        ),
        days: vec![
            day(
                1,
                (60, 85),
                &[Pollutant::Pm25],
                "示例：夜间扩散条件一般。",
                "Sample: fair dispersion overnight.",
            ),
            day(
                2,
                (85, 120),
                &[Pollutant::Pm25],
                "示例：静稳天气，可能出现轻度污染。",
                "Sample: still air; light pollution is possible.",
            ),
            day(
                3,
                (40, 65),
                &[Pollutant::Pm10],
                "示例：冷空气过境，空气质量转好。",
                "Sample: a cold front clears the air.",
            ),
        ],
        skipped: Vec::new(),
    }
}
