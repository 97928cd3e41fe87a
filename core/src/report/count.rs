//! The description's character count (GOV.UK character count component).
//!
//! The app shows the limit up front and puts [`CharCount::message`] in a polite live region
//! (WCAG 2.2 SC 4.1.3 status messages), announced after typing pauses; the visible count and
//! the announced text are the same string so screen readers never hear a hidden, stale count
//! (govuk-frontend#2488). Counting is by Unicode scalar value after trimming, as validation and
//! the receiver count.

use super::fields::format_count;
use super::validate::char_len;
use crate::i18n::Lang;

/// The state of a counted text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CharCount {
    /// Characters used (trimmed).
    pub used: usize,
    /// The limit.
    pub max: usize,
}

impl CharCount {
    /// Counts `text` against `max`.
    pub fn new(text: &str, max: usize) -> Self {
        Self {
            used: char_len(text),
            max,
        }
    }

    /// Characters left; negative when over the limit.
    pub fn remaining(self) -> i64 {
        self.max as i64 - self.used as i64
    }

    /// Over the limit (show the count in the error style, with text, not colour alone).
    pub fn is_over(self) -> bool {
        self.used > self.max
    }

    /// "还可输入 N 个字" / "You have N characters remaining", or, over the limit,
    /// "已超出 N 个字" / "You have N characters too many".
    pub fn message(self, lang: Lang) -> String {
        let n = self.remaining().unsigned_abs() as usize;
        let num = format_count(n, lang);
        let s = if n == 1 { "" } else { "s" };
        match (lang, self.is_over()) {
            (Lang::Zh, false) => format!("还可输入 {num} 个字"),
            (Lang::Zh, true) => format!("已超出 {num} 个字"),
            (Lang::En, false) => format!("You have {num} character{s} remaining"),
            (Lang::En, true) => format!("You have {num} character{s} too many"),
        }
    }

    /// The hint stating the limit before anything is typed.
    pub fn limit_hint(self, lang: Lang) -> String {
        let num = format_count(self.max, lang);
        match lang {
            Lang::Zh => format!("最多可输入 {num} 个字"),
            Lang::En => format!("You can enter up to {num} characters"),
        }
    }
}
