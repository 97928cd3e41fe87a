//! Reading the elements of a JSON array one by one, so that one bad element costs that element
//! and not the feed: each element is parsed from its own slice of the text (serde_json's
//! `RawValue`), and its errors are moved to their position in the whole file.

use crate::FeedError;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fmt;

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
    parse_each_placed(text, items, skipped)
        .into_iter()
        .map(|(_, item)| item)
        .collect()
}

/// [`parse_each`], with the line and column where each element read begins.
pub(crate) fn parse_each_placed<'t, T: Deserialize<'t>>(
    text: &'t str,
    items: &[&'t RawValue],
    skipped: &mut Vec<FeedError>,
) -> Vec<((usize, usize), T)> {
    let mut at = Locator::new(text);
    let mut out = Vec::with_capacity(items.len());
    for raw in items {
        match serde_json::from_str::<T>(raw.get()) {
            Ok(item) => out.push((at.start_of(raw.get()), item)),
            Err(e) => skipped.push(at.relocate(raw.get(), &e)),
        }
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

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CellVisitor)
    }
}

struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = Cell;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or null")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
        Ok(if v.is_finite() && v >= 0.0 {
            Cell::Value(v)
        } else {
            Cell::Bad(format!("negative value {v}"))
        })
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
        Ok(Cell::Value(v as f64))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
        self.visit_f64(v as f64)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Missing)
    }
    fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Missing)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Cell, E> {
        Ok(Cell::Bad(format!("expected a number or null, found {v}")))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
        let shown: String = v.chars().take(40).collect();
        Ok(Cell::Bad(format!(
            "expected a number or null, found \"{shown}\""
        )))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Cell, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Cell::Bad(
            "expected a number or null, found an array".into(),
        ))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cell, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Cell::Bad(
            "expected a number or null, found an object".into(),
        ))
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
    fn cells_keep_numbers_and_describe_the_rest() {
        let cells: Vec<Cell> =
            serde_json::from_str("[1, 2.5, null, -3, \"4\", true, [1], {\"a\": 1}]").unwrap();
        assert_eq!(
            &cells[..3],
            [Cell::Value(1.0), Cell::Value(2.5), Cell::Missing]
        );
        assert!(cells[3..].iter().all(|c| matches!(c, Cell::Bad(_))));
    }
}
