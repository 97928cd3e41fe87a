//! `cc-water-json`, our canonical format for manual surface-water monitoring results and the
//! section list. Specified in `core/src/water/FORMAT.md`; this file implements exactly that.
//! Every error is a [`FeedError`] with a line and column: at the offending value, or at the end
//! of the offending object (read through [`crate::json_obj`]).

mod results;
mod sections;
mod write;

pub use results::{parse_results, ResultsReader};
pub use sections::parse_sections;
pub use write::{write_results, write_sections};

use crate::json_obj::{Object, Problem};
use crate::water::sections::{Measurement, Section};

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

/// `s`, which must be `want` (the value of member `what`).
pub(super) fn expect_str(s: &str, want: &str, what: &str) -> Result<(), String> {
    if s == want {
        Ok(())
    } else {
        Err(format!("{what} must be \"{want}\", found \"{s}\""))
    }
}

/// The `format`, `version` and `kind` members every document has; the version.
pub(super) fn read_header<'t>(doc: &Object<'t>, kind: &str) -> Result<u64, Problem<'t>> {
    doc.checked("format", |s| expect_str(s, FORMAT, "format"))?;
    let version = doc.whole("version")?;
    if !VERSIONS.contains(&version) {
        return Err(Problem {
            at: doc.required("version")?,
            message: format!("unsupported version {version}, expected 1 or 2"),
        });
    }
    doc.checked("kind", |s| expect_str(s, kind, "kind"))?;
    Ok(version)
}

/// A slug: 1–64 of `a-z`, `0-9`, `-`, not starting or ending with `-`.
pub(super) fn valid_slug(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}
