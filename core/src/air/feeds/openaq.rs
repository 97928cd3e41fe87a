//! `openaq-v3-json`: the OpenAQ API v3 envelopes `{"meta":…, "results":[…]}` of
//! `/v3/sensors/{id}/measurements` (hourly values) and `/v3/sensors/{id}/days` (daily means,
//! "computed from the hourly average values from 01:00 to 0:00 in local time"), per
//! the OpenAQ v3 documentation (docs.openaq.org) and the response models of
//! `openaq/openaq-python`. No real response for Changchun exists (OpenAQ's China adapter is
//! disabled: openaq/openaq-fetch#453); the tests use bodies written from the documented shapes.
//!
//! Gas units in ppm/ppb are converted to mass concentrations at the reference state of
//! GB 3095-2012 (amended 2018): 25 °C, 1013.25 hPa, molar volume 24.465 L/mol.

use crate::air::dataset::{AirDataset, DailyRow, HourlyRow, Station};
use crate::air::pollutant::Species;
use crate::time::{Hour, BEIJING_OFFSET_MINUTES};
use crate::FeedError;
use serde::Deserialize;
use std::collections::HashMap;

const MOLAR_VOLUME: f64 = 24.465;

/// The answer's envelope; each result is read on its own (one bad result costs only itself).
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    results: Vec<&'a serde_json::value::RawValue>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawItem {
    value: Option<f64>,
    parameter: RawParameter,
    period: Option<RawPeriod>,
    datetime: Option<RawTime>,
    coordinates: Option<RawCoordinates>,
    locations_id: Option<i64>,
    summary: Option<RawSummary>,
}

#[derive(Deserialize)]
struct RawParameter {
    name: String,
    units: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawPeriod {
    label: Option<String>,
    interval: Option<String>,
    datetime_to: Option<RawTime>,
}

#[derive(Deserialize)]
struct RawTime {
    utc: Option<String>,
    local: Option<String>,
}

#[derive(Deserialize)]
struct RawCoordinates {
    latitude: Option<f64>,
    longitude: Option<f64>,
}

#[derive(Deserialize)]
struct RawSummary {
    max: Option<f64>,
}

/// A validated result item; validation runs inside deserialisation so that errors carry the
/// position serde_json reports (the end of the offending item).
#[derive(Deserialize)]
#[serde(try_from = "RawItem")]
struct Item {
    species: Option<Species>,
    value: Option<f64>,
    max: Option<f64>,
    end: Hour,
    daily: bool,
    location: Option<String>,
    lon: Option<f64>,
    lat: Option<f64>,
}

fn species_of(name: &str) -> Option<Species> {
    match name
        .to_ascii_lowercase()
        .replace(['.', '_', ' '], "")
        .as_str()
    {
        "pm25" => Some(Species::Pm25),
        "pm10" => Some(Species::Pm10),
        "so2" => Some(Species::So2),
        "no2" => Some(Species::No2),
        "co" => Some(Species::Co),
        "o3" => Some(Species::O3),
        _ => None,
    }
}

/// Factor from `units` to this crate's unit of `s` (µg/m³; CO mg/m³).
fn factor(s: Species, units: &str) -> Option<f64> {
    let u = units
        .trim()
        .replace(['μ', 'µ'], "u")
        .replace('³', "3")
        .to_ascii_lowercase();
    let molar_mass = match s {
        Species::So2 => Some(64.066),
        Species::No2 => Some(46.0055),
        Species::O3 => Some(47.997),
        Species::Co => Some(28.010),
        Species::Pm25 | Species::Pm10 => None,
    };
    let to_ug = match u.as_str() {
        "ug/m3" => 1.0,
        "mg/m3" => 1000.0,
        "ppb" => molar_mass? / MOLAR_VOLUME,
        "ppm" => 1000.0 * molar_mass? / MOLAR_VOLUME,
        _ => return None,
    };
    Some(if s == Species::Co {
        to_ug / 1000.0
    } else {
        to_ug
    })
}

/// An ISO-8601 time with offset (`Z`, `+08:00`, `-05:00`) as a Beijing hour stamp.
fn beijing_hour(text: &str) -> Option<Hour> {
    let t = text.trim();
    let (local, offset_min) = if let Some(x) = t.strip_suffix('Z') {
        (x, 0i64)
    } else {
        let cut = t.len().checked_sub(6)?;
        let (x, off) = (t.get(..cut)?, t.get(cut..)?);
        let sign = match off.as_bytes().first()? {
            b'+' => 1,
            b'-' => -1,
            _ => return Hour::parse(t),
        };
        let h: i64 = off.get(1..3)?.parse().ok()?;
        let m: i64 = off.get(4..6)?.parse().ok()?;
        (x, sign * (h * 60 + m))
    };
    if offset_min % 60 != 0 {
        return None;
    }
    let h = Hour::parse(local)?;
    Some(Hour(h.0 + (BEIJING_OFFSET_MINUTES - offset_min) / 60))
}

impl TryFrom<RawItem> for Item {
    type Error = String;

