//! The benchmark workload of the issue, natively: parse one year of hourly CNEMC CSV for 10
//! stations (87,600 rows), then compute the city's daily AQI series and 优良天数. The budget is
//! 150 ms in wasm; this test prints the native time (run with `--release --nocapture` to see a
//! meaningful figure) and only guards against gross regressions.

use cc_core::air::{city_daily, good_days, parse_cnemc_hourly_csv, sample, Species};
use std::fmt::Write;
use std::time::Instant;

fn cnemc_csv() -> String {
    let ds = sample::generate_2021();
    let mut out = String::from("timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h\r\n");
    let cell = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for r in &ds.rows {
        let s = &ds.stations[usize::from(r.station)];
        let _ = write!(
            out,
            "{}:00,{},{},{},长春市,{},\"颗粒物(PM10),细颗粒物(PM2.5)\",88,{},,{},,,{},,,{},,{},,{},\r\n",
            r.hour.to_param(),
            s.code,
            s.lon.unwrap_or(0.0),
            s.lat.unwrap_or(0.0),
            s.name,
            cell(r.get(Species::Pm10)),
            cell(r.get(Species::Pm25)),
            cell(r.get(Species::O3)),
            cell(r.get(Species::No2)),
            cell(r.get(Species::So2)),
            cell(r.get(Species::Co)),
        );
    }
    out
}

#[test]
fn one_year_of_cnemc_csv_to_good_days() {
    let text = cnemc_csv();
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
