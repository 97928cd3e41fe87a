//! `ccdata` on the real CNEMC publication in ../shared/data/cnemc-changchun (read from there,
//! never copied; required under CI=true): check, and a published folder the site's config
//! parser accepts, whose newest city AQI is the one cc_core computes from the CSVs directly.

mod common;

use cc_core::air::{city_hourly, merge, parse_cnemc_hourly_csv};
use cc_core::config::parse_config;
use common::{ccdata, check_json, real_data, temp_dir};

#[test]
fn check_reads_the_real_files_and_finds_the_known_gap() {
    let Some(dir) = real_data() else { return };
    let files: Vec<_> = ["2022-01-01.csv", "2022-01-02.csv", "2022-01-03.csv"]
        .iter()
        .map(|f| dir.join(f))
        .collect();
    let (code, r) = check_json(&files, &[]);
    // 1126A is missing 2022-01-01 01:00–13:00, and its 00:00 row has no value (README there).
    assert_eq!(code, 1, "{r:#}");
    let day1 = &r["files"][0];
    assert_eq!(day1["format"], "cnemc-hourly-csv");
    assert_eq!(day1["stations"].as_array().unwrap().len(), 10);
    assert_eq!(day1["first"], "2022-01-01T00:00");
    assert_eq!(day1["last"], "2022-01-01T23:00");
    assert_eq!(day1["gaps"][0]["station"], "1126A");
    assert_eq!(day1["gaps"][0]["from"], "2022-01-01T00:00");
    assert_eq!(day1["gaps"][0]["to"], "2022-01-01T13:00");
    assert_eq!(day1["gap_hours"], 14);
    assert_eq!(day1["duplicate_count"], 0);
    assert_eq!(day1["future_count"], 0);
    assert_eq!(day1["sample"], false);
    assert_eq!(r["files"][1]["status"], "ok");
    assert_eq!(r["files"][2]["rows"], 10);
}

#[test]
fn publish_of_the_real_files_is_real_parseable_idempotent_and_gives_cc_cores_city_aqi() {
    let Some(dir) = real_data() else { return };
    let site = temp_dir("real");
    let out = site.join("data");
    let config = site.join("config.json");
    let args = [
        "publish".as_ref(),
        "--air".as_ref(),
        dir.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--config".as_ref(),
        config.as_os_str(),
    ];
    let first = ccdata(args);
    assert!(first.status.success(), "{first:?}");
    let snapshot = |d: &std::path::Path| {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
            .collect();
        files.sort();
        files
    };
    let before = (snapshot(&out), std::fs::read(&config).unwrap());
    let second = ccdata(args);
    assert!(second.status.success(), "{second:?}");
    assert_eq!(
        (snapshot(&out), std::fs::read(&config).unwrap()),
        before,
        "a second run changes no byte"
    );
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(!said.contains("written"), "{said}");
    assert!(said.contains("unchanged"), "{said}");

    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    for want in ["air-latest.json", "air-2021-12.json", "air-2022-01.json"] {
        assert!(names.contains(&want.to_string()), "{names:?}");
    }
    let cfg = parse_config(
        &std::fs::read_to_string(&config).unwrap(),
        "https://example.org/",
    )
    .expect("the site's parser accepts it");
    let latest = cfg.air_latest.expect("air.latest");
    assert!(!latest.sample, "real data is never labelled sample");
    assert!(!std::fs::read_to_string(out.join("air-latest.json"))
        .unwrap()
        .contains("\"sample\":true"));

    // The city AQI at the newest hour, computed by cc_core from the CSVs, as the site does.
    let datasets = ["2022-01-01.csv", "2022-01-02.csv", "2022-01-03.csv"]
        .iter()
        .map(|f| parse_cnemc_hourly_csv(&std::fs::read_to_string(dir.join(f)).unwrap()).unwrap())
        .collect();
    let (ds, _) = merge(datasets, None);
    let newest = ds.latest_hour().unwrap();
    let want = city_hourly(&ds)
        .into_iter()
        .find(|c| c.hour == newest)
        .and_then(|c| c.assessment.outcome.ok())
        .map(|a| a.value);
    let (_, r) = check_json(&[out.join("air-latest.json")], &[]);
    let city = &r["files"][0]["city_latest"];
    assert_eq!(city["hour"], newest.to_param());
    assert_eq!(city["aqi"].as_u64().map(|v| v as u16), want);
    assert_eq!(
        r["files"][0]["first"], "2022-01-01T01:00",
        "48 hours back from 2022-01-03 00:00"
    );
    let _ = std::fs::remove_dir_all(&site);
}
