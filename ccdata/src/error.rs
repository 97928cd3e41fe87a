//! The tool's one error type: what went wrong and in which file, at which line and column when
//! the parser gave them, so a publisher can open the file at the fault.

use cc_core::FeedError;
use std::fmt;

/// A failure of a command, naming the file it concerns (when there is one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolError {
    /// The file as the user named it; `None` for an error about the arguments.
    pub file: Option<String>,
    /// 1-based line; 0 when not known or the whole file is at fault.
    pub line: usize,
    /// 1-based column in characters; 0 when not known.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl ToolError {
    /// A parser's error in `file`, keeping its position.
    pub fn feed(file: &str, e: FeedError) -> Self {
        Self {
            file: Some(file.to_string()),
            line: e.line,
            column: e.column,
            message: e.message,
        }
    }

    /// An error about `file` as a whole (unreadable, unwritable, wrong kind).
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: Some(file.to_string()),
            line: 0,
            column: 0,
            message: message.into(),
        }
    }

    /// A place in `file` (line and column as a parser gave them), for notes and reports.
    pub fn at(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            file: Some(file.to_string()),
            line,
            column,
            message: message.into(),
        }
    }

    /// An error about the arguments.
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            file: None,
            line: 0,
            column: 0,
            message: message.into(),
        }
    }
}

impl fmt::Display for ToolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `file:line:column: message`, the form editors and CI logs turn into links.
        match (&self.file, self.line, self.column) {
            (None, _, _) => write!(f, "{}", self.message),
            (Some(file), 0, _) => write!(f, "{file}: {}", self.message),
            (Some(file), l, 0) => write!(f, "{file}:{l}: {}", self.message),
            (Some(file), l, c) => write!(f, "{file}:{l}:{c}: {}", self.message),
        }
    }
}

impl std::error::Error for ToolError {}
