//! A deterministic sample data set in cc-water-json: monthly manual results for 2020 and 2021 at
//! Changchun's sections ([`changchun_sections`]), so every display state of the water pages can
//! be seen before real data are loaded. The values are plausible, not real, and not tuned to
//! imitate official figures: every file says `"sample": true`. Classes follow GB 3838-2002 as
//! computed by this crate.
//!
//! Shape of the invented data: river sections below the city carry more organic matter and
//! nutrients; January and February (ice cover) have fewer sections sampled; ammonia, total
//! phosphorus and total nitrogen peak after the spring thaw (April–May); summer lowers dissolved
//! oxygen and raises pH where algae grow; 2021 is slightly cleaner than 2020.
//!
//! Every sample has all the indicators the method requires ([`super::method::required`]), as
//! real monthly manual results have. Trace values under a typical method detection limit
//! ([`DETECTION_LIMITS`]) are written as below it (cc-water-json version 2), as reports do.

use super::feeds::cc_json::{write_results, write_sections, ResultsDoc, SectionsDoc};
use super::limits::{Indicator, WaterBody};
use super::sections::{changchun_sections, Measurement};
use crate::time::Date;

/// The fixed seed; changing it changes every value.
pub const SEED: u64 = 0x00C0_FFEE_2021_0001;
/// File name of the sections document.
pub const SECTIONS_FILE: &str = "water-sections.json";
/// File name of the results document.
pub const RESULTS_FILE: &str = "water-results.json";
/// The years covered.
pub const YEARS: [i32; 2] = [2020, 2021];

use crate::rng::SplitMix64 as Rng;

/// Uniform in [1 − spread, 1 + spread). Multiplicative noise with +, ×, ÷ only: no
/// transcendental functions, whose last bits vary between platforms.
fn around(rng: &mut Rng, spread: f64) -> f64 {
    1.0 + spread * (2.0 * rng.unit() - 1.0)
}

/// Per-section typical values: DO, CODMn, COD, BOD5, NH3-N, TP, TN (mg/L), pH centre, and a
/// factor on the urban trace pollutants (oil, LAS, phenols, sulfide, cyanide).
struct Profile {
    slug: &'static str,
    main: [f64; 7],
    ph: f64,
    urban: f64,
}

#[rustfmt::skip]
const PROFILES: [Profile; 9] = [
    Profile { slug: "songhuajiangcun", main: [9.0, 2.3, 11.0, 1.8, 0.16, 0.024, 1.0], ph: 7.6, urban: 1.0 },
    Profile { slug: "yinmahe-daqiao", main: [7.0, 5.4, 19.0, 3.5, 0.70, 0.16, 2.5], ph: 7.8, urban: 1.0 },
    Profile { slug: "kaoshan-daqiao", main: [6.2, 7.4, 26.0, 4.7, 1.25, 0.25, 3.6], ph: 7.9, urban: 1.5 },
    Profile { slug: "kaoshan-nanlou", main: [5.0, 8.6, 32.0, 5.6, 1.85, 0.33, 5.4], ph: 7.8, urban: 2.5 },
    Profile { slug: "liuzhentun", main: [6.4, 6.4, 23.0, 4.2, 1.00, 0.21, 3.0], ph: 7.8, urban: 1.5 },
    Profile { slug: "zhenjiangkou", main: [7.8, 4.4, 16.0, 2.9, 0.45, 0.12, 1.8], ph: 7.7, urban: 1.0 },
    Profile { slug: "zhuanwayaoqiao", main: [3.4, 11.0, 41.0, 8.0, 3.1, 0.50, 7.5], ph: 8.2, urban: 4.0 },
    Profile { slug: "xinlicheng-daba", main: [8.6, 3.6, 13.0, 2.1, 0.18, 0.028, 1.2], ph: 7.9, urban: 1.0 },
    Profile { slug: "shitoukoumen", main: [8.1, 4.6, 16.0, 2.7, 0.28, 0.042, 1.5], ph: 8.0, urban: 1.0 },
];

/// Typical trace levels at a clean site, mg/L (well inside class Ⅰ).
#[rustfmt::skip]
const TRACE: [(Indicator, f64, bool); 14] = [
    (Indicator::Copper, 0.004, false), (Indicator::Zinc, 0.02, false),
    (Indicator::Fluoride, 0.42, false), (Indicator::Selenium, 0.0004, false),
    (Indicator::Arsenic, 0.002, false), (Indicator::Mercury, 0.00002, false),
    (Indicator::Cadmium, 0.0002, false), (Indicator::Chromium6, 0.004, false),
    (Indicator::Lead, 0.002, false), (Indicator::Cyanide, 0.002, true),
    (Indicator::VolatilePhenol, 0.0009, true), (Indicator::Petroleum, 0.02, true),
    (Indicator::Surfactant, 0.05, true), (Indicator::Sulfide, 0.01, true),
];

/// Typical method detection limits, mg/L (illustrative: HJ method limits of this order, not
/// taken from one report). A generated value under its limit is written as `below_detection`.
#[rustfmt::skip]
pub const DETECTION_LIMITS: [(Indicator, f64); 6] = [
    (Indicator::Mercury, 0.00004), (Indicator::Chromium6, 0.004), (Indicator::Cyanide, 0.004),
    (Indicator::VolatilePhenol, 0.0003), (Indicator::Petroleum, 0.01), (Indicator::Sulfide, 0.005),
];

