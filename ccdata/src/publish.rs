//! `ccdata publish`: writes what a deployment serves from its data folder.
//!
//! - `air-latest.json`: the newest 48 hours (cc-air-json), what the first screen needs.
//! - `air-latest-24h.json`: the newest 24 hours, the widget's source (`widget.air_latest`): it
//!   shows only the newest hour, and every byte counts on the portals that embed it.
//! - `air-YYYY-MM.json`: one file per month (natural days, as the site's history reads them:
//!   01 01:00 … next month's 01 00:00), merged with the file already there (later rows win,
//!   nothing older is lost). Months the input does not touch are left as they are, so a past
//!   month's bytes never change and it can be cached for long.
//! - `water-sections.json`, `water-results.json` (cc-water-json).
//! - the `config.json` entries pointing at them.
//!
//! Every file is written only when its bytes change (through a temporary file and a rename, so
//! a reader never sees half a file), and stamped with the newest hour of its own data rather
//! than the clock: a second run on the same input changes no byte.

use crate::convert::{load, merge_air, merge_water, sample_of};
use crate::feed::{parse, Context, Parsed};
use crate::progress::Progress;
use crate::ToolError;
use cc_core::air::{merge, write_cc_air_json, AirDataset, CcJsonMeta, HourlyRow, Station};
use cc_core::config::{parse_config, FeedFormat};
use cc_core::time::Hour;
use cc_core::water::feeds::cc_json::{parse_sections, write_results, write_sections};
use serde_json::{json, Map, Value};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Hours in `air-latest.json`: the newest and the 47 before it (the site needs 24 before the
/// newest for sliding means).
pub const LATEST_HOURS: i64 = 48;
pub const LATEST_FILE: &str = "air-latest.json";
/// Hours in the widget's file: the newest and the 23 before it.
pub const WIDGET_HOURS: i64 = 24;
pub const WIDGET_FILE: &str = "air-latest-24h.json";
pub const SECTIONS_FILE: &str = "water-sections.json";
pub const RESULTS_FILE: &str = "water-results.json";

/// What to publish, and where.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Air feed files or folders of them (any air format), merged in order.
    pub air: Vec<PathBuf>,
    /// cc-water-json documents (sections and/or results).
    pub water: Vec<PathBuf>,
    /// The site's data folder.
    pub out: PathBuf,
    /// A config.json to update (created when missing); else the fragment goes to stdout.
    pub config: Option<PathBuf>,
    /// How config.json reaches the data folder (e.g. `data/`).
    pub url_prefix: Option<String>,
    /// `attribution` of the air sources; default from the data's source.
    pub attribution: Option<String>,
    /// The air inputs' format, instead of detecting it.
    pub format: Option<FeedFormat>,
}

/// Whether a file's bytes changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Written,
    Unchanged,
}

/// What a run did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Each file considered, with whether it was written.
    pub files: Vec<(PathBuf, Change)>,
    /// The config.json entries (`air`, `water`, `widget`) for the published files.
    pub fragment: Value,
    /// Merge notes and skipped cells, for standard error.
    pub notes: Vec<String>,
}

/// Publishes per `opts`; `ctx.now` drops future rows.
pub fn publish(opts: &Options, ctx: &Context) -> Result<Outcome, ToolError> {
    if opts.air.is_empty() && opts.water.is_empty() {
        return Err(ToolError::usage(
            "nothing to publish: give --air and/or --water",
        ));
    }
    let out_name = opts.out.display().to_string();
    std::fs::create_dir_all(&opts.out).map_err(|e| ToolError::file(&out_name, e.to_string()))?;
    let prefix = url_prefix(opts)?;
    let mut outcome = Outcome {
        files: Vec::new(),
        fragment: json!({}),
        notes: Vec::new(),
    };
    if !opts.air.is_empty() {
        let (air, widget) = publish_air(opts, ctx, &prefix, &mut outcome)?;
        outcome.fragment["air"] = air;
        outcome.fragment["widget"] = widget;
    }
    if !opts.water.is_empty() {
        let water = publish_water(opts, ctx, &prefix, &mut outcome)?;
        outcome.fragment["water"] = water;
    }
    validate(
        &serde_json::to_string(&outcome.fragment).unwrap_or_default(),
        "config fragment",
    )?;
    if let Some(config) = &opts.config {
        let change = write_config(config, &outcome.fragment)?;
        outcome.files.push((config.clone(), change));
    }
    Ok(outcome)
}

