//! The results document of cc-water-json (`FORMAT.md` § Results document). Each result is
//! checked against the known sections and read on its own (from its raw text), so a bad result is
//! skipped and named in [`ResultsDoc::skipped`] while every other result is kept; a document
//! with results but none usable is still an error.

use super::{read_header, ResultsDoc};
use crate::json_items::Locator;
use crate::json_obj::{Object, Problem};
use crate::time::Date;
use crate::water::detection;
use crate::water::feeds::units;
use crate::water::limits::{Indicator, WaterBody};
use crate::water::method;
use crate::water::sections::{Measurement, Section};
use crate::FeedError;
use std::collections::{HashMap, HashSet};

/// Parses a results document; every result's section must be in `sections` (its water-body
/// type is not needed here, but an unknown slug is an error, not a silent gap).
pub fn parse_results(text: &str, sections: &[Section]) -> Result<ResultsDoc, FeedError> {
    let known: HashMap<&str, WaterBody> =
        sections.iter().map(|s| (s.slug.as_str(), s.body)).collect();
    // One locator for the whole file: entries come in file order, so placing errors is linear.
    let mut at = Locator::new(text);
    let doc = Object::parse(text)?;
    let (sample, version, raw) = read_doc(&doc).map_err(|p| p.place(&mut at))?;
    let mut out = ResultsDoc {
        sample,
        results: Vec::new(),
        skipped: Vec::new(),
    };
    let mut seen: HashSet<(String, Date, Indicator)> = HashSet::new();
    for (index, item) in raw.iter().enumerate() {
        let record = Record {
            known: &known,
            index,
            version,
        };
        match record.read(item, &mut seen) {
            Ok(m) => out.results.push(m),
            Err(p) => out.skipped.push(p.place(&mut at)),
        }
    }
    if out.results.is_empty() {
        if let Some(first) = out.skipped.first() {
            let raw = raw.first().map_or(text, |r| *r);
            return Err(Locator::new(text).error_at(
                raw,
                format!("no usable result; the first: {}", first.message),
            ));
        }
    }
    Ok(out)
}

/// The document's members: sample, version, and the results still raw.
fn read_doc<'t>(doc: &Object<'t>) -> Result<(bool, u64, Vec<&'t str>), Problem<'t>> {
    let version = read_header(doc, "results")?;
    doc.only(
        &["format", "version", "kind", "sample", "results"],
        "one of format, version, kind, sample, results",
    )?;
    Ok((doc.bool("sample")?, version, doc.array("results", false)?))
}

fn indicator(s: &str) -> Result<Indicator, String> {
    s.parse().map_err(|_| format!("unknown indicator \"{s}\""))
}

/// A `YYYY-MM-DD` date.
fn date(s: &str) -> Result<Date, String> {
    let ok = s.len() == 10 && s.as_bytes().get(4) == Some(&b'-');
    ok.then(|| Date::parse(s))
        .flatten()
        .ok_or_else(|| format!("expected a date YYYY-MM-DD, found \"{s}\""))
}

/// How one result object is read: against the known sections, in a document of `version`.
struct Record<'a> {
    known: &'a HashMap<&'a str, WaterBody>,
    index: usize,
    version: u64,
}

impl Record<'_> {
    fn read<'t>(
        &self,
        raw: &'t str,
        seen: &mut HashSet<(String, Date, Indicator)>,
    ) -> Result<Measurement, Problem<'t>> {
        let o = Object::at(raw)?;
        let v2 = self.version >= 2;
        let keys = [
            "section",
            "date",
            "indicator",
            "value",
            "unit",
            "below_detection",
        ];
        o.only(
            &keys[..if v2 { 6 } else { 5 }],
            if v2 {
                "one of section, date, indicator, value, unit, below_detection"
            } else {
                "one of section, date, indicator, value, unit (below_detection needs version 2)"
            },
        )?;
        let section = o.checked("section", |s| {
            if self.known.contains_key(s) {
                Ok(s.to_string())
            } else {
                Err(format!("unknown section \"{s}\""))
            }
        })?;
        let date = o.checked("date", date)?;
        let indicator = o.checked("indicator", indicator)?;
        let value = o.number("value")?;
        let unit = o.string("unit")?;
        let below_detection = match o.raw("below_detection") {
            Some(_) => o.bool("below_detection")?,
            None => false,
        };
        // Checked after the members, so the error is placed at the end of the object.
        let i = self.index;
        let fail = |msg: String| o.problem(format!("results[{i}]: {msg}"));
        let factor = units::factor(indicator, &unit).ok_or_else(|| {
            fail(format!(
                "unit \"{unit}\" is not a unit of {} (expected \"{}\")",
                indicator.as_str(),
                indicator.unit()
            ))
        })?;
        let canonical = value * factor;
        if !method::is_possible(indicator, canonical) {
            return Err(fail(format!(
                "impossible value {value} for {}",
                indicator.as_str()
            )));
        }
        if below_detection
            && !detection::accepts_below_limit(indicator, Some(canonical).filter(|l| *l > 0.0))
        {
            return Err(fail(format!(
                "{} cannot be below a detection limit",
                indicator.as_str()
            )));
        }
        if !seen.insert((section.clone(), date, indicator)) {
            return Err(fail(format!(
                "duplicate result for {section} {date} {}",
                indicator.as_str()
            )));
        }
        Ok(Measurement {
            section,
            date,
            indicator,
            value: canonical,
            below_detection,
        })
    }
}
