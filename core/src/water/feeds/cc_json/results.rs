//! The results document of cc-water-json (`FORMAT.md` § Results document), read with seeds so
//! that each result is checked against the known sections while serde_json still knows where
//! it is. Each result is read on its own (from its borrowed raw text), so a bad result is
//! skipped and named in [`ResultsDoc::skipped`] while every other result is kept; a document
//! with results but none usable is still an error.

use super::{de_format, de_version_number, expect_str, ResultsDoc};
use crate::json_items::Locator;
use crate::time::Date;
use crate::water::detection;
use crate::water::feeds::units;
use crate::water::limits::{Indicator, WaterBody};
use crate::water::method;
use crate::water::sections::{Measurement, Section};
use crate::FeedError;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Parses a results document; every result's section must be in `sections` (its water-body
/// type is not needed here, but an unknown slug is an error, not a silent gap).
pub fn parse_results(text: &str, sections: &[Section]) -> Result<ResultsDoc, FeedError> {
    let known: HashMap<&str, WaterBody> =
        sections.iter().map(|s| (s.slug.as_str(), s.body)).collect();
    let mut de = serde_json::Deserializer::from_str(text);
    let doc = ResultsSeed
        .deserialize(&mut de)
        .map_err(|e| FeedError::from_json(&e))?;
    de.end().map_err(|e| FeedError::from_json(&e))?;
    let mut out = ResultsDoc {
        sample: doc.sample,
        results: Vec::new(),
        skipped: Vec::new(),
    };
    let mut seen: HashSet<(String, Date, Indicator)> = HashSet::new();
    // One locator for the whole file: entries come in file order, so placing errors is linear.
    let mut at = Locator::new(text);
    for (index, raw) in doc.raw.iter().enumerate() {
        let part = raw.get();
        let mut sub = serde_json::Deserializer::from_str(part);
        let read = RecordSeed {
            known: &known,
            seen: &mut seen,
            index,
            version: doc.version,
        }
        .deserialize(&mut sub);
        match read {
            Ok(m) => out.results.push(m),
            Err(e) => out.skipped.push(at.relocate(part, &e)),
        }
    }
    if out.results.is_empty() {
        if let Some(first) = out.skipped.first() {
            let raw = doc.raw.first().map_or(text, |r| r.get());
            return Err(Locator::new(text).error_at(
                raw,
                format!("no usable result; the first: {}", first.message),
            ));
        }
    }
    Ok(out)
}

/// The document with its results still raw, each to be read on its own.
struct RawResults<'de> {
    sample: bool,
    version: u64,
    raw: Vec<&'de RawValue>,
}

/// The document's members, with the results left raw.
struct ResultsSeed;

impl<'de> DeserializeSeed<'de> for ResultsSeed {
    type Value = RawResults<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawResults<'de>, D::Error> {
        d.deserialize_map(self)
    }
}

struct Fmt;
impl<'de> DeserializeSeed<'de> for Fmt {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        de_format(d)
    }
}
struct Ver;
impl<'de> DeserializeSeed<'de> for Ver {
    type Value = u64;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u64, D::Error> {
        de_version_number(d)
    }
}
struct KindResults;
impl<'de> DeserializeSeed<'de> for KindResults {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        expect_str(d, "results", "kind")
    }
}

impl<'de> Visitor<'de> for ResultsSeed {
    type Value = RawResults<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a cc-water-json results object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawResults<'de>, A::Error> {
        let (mut format, mut kind) = (false, false);
        let mut version = None;
        let mut sample = None;
        let mut results = None;
        while let Some(key) = map.next_key::<String>()? {
            let dup = match key.as_str() {
                "format" => {
                    map.next_value_seed(Fmt)?;
                    std::mem::replace(&mut format, true)
                }
                "version" => version.replace(map.next_value_seed(Ver)?).is_some(),
                "kind" => {
                    map.next_value_seed(KindResults)?;
                    std::mem::replace(&mut kind, true)
                }
                "sample" => sample.replace(map.next_value::<bool>()?).is_some(),
                "results" => results
                    .replace(map.next_value::<Vec<&'de RawValue>>()?)
                    .is_some(),
                other => {
                    map.next_value::<IgnoredAny>()?;
                    return Err(de::Error::custom(format!(
                        "unknown field `{other}`, expected one of format, version, kind, sample, results"
                    )));
                }
            };
            if dup {
                return Err(de::Error::custom(format!("duplicate field `{key}`")));
            }
        }
        for (present, name) in [(format, "format"), (kind, "kind")] {
            if !present {
                return Err(de::Error::missing_field(name));
            }
        }
        Ok(RawResults {
            sample: sample.ok_or_else(|| de::Error::missing_field("sample"))?,
            version: version.ok_or_else(|| de::Error::missing_field("version"))?,
            raw: results.ok_or_else(|| de::Error::missing_field("results"))?,
        })
    }
}

