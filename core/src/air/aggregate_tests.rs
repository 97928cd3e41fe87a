use super::*;
use crate::air::dataset::{HourlyRow, Station};

fn station(code: &str, reference: bool) -> Station {
    Station {
        code: code.into(),
        name: code.into(),
        lon: None,
        lat: None,
        is_reference: reference,
    }
}

fn full(v: f64) -> [Option<f64>; 6] {
    [Some(v), Some(v), Some(v), Some(v), Some(v / 100.0), Some(v)]
}

#[test]
fn sliding_mean_needs_min_valid_and_is_exact() {
    let v: Vec<Option<f64>> = (1..=30)
        .map(|i| if i == 3 { None } else { Some(f64::from(i)) })
        .collect();
    let m = sliding_mean(&v, 24, 20);
    assert_eq!(m[18], None); // 18 valid values
    assert_eq!(
        m[20],
        Some((1..=21).filter(|&i| i != 3).sum::<i32>() as f64 / 20.0)
    );
    let last = (7..=30).sum::<i32>() as f64 / 24.0;
    assert_eq!(m[29], Some(last));
}

#[test]
fn natural_day_windows_and_city_means_skip_the_reference_station() {
    let mut ds = AirDataset {
        stations: vec![station("A", false), station("B", false), station("R", true)],
        ..Default::default()
    };
    let day = Date::parse("2021-07-01").unwrap();
    // D 00:00 belongs to the previous day: a huge value there must not enter D.
    ds.rows.push(HourlyRow {
        station: 0,
        hour: day.at_hour(0),
        c: full(900.0),
        published: None,
    });
    for (k, h) in day.natural_day_hours().enumerate() {
        // O3 peaks at the 12th hour of the day; A and B differ, R is far off.
        let o3 = if (10..14).contains(&k) { 200.0 } else { 50.0 };
        let mut a = full(30.0);
        a[5] = Some(o3);
        ds.rows.push(HourlyRow {
            station: 0,
            hour: h,
            c: a,
            published: None,
        });
        ds.rows.push(HourlyRow {
            station: 1,
            hour: h,
            c: full(50.0),
            published: None,
        });
        ds.rows.push(HourlyRow {
            station: 2,
            hour: h,
            c: full(500.0),
            published: None,
        });
    }
    let days = station_daily(&ds);
    let a = days
        .iter()
        .find(|d| d.station == 0 && d.date == day)
        .unwrap();
    assert_eq!(a.values[Pollutant::Pm25.index()], Some(30.0));
    assert_eq!(a.values[Pollutant::O3_1h.index()], Some(200.0));
    assert_eq!(a.values[Pollutant::O3_8h.index()], Some(125.0)); // (4×200 + 4×50) / 8
    let prev = days
        .iter()
        .find(|d| d.station == 0 && d.date == day.add_days(-1))
        .unwrap();
    assert!(prev.assessment.aqi().is_none());
    let city = city_daily_from(&ds, &days);
    let c = city.iter().find(|d| d.date == day).unwrap();
    assert_eq!(c.values[Pollutant::Pm25.index()], Some(40.0));
    assert_eq!(c.stations_used[Pollutant::Pm25.index()], 2);
    assert!(c.assessment.aqi().is_some());
    let hours = city_hourly(&ds);
    assert_eq!(hours.len(), 25);
    assert_eq!(hours[1].c[0], Some(40.0));
    assert_eq!(hours[0].stations_used[0], 1);
    let sh = station_hourly(&ds);
    assert_eq!(sh.len(), 25 + 24 + 24);
}

#[test]
fn too_few_o3_windows_give_no_daily_aqi() {
    let mut ds = AirDataset {
        stations: vec![station("A", false)],
        ..Default::default()
    };
    let day = Date::parse("2021-07-01").unwrap();
    for (k, h) in day.natural_day_hours().enumerate() {
        let mut c = full(30.0);
        // O3 missing 13:00–18:00: windows ending 13…24 lack ≥ 6 values for a while.
        if (12..18).contains(&k) {
            c[5] = None;
        }
        ds.rows.push(HourlyRow {
            station: 0,
            hour: h,
            c,
            published: None,
        });
    }
    let d = &station_daily(&ds)[0];
    assert_eq!(d.values[Pollutant::O3_8h.index()], None);
    assert!(d
        .assessment
        .outcome
        .unwrap_err()
        .missing
        .contains(Pollutant::O3_8h));
}
