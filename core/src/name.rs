//! The one idiom for an enum's machine name (a query or attribute value, a key in a file, a
//! value in storage): `as_str()` gives the name and [`std::str::FromStr`] reads it back, failing
//! with [`UnknownName`]. Display texts in both languages are `name()` / `label()` and are never
//! parsed.

use std::fmt;

/// A text that is none of an enum's names. It carries what kind of name was expected
/// (`"widget view"`, `"language"`, …), not the text, so that failing costs no allocation; the
/// caller has the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownName(pub &'static str);

// Two static strings, no `write!`: the site's bundles should not grow formatting code for this.
impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown ")?;
        f.write_str(self.0)
    }
}

impl std::error::Error for UnknownName {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_was_expected() {
        assert_eq!(UnknownName("language").to_string(), "unknown language");
    }
}
