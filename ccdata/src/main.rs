//! `ccdata`: parses the arguments and hands each subcommand to the library (`lib.rs`). Exit
//! codes: `check` 0 clean, 1 warnings, 2 errors; `convert` and `publish` 0 done, 2 refused.

use cc_core::config::FeedFormat;
use cc_core::time::Hour;
use ccdata::check::{check_paths, render_text};
use ccdata::convert::{convert, Target};
use ccdata::feed::Context;
use ccdata::publish::{publish, Change, Options};
use ccdata::ToolError;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "ccdata",
    version,
    about = "Check, convert and publish 绿色长春's data files, read exactly as the site reads them"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Options every subcommand shares.
#[derive(clap::Args)]
struct Common {
    /// "Now" as Beijing time YYYY-MM-DDTHH:00 (default: the clock); later stamps are future
    /// stamps. For reproducible checks.
    #[arg(long, value_parser = parse_hour)]
    now: Option<Hour>,
    /// The station code OpenAQ rows are filed under (config.json default_station).
    #[arg(long, default_value = "openaq")]
    station: String,
}

#[derive(Subcommand)]
enum Command {
    /// Validate feeds: format, stations or sections, first and last hour, gaps, duplicated
    /// hours, future stamps, skipped cells. Exit 0 clean, 1 warnings, 2 errors.
    Check {
        /// Files, or folders of .csv/.json files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The format, instead of detecting it from the content.
        #[arg(long, value_parser = parse_format)]
        format: Option<FeedFormat>,
        /// Print the report as JSON (shape in the README, "Publishing data").
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Convert any supported format to ours; files are merged in order (later rows win).
    Convert {
        /// The format to write.
        #[arg(long, value_enum)]
        to: To,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The inputs' format, instead of detecting it.
        #[arg(long, value_parser = parse_format)]
        format: Option<FeedFormat>,
        /// The output file (default: standard output).
        #[arg(short, long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Write a site's data folder: air-latest.json (48 h), air-latest-24h.json (the widget's),
    /// air-YYYY-MM.json (merged with what is there), the water files, and config.json's entries
    /// (stdout, or into --config).
    Publish {
        /// Air feed files or folders (any air format).
        #[arg(long, num_args = 1..)]
        air: Vec<PathBuf>,
        /// cc-water-json sections and results documents.
        #[arg(long, num_args = 1..)]
        water: Vec<PathBuf>,
        /// The site's data folder.
        #[arg(short, long)]
        out: PathBuf,
        /// config.json to update (created when missing) instead of printing the entries.
        #[arg(long)]
        config: Option<PathBuf>,
        /// URL prefix from config.json to the data folder (default: from --config's folder,
        /// else the data folder's name, e.g. "data/").
        #[arg(long)]
        url_prefix: Option<String>,
        /// The air sources' attribution (default from the data, e.g. CNEMC's name).
        #[arg(long)]
        attribution: Option<String>,
        /// The air inputs' format, instead of detecting it.
        #[arg(long, value_parser = parse_format)]
        format: Option<FeedFormat>,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum To {
    CcAirJson,
    CcWaterJson,
}

fn parse_format(name: &str) -> Result<FeedFormat, String> {
    name.parse().map_err(|_| {
        let known: Vec<&str> = FeedFormat::ALL.iter().map(|(_, n)| *n).collect();
        format!("unknown format; known: {}", known.join(", "))
    })
}

fn parse_hour(text: &str) -> Result<Hour, String> {
    Hour::parse(text).ok_or_else(|| "expected Beijing time YYYY-MM-DDTHH:00".to_string())
}

fn context(common: &Common) -> Context {
    let mut ctx = Context::new(common.now.unwrap_or_else(ccdata::now_hour));
    ctx.openaq_station = common.station.clone();
    ctx
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<u8, ToolError> {
    match command {
        Command::Check {
            files,
            format,
            json,
            common,
        } => {
            let report = check_paths(&files, format, &context(&common));
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                );
            } else {
                print!("{}", render_text(&report));
            }
            Ok(report.exit_code)
        }
        Command::Convert {
            to,
            files,
            format,
            out,
            common,
        } => {
            let target = match to {
                To::CcAirJson => Target::CcAirJson,
                To::CcWaterJson => Target::CcWaterJson,
            };
            let converted = convert(&files, target, format, &context(&common))?;
            for note in &converted.notes {
                eprintln!("note: {note}");
            }
            match out {
                Some(path) => {
                    let change = ccdata::publish::write_if_changed(&path, &converted.text)?;
                    eprintln!("{} {}", change_word(change), path.display());
                }
                None => print!("{}", converted.text),
            }
            Ok(0)
        }
        Command::Publish {
            air,
            water,
            out,
            config,
            url_prefix,
            attribution,
            format,
            common,
        } => {
            let opts = Options {
                air,
                water,
                out,
                config: config.clone(),
                url_prefix,
                attribution,
                format,
            };
            let outcome = publish(&opts, &context(&common))?;
            for note in &outcome.notes {
                eprintln!("note: {note}");
            }
            for (path, change) in &outcome.files {
                eprintln!("{} {}", change_word(*change), path.display());
            }
            if config.is_none() {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&outcome.fragment).unwrap_or_default()
                );
            }
            Ok(0)
        }
    }
}

fn change_word(change: Change) -> &'static str {
    match change {
        Change::Written => "written  ",
        Change::Unchanged => "unchanged",
    }
}
