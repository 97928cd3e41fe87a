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

/// Junk that is not a usable result or cell: wrong types, impossible values, bad members.
const JUNK: [&str; 8] = [
    "5",
    "null",
    "\"junk\"",
    "[1, 2]",
    "{}",
    "{\"x\": 1}",
    "true",
    "{\"section\": \"songhuajiangcun\", \"date\": \"2021-01-01\", \"indicator\": \"nh3n\", \"value\": -1, \"unit\": \"mg/L\"}",
];

/// Cells no column can read (numbers are cells; -50 is impossible for every indicator).
const CELL_JUNK: [&str; 7] = [
    "\"abc\"",
    "true",
    "[1]",
    "{}",
    "\"-50\"",
    "\"1e999\"",
    "\"0.01LL\"",
];

fn sample_results_text(n: usize) -> (String, Vec<cc_core::water::Measurement>) {
    use cc_core::water::feeds::cc_json::{write_results, ResultsDoc};
    let all = cc_core::water::sample::sample_results().results;
    let results: Vec<_> = all.into_iter().take(n).collect();
    let doc = ResultsDoc {
        sample: true,
        results: results.clone(),
        skipped: Vec::new(),
    };
    (write_results(&doc), results)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A valid results document with any one result replaced by junk keeps every other result
    /// and names the one it skipped.
    #[test]
    fn one_bad_result_loses_one_result(k in 0usize..30, junk in 0usize..JUNK.len()) {
        let (text, results) = sample_results_text(30);
        // The writer puts one result per line; results start on line 7.
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        let line = 6 + k;
        let comma = if k + 1 < results.len() { "," } else { "" };
        lines[line] = format!("    {}{comma}", JUNK[junk]);
        let doc = parse_results(&lines.join("\n"), &changchun_sections()).unwrap();
        let mut want = results.clone();
        want.remove(k);
        prop_assert_eq!(doc.results, want);
        prop_assert_eq!(doc.skipped.len(), 1);
        prop_assert_eq!(doc.skipped[0].line, line + 1);
    }

    /// A valid sections document with any one section replaced by junk keeps every other one.
    #[test]
    fn one_bad_section_loses_one_section(k in 0usize..9, junk in 0usize..JUNK.len()) {
        use cc_core::water::feeds::cc_json::write_sections;
        let doc = cc_core::water::sample::sample_sections();
        let text = write_sections(&doc);
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        let line = 6 + k;
        let comma = if k + 1 < doc.sections.len() { "," } else { "" };
        lines[line] = format!("    {}{comma}", JUNK[junk]);
        let got = parse_sections(&lines.join("\n")).unwrap();
        let mut want = doc.sections.clone();
        want.remove(k);
        prop_assert_eq!(got.sections, want);
        prop_assert_eq!(got.skipped.len(), 1);
        prop_assert_eq!(got.skipped[0].line, line + 1);
    }

    /// The CNEMC fixture with any one value cell replaced by junk keeps every other value.
    #[test]
    fn one_bad_cnemc_cell_loses_one_cell(row in 0usize..4, col in 5usize..16, junk in 0usize..CELL_JUNK.len()) {
        let mut v: serde_json::Value = serde_json::from_str(FIXTURES[2]).unwrap();
        let original = parse_cnemc(FIXTURES[2], fetched()).unwrap();
        let cell: serde_json::Value = serde_json::from_str(CELL_JUNK[junk]).unwrap();
        v["tbody"][row][col] = cell;
        let thead = v["thead"][col].as_str().unwrap_or("").to_string();
        let text = serde_json::to_string(&v).unwrap();
        let feed = parse_cnemc(&text, fetched()).unwrap();
        prop_assert_eq!(feed.readings.len(), original.readings.len());
        for (i, (got, was)) in feed.readings.iter().zip(&original.readings).enumerate() {
            if i != row {
                prop_assert_eq!(got, was);
                continue;
            }
            // Only the replaced column's value may be gone.
            let lost: Vec<_> = was.values.iter().filter(|x| !got.values.contains(x)).collect();
            prop_assert!(lost.len() <= 1, "{:?}", lost);
            prop_assert!(got.values.iter().all(|x| was.values.contains(x)));
            prop_assert_eq!(&got.section, &was.section);
        }
        prop_assert!(feed.skipped.len() <= 1, "{:?} {}", feed.skipped, thead);
    }
}
