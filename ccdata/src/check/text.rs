//! `ccdata check`'s report in words: one block per file, each problem as `file:line:column:`
//! so that editors and terminals can jump to it.

use super::{CheckReport, FileReport, Place};

/// The report in words, one block per file.
pub fn render_text(report: &CheckReport) -> String {
    let mut out = String::new();
    for f in &report.files {
        render_file(&mut out, f);
    }
    let verdict = match report.exit_code {
        0 => "clean",
        1 => "warnings",
        _ => "errors",
    };
    out.push_str(&format!(
        "{} file(s) checked against now = {}: {verdict} (exit {})\n",
        report.files.len(),
        report.now.replace('T', " "),
        report.exit_code
    ));
    out
}

fn at(file: &str, p: &Place) -> String {
    crate::ToolError::at(file, p.line, p.column, p.message.as_str()).to_string()
}

fn render_file(out: &mut String, f: &FileReport) {
    let hour = |h: &Option<String>| h.as_deref().unwrap_or("—").replace('T', " ");
    if let Some(e) = &f.error {
        out.push_str(&format!("{}\n  error: {}\n", f.file, at(&f.file, e)));
        if let Some(format) = &f.format {
            out.push_str(&format!(
                "  format: {format}{}\n",
                if f.detected { " (detected)" } else { "" }
            ));
        }
        return;
    }
    out.push_str(&format!(
        "{}\n  format: {}{}, {}{}\n",
        f.file,
        f.format.as_deref().unwrap_or("?"),
        if f.detected {
            " (detected)"
        } else {
            " (given)"
        },
        f.kind.as_deref().unwrap_or("?"),
        if f.sample == Some(true) {
            ", sample data"
        } else {
            ""
        },
    ));
    if !f.stations.is_empty() {
        let list: Vec<String> = f
            .stations
            .iter()
            .map(|s| format!("{} {} ({} h)", s.code, s.name, s.hours))
            .collect();
        out.push_str(&format!(
            "  stations ({}): {}\n",
            f.stations.len(),
            list.join(", ")
        ));
    }
    if !f.sections.is_empty() {
        out.push_str(&format!(
            "  sections ({}): {}\n",
            f.sections.len(),
            f.sections.join(", ")
        ));
    }
    out.push_str(&format!(
        "  rows: {}; first: {}; last: {}\n",
        f.rows,
        hour(&f.first),
        hour(&f.last)
    ));
    if f.daily_rows > 0 {
        out.push_str(&format!("  daily rows: {}\n", f.daily_rows));
    }
    if let Some(c) = &f.city_latest {
        let aqi = c.aqi.map_or("— (no AQI)".to_string(), |a| a.to_string());
        out.push_str(&format!(
            "  city AQI at {}: {aqi}\n",
            c.hour.replace('T', " ")
        ));
    }
    if f.kind.as_deref() == Some("air") {
        out.push_str(&format!(
            "  gaps: {} station-hour(s) in {} range(s)\n",
            f.gap_hours,
            f.gaps.len()
        ));
        for g in &f.gaps {
            out.push_str(&format!(
                "    {} {} – {} ({} h)\n",
                g.station,
                g.from.replace('T', " "),
                g.to.replace('T', " "),
                g.hours
            ));
        }
        out.push_str(&format!(
            "  duplicated station-hours: {}\n",
            f.duplicate_count
        ));
        for d in &f.duplicates {
            out.push_str(&format!(
                "    {} {} ({} times)\n",
                d.station,
                d.hour.replace('T', " "),
                d.times
            ));
        }
    }
    out.push_str(&format!("  future stamps: {}\n", f.future_count));
    for x in &f.future {
        out.push_str(&format!("    {} {}\n", x.station, x.hour.replace('T', " ")));
    }
    out.push_str(&format!("  skipped cells: {}\n", f.skipped.len()));
    for s in &f.skipped {
        let place = Place {
            line: s.line,
            column: s.column,
            message: s.message.clone(),
        };
        out.push_str(&format!("    {}\n", at(&s.file, &place)));
    }
    out.push_str(&format!(
        "  status: {} ({} warning(s))\n",
        f.status, f.warnings
    ));
}
