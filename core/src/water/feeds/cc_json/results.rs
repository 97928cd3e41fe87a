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
    let mut reader = ResultsReader::new(text, sections)?;
    while reader.read(usize::MAX) {}
    reader.finish()
}

/// [`parse_results`] a part at a time, so that a page can let the browser paint and take input
/// between parts: [`ResultsReader::new`] checks the document and finds its results, each
/// [`ResultsReader::read`] reads the next few, [`ResultsReader::finish`] gives what
/// `parse_results` gives. However the parts are cut, the outcome is the same.
pub struct ResultsReader<'t> {
    text: &'t str,
    known: HashMap<&'t str, WaterBody>,
    /// One locator for the whole file: entries come in file order, so placing errors is linear.
    at: Locator<'t>,
    version: u64,
    raw: Vec<&'t str>,
    next: usize,
    seen: HashSet<(String, Date, Indicator)>,
    out: ResultsDoc,
}

impl<'t> ResultsReader<'t> {
    /// Checks the document and its header; the results are read by [`ResultsReader::read`].
    pub fn new(text: &'t str, sections: &'t [Section]) -> Result<Self, FeedError> {
        let known = sections.iter().map(|s| (s.slug.as_str(), s.body)).collect();
        let mut at = Locator::new(text);
        let doc = Object::parse(text)?;
        let (sample, version, raw) = read_doc(&doc).map_err(|p| p.place(&mut at))?;
        Ok(Self {
            text,
            known,
            at,
            version,
            raw,
            next: 0,
            seen: HashSet::new(),
            out: ResultsDoc {
                sample,
                results: Vec::new(),
                skipped: Vec::new(),
            },
        })
    }

    /// How many results the document has.
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// Whether the document has no results.
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// Reads the next `count` results (fewer at the end); whether any are left.
    pub fn read(&mut self, count: usize) -> bool {
        let end = self.next.saturating_add(count).min(self.raw.len());
        for index in self.next..end {
            let record = Record {
                known: &self.known,
                index,
                version: self.version,
            };
            match record.read(self.raw[index], &mut self.seen) {
                Ok(m) => self.out.results.push(m),
                Err(p) => self.out.skipped.push(p.place(&mut self.at)),
            }
        }
        self.next = end;
        end < self.raw.len()
    }

    /// The document read so far (all of it once [`ResultsReader::read`] has said none are
    /// left); an error when it has results but none usable.
    pub fn finish(self) -> Result<ResultsDoc, FeedError> {
        if self.out.results.is_empty() {
            if let Some(first) = self.out.skipped.first() {
                let raw = self.raw.first().map_or(self.text, |r| *r);
                return Err(Locator::new(self.text).error_at(
                    raw,
                    format!("no usable result; the first: {}", first.message),
                ));
            }
        }
        Ok(self.out)
    }
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
            // The value as the file writes it.
            let written = o.raw("value").map_or("", str::trim);
            return Err(fail(format!(
                "impossible value {written} for {}",
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
