//! `ccdata convert`: any format the site reads into ours, through `cc_core`'s parsers and
//! writers. Files are merged in the order given (later rows win, as on the site); what the merge
//! noticed (duplicates, future rows, skipped cells) comes back as notes for standard error.
//! Also the loading shared with `publish`.

use crate::detect::detect;
use crate::feed::{parse, Context, Parsed};
use crate::input::{expand, read};
use crate::progress::Progress;
use crate::ToolError;
use cc_core::air::{merge, write_cc_air_json, AirDataset, CcJsonMeta};
use cc_core::config::FeedFormat;
use cc_core::i18n::Lang;
use cc_core::water::feeds::cc_json::{write_results, write_sections, ResultsDoc, SectionsDoc};
use cc_core::water::{Measurement, Section};
use std::collections::HashMap;
use std::path::PathBuf;

/// The formats `convert` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    CcAirJson,
    CcWaterJson,
}

/// A converted document and what was noticed on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub text: String,
    pub notes: Vec<String>,
}

/// Reads and parses every file of `paths` (directories expand, sorted by name), each in its
/// detected format or in `format`. Water results are read against the section lists among the
/// inputs, else `ctx.sections`. The first unreadable file stops the run, named with its position.
pub fn load(
    paths: &[PathBuf],
    format: Option<FeedFormat>,
    ctx: &Context,
) -> Result<Vec<(String, Parsed)>, ToolError> {
    let list = expand(paths)?;
    let progress = Progress::new(list.len(), "reading");
    let mut texts = Vec::with_capacity(list.len());
    for path in &list {
        let input = read(path)?;
        let format = match format {
            Some(f) => f,
            None => detect(&input.text).map_err(|e| ToolError::feed(&input.name, e))?,
        };
        texts.push((input, format));
        progress.step();
    }
    progress.finish();
    // Sections first, so results given in the same run are checked against them.
    let mut ctx = ctx.clone();
    let mut out: Vec<Option<(String, Parsed)>> = Vec::with_capacity(texts.len());
    let mut sections: Vec<Section> = Vec::new();
    for (input, format) in &texts {
        let parsed = if *format == FeedFormat::CcWaterJson
            && crate::detect::water_kind(&input.text) != Some(crate::detect::WaterKind::Results)
        {
            let p =
                parse(*format, &input.text, &ctx).map_err(|e| ToolError::feed(&input.name, e))?;
            if let Parsed::Sections(doc) = &p {
                sections.extend(doc.sections.iter().cloned());
            }
            Some((input.name.clone(), p))
        } else {
            None
        };
        out.push(parsed);
    }
    if !sections.is_empty() {
        ctx.sections = sections;
    }
    let progress = Progress::new(texts.len(), "parsing");
    let mut parsed = Vec::with_capacity(texts.len());
    for ((input, format), done) in texts.iter().zip(out) {
        match done {
            Some(p) => parsed.push(p),
            None => {
                let p = parse(*format, &input.text, &ctx)
                    .map_err(|e| ToolError::feed(&input.name, e))?;
                parsed.push((input.name.clone(), p));
            }
        }
        progress.step();
    }
    progress.finish();
    Ok(parsed)
}

/// Whether the inputs are sample data: all are, or none is. Mixing them is refused, so real data
/// is never published under a sample label (nor a sample passed off as measurements).
pub fn sample_of<'a>(items: impl IntoIterator<Item = (&'a str, bool)>) -> Result<bool, ToolError> {
    let mut real: Option<&str> = None;
    let mut sample: Option<&str> = None;
    for (name, is_sample) in items {
        if is_sample {
            sample.get_or_insert(name);
        } else {
            real.get_or_insert(name);
        }
    }
    match (real, sample) {
        (Some(r), Some(s)) => Err(ToolError::file(
            s,
            format!("is sample data (\"sample\": true) and {r} is real: they cannot be merged"),
        )),
        (_, s) => Ok(s.is_some()),
    }
}

/// Notes for the skipped cells of one file: `file:line:column: skipped: message`.
pub fn skipped_notes(file: &str, skipped: &[cc_core::FeedError]) -> Vec<String> {
    skipped
        .iter()
        .map(|e| {
            ToolError::at(file, e.line, e.column, format!("skipped: {}", e.message)).to_string()
        })
        .collect()
}

