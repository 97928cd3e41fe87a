//! The results document of cc-water-json (`FORMAT.md` § Results document), read with seeds so
//! that each result is checked against the known sections while serde_json still knows where
//! it is.

use super::{de_format, de_version, expect_str, ResultsDoc};
use crate::time::Date;
use crate::water::feeds::units;
use crate::water::limits::{Indicator, WaterBody};
use crate::water::sections::{Measurement, Section};
use crate::FeedError;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Parses a results document; every result's section must be in `sections` (its water-body
/// type is not needed here, but an unknown slug is an error, not a silent gap).
pub fn parse_results(text: &str, sections: &[Section]) -> Result<ResultsDoc, FeedError> {
    let known: HashMap<&str, WaterBody> =
        sections.iter().map(|s| (s.slug.as_str(), s.body)).collect();
    let mut de = serde_json::Deserializer::from_str(text);
    let doc = ResultsSeed { known: &known }
        .deserialize(&mut de)
        .map_err(|e| FeedError::from_json(&e))?;
    de.end().map_err(|e| FeedError::from_json(&e))?;
    Ok(doc)
}

struct ResultsSeed<'a> {
    known: &'a HashMap<&'a str, WaterBody>,
}

impl<'de> DeserializeSeed<'de> for ResultsSeed<'_> {
    type Value = ResultsDoc;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<ResultsDoc, D::Error> {
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
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        de_version(d)
    }
}
struct KindResults;
impl<'de> DeserializeSeed<'de> for KindResults {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        expect_str(d, "results", "kind")
    }
}

impl<'de> Visitor<'de> for ResultsSeed<'_> {
    type Value = ResultsDoc;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a cc-water-json results object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ResultsDoc, A::Error> {
        let (mut format, mut version, mut kind) = (false, false, false);
        let mut sample = None;
        let mut results = None;
        while let Some(key) = map.next_key::<String>()? {
            let dup = match key.as_str() {
                "format" => {
                    map.next_value_seed(Fmt)?;
                    std::mem::replace(&mut format, true)
                }
                "version" => {
                    map.next_value_seed(Ver)?;
                    std::mem::replace(&mut version, true)
                }
                "kind" => {
                    map.next_value_seed(KindResults)?;
                    std::mem::replace(&mut kind, true)
                }
                "sample" => sample.replace(map.next_value::<bool>()?).is_some(),
                "results" => results
                    .replace(map.next_value_seed(Records { known: self.known })?)
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
        for (present, name) in [(format, "format"), (version, "version"), (kind, "kind")] {
            if !present {
                return Err(de::Error::missing_field(name));
            }
        }
        Ok(ResultsDoc {
            sample: sample.ok_or_else(|| de::Error::missing_field("sample"))?,
            results: results.ok_or_else(|| de::Error::missing_field("results"))?,
            skipped: Vec::new(),
        })
    }
}

struct Records<'a> {
    known: &'a HashMap<&'a str, WaterBody>,
}

impl<'de> DeserializeSeed<'de> for Records<'_> {
    type Value = Vec<Measurement>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Measurement>, D::Error> {
        d.deserialize_seq(self)
    }
}

/// An indicator code, checked where it stands so the error points at it.
struct IndicatorField(Indicator);

impl<'de> Deserialize<'de> for IndicatorField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Indicator::from_code(&s)
            .map(IndicatorField)
            .ok_or_else(|| de::Error::custom(format!("unknown indicator \"{s}\"")))
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
        while let Some(key) = map.next_key::<String>()? {
            let dup = match key.as_str() {
                "section" => section.replace(map.next_value_seed(SectionField { known: self.known })?).is_some(),
                "date" => date.replace(map.next_value::<DateField>()?.0).is_some(),
                "indicator" => indicator.replace(map.next_value::<IndicatorField>()?.0).is_some(),
                "value" => value.replace(map.next_value::<f64>()?).is_some(),
                "unit" => unit.replace(map.next_value::<String>()?).is_some(),
                other => {
                    return Err(de::Error::custom(format!(
                        "unknown field `{other}`, expected one of section, date, indicator, value, unit"
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
                indicator.code(),
                indicator.unit()
            ))
        })?;
        let canonical = value * factor;
        if !canonical.is_finite() || !plausible(indicator, canonical) {
            return Err(fail(format!(
                "implausible value {value} for {}",
                indicator.code()
            )));
        }
        if !self.seen.insert((section.clone(), date, indicator)) {
            return Err(fail(format!(
                "duplicate result for {section} {date} {}",
                indicator.code()
            )));
        }
        Ok(Measurement {
            section,
            date,
            indicator,
            value: canonical,
            below_detection: false,
        })
    }
}

/// Plausible range of a value in canonical units: a value outside it is a data error (a sign
/// slip, a unit mix-up), not a class.
fn plausible(indicator: Indicator, value: f64) -> bool {
    match indicator {
        Indicator::WaterTemperature => (-5.0..=50.0).contains(&value),
        Indicator::Ph => (0.0..=14.0).contains(&value),
        _ => value >= 0.0,
    }
}

impl<'de> Visitor<'de> for Records<'_> {
    type Value = Vec<Measurement>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of results")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Measurement>, A::Error> {
        let mut out = Vec::new();
        let mut seen: HashSet<(String, Date, Indicator)> = HashSet::new();
        while let Some(m) = seq.next_element_seed(RecordSeed {
            known: self.known,
            seen: &mut seen,
            index: out.len(),
        })? {
            out.push(m);
        }
        Ok(out)
    }
}
