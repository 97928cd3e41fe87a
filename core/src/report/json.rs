//! Tolerant serde helpers shared by the report module.
//!
//! Two kinds of tolerance, both deliberate:
//! - *Stored* drafts and outbox items must survive an app update, so a field whose stored type no
//!   longer matches falls back to its default instead of losing the whole draft ([`lenient`]).
//! - Open311 servers differ in how they type ids and numbers (the spec's own example sends
//!   `service_request_id` as a number, the reference receiver as a string), so such fields accept
//!   strings, numbers or null ([`flex_string`], [`flex_f64`]).

use crate::FeedError;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::Deserialize;
use std::fmt;

/// Deserializes `T`, or `T::default()` when the stored value has another shape.
pub fn lenient<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).unwrap_or_default())
}

/// Like [`lenient`] for a bool whose default is `true` (the anonymous flag).
pub fn lenient_true<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(value.as_bool().unwrap_or(true))
}

struct FlexStringVisitor;

impl<'de> Visitor<'de> for FlexStringVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, a number or null")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(FlexStringVisitor)
    }
}

/// A string, number or bool as text; null as `None`. Empty strings are `None` too, since
/// Open311 treats an empty optional value like an absent one.
pub fn flex_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(d.deserialize_any(FlexStringVisitor)?
        .filter(|s| !s.is_empty()))
}

/// A number given as a JSON number or a decimal string; null, empty or unreadable as `None`.
pub fn flex_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let text = d.deserialize_any(FlexStringVisitor)?;
    Ok(text
        .and_then(|t| t.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite()))
}

/// A list of strings; a single string counts as a one-item list and null as empty.
pub fn flex_strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(match value {
        serde_json::Value::String(s) => vec![s],
        serde_json::Value::Array(items) => items
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    })
}

/// Decodes a stored record, which must be a JSON object: serde would also accept an array for
/// a struct, and a stray `[]` must not pass for an empty draft.
pub fn from_stored_object<T: DeserializeOwned>(text: &str) -> Result<T, FeedError> {
    let start = text.trim_start();
    if !start.is_empty() && !start.starts_with('{') {
        let before = &text[..text.len() - start.len()];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        return Err(FeedError::at(line, column, "expected a JSON object"));
    }
    serde_json::from_str(text).map_err(|e| FeedError::from_json(&e))
}