    fn try_from(r: RawItem) -> Result<Self, String> {
        let species = species_of(&r.parameter.name);
        let f = match species {
            Some(s) => Some(factor(s, &r.parameter.units).ok_or_else(|| {
                format!(
                    "unknown units \"{}\" for parameter \"{}\"",
                    r.parameter.units, r.parameter.name
                )
            })?),
            None => None,
        };
        let time = r
            .period
            .as_ref()
            .and_then(|p| p.datetime_to.as_ref())
            .or(r.datetime.as_ref())
            .ok_or("item without period.datetimeTo or datetime")?;
        let end = [time.local.as_deref(), time.utc.as_deref()]
            .into_iter()
            .flatten()
            .find_map(beijing_hour)
            .ok_or("expected a whole-hour ISO-8601 time with an offset")?;
        let daily = r.period.as_ref().is_some_and(|p| {
            p.interval.as_deref().is_some_and(|i| i.starts_with("24:"))
                || p.label.as_deref().is_some_and(|l| l.contains("day"))
        });
        // OpenAQ marks invalid values with negatives (e.g. -999): those are missing, not zero.
        let scale = |v: Option<f64>| {
            v.filter(|v| v.is_finite() && *v >= 0.0)
                .zip(f)
                .map(|(v, f)| v * f)
        };
        Ok(Item {
            species,
            value: scale(r.value),
            max: scale(r.summary.and_then(|s| s.max)),
            end,
            daily,
            location: r.locations_id.map(|i| i.to_string()),
            lon: r.coordinates.as_ref().and_then(|c| c.longitude),
            lat: r.coordinates.as_ref().and_then(|c| c.latitude),
        })
    }
}

/// Parses an OpenAQ v3 `/measurements` or `/days` response. Items carry no station of their
/// own (the sensor is in the URL), so they go to `default_station` unless an item has
/// `locationsId`; station metadata comes from `stations`, else name = code and the item's
/// coordinates. Parameters other than the six pollutants are skipped.
pub fn parse_openaq_v3_json(
    text: &str,
    default_station: &str,
    stations: &[Station],
) -> Result<AirDataset, FeedError> {
    let env: Envelope = serde_json::from_str(text).map_err(|e| FeedError::from_json(&e))?;
    let mut skipped = Vec::new();
    let items: Vec<Item> = crate::json_items::parse_each(text, &env.results, &mut skipped);
    if items.is_empty() {
        if let Some(first) = skipped.first() {
            return Err(FeedError::no_usable_row(first, skipped.len()));
        }
    }
    let mut ds = AirDataset {
        source: "OpenAQ".to_string(),
        skipped,
        ..Default::default()
    };
    let mut hourly: HashMap<(u16, i64), usize> = HashMap::new();
    let mut daily: HashMap<(u16, i64), usize> = HashMap::new();
    for item in items {
        let Some(species) = item.species else {
            continue;
        };
        let code = item.location.as_deref().unwrap_or(default_station);
        let st = match ds.stations.iter().position(|s| s.code == code) {
            Some(i) => u16::try_from(i).map_err(|_| FeedError::whole("too many stations"))?,
            None => {
                let meta = stations.iter().find(|s| s.code == code).cloned();
                ds.stations.push(meta.unwrap_or(Station {
                    code: code.to_string(),
                    name: code.to_string(),
                    lon: item.lon,
                    lat: item.lat,
                    is_reference: false,
                }));
                u16::try_from(ds.stations.len() - 1)
                    .map_err(|_| FeedError::whole("too many stations"))?
            }
        };
        if item.daily {
            let date = item.end.natural_day();
            let i = *daily.entry((st, date.to_days())).or_insert_with(|| {
                ds.daily.push(DailyRow {
                    station: st,
                    date,
                    mean: [None; 6],
                    o3_max_1h: None,
                    o3_max_8h: None,
                });
                ds.daily.len() - 1
            });
            if let Some(d) = ds.daily.get_mut(i) {
                if let Some(m) = d.mean.get_mut(species.index()) {
                    *m = item.value;
                }
                if species == Species::O3 {
                    d.o3_max_1h = item.max;
                }
            }
        } else {
            let i = *hourly.entry((st, item.end.0)).or_insert_with(|| {
                ds.rows.push(HourlyRow {
                    station: st,
                    hour: item.end,
                    c: [None; 6],
                    published: None,
                });
                ds.rows.len() - 1
            });
            if let Some(c) = ds
                .rows
                .get_mut(i)
                .and_then(|r| r.c.get_mut(species.index()))
            {
                *c = item.value;
            }
        }
    }
    Ok(ds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_with_offsets_become_beijing_stamps() {
        let want = Hour::parse("2021-06-01T09:00").unwrap();
        assert_eq!(beijing_hour("2021-06-01T01:00:00Z"), Some(want));
        assert_eq!(beijing_hour("2021-06-01T09:00:00+08:00"), Some(want));
        assert_eq!(beijing_hour("2021-05-31T20:00:00-05:00"), Some(want));
        assert_eq!(beijing_hour("2021-06-01T01:30:00Z"), None);
        assert_eq!(beijing_hour("x"), None);
    }

    #[test]
    fn units_convert_to_mass_concentrations() {
        assert_eq!(factor(Species::Pm25, "µg/m³"), Some(1.0));
        assert_eq!(factor(Species::Pm25, "ppm"), None);
        let co = factor(Species::Co, "ppm").unwrap();
        assert!((co - 28.010 / 24.465).abs() < 1e-12);
        assert!((factor(Species::No2, "ppb").unwrap() - 1.8804).abs() < 1e-3);
    }
}
