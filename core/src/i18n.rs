//! The two languages of the site. Chinese first: it is the default everywhere.

use crate::UnknownName;
use std::str::FromStr;

/// A display language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// 简体中文 (zh-CN), the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The short code used in `?lang=` and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Picks the string of this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Reads `zh`, `zh-CN`, `en`, … (case-insensitive): a tag's region is ignored.
impl FromStr for Lang {
    type Err = UnknownName;

    fn from_str(text: &str) -> Result<Self, UnknownName> {
        let t = text.trim().to_ascii_lowercase();
        match t.split(['-', '_']).next() {
            Some("zh") => Ok(Lang::Zh),
            Some("en") => Ok(Lang::En),
            _ => Err(UnknownName),
        }
    }
}

/// A text in both languages, for tables of fixed texts (levels, advice, class meanings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

/// A piece of a display text that must stay on one line (see [`line_tokens`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineToken<'a> {
    /// The piece, never empty, without surrounding white space.
    pub text: &'a str,
    /// Whether white space stood before it (otherwise it follows a list separator directly).
    pub space_before: bool,
}

/// The separators of a list of names after which a line may break: `、` and the commas
/// (`颗粒物(PM10),细颗粒物(PM2.5)`, `总磷(0.5)、氨氮(0.2)`). They stay with the name before them,
/// so a line never starts with one.
const LIST_SEPARATORS: [char; 4] = ['、', ',', '，', '；'];

/// Splits a display text (a pollutant or indicator name, a list of them, a section or station
/// name) into the pieces that must each stay on one line. A line may break only at white space
/// and after a list separator: Chinese text may otherwise break between any two characters,
/// which cuts `细颗粒物(PM2.5)` or `饮马河大桥` in half on a phone. Numbers with their unit are
/// one piece for the caller to keep whole, not split here.
pub fn line_tokens(text: &str) -> Vec<LineToken<'_>> {
    let mut tokens = Vec::new();
    for (i, word) in text.split_whitespace().enumerate() {
        let mut rest = word;
        let mut space_before = i > 0;
        while let Some(end) = rest
            .char_indices()
            .find(|(_, c)| LIST_SEPARATORS.contains(c))
            .map(|(at, c)| at + c.len_utf8())
            .filter(|end| *end < rest.len())
        {
            tokens.push(LineToken {
                text: &rest[..end],
                space_before,
            });
            rest = &rest[end..];
            space_before = false;
        }
        tokens.push(LineToken {
            text: rest,
            space_before,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_codes() {
        assert_eq!("zh-CN".parse(), Ok(Lang::Zh));
        assert_eq!("EN".parse(), Ok(Lang::En));
        assert_eq!("fr".parse::<Lang>(), Err(UnknownName));
        assert_eq!(Lang::default(), Lang::Zh);
    }

    fn pieces(text: &str) -> Vec<(&str, bool)> {
        line_tokens(text)
            .into_iter()
            .map(|t| (t.text, t.space_before))
            .collect()
    }

    #[test]
    fn names_stay_whole_and_lists_break_between_names() {
        assert_eq!(pieces("细颗粒物(PM2.5)"), [("细颗粒物(PM2.5)", false)]);
        assert_eq!(pieces("饮马河大桥"), [("饮马河大桥", false)]);
        assert_eq!(
            pieces("颗粒物(PM10),细颗粒物(PM2.5)"),
            [("颗粒物(PM10),", false), ("细颗粒物(PM2.5)", false)]
        );
        assert_eq!(
            pieces("总磷(0.52)、氨氮(0.2)"),
            [("总磷(0.52)、", false), ("氨氮(0.2)", false)]
        );
        assert_eq!(
            pieces("O3 (1-hour), PM10"),
            [("O3", false), ("(1-hour),", true), ("PM10", true)]
        );
        // A trailing separator stays with its name; nothing is empty.
        assert_eq!(pieces(" 氨氮、 "), [("氨氮、", false)]);
        assert!(line_tokens("").is_empty());
    }
}
