//! Property tests of "one bad cell loses one cell": a valid air feed with any one value cell
//! replaced by junk reads back with every other value unchanged, that cell missing, and exactly
//! one skipped place named at that cell's line.

// Helpers outside #[test] functions: here a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cc_core::air::feeds::cc_json::{parse_cc_air_json, write_cc_air_json, CcJsonMeta};
use cc_core::air::feeds::cnemc::write_cnemc_hourly_csv;
use cc_core::air::{
    parse_cnemc_hourly_csv, parse_openaq_v3_json, parse_quotsoft_sites_csv, AirDataset, HourlyRow,
};
use cc_core::time::Hour;
use proptest::prelude::*;
use std::sync::OnceLock;

/// Two stations × six hours of the generated sample: small enough for many cases.
fn small_sample() -> AirDataset {
    static SAMPLE: OnceLock<AirDataset> = OnceLock::new();
    SAMPLE
        .get_or_init(|| {
            let mut ds = cc_core::air::sample::generate_2021();
            let start = ds.rows.iter().map(|r| r.hour.0).min().unwrap_or(0);
            ds.rows.retain(|r| r.station < 2 && r.hour.0 < start + 6);
            ds
        })
        .clone()
}

/// Text that is not a non-negative number and holds no CSV or JSON structure characters.
fn csv_junk() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z#*%~_]{1,6}",
        "-[1-9][0-9]{0,3}",
        Just("1.2.3".to_string()),
        Just("NaN".to_string()),
        Just("无效".to_string()),
    ]
    // Empty, dashes and NA are the feeds' own "missing" markers, not junk.
    .prop_filter("a missing-value marker", |s| {
        !s.eq_ignore_ascii_case("na") && !s.chars().all(|c| c == '-')
    })
}

fn json_junk() -> impl Strategy<Value = String> {
    prop_oneof![
        "\"[a-z0-9 ]{0,6}\"",
        "-[1-9][0-9]{0,3}",
        Just("true".to_string()),
        Just("{}".to_string()),
        Just("[1, 2]".to_string()),
        Just("{\"a\": [null]}".to_string()),
    ]
}

/// Every (station code, hour, species index, value) of a dataset.
fn cells(ds: &AirDataset) -> Vec<(String, Hour, usize, Option<f64>)> {
    let mut out = Vec::new();
    for r in &ds.rows {
        let code = ds
            .station(r.station)
            .map(|s| s.code.clone())
            .unwrap_or_default();
        for (k, v) in r.c.iter().enumerate() {
            out.push((code.clone(), r.hour, k, *v));
        }
    }
    cc_core::order::sort_by(&mut out, |a, b| (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2)));
    out
}

