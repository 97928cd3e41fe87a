//! The benchmark workload of `make bench`, natively: parse one year of hourly CNEMC CSV for 10
//! stations (87,600 rows), then compute the city's daily AQI series and 优良天数. The budget is
//! 50 ms in wasm (`make bench`); this test prints the native time (run with `--release
//! --nocapture` to see a meaningful figure) and only guards against gross regressions.

use cc_core::air::{city_daily, good_days, parse_cnemc_hourly_csv, sample};
use std::time::Instant;

#[test]
fn one_year_of_cnemc_csv_to_good_days() {
    let text = sample::cnemc_csv_2021();
    let tr = Instant::now();
    let mut reader = cc_core::air::feeds::csv_reader::CsvReader::new(&text);
    let mut fields = Vec::new();
    let mut records = 0;
    while let Ok(Some(_)) = reader.next_record(&mut fields) {
        records += 1;
    }
    println!(
        "CSV tokenising alone: {records} records in {:?}",
        tr.elapsed()
    );
    let t0 = Instant::now();
    let ds = parse_cnemc_hourly_csv(&text).unwrap();
    let t1 = Instant::now();
    let days = city_daily(&ds);
    let g = good_days(&days);
    let t2 = Instant::now();
    println!(
        "{} bytes, {} rows: parse {:?}, daily AQI + good days {:?}; {} good of {} valid days",
        text.len(),
        ds.rows.len(),
        t1 - t0,
        t2 - t1,
        g.good,
        g.valid
    );
    assert_eq!(ds.rows.len(), 87_600);
    assert_eq!(days.len(), 365);
}

/// What passing the year back from the feeds module would cost (README "The feeds module": why
/// the history bundle keeps its parsers): the year written as `cc_core::wire` bytes and read
/// back, natively.
#[test]
fn one_year_through_the_wire() {
    let text = sample::cnemc_csv_2021();
    let parsed = parse_cnemc_hourly_csv(&text);
    let t0 = Instant::now();
    let bytes = cc_core::wire::air::encode_air(&parsed);
    let t1 = Instant::now();
    let back = cc_core::wire::air::decode_air(&bytes);
    let t2 = Instant::now();
    println!(
        "wire: {} bytes, written in {:?}, read in {:?}",
        bytes.len(),
        t1 - t0,
        t2 - t1
    );
    assert_eq!(back, parsed);
}

/// What our JSON reader costs on the sample files (README "What our JSON reader costs in
/// time"): November's cc-air-json (140 KB), `air-latest.json` and the water results (500 KB),
/// each read three times; the middle time is printed.
#[test]
fn the_sample_files_through_our_json_reader() {
    let middle = |read: &dyn Fn()| {
        let mut times: Vec<_> = (0..3)
            .map(|_| {
                let t = Instant::now();
                read();
                t.elapsed()
            })
            .collect();
        cc_core::order::sort_by_key(&mut times, |t| *t);
        times[1]
    };
    let files = sample::files();
    let file = |name: &str| files.iter().find(|(n, _)| n == name).unwrap().1.clone();
    let (month, latest) = (file("air-2021-11.json"), file("air-latest.json"));
    let [(_, sections), (_, results)] = cc_core::water::sample::sample_files();
    let sections = cc_core::water::feeds::cc_json::parse_sections(&sections)
        .unwrap()
        .sections;
    let read_air = |text: &str| {
        assert!(!cc_core::air::parse_cc_air_json(text)
            .unwrap()
            .rows
            .is_empty())
    };
    let read_water = || {
        let doc = cc_core::water::feeds::cc_json::parse_results(&results, &sections).unwrap();
        assert!(doc.skipped.is_empty() && !doc.results.is_empty());
    };
    println!(
        "cc_core::json: month of cc-air-json ({} B) {:?}, air-latest ({} B) {:?}, water results ({} B) {:?}",
        month.len(),
        middle(&|| read_air(&month)),
        latest.len(),
        middle(&|| read_air(&latest)),
        results.len(),
        middle(&read_water),
    );
}
