//! The one idiom for an enum's machine name (a query or attribute value, a key in a file, a
//! value in storage): `as_str()` gives the name and [`std::str::FromStr`] reads it back, failing
//! with [`UnknownName`]. Display texts in both languages are `name()` / `label()` and are never
//! parsed.

use std::fmt;

/// A text that is none of an enum's names. Callers have the text and know the enum, and each
/// words its own message (config.json's in both languages, the feeds' at a position).
///
/// A unit struct on purpose: `Result<T, UnknownName>` is then laid out as `Option<T>`, so the
/// site's bundles are no larger than with the `parse(text) -> Option<T>` functions this replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownName;

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not one of the known names")
    }
}

impl std::error::Error for UnknownName {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_went_wrong() {
        assert_eq!(UnknownName.to_string(), "not one of the known names");
    }
}
