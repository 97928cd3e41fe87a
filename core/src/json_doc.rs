//! Reading our small JSON documents (`cc-forecast-json`, `cc-alerts-json`) through
//! [`crate::json::Value`], as the config parser reads config.json: the header every one of them
//! has, and the optional cells of an entry. Problems are named by key path (`days[2].aqi`).

use crate::json::{Map, Value};
use crate::time::Minute;
use crate::FeedError;

/// Parses `text` as a JSON object whose `format` is `format` and `version` is `version`; with
/// its `sample` flag (absent: false).
pub(crate) fn read_header(
    text: &str,
    format: &str,
    version: u64,
) -> Result<(Map, bool), FeedError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = crate::json::parse(text)?;
    let Value::Object(root) = root else {
        return Err(FeedError::whole("expected a JSON object {…}"));
    };
    match root.get("format").and_then(Value::as_str) {
        Some(f) if f == format => {}
        other => {
            return Err(FeedError::whole(format!(
                "format: expected \"{format}\", found {}",
                other.map_or("nothing".to_string(), |f| format!("\"{f}\""))
            )))
        }
    }
    if root.get("version").and_then(Value::as_u64) != Some(version) {
        return Err(FeedError::whole(format!("version: expected {version}")));
    }
    let sample = match root.get("sample") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(FeedError::whole("sample: expected true or false")),
    };
    Ok((root, sample))
}

/// A required non-empty text at `key`, or an error naming `path.key` and `what`.
pub(crate) fn required_text(
    object: &Map,
    key: &str,
    path: &str,
    what: &str,
) -> Result<String, FeedError> {
    object
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .ok_or_else(|| FeedError::whole(format!("{}: expected {what}", join(path, key))))
}

/// A required ISO 8601 time at `key` (Beijing time without an offset).
pub(crate) fn required_minute(object: &Map, key: &str, path: &str) -> Result<Minute, FeedError> {
    object
        .get(key)
        .and_then(Value::as_str)
        .and_then(Minute::parse_iso)
        .ok_or_else(|| {
            FeedError::whole(format!(
                "{}: expected a time like 2021-12-31T16:00+08:00",
                join(path, key)
            ))
        })
}

/// An optional text cell: absent or empty is `None`; any other type costs the cell, recorded in
/// `skipped`.
pub(crate) fn optional_text(
    object: &Map,
    key: &str,
    path: &str,
    skipped: &mut Vec<FeedError>,
) -> Option<String> {
    match object.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(_) => {
            skipped.push(FeedError::whole(format!(
                "{}: expected a text",
                join(path, key)
            )));
            None
        }
    }
}

/// `path.key`, or `key` at the top level.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
