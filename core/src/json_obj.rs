//! Reading the objects of our own JSON formats (cc-air-json, cc-water-json) member by member,
//! without a type per object: [`crate::json`] gives an object's members as raw slices of the
//! text, and each value is read on its own. Serde derives per type, and serde_json under them,
//! cost the AQI widget about 26 KB of wasm before wasm-opt.
//!
//! Errors land where serde_json's derives put them: at the last character of the offending
//! value, or of the object for a missing member; syntax errors are placed as serde_json does.

use crate::json::Value;
use crate::json_items::Locator;
use crate::FeedError;
use std::borrow::Cow;

/// What is wrong, and the slice of the text (a value or an object) it is about.
#[derive(Debug)]
pub(crate) struct Problem<'t> {
    pub at: &'t str,
    pub message: String,
}

impl Problem<'_> {
    /// The error at the last character of the slice, where serde_json's derives put it.
    pub(crate) fn place(self, locator: &mut Locator<'_>) -> FeedError {
        let last = self
            .at
            .char_indices()
            .last()
            .map_or(self.at, |(i, _)| &self.at[i..]);
        locator.error_at(last, self.message)
    }
}

/// A JSON object: its own text and its members, values left raw.
pub(crate) struct Object<'t> {
    text: &'t str,
    members: Vec<(Cow<'t, str>, &'t str)>,
}

impl<'t> Object<'t> {
    /// Reads `text` (a whole document, or a slice of one) as an object.
    pub(crate) fn parse(text: &'t str) -> Result<Self, FeedError> {
        let members = crate::json::parse_members(text)?;
        Ok(Self { text, members })
    }

    /// An object inside a text already read (a member's value, an element), with the error
    /// as a [`Problem`] at it.
    pub(crate) fn at(text: &'t str) -> Result<Self, Problem<'t>> {
        match crate::json::members_of_checked(text) {
            Ok(members) => Ok(Self { text, members }),
            Err(e) => Err(Problem {
                at: text,
                message: e.message,
            }),
        }
    }

    /// An error about this object as a whole (placed at its end).
    pub(crate) fn problem(&self, message: String) -> Problem<'t> {
        Problem {
            at: self.text,
            message,
        }
    }

    /// Refuses a member not in `known` (`expected` lists them for the message).
    pub(crate) fn only(&self, known: &[&str], expected: &str) -> Result<(), Problem<'t>> {
        match self
            .members
            .iter()
            .find(|(k, _)| !known.contains(&k.as_ref()))
        {
            Some((k, raw)) => Err(Problem {
                at: raw,
                message: format!("unknown field `{k}`, expected {expected}"),
            }),
            None => Ok(()),
        }
    }

    /// The raw text of member `key`, if present.
    pub(crate) fn raw(&self, key: &str) -> Option<&'t str> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }

    /// The raw text of member `key`, which must be present.
    pub(crate) fn required(&self, key: &str) -> Result<&'t str, Problem<'t>> {
        self.raw(key)
            .ok_or_else(|| self.problem(format!("missing field `{key}`")))
    }

    /// Member `key` as a value of the kind `read` accepts (`what` names it for the message).
    fn read<T>(
        &self,
        key: &str,
        what: &str,
        read: impl Fn(&Value) -> Option<T>,
    ) -> Result<T, Problem<'t>> {
        let raw = self.required(key)?;
        let value = value_of(raw)?;
        read(&value).ok_or_else(|| Problem {
            at: raw,
            message: invalid_type(&value, raw, what),
        })
    }

    /// A string member.
    pub(crate) fn string(&self, key: &str) -> Result<String, Problem<'t>> {
        let raw = self.required(key)?;
        match value_of(raw)? {
            Value::String(s) => Ok(s),
            other => Err(Problem {
                at: raw,
                message: invalid_type(&other, raw, "a string"),
            }),
        }
    }

    /// A string member that `check` accepts; its refusal is placed at the value.
    pub(crate) fn checked<T>(
        &self,
        key: &str,
        check: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T, Problem<'t>> {
        let s = self.string(key)?;
        check(&s).map_err(|message| Problem {
            at: self.raw(key).unwrap_or(self.text),
            message,
        })
    }

    /// A `true`/`false` member.
    pub(crate) fn bool(&self, key: &str) -> Result<bool, Problem<'t>> {
        self.read(key, "a boolean", Value::as_bool)
    }

    /// A number member.
    pub(crate) fn number(&self, key: &str) -> Result<f64, Problem<'t>> {
        self.read(key, "a number", Value::as_f64)
    }

    /// A non-negative whole number member.
    pub(crate) fn whole(&self, key: &str) -> Result<u64, Problem<'t>> {
        self.read(key, "a whole number", Value::as_u64)
    }

    /// A number member that may be absent or `null`.
    pub(crate) fn optional_number(&self, key: &str) -> Result<Option<f64>, Problem<'t>> {
        match self.raw(key) {
            None => Ok(None),
            Some(_) => self.read(key, "a number or null", |v| match v {
                Value::Null => Some(None),
                v => v.as_f64().map(Some),
            }),
        }
    }

    /// An array member (absent: empty when `default`), its elements left raw.
    pub(crate) fn array(&self, key: &str, default: bool) -> Result<Vec<&'t str>, Problem<'t>> {
        let raw = match self.raw(key) {
            None if default => return Ok(Vec::new()),
            None => self.required(key)?,
            Some(raw) => raw,
        };
        crate::json::elements_of_checked(raw).map_err(|e| Problem {
            at: raw,
            message: e.message,
        })
    }
}