/// The month (year, month) of an hour's natural day.
fn month_of(h: Hour) -> (i32, u8) {
    let d = h.natural_day();
    (d.year, d.month)
}

fn month_file(m: (i32, u8)) -> String {
    format!("air-{:04}-{:02}.json", m.0, m.1)
}

/// The month files already in the data folder.
fn existing_months(dir: &Path) -> Result<BTreeSet<(i32, u8)>, ToolError> {
    let name = dir.display().to_string();
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(dir).map_err(|e| ToolError::file(&name, e.to_string()))? {
        let entry = entry.map_err(|e| ToolError::file(&name, e.to_string()))?;
        let file = entry.file_name().to_string_lossy().to_string();
        let Some(ym) = file
            .strip_prefix("air-")
            .and_then(|f| f.strip_suffix(".json"))
        else {
            continue;
        };
        let (y, m) = ym.split_once('-').unwrap_or(("", ""));
        if let (Ok(y), Ok(m), 2) = (y.parse::<i32>(), m.parse::<u8>(), m.len()) {
            if y.to_string().len() == 4 && (1..=12).contains(&m) {
                out.insert((y, m));
            }
        }
    }
    Ok(out)
}

fn previous_month(m: (i32, u8)) -> (i32, u8) {
    if m.1 == 1 {
        (m.0 - 1, 12)
    } else {
        (m.0, m.1 - 1)
    }
}

fn publish_air(
    opts: &Options,
    ctx: &Context,
    prefix: &str,
    outcome: &mut Outcome,
) -> Result<(Value, Value), ToolError> {
    let files = load(&opts.air, opts.format, ctx)?;
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let (mut new, notes) = merge_air(files, ctx.now)?;
    outcome.notes.extend(notes);
    // An hour with no value is the same as no hour in cc-air-json: dropping them keeps the
    // output canonical, whatever the input wrote for them.
    new.rows.retain(|r| r.c.iter().any(Option::is_some));
    if new.rows.is_empty() {
        return Err(ToolError::file(
            names.first().map_or("--air", String::as_str),
            "no station-hour with a value to publish",
        ));
    }
    let touched: BTreeSet<(i32, u8)> = new.rows.iter().map(|r| month_of(r.hour)).collect();
    let existing = existing_months(&opts.out)?;
    let mut all: BTreeSet<(i32, u8)> = existing.union(&touched).copied().collect();
    // The files to read back: every month the input touches, and the newest two (the latest
    // 48 hours may begin in the month before the newest).
    let newest = all.iter().next_back().copied().unwrap_or((0, 1));
    let wanted: BTreeSet<(i32, u8)> = touched
        .iter()
        .copied()
        .chain([newest, previous_month(newest)])
        .filter(|m| existing.contains(m))
        .collect();
    let mut datasets: Vec<AirDataset> = Vec::with_capacity(wanted.len() + 1);
    let mut flags: Vec<(String, bool)> = names.iter().map(|n| (n.clone(), new.sample)).collect();
    for m in &wanted {
        let path = opts.out.join(month_file(*m));
        let input = crate::input::read(&path)?;
        let parsed = parse(FeedFormat::CcAirJson, &input.text, ctx)
            .map_err(|e| ToolError::feed(&input.name, e))?;
        if let Parsed::Air(ds) = parsed {
            flags.push((input.name.clone(), ds.sample));
            datasets.push(ds);
        }
    }
    let sample = sample_of(flags.iter().map(|(n, s)| (n.as_str(), *s)))?;
    // Existing first, the input last: later rows win.
    datasets.push(new);
    let (mut merged, _) = merge(datasets, None);
    merged.sample = sample;
    merged.rows.retain(|r| r.c.iter().any(Option::is_some));
    let mut by_month: HashMap<(i32, u8), Vec<usize>> = HashMap::new();
    for (i, r) in merged.rows.iter().enumerate() {
        by_month.entry(month_of(r.hour)).or_default().push(i);
    }
    let progress = Progress::new(touched.len() + 2, "writing");
    for m in &touched {
        let rows = by_month.get(m).map(Vec::as_slice).unwrap_or_default();
        let part = subset(&merged, rows);
        let change = write_air(&opts.out.join(month_file(*m)), &part)?;
        outcome.files.push((opts.out.join(month_file(*m)), change));
        progress.step();
    }
    let newest_hour = merged.latest_hour().unwrap_or(ctx.now);
    for (file, hours) in [(LATEST_FILE, LATEST_HOURS), (WIDGET_FILE, WIDGET_HOURS)] {
        let latest: Vec<usize> = merged
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.hour.0 > newest_hour.0 - hours)
            .map(|(i, _)| i)
            .collect();
        let path = opts.out.join(file);
        let change = write_air(&path, &subset(&merged, &latest))?;
        outcome.files.push((path, change));
        progress.step();
    }
    progress.finish();
    all.extend(touched);
    let attribution = opts
        .attribution
        .clone()
        .unwrap_or_else(|| attribution_of(&merged.source));
    let source = |mut v: Value| {
        if sample {
            v["sample"] = json!(true);
        }
        if !attribution.is_empty() {
            v["attribution"] = json!(attribution);
        }
        v
    };
    let urls: Vec<String> = all
        .iter()
        .map(|m| format!("{prefix}{}", month_file(*m)))
        .collect();
    let air = json!({
        "latest": source(json!({"format": "cc-air-json", "url": format!("{prefix}{LATEST_FILE}")})),
        "history": source(json!({"format": "cc-air-json", "urls": urls})),
    });
    let widget = json!({
        "air_latest": source(json!({"format": "cc-air-json", "url": format!("{prefix}{WIDGET_FILE}")})),
    });
    Ok((air, widget))
}

