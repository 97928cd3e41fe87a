//! The water feed adapters: cc-water-json (sections and results, writer round trip, errors with
//! positions) and the CNEMC automatic-station JSON. The CNEMC fixtures are hand-written from the
//! documented layout (no real response was available): see fixtures/water/README.md.

// Helpers outside #[test] functions: here a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cc_core::time::{Date, Hour};
use cc_core::water::feeds::cc_json::{
    parse_results, parse_sections, write_results, write_sections, ResultsReader,
};
use cc_core::water::feeds::cnemc_json::{parse_cnemc, resolve_time};
use cc_core::water::{changchun_sections, Basis, Indicator, Provenance, WaterBody, WaterClass};
use cc_core::FeedError;

const SECTIONS: &str = include_str!("fixtures/water/cc-water-sections.json");
const RESULTS: &str = include_str!("fixtures/water/cc-water-results.json");
const CNEMC: &str = include_str!("fixtures/water/cnemc-realtime-jilin.json");
const CNEMC_TBODY_FIRST: &str = include_str!("fixtures/water/cnemc-realtime-tbody-first.json");

fn hour(y: i32, m: u8, d: u8, h: u8) -> Hour {
    Date::new(y, m, d).unwrap().at_hour(h)
}

#[test]
fn reads_the_sections_fixture() {
    let doc = parse_sections(SECTIONS).unwrap();
    assert!(doc.sample);
    assert_eq!(doc.sections.len(), 3);
    let k = &doc.sections[1];
    assert_eq!(
        (
            k.slug.as_str(),
            k.river.slug.as_str(),
            k.river.name.zh.as_str()
        ),
        ("kaoshan-daqiao", "yinma-he", "饮马河")
    );
    assert_eq!(k.river_provenance, Provenance::Inferred);
    assert_eq!(k.body_provenance, Provenance::Sourced);
    let x = &doc.sections[2];
    assert_eq!(x.body, WaterBody::LakeReservoir);
    assert_eq!(x.water_body.as_ref().unwrap().en, "Xinlicheng Reservoir");
    assert_eq!(parse_sections(&write_sections(&doc)).unwrap(), doc);
}

#[test]
fn reads_the_results_fixture_and_converts_units() {
    let sections = parse_sections(SECTIONS).unwrap().sections;
    let doc = parse_results(RESULTS, &sections).unwrap();
    assert!(doc.sample);
    assert_eq!(doc.results.len(), 6);
    let tp = &doc.results[4];
    assert_eq!(
        (tp.indicator, tp.date),
        (Indicator::TotalPhosphorus, Date::new(2021, 5, 12).unwrap())
    );
    assert!((tp.value - 0.04).abs() < 1e-12);
    assert_eq!(parse_results(&write_results(&doc), &sections).unwrap(), doc);
}

fn err_sections(text: &str) -> FeedError {
    parse_sections(text).unwrap_err()
}

fn err_results(text: &str) -> FeedError {
    parse_results(text, &changchun_sections()).unwrap_err()
}

const HEAD: &str = "{\"format\": \"cc-water-json\", \"version\": 1, \"kind\": \"results\", \"sample\": false,\n\"results\": [\n";

fn results_with(record: &str) -> String {
    format!("{HEAD}{{\"section\": \"songhuajiangcun\", \"date\": \"2021-01-01\", \"indicator\": \"nh3n\", \"value\": 0.2, \"unit\": \"mg/L\"}},\n{record}\n]}}")
}

