//! Converts air feed files into one cc-air-json file on standard output, e.g. for the widget's
//! `widget.air_latest` when the site reads CNEMC's CSV:
//!
//! `cargo run --release -p cc_core --bin convert_air -- --format cnemc-hourly-csv day1.csv day2.csv > air-latest.json`
//!
//! Options: `--format <name>` (required: any air format of config.json), `--station <code>` (the
//! station OpenAQ rows are filed under). Notes about duplicated, disordered or future rows go to
//! standard error; an unreadable file stops the run with its name, line and column.

use cc_core::air::convert::to_cc_air_json;
use cc_core::config::FeedFormat;
use cc_core::time::Hour;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut format = None;
    let mut station = "openaq".to_string();
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => format = args.next(),
            "--station" => station = args.next().unwrap_or_default(),
            _ => paths.push(arg),
        }
    }
    let Some(format) = format
        .as_deref()
        .and_then(FeedFormat::parse)
        .filter(|f| f.is_air())
    else {
        eprintln!("usage: convert_air --format <cnemc-hourly-csv|quotsoft-sites-csv|openaq-v3-json|cc-air-json> [--station CODE] FILE…");
        return ExitCode::from(2);
    };
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        match std::fs::read_to_string(&path) {
            Ok(text) => files.push((path, text)),
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0);
    match to_cc_air_json(format, &files, &station, Hour::from_unix_millis(now_ms)) {
        Ok((json, notes)) => {
            for note in notes {
                eprintln!("note: {}", note.text(cc_core::i18n::Lang::En));
            }
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