/// Merges air files (later rows win, rows after `ctx.now` dropped); refuses any other kind.
pub fn merge_air(
    files: Vec<(String, Parsed)>,
    now: cc_core::time::Hour,
) -> Result<(AirDataset, Vec<String>), ToolError> {
    let mut notes = Vec::new();
    let mut datasets = Vec::with_capacity(files.len());
    for (name, parsed) in files {
        match parsed {
            Parsed::Air(ds) => {
                notes.extend(skipped_notes(&name, &ds.skipped));
                datasets.push((name, ds));
            }
            other => {
                return Err(ToolError::file(
                    &name,
                    format!("holds {} data, not air data", other.kind()),
                ))
            }
        }
    }
    sample_of(datasets.iter().map(|(n, d)| (n.as_str(), d.sample)))?;
    let (ds, merge_notes) = merge(datasets.into_iter().map(|(_, d)| d).collect(), Some(now));
    notes.extend(merge_notes.iter().map(|n| n.text(Lang::En)));
    Ok((ds, notes))
}

/// Converts `paths` into one document of `to`.
pub fn convert(
    paths: &[PathBuf],
    to: Target,
    format: Option<FeedFormat>,
    ctx: &Context,
) -> Result<Converted, ToolError> {
    let files = load(paths, format, ctx)?;
    match to {
        Target::CcAirJson => {
            let (ds, notes) = merge_air(files, ctx.now)?;
            // Stamped with the newest hour of the data, not the clock: the same input gives the
            // same bytes.
            let generated_at = ds.latest_hour().unwrap_or(ctx.now);
            Ok(Converted {
                text: write_cc_air_json(&ds, &CcJsonMeta { generated_at }),
                notes,
            })
        }
        Target::CcWaterJson => {
            let water = merge_water(files)?;
            let text = match (&water.results, &water.sections) {
                (Some(r), _) => write_results(r),
                (None, Some(s)) => write_sections(s),
                (None, None) => return Err(ToolError::usage("no water document among the inputs")),
            };
            Ok(Converted {
                text,
                notes: water.notes,
            })
        }
    }
}

/// Water documents merged by kind.
#[derive(Debug, Clone, Default)]
pub struct Water {
    pub sections: Option<SectionsDoc>,
    pub results: Option<ResultsDoc>,
    pub notes: Vec<String>,
}

/// Merges cc-water-json documents: sections by slug, results by (section, date, indicator),
/// the later file winning. The automatic feed is refused: its readings are a reference
/// (自动监测(参考)), and cc-water-json carries manual monitoring results only.
pub fn merge_water(files: Vec<(String, Parsed)>) -> Result<Water, ToolError> {
    let mut w = Water::default();
    let mut flags: Vec<(String, bool)> = Vec::new();
    let mut section_at: HashMap<String, usize> = HashMap::new();
    let mut result_at: HashMap<(String, i64, cc_core::water::Indicator), usize> = HashMap::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut results: Vec<Measurement> = Vec::new();
    let (mut any_sections, mut any_results) = (false, false);
    for (name, parsed) in files {
        w.notes.extend(skipped_notes(&name, parsed.skipped()));
        match parsed {
            Parsed::Sections(doc) => {
                any_sections = true;
                flags.push((name, doc.sample));
                for s in doc.sections {
                    match section_at.get(&s.slug) {
                        Some(&i) => {
                            if let Some(old) = sections.get_mut(i) {
                                *old = s;
                            }
                        }
                        None => {
                            section_at.insert(s.slug.clone(), sections.len());
                            sections.push(s);
                        }
                    }
                }
            }
            Parsed::Results(doc) => {
                any_results = true;
                flags.push((name, doc.sample));
                for m in doc.results {
                    let key = (m.section.clone(), m.date.to_days(), m.indicator);
                    match result_at.get(&key) {
                        Some(&i) => {
                            if let Some(old) = results.get_mut(i) {
                                *old = m;
                            }
                        }
                        None => {
                            result_at.insert(key, results.len());
                            results.push(m);
                        }
                    }
                }
            }
            Parsed::Auto(_) => return Err(ToolError::file(
                &name,
                "cnemc-water-json holds automatic readings, a reference only (自动监测(参考)); \
                     cc-water-json carries manual monitoring results: point water.results at the \
                     automatic feed itself instead",
            )),
            Parsed::Air(_) => return Err(ToolError::file(&name, "holds air data, not water data")),
            Parsed::Forecast(_) | Parsed::Alerts(_) => {
                return Err(ToolError::file(
                    &name,
                    format!("holds {} data, not water data", parsed.kind()),
                ))
            }
        }
    }
    let sample = sample_of(flags.iter().map(|(n, s)| (n.as_str(), *s)))?;
    if any_sections {
        w.sections = Some(SectionsDoc {
            sample,
            sections,
            skipped: Vec::new(),
        });
    }
    if any_results {
        w.results = Some(ResultsDoc {
            sample,
            results,
            skipped: Vec::new(),
        });
    }
    Ok(w)
}
