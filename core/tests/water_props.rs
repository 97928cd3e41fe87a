//! Property tests: no water parser panics on any input, and every failure carries a position
//! (line ≥ 1). Inputs are arbitrary strings, arbitrary bytes, JSON-token soup and mutated
//! fixtures. Case counts are modest to keep `cargo test` quick on two cores.

use cc_core::time::{Date, Hour};
use cc_core::water::feeds::cc_json::{parse_results, parse_sections};
use cc_core::water::feeds::cnemc_json::{parse_cnemc, resolve_time};
use cc_core::water::{changchun_sections, Period, WaterClass};
use proptest::prelude::*;

const FIXTURES: [&str; 4] = [
    include_str!("fixtures/water/cc-water-sections.json"),
    include_str!("fixtures/water/cc-water-results.json"),
    include_str!("fixtures/water/cnemc-realtime-jilin.json"),
    include_str!("fixtures/water/cnemc-realtime-tbody-first.json"),
];

fn fetched() -> Hour {
    Date::new(2022, 1, 2).map_or(Hour(0), |d| d.at_hour(9))
}

/// Runs every parser on `text`; each either parses or reports a position.
fn all_parsers(text: &str) {
    let sections = changchun_sections();
    if let Err(e) = parse_sections(text) {
        assert!(e.line >= 1, "sections: {e:?}");
    }
    if let Err(e) = parse_results(text, &sections) {
        assert!(e.line >= 1, "results: {e:?}");
    }
    if let Err(e) = parse_cnemc(text, fetched()) {
        assert!(e.line >= 1, "cnemc: {e:?}");
    }
    let _ = resolve_time(text, fetched());
    let _ = WaterClass::parse(text);
    let _ = Period::parse(text);
}

fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"thead\"",
        "\"tbody\"",
        "\"断面名称\"",
        "\"监测时间\"",
        "\"溶解氧<br/>(mg/L)\"",
        "\"format\"",
        "\"cc-water-json\"",
        "\"results\"",
        "\"sections\"",
        "\"kind\"",
        "\"version\"",
        "1",
        "\"sample\"",
        "true",
        "null",
        "\"--\"",
        "\"*\"",
        "\"12-31 20:00\"",
        "\"<span title='a:b&#10;c'>x</span>\"",
        "-1e999",
        "\"section\"",
        "\"songhuajiangcun\"",
        "\"date\"",
        "\"2021-01-01\"",
        "\"indicator\"",
        "\"nh3n\"",
        "\"value\"",
        "0.5",
        "\"unit\"",
        "\"mg/L\"",
        "\"&#xFFFFFF;\"",
        "\"\\u0000\"",
        " ",
        "\n",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        all_parsers(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        all_parsers(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn json_token_soup_never_panics(tokens in prop::collection::vec(token(), 0..60)) {
        all_parsers(&tokens.concat());
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in 0..FIXTURES.len(),
        at in any::<prop::sample::Index>(),
        len in 0usize..40,
        insert in ".{0,12}",
    ) {
        let text = FIXTURES[which];
        let chars: Vec<char> = text.chars().collect();
        let start = at.index(chars.len() + 1);
        let end = (start + len).min(chars.len());
        let mutated: String = chars[..start].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[end..].iter()).collect();
        all_parsers(&mutated);
    }
}
