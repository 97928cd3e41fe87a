//! The one error type of every feed and config parser: what went wrong, and where.
//!
//! Lines and columns are 1-based and count characters (not bytes), as an editor shows them.
//! The message is a short technical phrase; the UI frames it in the reader's language with the
//! file name, line and column.

use crate::i18n::Lang;
use std::fmt;

/// A parse failure at a position in a text input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedError {
    /// 1-based line; 0 when the input as a whole is at fault (empty, too large).
    pub line: usize,
    /// 1-based column in characters; 0 when the whole line is at fault.
    pub column: usize,
    /// What is wrong, e.g. `expected a number in column "pm10", found "abc"`.
    pub message: String,
}

impl FeedError {
    /// An error at `line`:`column`.
    pub fn at(line: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            column,
            message: message.into(),
        }
    }

    /// An error about the input as a whole.
    pub fn whole(message: impl Into<String>) -> Self {
        Self::at(0, 0, message)
    }

    /// The error of a feed none of whose rows, results or blocks could be read: the first
    /// problem (its position kept), and how many there were.
    pub fn no_usable_row(first: &FeedError, count: usize) -> Self {
        let more = if count > 1 {
            format!(" (and {} more problems)", count - 1)
        } else {
            String::new()
        };
        Self::at(
            first.line,
            first.column,
            format!("no usable row: {}{more}", first.message),
        )
    }

    /// From a serde_json error, which already carries line and column.
    pub fn from_json(err: &serde_json::Error) -> Self {
        // serde_json appends " at line L column C" to its Display; keep only the reason.
        let text = err.to_string();
        let reason = match text.rfind(" at line ") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        Self::at(err.line(), err.column(), reason)
    }
}

/// Character column (1-based) of byte offset `byte` within `line`.
pub fn char_column(line: &str, byte: usize) -> usize {
    line.get(..byte.min(line.len()))
        .map(|s| s.chars().count())
        .unwrap_or(0)
        + 1
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}", self.message),
            (l, 0) => write!(f, "line {l}: {}", self.message),
            (l, c) => write!(f, "line {l}, column {c}: {}", self.message),
        }
    }
}

impl std::error::Error for FeedError {}

/// The cells, rows or station blocks a parser could not read in one file, each named by its
/// position. A bad cell costs that cell, never the feed: parsers skip what they cannot read,
/// record it here and keep everything else. A file with no usable row at all is still an error.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SkippedInFile {
    /// The file's name or URL as the reader knows it.
    pub file: String,
    /// What was skipped, in file order.
    pub skipped: Vec<FeedError>,
}

/// How many skipped places a data note names before it only counts the rest.
pub const NOTE_NAMES_AT_MOST: usize = 5;

/// The data note a page shows when parts of its feeds were skipped, e.g.
/// `3 个数据单元无法读取，已跳过：air.csv 第 57 行第 4 列、…`; `None` when nothing was skipped.
/// Names the first [`NOTE_NAMES_AT_MOST`] places (file, line, column), then counts the rest.
pub fn skipped_note(lang: Lang, files: &[SkippedInFile]) -> Option<String> {
    let total: usize = files.iter().map(|f| f.skipped.len()).sum();
    if total == 0 {
        return None;
    }
    let places: Vec<String> = files
        .iter()
        .flat_map(|f| f.skipped.iter().map(move |e| place(lang, &f.file, e)))
        .take(NOTE_NAMES_AT_MOST)
        .collect();
    let rest = total - places.len();
    Some(match lang {
        Lang::Zh => {
            let more = if rest > 0 {
                format!("，另有 {rest} 处")
            } else {
                String::new()
            };
            format!(
                "{total} 个数据单元无法读取，已跳过：{}{more}。其余数据照常显示。",
                places.join("、")
            )
        }
        Lang::En => {
            let unit = if total == 1 {
                "data cell could not be read and was"
            } else {
                "data cells could not be read and were"
            };
            let more = if rest > 0 {
                format!(", and {rest} more")
            } else {
                String::new()
            };
            format!(
                "{total} {unit} skipped: {}{more}. The rest is shown as usual.",
                places.join("; ")
            )
        }
    })
}

/// One skipped place in words: file name (its last path segment), line and column; for a
/// place named by key path (line 0: the JSON documents read through `serde_json::Value`), the
/// message, which starts with the path.
fn place(lang: Lang, file: &str, e: &FeedError) -> String {
    let name = file.rsplit('/').next().unwrap_or(file);
    let name = name.split(['?', '#']).next().unwrap_or(name);
    match (lang, e.line, e.column) {
        (Lang::Zh, 0, _) => format!("{name}（{}）", e.message),
        (Lang::Zh, l, 0) => format!("{name} 第 {l} 行"),
        (Lang::Zh, l, c) => format!("{name} 第 {l} 行第 {c} 列"),
        (Lang::En, 0, _) => format!("{name} ({})", e.message),
        (Lang::En, l, 0) => format!("{name} line {l}"),
        (Lang::En, l, c) => format!("{name} line {l}, column {c}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_errors_keep_position_and_drop_the_suffix() {
        let err = serde_json::from_str::<serde_json::Value>("{\n  \"a\": x\n}").unwrap_err();
        let fe = FeedError::from_json(&err);
        assert_eq!(fe.line, 2);
        assert!(fe.column > 0);
        assert!(!fe.message.contains("at line"), "{}", fe.message);
        assert!(fe.to_string().starts_with("line 2, column "));
    }

    #[test]
    fn the_skipped_note_names_five_places_then_counts() {
        let file = |name: &str, n: usize| SkippedInFile {
            file: format!("https://example.org/data/{name}?v=1"),
            skipped: (1..=n).map(|i| FeedError::at(56 + i, 4, "junk")).collect(),
        };
        assert_eq!(skipped_note(Lang::Zh, &[file("a.csv", 0)]), None);
        assert_eq!(
            skipped_note(Lang::Zh, &[file("a.csv", 1)]).as_deref(),
            Some("1 个数据单元无法读取，已跳过：a.csv 第 57 行第 4 列。其余数据照常显示。")
        );
        assert_eq!(
            skipped_note(Lang::En, &[file("a.csv", 1)]).as_deref(),
            Some("1 data cell could not be read and was skipped: a.csv line 57, column 4. The rest is shown as usual.")
        );
        let many = [file("a.csv", 3), file("b.csv", 4)];
        let zh = skipped_note(Lang::Zh, &many).unwrap_or_default();
        assert!(
            zh.starts_with("7 个数据单元无法读取，已跳过：a.csv 第 57 行第 4 列、"),
            "{zh}"
        );
        assert!(zh.contains("b.csv 第 58 行第 4 列，另有 2 处"), "{zh}");
        let en = skipped_note(Lang::En, &many).unwrap_or_default();
        assert!(
            en.starts_with(
                "7 data cells could not be read and were skipped: a.csv line 57, column 4; "
            ),
            "{en}"
        );
        assert!(
            en.ends_with("b.csv line 58, column 4, and 2 more. The rest is shown as usual."),
            "{en}"
        );
    }

    #[test]
    fn char_column_counts_characters_not_bytes() {
        assert_eq!(char_column("长春,x", 7), 4);
        assert_eq!(char_column("ab", 99), 3);
    }
}
