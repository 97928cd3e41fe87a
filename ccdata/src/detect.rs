//! Which format a file is in, by its content alone: a CSV's header line, a JSON document's
//! `format` member, CNEMC water's `thead`/`tbody`, OpenAQ's `results`. Names can lie (a `.json`
//! that is an HTML error page); content is what the parsers will read.

use cc_core::config::FeedFormat;
use cc_core::FeedError;
use serde::de::IgnoredAny;
use serde::Deserialize;

/// The kind of a `cc-water-json` document (its `kind` member).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaterKind {
    Sections,
    Results,
}

/// The top-level members detection looks at; everything else is skipped unread.
#[derive(Deserialize)]
struct Probe {
    format: Option<serde_json::Value>,
    kind: Option<serde_json::Value>,
    thead: Option<IgnoredAny>,
    tbody: Option<IgnoredAny>,
    results: Option<IgnoredAny>,
}

/// The format of `text`, or why it is no feed at all (positioned when possible).
pub fn detect(text: &str) -> Result<FeedFormat, FeedError> {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(FeedError::whole("empty file"));
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return detect_json(text);
    }
    detect_csv(text)
}

fn detect_csv(text: &str) -> Result<FeedFormat, FeedError> {
    let (index, header) = text
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .unwrap_or((0, ""));
    let names: Vec<String> = header
        .split(',')
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let starts =
        |want: &[&str]| names.len() >= want.len() && names.iter().zip(want).all(|(a, b)| a == b);
    if starts(&["timepoint", "stationcode"]) {
        Ok(FeedFormat::CnemcHourlyCsv)
    } else if starts(&["date", "hour", "type"]) {
        Ok(FeedFormat::QuotsoftSitesCsv)
    } else {
        Err(FeedError::at(
            index + 1,
            1,
            "not a feed: neither JSON nor a CSV header of a known format \
             (cnemc-hourly-csv starts \"timepoint,stationcode\", quotsoft-sites-csv \"date,hour,type\")",
        ))
    }
}

fn detect_json(text: &str) -> Result<FeedFormat, FeedError> {
    match serde_json::from_str::<Probe>(text) {
        Ok(probe) => {
            if let Some(format) = probe.format {
                let name = format.as_str().unwrap_or_default();
                return name.parse().map_err(|_| {
                    FeedError::whole(format!("not a feed: unknown \"format\" {format}"))
                });
            }
            if probe.thead.is_some() && probe.tbody.is_some() {
                return Ok(FeedFormat::CnemcWaterJson);
            }
            if probe.results.is_some() {
                return Ok(FeedFormat::OpenaqV3Json);
            }
            let _ = probe.kind;
            Err(FeedError::whole(
                "not a feed: a JSON document without a \"format\" member, \"thead\"/\"tbody\" \
                 (cnemc-water-json) or \"results\" (openaq-v3-json)",
            ))
        }
        // A damaged document of ours still says what it is: name the format so the parser can
        // point at the damage, instead of calling the whole file "no feed".
        Err(e) => match format_member(text) {
            Some(format) => Ok(format),
            None if text.contains("\"thead\"") => Ok(FeedFormat::CnemcWaterJson),
            None if text.contains("\"results\"") => Ok(FeedFormat::OpenaqV3Json),
            None => {
                let fe = FeedError::from_json(&e);
                Err(FeedError::at(
                    fe.line,
                    fe.column,
                    format!("not a feed: invalid JSON ({})", fe.message),
                ))
            }
        },
    }
}

/// The value of the first `"format": "…"` member, read from the text without parsing it.
fn format_member(text: &str) -> Option<FeedFormat> {
    let at = text.find("\"format\"")?;
    let rest = text.get(at + "\"format\"".len()..)?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    rest.get(..end)?.parse().ok()
}

/// The `kind` of a `cc-water-json` document, when it can be read.
pub fn water_kind(text: &str) -> Option<WaterKind> {
    let kind = match serde_json::from_str::<Probe>(text) {
        Ok(probe) => probe.kind.and_then(|k| k.as_str().map(str::to_string)),
        Err(_) => {
            let at = text.find("\"kind\"")?;
            let rest = text.get(at + "\"kind\"".len()..)?.trim_start();
            let rest = rest.strip_prefix(':')?.trim_start().strip_prefix('"')?;
            rest.get(..rest.find('"')?).map(str::to_string)
        }
    }?;
    match kind.as_str() {
        "sections" => Some(WaterKind::Sections),
        "results" => Some(WaterKind::Results),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart_by_content() {
        let cases = [
            ("timepoint,stationcode,aqi\n", FeedFormat::CnemcHourlyCsv),
            ("\"date\",hour,type,1119A\n", FeedFormat::QuotsoftSitesCsv),
            (
                "{\"format\":\"cc-air-json\",\"version\":1}",
                FeedFormat::CcAirJson,
            ),
            (
                "{\"version\":1,\"format\":\"cc-water-json\"}",
                FeedFormat::CcWaterJson,
            ),
            ("{\"thead\":[],\"tbody\":[]}", FeedFormat::CnemcWaterJson),
            ("{\"meta\":{},\"results\":[]}", FeedFormat::OpenaqV3Json),
            // Damaged, but still ours: the parser will name the damage.
            (
                "{\"format\": \"cc-air-json\", \"hourly\": [1,x]}",
                FeedFormat::CcAirJson,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn no_feed_is_refused_with_a_reason() {
        assert_eq!(
            detect("  \n").map_err(|e| e.message),
            Err("empty file".to_string())
        );
        let e = detect("<html>404</html>\n").expect_err("html");
        assert_eq!((e.line, e.column), (1, 1));
        assert!(e.message.starts_with("not a feed"), "{}", e.message);
        let e = detect("{\"a\":\n x}").expect_err("bad json");
        assert_eq!(e.line, 2, "{e}");
        let e = detect("{\"format\":\"gpx\"}").expect_err("unknown");
        assert!(e.message.contains("gpx"), "{e}");
    }

    #[test]
    fn water_kinds() {
        assert_eq!(
            water_kind("{\"kind\":\"results\"}"),
            Some(WaterKind::Results)
        );
        assert_eq!(
            water_kind("{\"kind\": \"sections\", x"),
            Some(WaterKind::Sections)
        );
        assert_eq!(water_kind("{}"), None);
    }
}