/// The attribution shown for a source name the parsers give.
fn attribution_of(source: &str) -> String {
    match source {
        "CNEMC" => "中国环境监测总站 (CNEMC) 实时发布".to_string(),
        other => other.to_string(),
    }
}

/// The rows `rows` of `ds` with only their stations, sorted by code, so the bytes depend on the
/// data alone and not on the order files were read in.
fn subset(ds: &AirDataset, rows: &[usize]) -> AirDataset {
    let mut used: Vec<u16> = rows
        .iter()
        .filter_map(|&i| ds.rows.get(i).map(|r| r.station))
        .collect::<BTreeSet<u16>>()
        .into_iter()
        .collect();
    let code = |i: u16| ds.station(i).map(|s| s.code.clone()).unwrap_or_default();
    cc_core::order::sort_by_key(&mut used, |&i| code(i));
    let stations: Vec<Station> = used
        .iter()
        .filter_map(|&i| ds.station(i).cloned())
        .collect();
    let index: HashMap<u16, u16> = used
        .iter()
        .enumerate()
        .filter_map(|(new, &old)| u16::try_from(new).ok().map(|n| (old, n)))
        .collect();
    let rows: Vec<HourlyRow> = rows
        .iter()
        .filter_map(|&i| ds.rows.get(i))
        .filter_map(|r| {
            index.get(&r.station).map(|&s| HourlyRow {
                station: s,
                hour: r.hour,
                c: r.c,
                published: None,
            })
        })
        .collect();
    AirDataset {
        sample: ds.sample,
        source: ds.source.clone(),
        stations,
        rows,
        daily: Vec::new(),
        skipped: Vec::new(),
    }
}

fn write_air(path: &Path, ds: &AirDataset) -> Result<Change, ToolError> {
    let generated_at = ds.latest_hour().unwrap_or(Hour(0));
    write_if_changed(path, &write_cc_air_json(ds, &CcJsonMeta { generated_at }))
}

