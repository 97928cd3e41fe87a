//! The sections document of cc-water-json (`FORMAT.md` § Sections document). Each section is
//! read on its own from its raw text, so a bad entry is skipped and named in
//! [`SectionsDoc::skipped`]; a list with entries but none usable is still an error.

use super::{read_header, valid_slug, SectionsDoc};
use crate::json_items::Locator;
use crate::json_obj::{Object, Problem};
use crate::water::limits::WaterBody;
use crate::water::sections::{Name, Provenance, River, Section};
use crate::FeedError;
use std::collections::HashSet;

fn slug(s: &str) -> Result<String, String> {
    if valid_slug(s) {
        Ok(s.to_string())
    } else {
        Err(format!(
            "slug \"{s}\" must be 1-64 of a-z, 0-9 and -, not starting or ending with -"
        ))
    }
}

fn non_empty(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        Err("must not be empty".to_string())
    } else {
        Ok(s.to_string())
    }
}

fn body(s: &str) -> Result<WaterBody, String> {
    s.parse()
        .map_err(|_| format!("type must be \"river\" or \"lake-reservoir\", found \"{s}\""))
}

fn provenance(s: &str) -> Result<Provenance, String> {
    s.parse()
        .map_err(|_| format!("provenance must be sourced, inferred or unknown, found \"{s}\""))
}

fn read_name(raw: &str) -> Result<Name, Problem<'_>> {
    let o = Object::at(raw)?;
    o.only(&["zh", "en"], "zh or en")?;
    Ok(Name {
        zh: o.checked("zh", non_empty)?,
        en: o.checked("en", non_empty)?,
    })
}

fn read_river(raw: &str) -> Result<River, Problem<'_>> {
    let o = Object::at(raw)?;
    o.only(&["slug", "zh", "en"], "slug, zh or en")?;
    Ok(River {
        slug: o.checked("slug", slug)?,
        name: Name {
            zh: o.checked("zh", non_empty)?,
            en: o.checked("en", non_empty)?,
        },
    })
}

/// The `provenance` object's three members (absent: sourced).
fn read_provenance(raw: Option<&str>) -> Result<[Provenance; 3], Problem<'_>> {
    let mut out = [Provenance::Sourced; 3];
    let Some(raw) = raw else { return Ok(out) };
    let o = Object::at(raw)?;
    let keys = ["river", "type", "name"];
    o.only(&keys, "river, type or name")?;
    for (slot, key) in out.iter_mut().zip(keys) {
        if o.raw(key).is_some() {
            *slot = o.checked(key, provenance)?;
        }
    }
    Ok(out)
}

fn read_section(raw: &str) -> Result<Section, Problem<'_>> {
    let o = Object::at(raw)?;
    o.only(
        &["slug", "name", "river", "water_body", "type", "provenance"],
        "one of slug, name, river, water_body, type, provenance",
    )?;
    let slug = o.checked("slug", slug)?;
    let name = read_name(o.required("name")?)?;
    let river = read_river(o.required("river")?)?;
    let water_body = match o.raw("water_body") {
        None | Some("null") => None,
        Some(raw) => Some(read_name(raw)?),
    };
    let body = o.checked("type", body)?;
    let [river_provenance, body_provenance, name_provenance] =
        read_provenance(o.raw("provenance"))?;
    Ok(Section {
        slug,
        name,
        river,
        water_body,
        body,
        river_provenance,
        body_provenance,
        name_provenance,
    })
}

fn read_doc<'t>(doc: &Object<'t>) -> Result<(bool, Vec<&'t str>), Problem<'t>> {
    read_header(doc, "sections")?;
    doc.only(
        &["format", "version", "kind", "sample", "sections"],
        "one of format, version, kind, sample, sections",
    )?;
    Ok((doc.bool("sample")?, doc.array("sections", false)?))
}

/// Parses a sections document.
pub fn parse_sections(text: &str) -> Result<SectionsDoc, FeedError> {
    let mut at = Locator::new(text);
    let doc = Object::parse(text)?;
    let (sample, sections) = read_doc(&doc).map_err(|p| p.place(&mut at))?;
    let mut doc = SectionsDoc {
        sample,
        sections: Vec::new(),
        skipped: Vec::new(),
    };
    let mut seen = HashSet::new();
    for (i, raw) in sections.iter().enumerate() {
        let part = raw;
        match read_section(part) {
            Ok(s) => {
                if seen.insert(s.slug.clone()) {
                    doc.sections.push(s);
                } else {
                    let msg = format!("sections[{i}]: duplicate slug \"{}\"", s.slug);
                    doc.skipped.push(at.error_at(part, msg));
                }
            }
            Err(p) => {
                let mut e = p.place(&mut at);
                e.message = format!("sections[{i}]: {}", e.message);
                doc.skipped.push(e);
            }
        }
    }
    if doc.sections.is_empty() {
        if let (Some(first), Some(raw)) = (doc.skipped.first(), sections.first()) {
            let msg = format!("no usable section; the first: {}", first.message);
            return Err(Locator::new(text).error_at(raw, msg));
        }
    }
    Ok(doc)
}
