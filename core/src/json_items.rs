//! Reading the elements of a JSON array one by one, so that one bad element costs that element
//! and not the feed: each element is parsed from its own slice of the text (serde_json's
//! `RawValue`), and its errors are moved to their position in the whole file.

use crate::FeedError;
use serde::Deserialize;
use serde_json::value::RawValue;

/// Turns byte offsets of a text into 1-based lines and columns, walking forward from the last
/// answer so that positions asked in file order cost one pass over the text in all.
pub(crate) struct Locator<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
    line_start: usize,
}

impl<'t> Locator<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Self {
            text,
            offset: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// Where `inner` (a slice of the text) begins: line and character column.
    pub(crate) fn start_of(&mut self, inner: &str) -> (usize, usize) {
        let byte = (inner.as_ptr() as usize)
            .checked_sub(self.text.as_ptr() as usize)
            .filter(|b| *b <= self.text.len())
            .unwrap_or(0);
        if byte < self.offset {
            *self = Self::new(self.text);
        }
        let seen = self.text.get(self.offset..byte).unwrap_or("");
        for (i, b) in seen.bytes().enumerate() {
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.offset + i + 1;
            }
        }
        self.offset = byte;
        let line_text = self.text.get(self.line_start..).unwrap_or("");
        let column = crate::feed_error::char_column(line_text, byte - self.line_start);
        (self.line, column)
    }

    /// An error at the start of `inner` (a slice of the text).
    pub(crate) fn error_at(&mut self, inner: &str, message: impl Into<String>) -> FeedError {
        let (line, column) = self.start_of(inner);
        FeedError::at(line, column, message)
    }

    /// A serde_json error from parsing `inner` on its own, placed in the whole text.
    pub(crate) fn relocate(&mut self, inner: &str, err: &serde_json::Error) -> FeedError {
        let local = FeedError::from_json(err);
        let (line, column) = self.start_of(inner);
        match local.line {
            0 => FeedError::at(line, column, local.message),
            1 => FeedError::at(line, column + local.column.saturating_sub(1), local.message),
            l => FeedError::at(line + l - 1, local.column, local.message),
        }
    }
}

/// Parses each element on its own; an element that fails is left out and its error, at its
/// place in `text`, goes to `skipped`.
pub(crate) fn parse_each<'t, T: Deserialize<'t>>(
    text: &'t str,
    items: &[&'t RawValue],
    skipped: &mut Vec<FeedError>,
) -> Vec<T> {
    let mut at = Locator::new(text);
    let mut out = Vec::with_capacity(items.len());
    for raw in items {
        match serde_json::from_str::<T>(raw.get()) {
            Ok(item) => out.push(item),
            Err(e) => skipped.push(at.relocate(raw.get(), &e)),
        }
    }
    out
}

/// A value found bad after its object was read: the object's text, the array's key, the
/// value's index in it, and why.
pub(crate) struct BadValue<'t> {
    pub object: &'t str,
    pub key: &'static str,
    pub index: usize,
    pub why: String,
}

/// Turns bad values into errors at their own line and column in `text`. Each array is walked
/// once, however many bad values it holds, and the text once in all.
pub(crate) fn place_bad_values(text: &str, bad: Vec<BadValue<'_>>) -> Vec<FeedError> {
    let mut placed: Vec<(&str, String)> = Vec::with_capacity(bad.len());
    let mut offsets: Option<((usize, &str), Vec<usize>)> = None;
    for b in bad {
        let id = (b.object.as_ptr() as usize, b.key);
        if offsets.as_ref().is_none_or(|(k, _)| *k != id) {
            offsets = Some((id, element_offsets(b.object, b.key)));
        }
        let at = offsets
            .as_ref()
            .and_then(|(_, o)| o.get(b.index))
            .and_then(|&o| b.object.get(o..))
            .unwrap_or(b.object);
        let message = format!("value {} of \"{}\": {}", b.index, b.key, b.why);
        placed.push((at, message));
    }
    crate::order::sort_by_key(&mut placed, |(at, _)| at.as_ptr() as usize);
    let mut locator = Locator::new(text);
    placed
        .into_iter()
        .map(|(at, message)| {
            let (line, column) = locator.start_of(at);
            FeedError::at(line, column, message)
        })
        .collect()
}