#[test]
fn results_errors_point_at_the_problem() {
    let good = "{\"section\": \"songhuajiangcun\", \"date\": \"2021-01-02\", \"indicator\": \"tp\", \"value\": 0.1, \"unit\": \"mg/L\"}";
    assert_eq!(
        parse_results(&results_with(good), &changchun_sections())
            .unwrap()
            .results
            .len(),
        2
    );
    let cases = [
        (
            good.replace("\"tp\"", "\"tpx\""),
            "unknown indicator \"tpx\"",
        ),
        (good.replace("2021-01-02", "2021-02-30"), "expected a date"),
        (
            good.replace("songhuajiangcun", "nowhere"),
            "unknown section \"nowhere\"",
        ),
        (good.replace("mg/L", "ppm"), "unit \"ppm\""),
        (good.replace("0.1", "-0.1"), "impossible value -0.1 for"),
        (
            good.replace("\"tp\"", "\"ph\"")
                .replace("0.1", "14.5")
                .replace("mg/L", ""),
            "impossible value",
        ),
        (
            good.replace("\"tp\"", "\"do\"").replace("0.1", "20.5"),
            "impossible value",
        ),
        (
            good.replace("\"unit\"", "\"below_detection\": true, \"unit\""),
            "below_detection needs version 2",
        ),
        ("{\"section\": 5}".to_string(), "invalid type"),
        (
            good.replace("2021-01-02", "2021-01-01")
                .replace("\"tp\"", "\"nh3n\""),
            "duplicate result",
        ),
        (
            good.replace("\"unit\"", "\"note\": 1, \"unit\""),
            "unknown field `note`",
        ),
        (
            good.replace(", \"unit\": \"mg/L\"", ""),
            "missing field `unit`",
        ),
    ];
    // A bad result is skipped and named; the good one before it is kept.
    for (record, want) in cases {
        let doc = parse_results(&results_with(&record), &changchun_sections()).unwrap();
        assert_eq!(doc.results.len(), 1, "{want}");
        assert_eq!(doc.results[0].value, 0.2, "{want}");
        assert_eq!(doc.skipped.len(), 1, "{want}");
        let e = &doc.skipped[0];
        assert!(e.message.contains(want), "{want}: got {e}");
        assert_eq!(e.line, 4, "{want}: {e}");
        assert!(e.column > 1, "{want}: {e}");
    }
    // With no usable result at all the document is still an error, positioned at the first.
    let only_bad = format!("{HEAD}{}\n]}}", good.replace("\"tp\"", "\"tpx\""));
    let e = err_results(&only_bad);
    assert!(e.message.contains("no usable result"), "{e}");
    assert_eq!(e.line, 3);
    assert!(
        err_results(&(HEAD.replace("\"results\"", "\"sections\"") + "]}"))
            .message
            .contains("kind must be")
    );
    assert!(err_results("{\"format\": \"other\"}")
        .message
        .contains("format must be"));
    assert!(err_results(&(HEAD.replace("1,", "3,") + "]}"))
        .message
        .contains("unsupported version 3"));
    let no_sample = HEAD.replace(" \"sample\": false,", "") + "]}";
    assert!(err_results(&no_sample)
        .message
        .contains("missing field `sample`"));
    let e = err_results("{\n  \"format\": \"cc-water-json\",\n  oops\n}");
    assert_eq!(e.line, 3);
    assert!(err_results("").line >= 1);
    assert!(err_results(&(results_with(good) + " x"))
        .message
        .contains("trailing"));
}

#[test]
fn sections_errors_point_at_the_problem() {
    // A bad section is skipped and named; the others are kept.
    let skipped = |text: &str| {
        let doc = parse_sections(text).unwrap();
        assert_eq!(doc.sections.len(), 2, "{:?}", doc.skipped);
        assert_eq!(doc.skipped.len(), 1);
        doc.skipped[0].clone()
    };
    let bad_type = SECTIONS.replace("\"type\": \"river\"}", "\"type\": \"canal\"}");
    let e = skipped(&bad_type);
    assert!(e.message.contains("type must be"), "{e}");
    assert_eq!(e.line, 7, "the first section's line");
    let dup = SECTIONS.replace("kaoshan-daqiao", "songhuajiangcun");
    let e = skipped(&dup);
    assert!(
        e.message
            .contains("sections[1]: duplicate slug \"songhuajiangcun\""),
        "{e}"
    );
    assert!(e.line >= 8, "{e}");
    let slug = SECTIONS.replace("\"kaoshan-daqiao\"", "\"Kaoshan Daqiao\"");
    assert!(skipped(&slug).message.contains("slug"));
    let prov = SECTIONS.replace("\"river\": \"inferred\"", "\"river\": \"guessed\"");
    let e = skipped(&prov);
    assert!(
        e.message.contains("provenance must be") && e.line == 8,
        "{e}"
    );
    let empty = SECTIONS.replace("\"en\": \"Songhuajiangcun\"", "\"en\": \"\"");
    assert!(skipped(&empty).message.contains("must not be empty"));
    // Structural errors stay errors.
    assert!(
        err_sections(&SECTIONS.replace("\"sections\",", "\"results\","))
            .message
            .contains("kind must be")
    );
}

