//! The sample generator is deterministic, marks its output as a sample, and reaches every AQI
//! level, plus missing-data states.

use cc_core::air::alerts::parse_cc_alerts_json;
use cc_core::air::forecast::parse_cc_forecast_json;
use cc_core::air::{city_daily, good_days, parse_cc_air_json, sample, station_hourly, Level};

#[test]
fn generator_is_deterministic_and_reaches_all_six_levels() {
    let a = sample::files();
    let b = sample::files();
    assert_eq!(a, b);
    // 12 months, the latest 72 and 24 hours, the forecast and the warnings.
    assert_eq!(a.len(), 16);
    for (name, text) in &a {
        match name.as_str() {
            "air-forecast.json" => {
                let f = parse_cc_forecast_json(text).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(f.sample, "{name}");
            }
            "air-alerts.json" => {
                let a = parse_cc_alerts_json(text).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(a.sample, "{name}");
            }
            _ => {
                assert!(text.contains("\"sample\":true"), "{name}");
                parse_cc_air_json(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
    }
    let ds = sample::generate_2021();
    assert_eq!(ds.rows.len(), 87_600);
    let hours = station_hourly(&ds);
    let mut hourly = [0usize; 6];
    let mut no_aqi = 0;
    for h in &hours {
        match h.assessment.outcome {
            Ok(a) => hourly[usize::from(a.level.number()) - 1] += 1,
            Err(_) => no_aqi += 1,
        }
    }
    let days = city_daily(&ds);
    let mut daily = [0usize; 6];
    for d in &days {
        if let Ok(a) = d.assessment.outcome {
            daily[usize::from(a.level.number()) - 1] += 1;
        }
    }
    let g = good_days(&days);
    println!("hourly levels {hourly:?}, no AQI {no_aqi}; city daily levels {daily:?}; good {}/{} valid, {} days", g.good, g.valid, g.total);
    assert!(hourly.iter().all(|&n| n > 0), "hourly levels {hourly:?}");
    assert!(
        daily.iter().filter(|&&n| n > 0).count() >= 5,
        "daily levels {daily:?}"
    );
    assert!(
        daily[Level::L6 as usize] > 0,
        "a 严重污染 day from straw burning"
    );
    assert!(no_aqi > 0);
    assert_eq!(g.total, 365); // the natural days of 2021, nothing at the edges
}

/// The widget's source (`air-latest-24h.json`, config `widget.air_latest`) is the last 24 hours
/// of `air-latest.json`, row for row: the newest hour it shows is the same.
#[test]
fn the_widgets_day_is_the_last_24_hours_of_air_latest() {
    let files = sample::files();
    let read = |name: &str| {
        let (_, text) = files
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no {name}"));
        parse_cc_air_json(text).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let (three_days, day) = (read("air-latest.json"), read("air-latest-24h.json"));
    let newest = three_days.latest_hour().expect("rows");
    assert_eq!(day.latest_hour(), Some(newest));
    let last_24: Vec<_> = three_days
        .rows
        .iter()
        .filter(|r| r.hour.0 + 24 > newest.0)
        .cloned()
        .collect();
    assert_eq!(last_24.len(), 24 * 10);
    assert_eq!(day.rows, last_24);
    assert_eq!(day.stations, three_days.stations);
    assert!(day.sample);
}
