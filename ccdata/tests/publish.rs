//! `ccdata publish` and `convert` on fixtures and the sample generators: month files merged with
//! what is there (later rows win, nothing older lost), idempotence, the sample label only on
//! sample data, water files, and config.json entries the site's parser accepts.

// Helpers outside #[test] functions: here a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cc_core::air::parse_cc_air_json;
use cc_core::config::{parse_config, SourceUrls};
use common::{ccdata, fixture, temp_dir};
use std::ffi::OsStr;
use std::path::Path;

fn run(args: &[&OsStr]) -> std::process::Output {
    let out = ccdata(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

/// A CNEMC CSV of 1119A with the given (hour "2022-01-01T01", pm10) rows.
fn csv(rows: &[(&str, u32)]) -> String {
    let mut out = "timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h\n".to_string();
    for (hour, pm10) in rows {
        out.push_str(&format!("{hour}:00:00,1119A,125.3325,43.9166,长春市,食品厂,,40,{pm10},52,20,37,62,14,51,24,30,41,12,16,0.6,0.6\n"));
    }
    out
}

fn pm10(path: &Path) -> Vec<(String, Option<f64>)> {
    let ds = parse_cc_air_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    ds.rows
        .iter()
        .map(|r| (r.hour.to_param(), r.c[1]))
        .collect()
}

#[test]
fn month_files_merge_with_what_is_there_and_older_months_are_kept() {
    let dir = temp_dir("merge");
    let out = dir.join("data");
    let (nov, jan1, jan2) = (
        dir.join("nov.csv"),
        dir.join("jan1.csv"),
        dir.join("jan2.csv"),
    );
    std::fs::write(&nov, csv(&[("2021-11-10T05", 10)])).unwrap();
    std::fs::write(&jan1, csv(&[("2022-01-05T01", 20), ("2022-01-05T02", 21)])).unwrap();
    std::fs::write(&jan2, csv(&[("2022-01-05T02", 99), ("2022-01-05T03", 22)])).unwrap();
    run(&[
        os("publish"),
        os("--air"),
        nov.as_os_str(),
        os("-o"),
        out.as_os_str(),
    ]);
    let nov_bytes = std::fs::read(out.join("air-2021-11.json")).unwrap();
    run(&[
        os("publish"),
        os("--air"),
        jan1.as_os_str(),
        os("-o"),
        out.as_os_str(),
    ]);
    let third = run(&[
        os("publish"),
        os("--air"),
        jan2.as_os_str(),
        os("-o"),
        out.as_os_str(),
    ]);
    assert_eq!(
        std::fs::read(out.join("air-2021-11.json")).unwrap(),
        nov_bytes,
        "an untouched month keeps its bytes"
    );
    assert_eq!(
        pm10(&out.join("air-2022-01.json")),
        vec![
            ("2022-01-05T01:00".to_string(), Some(20.0)),
            ("2022-01-05T02:00".to_string(), Some(99.0)),
            ("2022-01-05T03:00".to_string(), Some(22.0)),
        ],
        "later rows win, earlier hours stay"
    );
    let fragment: serde_json::Value = serde_json::from_slice(&third.stdout).unwrap();
    assert_eq!(
        fragment["air"]["history"]["urls"],
        serde_json::json!(["data/air-2021-11.json", "data/air-2022-01.json"])
    );
    assert_eq!(fragment["air"]["latest"]["url"], "data/air-latest.json");
    assert_eq!(fragment["air"]["latest"].get("sample"), None);
    let cfg = parse_config(
        &String::from_utf8_lossy(&third.stdout),
        "https://example.org/",
    )
    .expect("the fragment is a config the site reads");
    assert!(cfg.air_history.is_some());
    let (key, widget) = cfg.widget_air_source().expect("the widget's source");
    assert_eq!(key, "widget.air_latest");
    assert_eq!(
        widget.urls,
        SourceUrls::List(vec!["https://example.org/data/air-latest-24h.json".into()])
    );
    // The latest file: the 48 hours up to the newest, all of them from January.
    assert_eq!(pm10(&out.join("air-latest.json")).len(), 3);
    let said = String::from_utf8_lossy(&third.stderr);
    assert!(
        said.contains("written   ") && said.contains("air-2022-01.json"),
        "{said}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_latest_file_holds_48_hours() {
    let dir = temp_dir("latest");
    let rows: Vec<(String, u32)> = (0..72)
        .map(|i| {
            (
                cc_core::time::Hour(cc_core::time::Date::new(2022, 1, 1).unwrap().at_hour(0).0 + i)
                    .to_param()[..13]
                    .to_string(),
                30,
            )
        })
        .collect();
    let rows: Vec<(&str, u32)> = rows.iter().map(|(h, v)| (h.as_str(), *v)).collect();
    let input = dir.join("three-days.csv");
    std::fs::write(&input, csv(&rows)).unwrap();
    run(&[
        os("publish"),
        os("--air"),
        input.as_os_str(),
        os("-o"),
        dir.join("data").as_os_str(),
    ]);
    let latest = pm10(&dir.join("data/air-latest.json"));
    assert_eq!(latest.len(), 48);
    assert_eq!(latest[0].0, "2022-01-02T00:00");
    assert_eq!(latest[47].0, "2022-01-03T23:00");
    // The widget's file: the last 24 of them.
    assert_eq!(pm10(&dir.join("data/air-latest-24h.json")), latest[24..]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sample_inputs_are_labelled_sample_and_are_not_mixed_with_real_data() {
    let dir = temp_dir("sample");
    let sample = dir.join("sample");
    std::fs::create_dir_all(&sample).unwrap();
    for (name, text) in cc_core::air::sample::files()
        .into_iter()
        .filter(|(n, _)| n == "air-2021-12.json")
    {
        std::fs::write(sample.join(name), text).unwrap();
    }
    for (name, text) in cc_core::water::sample::sample_files() {
        std::fs::write(sample.join(name), text).unwrap();
    }
    let out = dir.join("site/data");
    let config = dir.join("site/config.json");
    run(&[
        os("publish"),
        os("--air"),
        sample.join("air-2021-12.json").as_os_str(),
        os("--water"),
        sample.join("water-sections.json").as_os_str(),
        sample.join("water-results.json").as_os_str(),
        os("-o"),
        out.as_os_str(),
        os("--config"),
        config.as_os_str(),
    ]);
    let cfg = parse_config(
        &std::fs::read_to_string(&config).unwrap(),
        "https://example.org/",
    )
    .unwrap();
    for source in [
        &cfg.air_latest,
        &cfg.widget.air_latest,
        &cfg.air_history,
        &cfg.water_sections,
        &cfg.water_results,
    ] {
        assert!(source.as_ref().expect("every source").sample);
    }
    assert!(std::fs::read_to_string(out.join("air-2021-12.json"))
        .unwrap()
        .contains("\"sample\":true"));
    assert!(std::fs::read_to_string(out.join("water-results.json"))
        .unwrap()
        .contains("\"sample\": true"));
    // Water files read back as the generator wrote them.
    let (_, water) = cc_core::water::sample::sample_files()
        .into_iter()
        .nth(1)
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("water-results.json")).unwrap(),
        water
    );

    // Real data into a folder of sample months is refused, naming both.
    let real = dir.join("real.csv");
    std::fs::write(&real, csv(&[("2021-12-31T05", 10)])).unwrap();
    let refused = ccdata([
        os("publish"),
        os("--air"),
        real.as_os_str(),
        os("-o"),
        out.as_os_str(),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("air-2021-12.json") && said.contains("real.csv"),
        "{said}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_existing_config_keeps_its_other_keys() {
    let dir = temp_dir("config");
    let config = dir.join("config.json");
    std::fs::write(&config, r#"{"report": {"endpoint": "/open311/v2", "api_key": "k"}, "air": {"latest": {"format": "cnemc-hourly-csv", "url": "old.csv"}}, "widget": {"refresh_minutes": 5}, "languages": ["zh"]}"#).unwrap();
    run(&[
        os("publish"),
        os("--air"),
        fixture("clean.csv").as_os_str(),
        os("-o"),
        dir.join("data").as_os_str(),
        os("--config"),
        config.as_os_str(),
    ]);
    let cfg = parse_config(
        &std::fs::read_to_string(&config).unwrap(),
        "https://example.org/",
    )
    .unwrap();
    assert_eq!(cfg.report.map(|r| r.api_key), Some("k".to_string()));
    assert_eq!(
        cfg.air_latest.map(|s| s.format.as_str()),
        Some("cc-air-json")
    );
    assert_eq!(cfg.languages.len(), 1);
    assert_eq!(cfg.widget.refresh_minutes, 5);
    assert!(cfg.widget.air_latest.is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_input_stops_publish_naming_file_line_and_column() {
    let dir = temp_dir("damaged");
    let out = ccdata([
        os("publish"),
        os("--air"),
        fixture("missing-column.csv").as_os_str(),
        os("-o"),
        dir.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("missing-column.csv:1:"), "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn convert_writes_cc_air_json_from_any_air_format() {
    let dir = temp_dir("convert");
    let target = dir.join("out.json");
    run(&[
        os("convert"),
        os("--to"),
        os("cc-air-json"),
        fixture("clean.csv").as_os_str(),
        fixture("duplicate.csv").as_os_str(),
        os("-o"),
        target.as_os_str(),
        os("--now"),
        os("2026-01-01T00:00"),
    ]);
    let ds = parse_cc_air_json(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(ds.rows.len(), 6);
    assert!(!ds.sample);
    // The duplicate file came later: its second 02:00 row (pm10 70) won.
    let row = ds
        .rows
        .iter()
        .find(|r| {
            r.hour.to_param() == "2021-12-01T02:00"
                && ds.stations[usize::from(r.station)].code == "1119A"
        })
        .unwrap();
    assert_eq!(row.c[1], Some(70.0));
    // Stamped with the data's newest hour, so the same input gives the same bytes.
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("\"generated_at\":\"2021-12-01T03:00+08:00\""));
    let water = ccdata([
        os("convert"),
        os("--to"),
        os("cc-water-json"),
        fixture("clean.csv").as_os_str(),
    ]);
    assert_eq!(water.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&water.stderr).contains("clean.csv: holds air data"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_junk_cell_is_published_as_missing_and_named_on_standard_error() {
    let dir = temp_dir("junk-cell");
    let out = run(&[
        os("publish"),
        os("--air"),
        fixture("junk-cell.csv").as_os_str(),
        os("-o"),
        dir.as_os_str(),
    ]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("junk-cell.csv:3:65: skipped:"), "{said}");
    let latest = std::fs::read_to_string(dir.join("air-latest.json")).expect("air-latest.json");
    let ds = parse_cc_air_json(&latest).expect("published file reads");
    assert!(ds.skipped.is_empty(), "what we publish is clean");
    assert!(!ds.rows.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
