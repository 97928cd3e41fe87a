//! A mutation fuzzer for every text parser of the project (feeds, config.json, Open311 answers).
//!
//! cargo-fuzz needs a nightly toolchain this project cannot fetch, so this is an equivalent that
//! runs on stable: deterministic (seeded splitmix64), coverage-blind but structure-aware mutations
//! of real seed inputs (the generators' output and the test fixtures) plus arbitrary bytes. Each
//! input must either parse or fail with an error carrying a position, without panicking or
//! taking more than [`SLOW_MS`]. `make fuzz` runs it long; `cargo test` runs it briefly.

use cc_core::air;
use cc_core::config::{parse_config, ConfigError};
use cc_core::water::feeds::{cc_json, cnemc_json};
use cc_core::FeedError;
use std::time::Instant;

/// An input slower than this counts as a hang.
pub const SLOW_MS: u128 = 1_000;

/// What a parser said about one input.
pub enum Verdict {
    Parsed,
    /// An error with a line (and usually a column).
    Positioned,
    /// An error about the input as a whole (empty, not the right kind of document).
    Whole,
}

/// One parser under test.
pub struct Target {
    pub name: &'static str,
    pub run: fn(&str) -> Verdict,
    pub seeds: fn() -> Vec<String>,
}

fn feed<T>(r: Result<T, FeedError>) -> Verdict {
    match r {
        Ok(_) => Verdict::Parsed,
        Err(e) if e.line >= 1 => Verdict::Positioned,
        Err(_) => Verdict::Whole,
    }
}

fn sample_air() -> air::AirDataset {
    let mut ds = air::sample::generate_2021();
    ds.rows.truncate(240);
    ds
}

/// Every parser, with its seeds.
pub fn targets() -> Vec<Target> {
    vec![
        Target {
            name: "cnemc-hourly-csv",
            run: |t| feed(air::parse_cnemc_hourly_csv(t)),
            seeds: || {
                vec![air::feeds::cnemc::write_cnemc_hourly_csv(
                    &sample_air(),
                    "长春市",
                )]
            },
        },
        Target {
            name: "quotsoft-sites-csv",
            run: |t| feed(air::parse_quotsoft_sites_csv(t, &[])),
            seeds: || {
                vec![
                    include_str!("../../core/tests/fixtures/air/quotsoft_sites_20210105.csv")
                        .into(),
                ]
            },
        },
        Target {
            name: "openaq-v3-json",
            run: |t| feed(air::parse_openaq_v3_json(t, "openaq", &[])),
            seeds: || {
                vec![
                    include_str!("../../core/tests/fixtures/air/openaq_days.json").into(),
                    include_str!("../../core/tests/fixtures/air/openaq_measurements.json").into(),
                ]
            },
        },
        Target {
            name: "cc-air-json",
            run: |t| feed(air::parse_cc_air_json(t)),
            seeds: || {
                let meta = air::CcJsonMeta {
                    generated_at: cc_core::time::Hour(455_000),
                };
                vec![air::write_cc_air_json(&sample_air(), &meta)]
            },
        },
        Target {
            name: "cc-forecast-json",
            run: |t| feed(air::forecast::parse_cc_forecast_json(t)),
            seeds: || {
                vec![air::forecast::write_cc_forecast_json(
                    &air::sample::forecast(),
                )]
            },
        },
        Target {
            name: "cc-alerts-json",
            run: |t| feed(air::alerts::parse_cc_alerts_json(t)),
            seeds: || vec![air::alerts::write_cc_alerts_json(&air::sample::alerts())],
        },
        Target {
            name: "cc-water-json sections",
            run: |t| feed(cc_json::parse_sections(t)),
            seeds: || {
                vec![include_str!("../../core/tests/fixtures/water/cc-water-sections.json").into()]
            },
        },
        Target {
            name: "cc-water-json results",
            run: |t| {
                feed(cc_json::parse_results(
                    t,
                    &cc_core::water::changchun_sections(),
                ))
            },
            seeds: || {
                vec![include_str!("../../core/tests/fixtures/water/cc-water-results.json").into()]
            },
        },
        Target {
            name: "cnemc-water-json",
            run: |t| feed(cnemc_json::parse_cnemc(t, cc_core::time::Hour(455_000))),
            seeds: || {
                vec![
                    include_str!("../../core/tests/fixtures/water/cnemc-realtime-jilin.json")
                        .into(),
                ]
            },
        },
        Target {
            name: "config.json",
            run: |t| match parse_config(t, "http://127.0.0.1/config.json") {
                Ok(_) => Verdict::Parsed,
                Err(ConfigError::Syntax { line, .. }) if line >= 1 => Verdict::Positioned,
                // A schema error's position is its key path.
                Err(ConfigError::Schema { .. }) => Verdict::Positioned,
                Err(_) => Verdict::Whole,
            },
            seeds: || vec![include_str!("../../public/config.json").into()],
        },
        Target {
            name: "open311 responses",
            run: |t| {
                let _ = cc_core::report::parse_services(t);
                let _ = cc_core::report::parse_token(t);
                let _ = cc_core::report::parse_requests(t);
                // A POST answer is either a created record or an error array.
                match cc_core::report::parse_created(t) {
                    Ok(_) => Verdict::Parsed,
                    Err(_) => feed(cc_core::report::parse_errors(t)),
                }
            },
            seeds: || {
                vec![
                    r#"[{"service_request_id":"CC-2026-000001","service_notice":"ok","account_id":null}]"#
                        .into(),
                    r#"[{"code":400,"description":"service_code missing"}]"#.into(),
                ]
            },
        },
    ]
}