/// Byte offsets, within a JSON object's text, of the elements of the array under `key` (a
/// member of that object, found by its quoted name followed by `:` and `[`).
fn element_offsets(object: &str, key: &str) -> Vec<usize> {
    let b = object.as_bytes();
    let quoted = format!("\"{key}\"");
    let mut start = None;
    for (i, _) in object.match_indices(&quoted) {
        let mut j = i + quoted.len();
        while b.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if b.get(j) != Some(&b':') {
            continue;
        }
        j += 1;
        while b.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if b.get(j) == Some(&b'[') {
            start = Some(j + 1);
            break;
        }
    }
    let Some(mut j) = start else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut depth, mut in_string, mut escaped, mut at_start) = (0usize, false, false, true);
    while let Some(&c) = b.get(j) {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else if c.is_ascii_whitespace() {
        } else {
            if at_start && !(depth == 0 && c == b']') {
                out.push(j);
                at_start = false;
            }
            match c {
                b'"' => in_string = true,
                b'[' | b'{' => depth += 1,
                b']' | b'}' if depth == 0 => break,
                b']' | b'}' => depth -= 1,
                b',' if depth == 0 => at_start = true,
                _ => {}
            }
        }
        j += 1;
    }
    out
}

/// One cell of a numeric column: a non-negative number, `null`, or anything else, which is
/// kept as a description so that the reader can skip and name it instead of failing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Value(f64),
    Missing,
    Bad(String),
}

impl Cell {
    /// A number, `written` as in the document (the message quotes it so).
    fn number(v: f64, written: &str) -> Cell {
        if v.is_finite() && v >= 0.0 {
            Cell::Value(v)
        } else {
            Cell::Bad(format!("negative value {}", written.trim()))
        }
    }

    fn not_a_number(found: &str) -> Cell {
        Cell::Bad(format!("expected a number or null, found {found}"))
    }

    fn string(v: &str) -> Cell {
        let shown: String = v.chars().take(40).collect();
        Cell::not_a_number(&format!("\"{shown}\""))
    }

    /// The cell a value read by [`crate::json`] makes; `written` is the value's text.
    pub(crate) fn from_value(value: &crate::json::Value, written: &str) -> Cell {
        use crate::json::Value;
        match value {
            Value::Number(n) => Cell::number(n.as_f64(), written),
            Value::Null => Cell::Missing,
            Value::Bool(b) => Cell::not_a_number(&b.to_string()),
            Value::String(s) => Cell::string(s),
            Value::Array(_) => Cell::not_a_number("an array"),
            Value::Object(_) => Cell::not_a_number("an object"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Doc<'a> {
        #[serde(borrow)]
        items: Vec<&'a RawValue>,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Item {
        n: u8,
    }

    #[test]
    fn a_bad_element_is_named_at_its_place_in_the_file() {
        let text =
            "{\"items\": [\n  {\"n\": 1},\n  {\"n\": \"x\"},\n  {\n \"n\": 300}, {\"n\": 2}]}";
        let doc: Doc = serde_json::from_str(text).unwrap();
        let mut skipped = Vec::new();
        let items: Vec<Item> = parse_each(text, &doc.items, &mut skipped);
        assert_eq!(items, [Item { n: 1 }, Item { n: 2 }]);
        let at: Vec<_> = skipped.iter().map(|e| (e.line, e.column)).collect();
        // serde_json stops at the end of the bad value: `"x"` ends at column 11 of line 3,
        // `300` at column 9 of line 5.
        assert_eq!(at, [(3, 11), (5, 9)]);
    }

    #[test]
    fn bad_values_are_placed_at_their_own_line_and_column() {
        let text = "[{\"a\": [1, \"x\"],\n \"b\": [[1, 2], {\"k\": \"],\"}, -3]}]";
        let object = text.get(1..text.len() - 1).unwrap_or("");
        let bad = |key, index| BadValue {
            object,
            key,
            index,
            why: "junk".into(),
        };
        let errors = place_bad_values(text, vec![bad("b", 2), bad("a", 1), bad("b", 0)]);
        let at: Vec<_> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(at, [(1, 12), (2, 8), (2, 29)]);
        assert_eq!(errors[0].message, "value 1 of \"a\": junk");
        assert_eq!(element_offsets("{\"a\": []}", "a"), Vec::<usize>::new());
    }

    #[test]
    fn cells_keep_numbers_and_describe_the_rest() {
        let mut cells = Vec::new();
        crate::json::each_value_of_checked(
            "[1, 2.5, null, -3, \"4\", true, [1], {\"a\": 1}, -0.50, -1E2]",
            |v, written| cells.push(Cell::from_value(&v, written)),
        )
        .unwrap();
        assert_eq!(
            &cells[..3],
            [Cell::Value(1.0), Cell::Value(2.5), Cell::Missing]
        );
        assert!(cells[3..].iter().all(|c| matches!(c, Cell::Bad(_))));
        // A negative number is quoted as the document writes it.
        assert_eq!(cells[3], Cell::Bad("negative value -3".into()));
        assert_eq!(cells[8], Cell::Bad("negative value -0.50".into()));
        assert_eq!(cells[9], Cell::Bad("negative value -1E2".into()));
    }
}