/// The value of a raw member (checked already, so this cannot fail, but is not trusted to).
pub(crate) fn value_of(raw: &str) -> Result<Value, Problem<'_>> {
    crate::json::parse(raw).map_err(|e| Problem {
        at: raw,
        message: e.message,
    })
}

/// serde's wording: `invalid type: string "x", expected a boolean`.
fn invalid_type(found: &Value, written: &str, expected: &str) -> String {
    format!(
        "invalid type: {}, expected {expected}",
        found.describe(written)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, p: Problem<'_>) -> FeedError {
        p.place(&mut Locator::new(text))
    }

    #[test]
    fn members_are_read_and_errors_placed_at_the_value_or_the_object() {
        let text = "{\n  \"a\": \"x\",\n  \"b\": true,\n  \"n\": 2.5,\n  \"z\": null\n}";
        let o = Object::parse(text).unwrap();
        assert_eq!(o.string("a").unwrap(), "x");
        assert!(o.bool("b").unwrap());
        assert_eq!(o.number("n").unwrap(), 2.5);
        assert_eq!(o.optional_number("z").unwrap(), None);
        assert_eq!(o.optional_number("absent").unwrap(), None);
        let e = place(text, o.bool("a").unwrap_err());
        assert_eq!((e.line, e.column), (2, 10), "{e}");
        assert_eq!(e.message, "invalid type: string \"x\", expected a boolean");
        let e = place(text, o.string("q").unwrap_err());
        assert_eq!((e.line, e.column), (6, 1), "{e}");
        assert_eq!(e.message, "missing field `q`");
        let e = place(text, o.only(&["a", "b", "n"], "a, b or n").unwrap_err());
        assert_eq!((e.line, e.column), (5, 11), "{e}");
        assert!(e.message.starts_with("unknown field `z`"), "{e}");
        let e = place(
            text,
            o.checked("a", |_| Err::<(), _>("no".into())).unwrap_err(),
        );
        assert_eq!((e.line, e.message.as_str()), (2, "no"));
    }

    #[test]
    fn a_number_of_the_wrong_kind_is_quoted_as_written() {
        let text = "{\"a\": 2.50, \"b\": -1E2, \"c\": 7}";
        let o = Object::parse(text).unwrap();
        let message = |key| place(text, o.string(key).unwrap_err()).message;
        assert_eq!(
            message("a"),
            "invalid type: number `2.50`, expected a string"
        );
        assert_eq!(
            message("b"),
            "invalid type: number `-1E2`, expected a string"
        );
        assert_eq!(message("c"), "invalid type: number `7`, expected a string");
        let e = crate::json::elements_of_checked("  1.0 ").unwrap_err();
        assert_eq!(e.message, "invalid type: number `1.0`, expected an array");
    }

    #[test]
    fn duplicates_and_non_objects_are_refused_by_the_parse() {
        let e = Object::parse("{\"a\": 1, \"a\": 2}").err().unwrap();
        assert!(e.message.contains("duplicate field `a`"), "{e}");
        assert!(Object::parse("[1]").is_err());
        assert!(Object::parse("{} x").is_err());
        let o = Object::parse("{\"l\": [1, {\"b\": 2}], \"s\": 3}").unwrap();
        assert_eq!(o.array("l", false).unwrap().len(), 2);
        assert!(o.array("none", true).unwrap().is_empty());
        assert!(o.array("s", false).is_err());
        assert!(o.array("none", false).is_err());
    }
}
