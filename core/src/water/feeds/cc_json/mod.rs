//! `cc-water-json`, our canonical format for manual surface-water monitoring results and the
//! section list. Specified in `core/src/water/FORMAT.md`; this file implements exactly that.
//! Every error is a [`FeedError`] with the line and column serde_json reached when the problem
//! was found (at the offending value, or at the end of the offending object).

mod results;
mod sections;
mod write;

pub use results::parse_results;
pub use sections::parse_sections;
pub use write::{write_results, write_sections};

use crate::water::sections::{Measurement, Section};
use serde::de::{self, Deserializer};
use serde::Deserialize;

/// The value of every document's `format` member.
pub const FORMAT: &str = "cc-water-json";
/// The version the writer writes. Version 2 added `below_detection` on results; version 1
/// documents (which cannot carry it) are still read.
pub const VERSION: u64 = 2;
/// The versions the readers accept.
pub const VERSIONS: [u64; 2] = [1, 2];

/// A parsed sections document.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionsDoc {
    /// Whether the data are illustrative sample data (`"sample": true`).
    pub sample: bool,
    /// The sections, in file order.
    pub sections: Vec<Section>,
    /// Entries that could not be read and were skipped (see [`crate::SkippedInFile`]).
    pub skipped: Vec<crate::FeedError>,
}

/// A parsed results document.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsDoc {
    /// Whether the data are illustrative sample data (`"sample": true`).
    pub sample: bool,
    /// The results, in file order, values converted to canonical units.
    pub results: Vec<Measurement>,
    /// Results that could not be read and were skipped (see [`crate::SkippedInFile`]).
    pub skipped: Vec<crate::FeedError>,
}

pub(super) fn expect_str<'de, D: Deserializer<'de>>(
    d: D,
    want: &str,
    what: &str,
) -> Result<(), D::Error> {
    let s = String::deserialize(d)?;
    if s == want {
        Ok(())
    } else {
        Err(de::Error::custom(format!(
            "{what} must be \"{want}\", found \"{s}\""
        )))
    }
}

pub(super) fn de_format<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
    expect_str(d, FORMAT, "format")
}

pub(super) fn de_version<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
    de_version_number(d).map(|_| ())
}

pub(super) fn de_version_number<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let v = u64::deserialize(d)?;
    if VERSIONS.contains(&v) {
        Ok(v)
    } else {
        Err(de::Error::custom(format!(
            "unsupported version {v}, expected 1 or 2"
        )))
    }
}

/// A slug: 1–64 of `a-z`, `0-9`, `-`, not starting or ending with `-`.
pub(super) fn valid_slug(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}