#[test]
fn reads_the_cnemc_fixture() {
    let fetched = hour(2022, 1, 2, 9);
    let feed = parse_cnemc(CNEMC, fetched).unwrap();
    assert_eq!(feed.readings.len(), 4);
    assert!(feed
        .units
        .contains(&(Indicator::DissolvedOxygen, "mg/L".to_string())));
    assert!(feed.units.contains(&(Indicator::Ph, "无量纲".to_string())));

    let s = &feed.readings[0];
    assert_eq!(s.section, "松花江村");
    assert_eq!(
        (s.city.as_deref(), s.river.as_deref()),
        (Some("长春市"), Some("松花江"))
    );
    assert_eq!(
        (s.province.as_deref(), s.basin.as_deref()),
        (Some("吉林省"), Some("松花江流域"))
    );
    assert_eq!(s.time, Some(hour(2022, 1, 2, 8)));
    assert_eq!(s.reported_class, Some(WaterClass::II));
    assert!(s.values.contains(&(Indicator::Ammonia, 0.214)));
    assert!(!s
        .values
        .iter()
        .any(|(i, _)| matches!(i, Indicator::Chlorophyll | Indicator::AlgalDensity)));
    let a = s.assess(WaterBody::River);
    assert_eq!(a.basis, Basis::Automatic);
    assert_eq!(a.class, Some(WaterClass::II));
    assert_eq!(a.assessed_count(), 5);

    let offline = &feed.readings[2];
    assert!(offline.is_offline());
    assert!(offline.values.is_empty());
    assert_eq!(offline.reported_class, None);
    assert_eq!(offline.river.as_deref(), Some("伊通河 & 支流"));
    assert_eq!(offline.station_status.as_deref(), Some("维护"));
    assert_eq!(offline.assess(WaterBody::River).class, None);

    let last = &feed.readings[3];
    assert_eq!(
        last.time,
        Some(hour(2021, 12, 31, 20)),
        "December reading fetched in January"
    );
    assert_eq!(last.reported_class, Some(WaterClass::WorseThanV));
    let la = last.assess(WaterBody::River);
    assert_eq!(la.class, Some(WaterClass::WorseThanV));
    assert_eq!(
        la.main_pollutants,
        vec![
            Indicator::Ammonia,
            Indicator::TotalPhosphorus,
            Indicator::Ph
        ]
    );
    assert!(last.values.contains(&(Indicator::AlgalDensity, 120_000.0)));
}

#[test]
fn cnemc_tbody_before_thead_and_microgram_units() {
    let feed = parse_cnemc(CNEMC_TBODY_FIRST, hour(2022, 3, 15, 6)).unwrap();
    assert_eq!(feed.readings.len(), 2);
    let (ind, v) = feed.readings[0].values[1];
    assert_eq!(ind, Indicator::Ammonia);
    assert!((v - 0.35).abs() < 1e-12);
    assert_eq!(feed.readings[1].city.as_deref(), Some("长春市"));
    assert_eq!(feed.readings[1].river, None);
}

#[test]
fn year_less_times_take_the_fetch_year_or_the_one_before() {
    let fetched = hour(2022, 1, 1, 0);
    assert_eq!(
        resolve_time("01-02 00:00", fetched),
        Some(hour(2022, 1, 2, 0)),
        "exactly a day ahead"
    );
    assert_eq!(
        resolve_time("01-02 01:00", fetched),
        Some(hour(2021, 1, 2, 1)),
        "more than a day ahead"
    );
    assert_eq!(
        resolve_time("12-31 23:00", fetched),
        Some(hour(2021, 12, 31, 23))
    );
    assert_eq!(
        resolve_time("2021-06-01 08:00", fetched),
        Some(hour(2021, 6, 1, 8))
    );
    assert_eq!(
        resolve_time("02-29 08:00", hour(2024, 3, 1, 0)),
        Some(hour(2024, 2, 29, 8))
    );
    for bad in [
        "13-01 00:00",
        "01-01 24:00",
        "01-01 08:30",
        "1-1 8:00",
        "",
        "--",
    ] {
        assert_eq!(resolve_time(bad, fetched), None, "{bad}");
    }
}