pub use cc_core::rng::SplitMix64 as Rng;

const TOKENS: &[&str] = &[
    ",",
    "\"",
    "\n",
    "\r\n",
    "{",
    "}",
    "[",
    "]",
    ":",
    "null",
    "true",
    "-1",
    "1e999",
    "NaN",
    "99999999999999999999999",
    "\u{feff}",
    "长春",
    "(对照点)",
    "<script>",
    "\\u0000",
    "--",
    "*",
    "2021-02-30T25:00",
    "µg/m³",
    "",
];

/// One mutation of `seed` (or arbitrary bytes, one time in eight).
pub fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    if rng.below(8) == 0 || bytes.is_empty() {
        let len = rng.below(512);
        return String::from_utf8_lossy(
            &(0..len).map(|_| rng.next_u64() as u8).collect::<Vec<_>>(),
        )
        .into_owned();
    }
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 => {
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            2 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, token.bytes());
            }
            3 => bytes.truncate(at),
            4 => {
                let end = (at + rng.below(128)).min(bytes.len());
                let copy: Vec<u8> = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, copy);
            }
            _ => {
                let line_end = bytes[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |p| at + p);
                let line: Vec<u8> = bytes[at..line_end].to_vec();
                bytes.splice(line_end..line_end, line);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Totals of a run over one target.
#[derive(Debug, Default, Clone)]
pub struct Totals {
    pub inputs: u64,
    pub parsed: u64,
    pub positioned: u64,
    pub whole: u64,
    pub slowest_ms: u128,
}

/// Runs `iterations` inputs through `target`; panics propagate to the caller.
pub fn run(target: &Target, iterations: u64, seed: u64) -> Totals {
    let seeds = (target.seeds)();
    let mut rng = Rng::new(seed);
    let mut totals = Totals::default();
    for i in 0..iterations {
        let base = seeds
            .get(rng.below(seeds.len()))
            .map(String::as_str)
            .unwrap_or("");
        let input = if i == 0 {
            base.to_string()
        } else {
            mutate(&mut rng, base)
        };
        let start = Instant::now();
        let verdict = (target.run)(&input);
        totals.slowest_ms = totals.slowest_ms.max(start.elapsed().as_millis());
        totals.inputs += 1;
        match verdict {
            Verdict::Parsed => totals.parsed += 1,
            Verdict::Positioned => totals.positioned += 1,
            Verdict::Whole => totals.whole += 1,
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parser_survives_a_short_fuzz_run_and_seeds_parse() {
        for target in targets() {
            for seed in (target.seeds)() {
                assert!(
                    matches!((target.run)(&seed), Verdict::Parsed),
                    "seed of {} must parse",
                    target.name
                );
            }
            let totals = run(&target, 300, 7);
            assert_eq!(totals.inputs, 300);
            assert!(
                totals.slowest_ms < SLOW_MS,
                "{}: {} ms",
                target.name,
                totals.slowest_ms
            );
        }
    }
}