/// Surface-water temperature by month, ℃ (ice cover December–March).
const WATER_TEMP: [f64; 12] = [
    0.4, 0.5, 1.5, 7.0, 14.0, 20.0, 24.0, 23.0, 17.0, 9.0, 3.0, 0.8,
];

/// Month factors on NH3-N, TP and TN: under-ice accumulation, then the thaw flush of April–May.
const NUTRIENT_SEASON: [f64; 12] = [
    1.15, 1.2, 1.25, 1.55, 1.35, 1.0, 0.95, 0.95, 0.9, 0.9, 1.0, 1.1,
];

/// Dissolved oxygen offset by month, mg/L: cold water holds more, warm summer water less.
const DO_SEASON: [f64; 12] = [
    1.4, 1.3, 1.1, 0.6, 0.0, -0.6, -1.2, -1.1, -0.4, 0.3, 0.9, 1.3,
];

fn round_to(value: f64, decimals: usize) -> f64 {
    let scale = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6]
        .get(decimals)
        .copied()
        .unwrap_or(1e6);
    let r = (value * scale).round() / scale;
    // A detected trace is never reported as exactly zero here.
    if r <= 0.0 {
        1.0 / scale
    } else {
        r
    }
}

/// The sample sections document: the domain file's table, flagged as sample.
pub fn sample_sections() -> SectionsDoc {
    SectionsDoc {
        sample: true,
        sections: changchun_sections(),
        skipped: Vec::new(),
    }
}

/// The sample results document (deterministic).
pub fn sample_results() -> ResultsDoc {
    let mut rng = Rng::new(SEED);
    let sections = changchun_sections();
    let mut results = Vec::new();
    for year in YEARS {
        // 2021 a little cleaner than 2020, so the year-on-year comparison has something to show.
        let trend = if year == 2021 { 0.93 } else { 1.0 };
        for month in 1..=12u8 {
            let mi = usize::from(month - 1);
            for (section, p) in sections.iter().zip(PROFILES.iter()) {
                debug_assert_eq!(section.slug, p.slug);
                let sampled = match (month, section.body) {
                    (1 | 2, WaterBody::River) => rng.unit() < 0.5,
                    (3 | 12, WaterBody::River) => rng.unit() < 0.85,
                    _ => true,
                };
                let day = 6 + (rng.next_u64() % 10) as u8;
                let Some(date) = Date::new(year, month, day) else {
                    continue;
                };
                if !sampled {
                    continue;
                }
                let mut push = |indicator: Indicator, value: f64| {
                    let value = round_to(value, indicator.decimals());
                    let limit = DETECTION_LIMITS
                        .iter()
                        .find(|(i, _)| *i == indicator)
                        .map(|(_, l)| *l)
                        .filter(|l| value < *l);
                    results.push(Measurement {
                        section: section.slug.clone(),
                        date,
                        indicator,
                        value: limit.unwrap_or(value),
                        below_detection: limit.is_some(),
                    });
                };
                // One shared factor per sample (flow, dilution), then a small one per indicator.
                let c = around(&mut rng, 0.4) * trend;
                let season = |i: usize| match i {
                    4..=6 => NUTRIENT_SEASON.get(mi).copied().unwrap_or(1.0),
                    1 if (6..=8).contains(&month) => 1.15,
                    _ => 1.0,
                };
                let temp = WATER_TEMP.get(mi).copied().unwrap_or(10.0) + 1.5 * (rng.unit() - 0.5);
                push(Indicator::WaterTemperature, temp.max(0.1));
                let algae = if (6..=8).contains(&month) { 0.35 } else { 0.0 };
                push(Indicator::Ph, p.ph + algae + 0.5 * (rng.unit() - 0.5));
                let [do_base, rest @ ..] = p.main;
                let do_season = DO_SEASON.get(mi).copied().unwrap_or(0.0);
                push(
                    Indicator::DissolvedOxygen,
                    (do_base + do_season - 2.0 * (c - 1.0) + 0.8 * (rng.unit() - 0.5)).max(0.3),
                );
                let kinds = [
                    Indicator::PermanganateIndex,
                    Indicator::Cod,
                    Indicator::Bod5,
                    Indicator::Ammonia,
                    Indicator::TotalPhosphorus,
                    Indicator::TotalNitrogen,
                ];
                for (k, (indicator, base)) in kinds.into_iter().zip(rest).enumerate() {
                    push(indicator, base * c * season(k + 1) * around(&mut rng, 0.15));
                }
                for (indicator, base, urban) in TRACE {
                    let f = if urban { p.urban * c } else { 1.0 };
                    push(indicator, base * f * around(&mut rng, 0.3));
                }
            }
        }
    }
    ResultsDoc {
        sample: true,
        results,
        skipped: Vec::new(),
    }
}

/// Both files, as `(file name, contents)`, byte-identical on every run.
pub fn sample_files() -> [(&'static str, String); 2] {
    [
        (SECTIONS_FILE, write_sections(&sample_sections())),
        (RESULTS_FILE, write_results(&sample_results())),
    ]
}