#[test]
fn cnemc_errors_have_positions() {
    let fetched = hour(2022, 1, 2, 9);
    // One bad cell costs that cell: the row keeps its other values.
    let skipped_one = |text: &str| {
        let feed = parse_cnemc(text, fetched).unwrap();
        assert_eq!(feed.skipped.len(), 1, "{:?}", feed.skipped);
        (feed.readings, feed.skipped[0].clone())
    };
    let bad_number = CNEMC.replace("\"11.8\"", "\"11.8x\"");
    let (rows, e) = skipped_one(&bad_number);
    assert!(
        e.message
            .contains("tbody[0], column \"溶解氧\": expected a number"),
        "{e}"
    );
    assert_eq!(e.line, 3);
    assert_eq!(rows.len(), 4);
    assert!(rows[0].values.contains(&(Indicator::Ammonia, 0.214)));
    assert!(!rows[0]
        .values
        .iter()
        .any(|(i, _)| *i == Indicator::DissolvedOxygen));
    // Impossible values are bad cells too.
    let (_, e) = skipped_one(&CNEMC.replace("\"11.8\"", "\"25.3\""));
    assert!(e.message.contains("impossible value"), "{e}");
    let (_, e) = skipped_one(&CNEMC.replace("\"7.62\"", "\"14.6\""));
    assert!(e.message.contains("impossible value"), "{e}");
    let (_, e) = skipped_one(&CNEMC.replace(">0.214<", ">-0.2<"));
    assert!(e.message.contains("impossible value"), "{e}");
    // Below the detection limit: half the limit, shown as not detected.
    let nd = parse_cnemc(&CNEMC.replace(">0.214<", ">0.025L<"), fetched).unwrap();
    let r = &nd.readings[0];
    assert!(r.values.contains(&(Indicator::Ammonia, 0.0125)));
    assert_eq!(r.not_detected, vec![(Indicator::Ammonia, 0.025)]);
    let a = r.assess(WaterBody::River);
    assert_eq!(
        a.indicator(Indicator::Ammonia).unwrap().not_detected,
        Some(0.025)
    );
    let nd = parse_cnemc(&CNEMC.replace(">0.214<", ">未检出<"), fetched).unwrap();
    assert_eq!(nd.readings[0].not_detected, vec![(Indicator::Ammonia, 0.0)]);
    // A row whose time cannot be read is lost whole, the other rows kept.
    let bad_time = CNEMC.replace("\"12-31 20:00\"", "\"31-12 20:00\"");
    let (rows, e) = skipped_one(&bad_time);
    assert!(e.message.contains("expected MM-DD HH:00"), "{e}");
    assert_eq!(e.line, 6);
    assert_eq!(rows.len(), 3);
    let no_section = CNEMC.replace("\"断面名称\",", "\"名称\",");
    let e = parse_cnemc(&no_section, fetched).unwrap_err();
    assert!(e.message.contains("missing column \"断面名称\""), "{e}");
    assert_eq!(e.line, 1);
    let short_row = CNEMC.replace(",\"正常\"],\n[\"吉林省\",\"松花江流域\",\"<span data-toggle='tooltip' data-placement='right' title='所属地市:长春市&#10;所属河流:饮马河'>", "],\n[\"吉林省\",\"松花江流域\",\"<span data-toggle='tooltip' data-placement='right' title='所属地市:长春市&#10;所属河流:饮马河'>");
    let (rows, e) = skipped_one(&short_row);
    assert!(
        e.message.contains("tbody[0]: 16 cells, thead has 17"),
        "{e}"
    );
    assert_eq!(rows.len(), 3);
    let unit = CNEMC.replace("(NTU)", "(furlongs)");
    assert!(parse_cnemc(&unit, fetched)
        .unwrap_err()
        .message
        .contains("unknown unit \"furlongs\""));
    let e = parse_cnemc("{\"thead\": [\"断面名称\", \"监测时间\"]}", fetched).unwrap_err();
    assert!(
        e.message.contains("missing \"tbody\"") && e.line == 1 && e.column > 1,
        "{e}"
    );
    let e = parse_cnemc(
        "{\"tbody\": [[\"a\", \"x\"]], \"thead\": [\"断面名称\", \"监测时间\"]}",
        fetched,
    )
    .unwrap_err();
    assert!(
        e.message.contains("no usable row")
            && e.message.contains("expected MM-DD HH:00")
            && e.line == 1,
        "{e}"
    );
    assert!(parse_cnemc("[1, 2]", fetched).unwrap_err().line >= 1);
    let e = parse_cnemc(
        "{\"thead\": [\"断面名称\", \"监测时间\"], \"tbody\": [[true, null]]}",
        fetched,
    )
    .unwrap_err();
    assert!(
        e.message.contains("expected a string, a number or null"),
        "{e}"
    );
}

