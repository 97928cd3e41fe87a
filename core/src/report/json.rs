//! Tolerant readers shared by the report module, on [`crate::json`]: serde_json's deserializer
//! and a serde derive per record were the largest part of the report bundle after the
//! framework (README "Performance"). Writing stays with serde_json's serializer.
//!
//! Two kinds of tolerance, both deliberate:
//! - *Stored* drafts and outbox items must survive an app update, so a field whose stored type no
//!   longer matches falls back to its default instead of losing the whole draft ([`Stored`]).
//! - Open311 servers differ in how they type ids and numbers (the spec's own example sends
//!   `service_request_id` as a number, the reference receiver as a string), so such fields accept
//!   strings, numbers or null ([`text_member`], [`number_member`]).

use crate::json::{Map, Value};
use crate::json_items::Locator;
use crate::json_obj::{value_of, Object, Problem};
use crate::FeedError;

/// A stored record (a draft, an outbox item): each member read as its type, or else its default.
pub struct Stored(Map);

impl Stored {
    /// Decodes a stored record, which must be a JSON object: a stray `[]` must not pass for an
    /// empty draft. Only malformed JSON or another kind of value fails.
    pub fn parse(text: &str) -> Result<Stored, FeedError> {
        match crate::json::parse(text)? {
            Value::Object(members) => Ok(Stored(members)),
            _ => {
                let start = text.trim_start();
                let before = &text[..text.len() - start.len()];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                Err(FeedError::at(line, column, "expected a JSON object"))
            }
        }
    }

    /// Member `key`, if present.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    pub fn string(&self, key: &str) -> String {
        self.optional_string(key).unwrap_or_default()
    }

    pub fn optional_string(&self, key: &str) -> Option<String> {
        self.get(key)?.as_str().map(str::to_string)
    }

    pub fn int(&self, key: &str) -> i64 {
        self.get(key).and_then(Value::as_i64).unwrap_or(0)
    }

    pub fn count(&self, key: &str) -> u32 {
        self.get(key)
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0)
    }

    /// A flag, `default` when absent or not a boolean.
    pub fn flag(&self, key: &str, default: bool) -> bool {
        self.get(key).and_then(Value::as_bool).unwrap_or(default)
    }

    /// A list of strings; empty when absent or when any element is not a string.
    pub fn strings(&self, key: &str) -> Vec<String> {
        self.get(key).and_then(strings_of).unwrap_or_default()
    }
}

/// The strings of an array whose elements are all strings.
pub fn strings_of(value: &Value) -> Option<Vec<String>> {
    value
        .as_array()?
        .iter()
        .map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// An Open311 text member: a string, a number or a boolean as text; absent, null or empty as
/// `None`. An array or an object is an error at it.
pub fn text_member<'t>(o: &Object<'t>, key: &str) -> Result<Option<String>, Problem<'t>> {
    let Some(raw) = o.raw(key) else {
        return Ok(None);
    };
    Ok(match value_of(raw)? {
        Value::String(s) => Some(s),
        // As written: `1.50` stays `1.50`.
        Value::Number(_) => Some(raw.trim().to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => None,
        other => {
            return Err(Problem {
                at: raw,
                message: format!(
                    "invalid type: {}, expected a string, a number or null",
                    other.describe(raw)
                ),
            })
        }
    }
    .filter(|s| !s.is_empty()))
}

/// An Open311 number member: a number, or a string holding one in JSON's notation; null, empty
/// or unreadable as `None`.
pub fn number_member<'t>(o: &Object<'t>, key: &str) -> Result<Option<f64>, Problem<'t>> {
    Ok(text_member(o, key)?
        .and_then(|t| crate::json::parse(t.trim()).ok()?.as_f64())
        .filter(|v| v.is_finite()))
}

/// An Open311 list of strings: a single string counts as a one-item list, and anything else as
/// empty (non-string elements are left out).
pub fn texts_member(o: &Object<'_>, key: &str) -> Vec<String> {
    match o.raw(key).map(crate::json::parse) {
        Some(Ok(Value::String(s))) => vec![s],
        Some(Ok(Value::Array(items))) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// Reads `[record, …]` with `read`, also accepting a single record. The first record that
/// cannot be read is the error, at its place in `text`.
pub fn one_or_many<T>(
    text: &str,
    read: for<'t> fn(&Object<'t>) -> Result<T, Problem<'t>>,
) -> Result<Vec<T>, FeedError> {
    let records = match crate::json::parse_elements(text) {
        Ok(items) => items,
        Err(array_err) => match Object::parse(text) {
            Ok(_) => vec![text.trim()],
            Err(_) => return Err(array_err),
        },
    };
    read_records(text, records, read)
}

/// Reads each record (a slice of `text`) with `read`; the first that cannot be read is the
/// error, at its place in `text`.
pub fn read_records<T>(
    text: &str,
    records: Vec<&str>,
    read: for<'t> fn(&Object<'t>) -> Result<T, Problem<'t>>,
) -> Result<Vec<T>, FeedError> {
    let mut at = Locator::new(text);
    records
        .into_iter()
        .map(|raw| {
            Object::at(raw)
                .and_then(|o| read(&o))
                .map_err(|p| p.place(&mut at))
        })
        .collect()
}
