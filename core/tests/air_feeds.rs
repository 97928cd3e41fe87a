//! Feed adapters on fixture files and on arbitrary input. The quotsoft and OpenAQ fixtures in
//! tests/fixtures/air/ are written from the documented layouts (no real samples exist).

use cc_core::air::stations::changchun;
use cc_core::air::{
    merge, parse_cc_air_json, parse_cnemc_hourly_csv, parse_openaq_v3_json,
    parse_quotsoft_sites_csv, NoteKind, Species,
};
use cc_core::time::{Date, Hour};
use proptest::prelude::*;

const QUOTSOFT: &str = include_str!("fixtures/air/quotsoft_sites_20210105.csv");
const OPENAQ_HOURS: &str = include_str!("fixtures/air/openaq_measurements.json");
const OPENAQ_DAYS: &str = include_str!("fixtures/air/openaq_days.json");

#[test]
fn quotsoft_fixture_keeps_changchun_and_maps_o3_per_the_glossary() {
    let ds = parse_quotsoft_sites_csv(QUOTSOFT, &changchun()).unwrap();
    let codes: Vec<_> = ds.stations.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["1119A", "1120A", "1125A"]);
    assert_eq!(ds.rows.len(), 6);
    let r = &ds.rows[0];
    assert_eq!(r.hour, Date::new(2021, 1, 5).unwrap().at_hour(0));
    assert_eq!(
        (r.get(Species::O3), r.get(Species::Co)),
        (Some(8.0), Some(0.7))
    );
    let p = r.published.unwrap();
    assert_eq!(
        (p.aqi, p.o3_max_1h, p.o3_max_8h),
        (Some(62), Some(62.0), Some(51.0))
    );
    // 1125A has an empty PM2.5 cell: missing, not zero.
    let r = ds.rows.iter().find(|r| r.station == 2).unwrap();
    assert_eq!(r.get(Species::Pm25), None);
    assert!(ds.stations[2].is_reference);
}

#[test]
fn openaq_measurements_and_days() {
    let ds = parse_openaq_v3_json(OPENAQ_HOURS, "1119A", &changchun()).unwrap();
    assert_eq!(ds.stations[0].name, "食品厂");
    assert_eq!(ds.rows.len(), 1);
    let r = &ds.rows[0];
    assert_eq!(r.hour, Hour::parse("2021-01-05T01:00").unwrap());
    assert_eq!(r.get(Species::Pm25), Some(44.0));
    assert!((r.get(Species::Co).unwrap() - 0.611 * 28.010 / 24.465).abs() < 1e-9);
    assert_eq!(r.get(Species::O3), None, "-999 is missing");
    let days = parse_openaq_v3_json(OPENAQ_DAYS, "X1", &[]).unwrap();
    assert_eq!(days.stations[0].name, "X1");
    assert_eq!(days.stations[0].lat, Some(43.9166));
    let d = &days.daily[0];
    assert_eq!(d.date, Date::new(2021, 1, 5).unwrap());
    assert_eq!(
        (d.mean[Species::Pm25.index()], d.o3_max_1h),
        (Some(37.2), Some(66.0))
    );
    let bad = OPENAQ_HOURS.replacen("\"units\": \"ppm\"", "\"units\": \"furlongs\"", 1);
    // One result in unknown units costs that result: the others are kept.
    let ds = parse_openaq_v3_json(&bad, "1119A", &[]).unwrap();
    assert_eq!(ds.rows[0].get(Species::Pm25), Some(44.0));
    assert_eq!(ds.rows[0].get(Species::Co), None);
    let [e] = &ds.skipped[..] else {
        panic!("one skipped result expected: {:?}", ds.skipped)
    };
    assert!(e.line > 1 && e.message.contains("furlongs"), "{e}");
    // Results none of which can be read: still an error, positioned.
    let e = parse_openaq_v3_json(
        "{\"results\": [{\"value\": 1},\n {\"value\": 2}]}",
        "1119A",
        &[],
    )
    .unwrap_err();
    assert_eq!(e.line, 1);
    assert!(e.message.starts_with("no usable row"), "{e}");
    assert!(e.message.ends_with("(and 1 more problems)"), "{e}");
}

#[test]
fn merging_feeds_reports_duplicates_and_future_rows() {
    let a = parse_quotsoft_sites_csv(QUOTSOFT, &changchun()).unwrap();
    let b = parse_quotsoft_sites_csv(QUOTSOFT, &changchun()).unwrap();
    let now = Date::new(2021, 1, 5).unwrap().at_hour(0);
    let (m, notes) = merge(vec![a, b], Some(now));
    assert_eq!(m.rows.len(), 3);
    let kinds: Vec<_> = notes.iter().map(|n| (n.kind, n.count)).collect();
    assert_eq!(kinds, [(NoteKind::Future, 6), (NoteKind::Duplicate, 3)]);
}

fn check(
    result: Result<cc_core::air::AirDataset, cc_core::FeedError>,
) -> Result<(), TestCaseError> {
    if let Err(e) = result {
        prop_assert!(!e.message.is_empty());
    }
    Ok(())
}

fn check_positioned(
    result: Result<cc_core::air::AirDataset, cc_core::FeedError>,
    text: &str,
) -> Result<(), TestCaseError> {
    if let Err(e) = result {
        // Only an empty input (no header) is an error about the whole file.
        prop_assert!(
            e.line >= 1
                || text.trim().is_empty()
                || text.trim_start_matches('\u{feff}').trim().is_empty(),
            "{e:?}"
        );
        prop_assert!(e.line <= text.lines().count() + 1);
    }
    Ok(())
}

const HEADER: &str = "timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_parser_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        check_positioned(parse_cnemc_hourly_csv(&text), &text)?;
        check_positioned(parse_quotsoft_sites_csv(&text, &[]), &text)?;
        check(parse_openaq_v3_json(&text, "X", &[]))?;
        check(parse_cc_air_json(&text))?;
    }

    #[test]
    fn cnemc_rows_of_arbitrary_cells_never_panic(cells in proptest::collection::vec("[0-9a-zA-Z.,\"\\-: 长春\r\n]{0,12}", 0..60)) {
        let text = format!("{HEADER}2022-01-01T00:00:00,{}", cells.join(","));
        check_positioned(parse_cnemc_hourly_csv(&text), &text)?;
        let q = format!("date,hour,type,1119A,1120A\n20210105,{}", cells.join(","));
        check_positioned(parse_quotsoft_sites_csv(&q, &[]), &q)?;
    }

    #[test]
    fn mutated_json_never_panics(cut in 0usize..3000, insert in "[\\[\\]{}\",:0-9a-z\\-]{0,4}") {
        for base in [OPENAQ_HOURS, OPENAQ_DAYS] {
            let mut s: String = base.chars().take(cut).collect();
            s.push_str(&insert);
            s.extend(base.chars().skip(cut + insert.len()));
            check(parse_openaq_v3_json(&s, "X", &[]))?;
        }
        let sample = SAMPLE_JSON.with(|s| s.clone());
        let mut s: String = sample.chars().take(cut).collect();
        s.push_str(&insert);
        s.extend(sample.chars().skip(cut + insert.len()));
        if let Err(e) = parse_cc_air_json(&s) {
            prop_assert!(e.line >= 1, "{e:?}");
        }
    }
}

thread_local! {
    static SAMPLE_JSON: String = cc_core::air::sample::files().pop().map(|f| f.1.chars().take(4000).collect::<String>() + "]}").unwrap_or_default();
}
