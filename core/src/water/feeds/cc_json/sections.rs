//! The sections document of cc-water-json (`FORMAT.md` § Sections document). Each section is
//! read on its own from its raw text, so a bad entry is skipped and named in
//! [`SectionsDoc::skipped`]; a list with entries but none usable is still an error.

use super::{de_format, de_version, expect_str, valid_slug, SectionsDoc};
use crate::json_items::Locator;
use crate::water::limits::WaterBody;
use crate::water::sections::{Name, Provenance, River, Section};
use crate::FeedError;
use serde::de::{self, Deserializer};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::HashSet;

fn de_kind_sections<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
    expect_str(d, "sections", "kind")
}

/// Field types that check their value where it stands, so serde_json positions the error at
/// the offending value.
macro_rules! checked_field {
    ($name:ident, $inner:ty, $parse:expr) => {
        struct $name($inner);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                let parse: fn(&str) -> Result<$inner, String> = $parse;
                parse(&s).map($name).map_err(de::Error::custom)
            }
        }
    };
}

checked_field!(Slug, String, |s| if valid_slug(s) {
    Ok(s.to_string())
} else {
    Err(format!(
        "slug \"{s}\" must be 1-64 of a-z, 0-9 and -, not starting or ending with -"
    ))
});
checked_field!(NonEmpty, String, |s| if s.trim().is_empty() {
    Err("must not be empty".to_string())
} else {
    Ok(s.to_string())
});
checked_field!(BodyField, WaterBody, |s| s.parse().map_err(|_| format!(
    "type must be \"river\" or \"lake-reservoir\", found \"{s}\""
)));
checked_field!(ProvenanceField, Provenance, |s| s.parse().map_err(
    |_| format!("provenance must be sourced, inferred or unknown, found \"{s}\"")
));

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NameWire {
    zh: NonEmpty,
    en: NonEmpty,
}

impl From<NameWire> for Name {
    fn from(w: NameWire) -> Self {
        Name {
            zh: w.zh.0,
            en: w.en.0,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RiverWire {
    slug: Slug,
    zh: NonEmpty,
    en: NonEmpty,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ProvenanceWire {
    river: Option<ProvenanceField>,
    #[serde(rename = "type")]
    body: Option<ProvenanceField>,
    name: Option<ProvenanceField>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionWire {
    slug: Slug,
    name: NameWire,
    river: RiverWire,
    water_body: Option<NameWire>,
    #[serde(rename = "type")]
    body: BodyField,
    #[serde(default)]
    provenance: ProvenanceWire,
}

impl From<SectionWire> for Section {
    fn from(w: SectionWire) -> Self {
        let prov = |p: Option<ProvenanceField>| p.map_or(Provenance::Sourced, |p| p.0);
        Section {
            slug: w.slug.0,
            name: w.name.into(),
            river: River {
                slug: w.river.slug.0,
                name: Name {
                    zh: w.river.zh.0,
                    en: w.river.en.0,
                },
            },
            water_body: w.water_body.map(Name::from),
            body: w.body.0,
            river_provenance: prov(w.provenance.river),
            body_provenance: prov(w.provenance.body),
            name_provenance: prov(w.provenance.name),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionsWire<'a> {
    #[serde(deserialize_with = "de_format")]
    format: (),
    #[serde(deserialize_with = "de_version")]
    version: (),
    #[serde(deserialize_with = "de_kind_sections")]
    kind: (),
    sample: bool,
    #[serde(borrow)]
    sections: Vec<&'a RawValue>,
}

/// Parses a sections document.
pub fn parse_sections(text: &str) -> Result<SectionsDoc, FeedError> {
    let w: SectionsWire = serde_json::from_str(text).map_err(|e| FeedError::from_json(&e))?;
    let SectionsWire {
        format: (),
        version: (),
        kind: (),
        sample,
        sections,
    } = w;
    let mut doc = SectionsDoc {
        sample,
        sections: Vec::new(),
        skipped: Vec::new(),
    };
    let mut seen = HashSet::new();
    let mut at = Locator::new(text);
    for (i, raw) in sections.iter().enumerate() {
        let part = raw.get();
        match serde_json::from_str::<SectionWire>(part) {
            Ok(w) => {
                let s = Section::from(w);
                if seen.insert(s.slug.clone()) {
                    doc.sections.push(s);
                } else {
                    let msg = format!("sections[{i}]: duplicate slug \"{}\"", s.slug);
                    doc.skipped.push(at.error_at(part, msg));
                }
            }
            Err(e) => {
                let mut e = at.relocate(part, &e);
                e.message = format!("sections[{i}]: {}", e.message);
                doc.skipped.push(e);
            }
        }
    }
    if doc.sections.is_empty() {
        if let (Some(first), Some(raw)) = (doc.skipped.first(), sections.first()) {
            let msg = format!("no usable section; the first: {}", first.message);
            return Err(Locator::new(text).error_at(raw.get(), msg));
        }
    }
    Ok(doc)
}