fn publish_water(
    opts: &Options,
    ctx: &Context,
    prefix: &str,
    outcome: &mut Outcome,
) -> Result<Value, ToolError> {
    // Results given without their sections are checked against the list already published.
    let mut ctx = ctx.clone();
    let published_sections = opts.out.join(SECTIONS_FILE);
    if published_sections.is_file() {
        let input = crate::input::read(&published_sections)?;
        let doc = parse_sections(&input.text).map_err(|e| ToolError::feed(&input.name, e))?;
        ctx.sections = doc.sections;
    }
    let files = load(&opts.water, None, &ctx)?;
    let water = merge_water(files)?;
    outcome.notes.extend(water.notes.iter().cloned());
    let mut sample = None;
    if let Some(doc) = &water.sections {
        let path = opts.out.join(SECTIONS_FILE);
        outcome
            .files
            .push((path.clone(), write_if_changed(&path, &write_sections(doc))?));
        sample = Some(doc.sample);
    }
    if let Some(doc) = &water.results {
        let path = opts.out.join(RESULTS_FILE);
        outcome
            .files
            .push((path.clone(), write_if_changed(&path, &write_results(doc))?));
        sample = Some(doc.sample);
    }
    let entry = |file: &str| {
        let mut v = json!({"format": "cc-water-json", "url": format!("{prefix}{file}")});
        if sample == Some(true) {
            v["sample"] = json!(true);
        }
        v
    };
    let mut out = Map::new();
    if opts.out.join(SECTIONS_FILE).is_file() {
        out.insert("sections".to_string(), entry(SECTIONS_FILE));
    }
    if opts.out.join(RESULTS_FILE).is_file() {
        out.insert("results".to_string(), entry(RESULTS_FILE));
    }
    Ok(Value::Object(out))
}

/// Writes `text` to `path` unless it already holds exactly that; through a temporary file and
/// a rename, so the web server never serves half a file.
pub fn write_if_changed(path: &Path, text: &str) -> Result<Change, ToolError> {
    let name = path.display().to_string();
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(Change::Unchanged);
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{file_name}.ccdata-tmp"));
    std::fs::write(&tmp, text.as_bytes())
        .map_err(|e| ToolError::file(&tmp.display().to_string(), e.to_string()))?;
    std::fs::rename(&tmp, path).map_err(|e| ToolError::file(&name, e.to_string()))?;
    Ok(Change::Written)
}

/// The URL prefix from config.json to the data folder.
fn url_prefix(opts: &Options) -> Result<String, ToolError> {
    if let Some(p) = &opts.url_prefix {
        return Ok(if p.is_empty() || p.ends_with('/') {
            p.clone()
        } else {
            format!("{p}/")
        });
    }
    let out = std::fs::canonicalize(&opts.out)
        .map_err(|e| ToolError::file(&opts.out.display().to_string(), e.to_string()))?;
    let Some(config) = &opts.config else {
        // The usual layout: the data folder beside config.json, e.g. dist/data/.
        return Ok(out
            .file_name()
            .map(|n| format!("{}/", n.to_string_lossy()))
            .unwrap_or_default());
    };
    let name = config.display().to_string();
    let parent = match config.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = std::fs::canonicalize(&parent).map_err(|e| ToolError::file(&name, e.to_string()))?;
    let rel = out.strip_prefix(&dir).map_err(|_| {
        ToolError::file(
            &name,
            "the data folder is not under config.json's folder: give --url-prefix",
        )
    })?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    Ok(parts.iter().map(|p| format!("{p}/")).collect())
}

/// Checks `text` with the site's own config parser.
fn validate(text: &str, what: &str) -> Result<(), ToolError> {
    parse_config(text, "https://example.invalid/")
        .map(|_| ())
        .map_err(|e| ToolError::file(what, format!("does not parse as config.json: {e}")))
}

/// Puts the fragment's sources into the config file at `path` (created when missing), keeping
/// every other key. Written pretty-printed, only when it changes.
fn write_config(path: &Path, fragment: &Value) -> Result<Change, ToolError> {
    let name = path.display().to_string();
    let mut root = match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str::<Value>(text.strip_prefix('\u{feff}').unwrap_or(&text))
            .map_err(|e| {
            let fe = cc_core::FeedError::from_json(&e);
            ToolError::feed(&name, fe)
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => json!({}),
        Err(e) => return Err(ToolError::file(&name, e.to_string())),
    };
    let Some(obj) = root.as_object_mut() else {
        return Err(ToolError::file(&name, "is not a JSON object"));
    };
    for part in ["air", "water", "widget"] {
        let Some(Value::Object(new)) = fragment.get(part) else {
            continue;
        };
        let section = obj.entry(part.to_string()).or_insert_with(|| json!({}));
        if !section.is_object() {
            *section = json!({});
        }
        if let Some(section) = section.as_object_mut() {
            for (k, v) in new {
                section.insert(k.clone(), v.clone());
            }
        }
    }
    let text = format!(
        "{}\n",
        serde_json::to_string_pretty(&root).unwrap_or_default()
    );
    validate(&text, &name)?;
    write_if_changed(path, &text)
}