/// `before` and `after` differ in exactly one cell, which `after` lacks.
fn one_cell_lost(before: &AirDataset, after: &AirDataset) -> Result<(), TestCaseError> {
    let (b, a) = (cells(before), cells(after));
    prop_assert_eq!(b.len(), a.len());
    let diff: Vec<_> = b.iter().zip(&a).filter(|(x, y)| x != y).collect();
    prop_assert_eq!(diff.len(), 1, "{:?}", diff);
    prop_assert_eq!(diff[0].1 .3, None);
    prop_assert_eq!(after.skipped.len(), 1);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn cnemc_csv_one_junk_cell(row in 0usize..12, col in 0usize..6, junk in csv_junk()) {
        let ds = small_sample();
        let text = write_cnemc_hourly_csv(&ds, "长春市");
        let clean = parse_cnemc_hourly_csv(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // The 1-h value columns of the layout: pm10, pm2_5, o3_24h, no2, so2, co.
        let field = [8usize, 10, 13, 16, 18, 20][col];
        let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
        let line = lines.get_mut(row + 1).ok_or_else(|| TestCaseError::fail("no such row"))?;
        let mut fields: Vec<&str> = line.split(',').collect();
        prop_assume!(fields.len() == 22 && !fields[field].is_empty());
        fields[field] = &junk;
        *line = fields.join(",");
        let damaged = parse_cnemc_hourly_csv(&lines.join("\r\n"))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        one_cell_lost(&clean, &damaged)?;
        prop_assert_eq!(damaged.skipped[0].line, row + 2);
    }

    #[test]
    fn quotsoft_csv_one_junk_cell(row in 0usize..6, col in 0usize..2, junk in csv_junk()) {
        let text = "date,hour,type,A,B\n20210105,0,PM2.5,1,2\n20210105,0,PM10,3,4\n20210105,0,O3,5,6\n20210105,1,PM2.5,7,8\n20210105,1,PM10,9,10\n20210105,1,O3,11,12\n";
        let clean = parse_quotsoft_sites_csv(text, &[]).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let line = &mut lines[row + 1];
        let mut fields: Vec<&str> = line.split(',').collect();
        fields[3 + col] = &junk;
        *line = fields.join(",");
        let damaged = parse_quotsoft_sites_csv(&lines.join("\n"), &[])
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        one_cell_lost(&clean, &damaged)?;
        prop_assert_eq!(damaged.skipped[0].line, row + 2);
    }

    #[test]
    fn cc_air_json_one_junk_value(series in 0usize..2, col in 0usize..6, i in 0usize..6, junk in json_junk()) {
        let ds = small_sample();
        let text = write_cc_air_json(&ds, &CcJsonMeta { generated_at: Hour(0) });
        let clean = parse_cc_air_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let name = ["pm25", "pm10", "so2", "no2", "co", "o3"][col];
        // The `series`-th occurrence of the column's array, then its `i`-th value.
        let key = format!("\"{name}\":[");
        let start = text.match_indices(&key).nth(series).map(|(at, _)| at + key.len())
            .ok_or_else(|| TestCaseError::fail("no such series"))?;
        let end = start + text[start..].find(']').unwrap_or(0);
        let mut values: Vec<&str> = text[start..end].split(',').collect();
        prop_assume!(values.get(i).is_some_and(|v| *v != "null"));
        values[i] = &junk;
        let damaged_text = format!("{}{}{}", &text[..start], values.join(","), &text[end..]);
        let damaged = parse_cc_air_json(&damaged_text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        one_cell_lost(&clean, &damaged)?;
    }
}

/// OpenAQ's answer: each result is one cell (one station, hour and pollutant); the first three
/// are pollutants with values (the fourth is -999, missing; the fifth a temperature).
const OPENAQ_HOURS: &str = include_str!("fixtures/air/openaq_measurements.json");

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    #[test]
    fn openaq_one_junk_result(k in 0usize..3, junk in prop_oneof![
        "\"[a-z0-9 ]{0,6}\"", Just("true".to_string()), Just("{}".to_string()), Just("[1]".to_string())
    ]) {
        let clean = parse_openaq_v3_json(OPENAQ_HOURS, "1119A", &[])
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (at, _) = OPENAQ_HOURS.match_indices("\"value\": ").nth(k)
            .ok_or_else(|| TestCaseError::fail("no such result"))?;
        let start = at + "\"value\": ".len();
        let end = start + OPENAQ_HOURS[start..].find(',').unwrap_or(0);
        let damaged_text = format!("{}{junk}{}", &OPENAQ_HOURS[..start], &OPENAQ_HOURS[end..]);
        let damaged = parse_openaq_v3_json(&damaged_text, "1119A", &[])
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        one_cell_lost(&clean, &damaged)?;
        let line = OPENAQ_HOURS[..at].matches('\n').count() + 1;
        prop_assert_eq!(damaged.skipped[0].line, line);
    }
}

#[test]
fn the_sample_rows_cover_both_stations() {
    let ds = small_sample();
    let per: Vec<&HourlyRow> = ds.rows.iter().filter(|r| r.station == 1).collect();
    assert_eq!((ds.rows.len(), per.len()), (12, 6));
}
