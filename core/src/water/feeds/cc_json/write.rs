//! The cc-water-json writer (`FORMAT.md` § Writing): deterministic, one record per line.

use super::{ResultsDoc, SectionsDoc, FORMAT, VERSION};
use crate::water::sections::{Name, Provenance};

/// A JSON string literal.
fn js(s: &str) -> String {
    crate::json::quote(s)
}

fn name_json(n: &Name) -> String {
    format!("{{\"zh\": {}, \"en\": {}}}", js(&n.zh), js(&n.en))
}

/// Writes a sections document: stable member order, one section per line, so output is
/// byte-identical for equal input and diffs stay readable.
pub fn write_sections(doc: &SectionsDoc) -> String {
    let mut out = header("sections", doc.sample, "sections");
    let lines: Vec<String> = doc
        .sections
        .iter()
        .map(|s| {
            let mut line = format!(
                "    {{\"slug\": {}, \"name\": {}, \"river\": {{\"slug\": {}, \"zh\": {}, \"en\": {}}}",
                js(&s.slug),
                name_json(&s.name),
                js(&s.river.slug),
                js(&s.river.name.zh),
                js(&s.river.name.en)
            );
            if let Some(wb) = &s.water_body {
                line.push_str(&format!(", \"water_body\": {}", name_json(wb)));
            }
            line.push_str(&format!(", \"type\": {}", js(s.body.as_str())));
            let prov: Vec<String> = [("river", s.river_provenance), ("type", s.body_provenance), ("name", s.name_provenance)]
                .into_iter()
                .filter(|(_, p)| *p != Provenance::Sourced)
                .map(|(k, p)| format!("\"{k}\": {}", js(p.as_str())))
                .collect();
            if !prov.is_empty() {
                line.push_str(&format!(", \"provenance\": {{{}}}", prov.join(", ")));
            }
            line.push('}');
            line
        })
        .collect();
    out.push_str(&lines.join(",\n"));
    out.push_str("\n  ]\n}\n");
    out
}

/// Writes a results document, one result per line in the given order; values are written in
/// canonical units with the shortest representation that reads back to the same number.
/// Non-finite values cannot be written in JSON and are skipped.
pub fn write_results(doc: &ResultsDoc) -> String {
    let mut out = header("results", doc.sample, "results");
    let lines: Vec<String> = doc
        .results
        .iter()
        .filter(|m| m.value.is_finite())
        .map(|m| {
            format!(
                "    {{\"section\": {}, \"date\": \"{}\", \"indicator\": \"{}\", \"value\": {}{}, \"unit\": {}}}",
                js(&m.section),
                m.date,
                m.indicator.as_str(),
                m.value,
                if m.below_detection { ", \"below_detection\": true" } else { "" },
                js(m.indicator.unit())
            )
        })
        .collect();
    out.push_str(&lines.join(",\n"));
    out.push_str("\n  ]\n}\n");
    out
}

fn header(kind: &str, sample: bool, list: &str) -> String {
    format!("{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},\n  \"kind\": \"{kind}\",\n  \"sample\": {sample},\n  \"{list}\": [\n")
}
