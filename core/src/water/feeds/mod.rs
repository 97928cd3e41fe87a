//! Water feed adapters. Each turns a text into domain values or a [`crate::FeedError`] with a
//! line and column, and never panics.
//!
//! - [`cc_json`]: `cc-water-json`, our canonical format for manual monitoring (see `FORMAT.md`).
//! - [`cnemc_json`]: the national surface-water automatic monitoring real-time JSON
//!   (国家地表水水质自动监测实时数据发布系统, `shared/domain/data-formats.md` §3(c)).

pub mod cc_json;
pub mod cnemc_json;
pub(crate) mod html;
pub(crate) mod units;

/// Where `part`, a slice of `text` (as a borrowed [`serde_json::value::RawValue`] is), starts:
/// 1-based line and character column. A `part` that is not inside `text` gives line 1 column 1.
fn start_of(text: &str, part: &str) -> (usize, usize) {
    let offset = (part.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|o| *o <= text.len())
        .unwrap_or(0);
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column =
        crate::feed_error::char_column(text.get(line_start..).unwrap_or(""), offset - line_start);
    (line, column)
}

/// An error from parsing `part` on its own, moved to its place in `text`. Parsing one entry of
/// a list alone is what lets a bad entry be skipped while the rest of the list is read.
pub(crate) fn error_in_part(text: &str, part: &str, err: &serde_json::Error) -> crate::FeedError {
    let e = crate::FeedError::from_json(err);
    let (line, column) = start_of(text, part);
    if e.line <= 1 {
        crate::FeedError::at(line, column + e.column.saturating_sub(1), e.message)
    } else {
        crate::FeedError::at(line + e.line - 1, e.column, e.message)
    }
}

/// An error at the start of `part` within `text`.
pub(crate) fn error_at_part(
    text: &str,
    part: &str,
    message: impl Into<String>,
) -> crate::FeedError {
    let (line, column) = start_of(text, part);
    crate::FeedError::at(line, column, message)
}
