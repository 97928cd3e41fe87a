//! The one error type of every feed and config parser: what went wrong, and where.
//!
//! Lines and columns are 1-based and count characters (not bytes), as an editor shows them.
//! The message is a short technical phrase; the UI frames it in the reader's language with the
//! file name, line and column.

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
    fn char_column_counts_characters_not_bytes() {
        assert_eq!(char_column("长春,x", 7), 4);
        assert_eq!(char_column("ab", 99), 3);
    }
}