#[test]
fn version_2_carries_results_below_the_detection_limit() {
    let text = "{\"format\": \"cc-water-json\", \"version\": 2, \"kind\": \"results\", \"sample\": false,\n\"results\": [\n{\"section\": \"songhuajiangcun\", \"date\": \"2021-01-02\", \"indicator\": \"hg\", \"value\": 0.04, \"below_detection\": true, \"unit\": \"µg/L\"},\n{\"section\": \"songhuajiangcun\", \"date\": \"2021-01-02\", \"indicator\": \"ph\", \"value\": 0.1, \"below_detection\": true, \"unit\": \"\"}\n]}";
    let doc = parse_results(text, &changchun_sections()).unwrap();
    assert_eq!(doc.results.len(), 1);
    let hg = &doc.results[0];
    assert!(hg.below_detection);
    assert!((hg.value - 0.00004).abs() < 1e-15);
    assert!((hg.calculation_value() - 0.00002).abs() < 1e-15);
    // pH cannot be below a detection limit: that result alone is skipped.
    assert!(
        doc.skipped[0].message.contains("cannot be below"),
        "{:?}",
        doc.skipped
    );
    assert_eq!(doc.skipped[0].line, 4);
    // The writer writes version 2 and the flag, and reads back to the same document.
    let written = write_results(&doc);
    assert!(written.contains("\"version\": 2"));
    assert!(written.contains("\"below_detection\": true"));
    let back = parse_results(&written, &changchun_sections()).unwrap();
    assert_eq!(back.results, doc.results);
}

/// Read a part at a time (as the pages do, letting the browser paint between parts), a results
/// document gives what it gives read at once, however the parts are cut: the sample year, a
/// document with skipped results among good ones, and one whose results are all bad.
#[test]
fn results_read_in_parts_are_the_results_read_at_once() {
    let sections = changchun_sections();
    let [(_, sample_sections), (_, sample_results)] = cc_core::water::sample::sample_files();
    let sample_sections = parse_sections(&sample_sections).unwrap().sections;
    let bad = "{\"section\": \"nowhere\", \"date\": \"2021-01-02\", \"indicator\": \"tp\", \"value\": 0.1, \"unit\": \"mg/L\"}";
    let dup = "{\"section\": \"songhuajiangcun\", \"date\": \"2021-01-01\", \"indicator\": \"nh3n\", \"value\": 0.3, \"unit\": \"mg/L\"}";
    let mixed = results_with(&format!("{bad},\n{dup},\n{bad}"));
    let none_usable = format!("{HEAD}{bad},\n{bad}\n]}}");
    let cases: [(&str, &str, &[_]); 4] = [
        ("the sample year", &sample_results, &sample_sections),
        ("the fixture", RESULTS, &sections),
        ("skipped among good", &mixed, &sections),
        ("none usable", &none_usable, &sections),
    ];
    for (name, text, sections) in cases {
        let whole = parse_results(text, sections);
        let count = ResultsReader::new(text, sections).unwrap().len();
        assert!(count > 0, "{name}");
        for part in [1, 2, 7, 500, count - 1, count, count + 1] {
            let mut reader = ResultsReader::new(text, sections).unwrap();
            let mut reads = 1;
            while reader.read(part.max(1)) {
                reads += 1;
            }
            assert_eq!(
                reads,
                count.div_ceil(part.max(1)).max(1),
                "{name}, parts of {part}"
            );
            assert_eq!(reader.finish(), whole, "{name}, parts of {part}");
        }
    }
    assert_eq!(
        parse_results(&mixed, &sections).unwrap().skipped.len(),
        3,
        "the mixed case skips its three bad results"
    );
    assert!(parse_results(&none_usable, &sections).is_err());
}
