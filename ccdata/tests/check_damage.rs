//! `ccdata check` on fixtures with every kind of damage: what each reports, and its exit code.

// Helpers outside #[test] functions: here a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{check_json, fixture};
use serde_json::Value;

fn file(report: &Value) -> &Value {
    &report["files"][0]
}

#[test]
fn a_clean_file_exits_0_with_its_stations_and_hours() {
    let (code, r) = check_json(&[fixture("clean.csv")], &[]);
    assert_eq!(code, 0, "{r:#}");
    let f = file(&r);
    assert_eq!(f["format"], "cnemc-hourly-csv");
    assert_eq!(f["detected"], true);
    assert_eq!(f["kind"], "air");
    assert_eq!(f["status"], "ok");
    assert_eq!(f["sample"], false);
    assert_eq!(f["rows"], 6);
    assert_eq!(f["first"], "2021-12-01T01:00");
    assert_eq!(f["last"], "2021-12-01T03:00");
    let codes: Vec<&str> = f["stations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["1119A", "1120A"]);
    assert_eq!(f["stations"][0]["name"], "食品厂");
    assert_eq!(f["warnings"], 0);
    assert_eq!(r["ccdata_check"], 1);
    assert_eq!(r["exit_code"], 0);
}

#[test]
fn a_gap_is_a_warning_naming_station_and_hours() {
    let (code, r) = check_json(&[fixture("gap.csv")], &[]);
    assert_eq!(code, 1, "{r:#}");
    let f = file(&r);
    assert_eq!(f["gap_hours"], 1);
    assert_eq!(f["gaps"][0]["station"], "1120A");
    assert_eq!(f["gaps"][0]["from"], "2021-12-01T02:00");
    assert_eq!(f["gaps"][0]["to"], "2021-12-01T02:00");
    assert_eq!(f["gaps"][0]["hours"], 1);
}

#[test]
fn a_duplicated_hour_is_a_warning() {
    let (code, r) = check_json(&[fixture("duplicate.csv")], &[]);
    assert_eq!(code, 1, "{r:#}");
    let f = file(&r);
    assert_eq!(f["duplicate_count"], 1);
    assert_eq!(f["duplicates"][0]["station"], "1119A");
    assert_eq!(f["duplicates"][0]["hour"], "2021-12-01T02:00");
    assert_eq!(f["duplicates"][0]["times"], 2);
}

#[test]
fn a_future_stamp_is_a_warning_and_stays_out_of_the_hours() {
    let (code, r) = check_json(&[fixture("future.csv")], &[]);
    assert_eq!(code, 1, "{r:#}");
    let f = file(&r);
    assert_eq!(f["future_count"], 1);
    assert_eq!(f["future"][0]["hour"], "2099-01-01T00:00");
    // No gap of 77 years: the future row is not part of the file's span.
    assert_eq!(f["last"], "2021-12-01T03:00");
    assert_eq!(f["gap_hours"], 0);
}

/// The position of a damaged cell: the adapter skips it and names it, the rest of the file is
/// read, and `check` calls that a warning (exit 1).
fn damaged_place(code: i32, f: &Value) -> (u64, u64, String) {
    assert_eq!(code, 1, "{f:#}");
    assert_eq!(f["status"], "warnings", "{f:#}");
    assert_eq!(f["skipped"].as_array().map(Vec::len), Some(1), "{f:#}");
    assert_eq!(f["skipped"][0]["file"], f["file"]);
    let place = &f["skipped"][0];
    (
        place["line"].as_u64().unwrap(),
        place["column"].as_u64().unwrap(),
        place["message"].as_str().unwrap().to_string(),
    )
}

#[test]
fn a_junk_cell_in_a_csv_is_named_by_line_and_column() {
    let (code, r) = check_json(&[fixture("junk-cell.csv")], &[]);
    let (line, column, message) = damaged_place(code, file(&r));
    assert_eq!((line, column), (3, 65), "{message}");
    assert!(message.contains("abc"), "{message}");
}

#[test]
fn a_junk_cell_in_cc_air_json_is_named_by_line_and_column() {
    let (code, r) = check_json(&[fixture("junk-cell.json")], &[]);
    assert_eq!(file(&r)["format"], "cc-air-json");
    let (line, column, _) = damaged_place(code, file(&r));
    assert_eq!(line, 5);
    assert!(column > 0);
}

#[test]
fn a_missing_column_is_an_error_at_the_header() {
    let (code, r) = check_json(&[fixture("missing-column.csv")], &[]);
    assert_eq!(code, 2, "{r:#}");
    let f = file(&r);
    assert_eq!(f["status"], "error");
    assert_eq!(f["error"]["line"], 1);
    assert!(
        f["error"]["message"].as_str().unwrap().contains("pm2_5"),
        "{f:#}"
    );
}

#[test]
fn an_empty_file_and_a_non_feed_are_errors() {
    let (code, r) = check_json(&[fixture("empty.csv"), fixture("not-a-feed.html")], &[]);
    assert_eq!(code, 2, "{r:#}");
    assert_eq!(r["files"][0]["error"]["message"], "empty file");
    let html = &r["files"][1];
    assert_eq!(html["status"], "error");
    assert_eq!(html["format"], Value::Null);
    assert_eq!(html["error"]["line"], 1);
    assert!(html["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("not a feed"));
}

#[test]
fn the_worst_file_decides_the_exit_code_and_text_names_file_line_column() {
    let out = common::ccdata([
        "check".as_ref(),
        "--now".as_ref(),
        "2026-01-01T00:00".as_ref(),
        fixture("clean.csv").as_os_str(),
        fixture("gap.csv").as_os_str(),
        fixture("junk-cell.csv").as_os_str(),
    ]);
    // A gap and a skipped cell are warnings: exit 1.
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("junk-cell.csv:3:65:"), "{text}");
    assert!(
        text.contains("1120A 2021-12-01 02:00 – 2021-12-01 02:00 (1 h)"),
        "{text}"
    );
}

#[test]
fn a_given_format_overrides_detection() {
    let (code, r) = check_json(&[fixture("clean.csv")], &["--format", "quotsoft-sites-csv"]);
    assert_eq!(code, 2, "{r:#}");
    assert_eq!(file(&r)["format"], "quotsoft-sites-csv");
    assert_eq!(file(&r)["detected"], false);
}

#[test]
fn every_format_of_cores_fixtures_is_detected_and_read() {
    let core = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures");
    let (code, r) = check_json(&[core.join("air"), core.join("water")], &[]);
    assert_eq!(code, 0, "{r:#}");
    let seen: Vec<(String, String, String)> = r["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let name = f["file"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            (
                name,
                f["format"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("openaq_days.json", "openaq-v3-json", "air"),
        ("openaq_measurements.json", "openaq-v3-json", "air"),
        ("quotsoft_sites_20210105.csv", "quotsoft-sites-csv", "air"),
        ("cc-water-results.json", "cc-water-json", "water-results"),
        ("cc-water-sections.json", "cc-water-json", "water-sections"),
        (
            "cnemc-realtime-jilin.json",
            "cnemc-water-json",
            "water-automatic",
        ),
        (
            "cnemc-realtime-tbody-first.json",
            "cnemc-water-json",
            "water-automatic",
        ),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(seen, want);
    assert!(
        r["files"][0]["daily_rows"].as_u64().unwrap() > 0,
        "{:#}",
        r["files"][0]
    );
    assert_eq!(r["files"][3]["first"], "2021-05-10");
}

#[test]
fn a_forecast_and_a_warnings_file_are_read_and_their_bad_entries_named() {
    let (code, r) = check_json(
        &[
            fixture("forecast-bad-day.json"),
            fixture("alerts-bad-level.json"),
        ],
        &[],
    );
    assert_eq!(code, 1, "{r:#}");
    let forecast = &r["files"][0];
    assert_eq!(forecast["format"], "cc-forecast-json");
    assert_eq!(forecast["kind"], "air-forecast");
    assert_eq!(forecast["rows"], 1);
    assert_eq!(forecast["first"], "2026-01-01");
    assert_eq!(
        forecast["skipped"][0]["message"],
        "days[1].aqi: expected [low, high], whole numbers 0–500, low ≤ high"
    );
    let alerts = &r["files"][1];
    assert_eq!(alerts["kind"], "air-alerts");
    assert_eq!(alerts["rows"], 1);
    assert_eq!(alerts["status"], "warnings");
    assert!(alerts["skipped"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("alerts[1].level:"));
}