/// An indicator code, checked where it stands so the error points at it.
struct IndicatorField(Indicator);

impl<'de> Deserialize<'de> for IndicatorField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map(IndicatorField)
            .map_err(|_| de::Error::custom(format!("unknown indicator \"{s}\"")))
    }
}

/// A `YYYY-MM-DD` date, checked where it stands.
struct DateField(Date);

impl<'de> Deserialize<'de> for DateField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let ok = s.len() == 10 && s.as_bytes().get(4) == Some(&b'-');
        ok.then(|| Date::parse(&s))
            .flatten()
            .map(DateField)
            .ok_or_else(|| de::Error::custom(format!("expected a date YYYY-MM-DD, found \"{s}\"")))
    }
}

/// A section slug, checked against the known sections where it stands.
struct SectionField<'a> {
    known: &'a HashMap<&'a str, WaterBody>,
}

impl<'de> DeserializeSeed<'de> for SectionField<'_> {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        let s = String::deserialize(d)?;
        if self.known.contains_key(s.as_str()) {
            Ok(s)
        } else {
            Err(de::Error::custom(format!("unknown section \"{s}\"")))
        }
    }
}

/// One result object, read member by member so each error points at its member.
struct RecordSeed<'a, 'b> {
    known: &'a HashMap<&'a str, WaterBody>,
    seen: &'b mut HashSet<(String, Date, Indicator)>,
    index: usize,
    version: u64,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_, '_> {
    type Value = Measurement;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_, '_> {
    type Value = Measurement;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a result object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut section, mut date, mut indicator, mut value, mut unit) =
            (None, None, None, None, None);
        let mut below = None;
        while let Some(key) = map.next_key::<String>()? {
            let dup = match key.as_str() {
                "section" => section.replace(map.next_value_seed(SectionField { known: self.known })?).is_some(),
                "date" => date.replace(map.next_value::<DateField>()?.0).is_some(),
                "indicator" => indicator.replace(map.next_value::<IndicatorField>()?.0).is_some(),
                "value" => value.replace(map.next_value::<f64>()?).is_some(),
                "unit" => unit.replace(map.next_value::<String>()?).is_some(),
                "below_detection" if self.version >= 2 => {
                    below.replace(map.next_value::<bool>()?).is_some()
                }
                other => {
                    return Err(de::Error::custom(format!(
                        "unknown field `{other}`, expected one of section, date, indicator, value, unit{}",
                        if self.version >= 2 { ", below_detection" } else { " (below_detection needs version 2)" }
                    )))
                }
            };
            if dup {
                return Err(de::Error::custom(format!("duplicate field `{key}`")));
            }
        }
        let section = section.ok_or_else(|| de::Error::missing_field("section"))?;
        let date = date.ok_or_else(|| de::Error::missing_field("date"))?;
        let indicator = indicator.ok_or_else(|| de::Error::missing_field("indicator"))?;
        let value = value.ok_or_else(|| de::Error::missing_field("value"))?;
        let unit = unit.ok_or_else(|| de::Error::missing_field("unit"))?;
        // Checked here, inside the object, so serde_json positions the error at its end.
        let i = self.index;
        let fail = |msg: String| de::Error::custom(format!("results[{i}]: {msg}"));
        let factor = units::factor(indicator, &unit).ok_or_else(|| {
            fail(format!(
                "unit \"{unit}\" is not a unit of {} (expected \"{}\")",
                indicator.as_str(),
                indicator.unit()
            ))
        })?;
        let canonical = value * factor;
        let below_detection = below.unwrap_or(false);
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
        if !self.seen.insert((section.clone(), date, indicator)) {
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
