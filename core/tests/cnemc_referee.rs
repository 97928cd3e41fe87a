//! Referee: our engine against two real days of CNEMC hourly publications for Changchun
//! (shared/data/cnemc-changchun, read in place, never copied into the repository).

// Helpers outside #[test] functions: here a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cc_core::air::{
    assess_hourly, iaqi::HourlyInputs, merge, parse_cnemc_hourly_csv, station_hourly, RuleSet,
    Species,
};
use cc_core::i18n::Lang;
use std::collections::HashMap;
use std::path::PathBuf;

fn data_dir() -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [
        "../../shared/data/cnemc-changchun",
        "../shared/data/cnemc-changchun",
    ]
    .iter()
    .map(|rel| manifest.join(rel))
    .find(|p| p.is_dir())
}

/// The real publications, parsed in file order; `None` (after saying so) without the folder,
/// which fails under CI.
fn real_publications() -> Option<Vec<cc_core::air::AirDataset>> {
    let Some(dir) = data_dir() else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("shared/data/cnemc-changchun not found next to the project, and CI=true");
        }
        eprintln!("note: shared/data/cnemc-changchun not found; CNEMC referee test skipped");
        return None;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "csv"))
                .collect()
        })
        .unwrap_or_default();
    cc_core::order::sort_by(&mut files, |a, b| a.cmp(b));
    Some(
        files
            .iter()
            .map(|p| {
                parse_cnemc_hourly_csv(&std::fs::read_to_string(p).unwrap())
                    .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            })
            .collect(),
    )
}

#[test]
fn computed_aqi_and_sliding_means_match_the_publication() {
    let Some(sets) = real_publications() else {
        return;
    };
    let (ds, notes) = merge(sets, None);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(ds.rows.len(), 477);

    // 1. Hourly AQI and primary pollutants.
    let mut compared = 0;
    let mut bad = Vec::new();
    for r in &ds.rows {
        let Some(p) = r.published else { continue };
        let (Some(aqi), true) = (p.aqi, r.c.iter().all(Option::is_some)) else {
            continue;
        };
        compared += 1;
        let a = assess_hourly(
            RuleSet::for_hour(r.hour),
            &HourlyInputs {
                c: r.c,
                ..Default::default()
            },
        );
        let ours = a.outcome.map(|x| (x.value, x.primary));
        if ours != Ok((aqi, p.primary.unwrap_or_default())) {
            let code = &ds.stations[usize::from(r.station)].code;
            bad.push(format!(
                "{code} {}: published {aqi} {:?}, computed {:?}",
                r.hour,
                p.primary.map(|s| s.text(Lang::Zh)),
                ours.map(|(v, s)| (v, s.text(Lang::Zh)))
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatching rows:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert_eq!(compared, 469);

    // 2. 24-h sliding means, where the station has all 24 rows of the window in the files.
    let present: HashMap<(u16, i64), &cc_core::air::HourlyRow> =
        ds.rows.iter().map(|r| ((r.station, r.hour.0), r)).collect();
    let computed: HashMap<(u16, i64), [Option<f64>; 6]> = station_hourly(&ds)
        .into_iter()
        .map(|h| ((h.station, h.hour.0), h.mean_24h))
        .collect();
    let species = [
        Species::Pm10,
        Species::Pm25,
        Species::No2,
        Species::So2,
        Species::Co,
    ];
    let mut counts = [0usize; 5];
    let mut bad = Vec::new();
    for r in &ds.rows {
        let window: Option<Vec<_>> = (0..24)
            .map(|k| present.get(&(r.station, r.hour.0 - k)))
            .collect();
        let Some(window) = window else { continue };
        for (n, s) in species.iter().enumerate() {
            let Some(published) = r.published.and_then(|p| p.mean_24h[s.index()]) else {
                continue;
            };
            let valid = window.iter().filter_map(|w| w.get(*s)).count();
            counts[n] += 1;
            // The engine's sliding mean (≥ 20 valid hours, rounded half-even).
            let mean = computed
                .get(&(r.station, r.hour.0))
                .and_then(|m| m[s.index()])
                .unwrap_or(f64::NAN);
            // ±1 in the published precision: 1 µg/m³, 0.1 mg/m³ for CO (published values are f32).
            let tol = if *s == Species::Co {
                0.1 + 1e-6
            } else {
                1.0 + 1e-6
            };
            if mean.is_nan() || (mean - f64::from(published)).abs() > tol {
                let code = &ds.stations[usize::from(r.station)].code;
                bad.push(format!(
                    "{code} {} {}: published {published}, computed {mean} from {valid} hours",
                    r.hour,
                    s.label()
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatching means:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert_eq!(
        counts, [246; 5],
        "rows compared per column (PM10, PM2.5, NO2, SO2, CO)"
    );
}

/// The year's figures (issue: the report card) run on the real days as far as they go: every
/// figure is computed from the days there are, and none is judged against the standard, since
/// a few days are far from the 324 an annual statistic needs.
#[test]
fn the_annual_figures_run_on_the_real_days() {
    use cc_core::air::annual::{air_year, years_with_days, VALID_DAYS_PER_YEAR};
    let Some(sets) = real_publications() else {
        return;
    };
    let (ds, _) = merge(sets, None);
    let days = cc_core::air::city_daily(&ds);
    let years = years_with_days(&days);
    assert!(!years.is_empty());
    let mut pm25_means = 0;
    for year in years {
        let y = air_year(&days, year).unwrap();
        let of_year: Vec<_> = days.iter().filter(|d| d.date.year == year).collect();
        let with_aqi = of_year
            .iter()
            .filter(|d| d.assessment.aqi().is_some())
            .count();
        assert_eq!(y.stats.good.valid as usize, with_aqi, "{year}");
        assert_eq!(
            y.stats.level_days.iter().sum::<u32>() as usize,
            with_aqi,
            "{year}: every valid day has one level"
        );
        assert!(y.longest_good_run.days <= y.stats.good.good);
        for item in y.items {
            assert!(item.days < VALID_DAYS_PER_YEAR);
            assert_eq!(item.verdict(), None, "{year} {:?}", item.species);
            if item.days > 0 {
                assert!(item.value.is_some(), "{year} {:?}", item.species);
            }
        }
        pm25_means += y
            .items
            .iter()
            .filter(|i| i.species == Species::Pm25 && i.value.is_some())
            .count();
        assert!(!y.complete());
    }
    // The whole days of PM2.5 give a mean (the first natural day may be a few hours only).
    assert!(pm25_means > 0);
}
