//! A tiny RFC 4180 CSV reader: commas, double-quoted fields with `""` escapes and embedded
//! newlines, CRLF or LF, a leading UTF-8 BOM. Unquoted fields are borrowed slices; only a
//! quoted field containing `""` allocates. Positions are 1-based lines and character columns.

use crate::feed_error::char_column;
use crate::FeedError;
use std::borrow::Cow;

/// One field of a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<'a> {
    /// The unquoted text.
    pub text: Cow<'a, str>,
    /// 1-based line of the field start.
    pub line: usize,
    /// The whole text and the byte offsets of the field's line and of the field: the column is
    /// counted from them only when needed, because counting characters for every field would
    /// make reading quadratic in line length (and slicing for every field costs a check).
    text_all: &'a str,
    line_start: usize,
    start: usize,
}

impl Field<'_> {
    /// 1-based character column of the field start.
    pub fn column(&self) -> usize {
        let prefix = self.text_all.get(self.line_start..self.start).unwrap_or("");
        prefix.chars().count() + 1
    }

    /// The field as a [`Cell`].
    pub fn cell(&self) -> Cell<'_> {
        Cell {
            text: &self.text,
            line: self.line,
            line_text: self.text_all.get(self.line_start..).unwrap_or(""),
            offset: self.start.saturating_sub(self.line_start),
        }
    }
}

/// A field's text and where it starts, whether it came from [`CsvReader::next_record`] or from
/// splitting a line in place ([`PlainSplit`]).
#[derive(Debug, Clone, Copy)]
pub struct Cell<'t> {
    /// The unquoted text.
    pub text: &'t str,
    /// 1-based line of the field start.
    pub line: usize,
    /// The text from the start of that line, and the field's byte offset in it: the column is
    /// counted only for an error message.
    line_text: &'t str,
    offset: usize,
}

impl Cell<'_> {
    /// 1-based character column of the field start.
    pub fn column(&self) -> usize {
        char_column(self.line_text, self.offset)
    }
}

/// Splits a record that is one physical line without a quote or a stray carriage return, as
/// nearly every line of a real feed is, in place: cell by cell, in the same pass that finds the
/// line's end. A parser's loop over [`PlainSplit::next_cell`] is what `make bench` times: no
/// [`Field`] per cell and one pass over the bytes.
pub struct PlainSplit<'a> {
    line: usize,
    /// The text from the line's start to the end of the file.
    rest: &'a str,
    pos: usize,
    /// Where the line ends and the next one starts, once the last cell has been read.
    end: Option<(usize, usize)>,
}

/// What [`PlainSplit::next_cell`] found.
pub enum PlainCell {
    /// A cell; more follow on the line.
    More(PlainSpan),
    /// The line's last cell.
    Last(PlainSpan),
    /// The line has a quote or a stray carriage return: [`CsvReader::next_record`] reads it.
    NotPlain,
}

/// Where a cell of a plain line lies, in bytes from the line's start. A parser reads a value
/// cell's bytes ([`PlainSplit::bytes`]) and makes a [`Cell`] only of the cells it keeps as text
/// or reports: a `str` slice checks both ends for a character boundary, which showed when paid
/// for every cell of a year's file.
#[derive(Debug, Clone, Copy)]
pub struct PlainSpan {
    start: usize,
    end: usize,
}

impl<'a> PlainSplit<'a> {
    /// The line's number.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The line's length in bytes with its line break, once its last cell has been read.
    pub fn len_read(&self) -> Option<usize> {
        self.end.map(|(_, next)| next)
    }

    /// A cell's bytes.
    #[inline(always)]
    pub fn bytes(&self, span: PlainSpan) -> &'a [u8] {
        self.rest
            .as_bytes()
            .get(span.start..span.end)
            .unwrap_or_default()
    }

    /// A cell's text and position. Its ends are delimiters or the text's ends, so always
    /// character boundaries.
    pub fn cell(&self, span: PlainSpan) -> Cell<'a> {
        Cell {
            text: self.rest.get(span.start..span.end).unwrap_or(""),
            line: self.line,
            line_text: self.rest,
            offset: span.start,
        }
    }

    /// The next cell. After [`PlainCell::Last`] or [`PlainCell::NotPlain`], the answer repeats.
    #[inline(always)]
    pub fn next_cell(&mut self) -> PlainCell {
        let bytes = self.rest.as_bytes();
        let start = self.pos;
        let mut i = start;
        let (end, last) = loop {
            i += bytes_above_comma(bytes.get(i..).unwrap_or_default());
            let Some(&b) = bytes.get(i) else {
                break (i, Some((i, i)));
            };
            match b {
                b',' => break (i, None),
                b'\n' => break (i, Some((i, i + 1))),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => break (i, Some((i, i + 2))),
                b'\r' | b'"' => return PlainCell::NotPlain,
                _ => i += 1,
            }
        };
        let cell = PlainSpan { start, end };
        match last {
            None => {
                self.pos = end + 1;
                PlainCell::More(cell)
            }
            Some(ends) => {
                self.pos = start;
                self.end = Some(ends);
                PlainCell::Last(cell)
            }
        }
    }
}

/// How many bytes at the start of `bytes` are above `,` (digits, letters, `.`, `-`, `:`, UTF-8:
/// nearly every byte of a feed), eight at a time. Every delimiter (`,`, `"`, CR, LF) is below.
#[inline(always)]
fn bytes_above_comma(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut n = 0;
    while let Some(Ok(chunk)) = bytes.get(n..n + 8).map(<[u8; 8]>::try_from) {
        let word = u64::from_le_bytes(chunk);
        // The high bit of each byte below 0x2D (`-`). Subtracting 0x2D from a byte borrows from
        // the next one only when the byte is below 0x2D, so the lowest bit set is exact (those
        // above it may not be); a byte ≥ 0x80 is masked out by `!word`.
        let below = word.wrapping_sub(ONES * 0x2D) & !word & HIGHS;
        if below != 0 {
            return n + (below.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes
        .get(n..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| b > b',')
        .count()
}

/// Reads records one by one into a reused buffer.
pub struct CsvReader<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    line_start: usize,
    /// Where the record being read began (byte offset, line), for [`CsvReader::skip_record`].
    record_start: (usize, usize),
}

impl<'a> CsvReader<'a> {
    /// A reader over `text` (a leading BOM is skipped).
    pub fn new(text: &'a str) -> Self {
        let pos = if text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        Self {
            text,
            pos,
            line: 1,
            line_start: pos,
            record_start: (pos, 1),
        }
    }

    /// After [`CsvReader::next_record`] failed: moves past the first physical line of the
    /// record that failed, so one broken record (a stray or unterminated quote) costs that line
    /// and reading goes on with the next.
    pub fn skip_record(&mut self) {
        let (start, line) = self.record_start;
        let rest = self.text.as_bytes().get(start..).unwrap_or(&[]);
        self.pos = match rest.iter().position(|&b| b == b'\n') {
            Some(n) => start + n + 1,
            None => self.text.len(),
        };
        self.line = line + 1;
        self.line_start = self.pos;
    }

    fn column(&self, at: usize) -> usize {
        let line = self.text.get(self.line_start..).unwrap_or("");
        char_column(line, at.saturating_sub(self.line_start))
    }

    /// [`CsvReader::next_record`] that records a broken record in `skipped` and goes on with
    /// the next line instead of failing: for the data lines after the header.
    pub fn next_record_or_skip(
        &mut self,
        out: &mut Vec<Field<'a>>,
        skipped: &mut Vec<FeedError>,
    ) -> Option<usize> {
        loop {
            match self.next_record(out) {
                Ok(line) => return line,
                Err(e) => {
                    skipped.push(e);
                    self.skip_record();
                }
            }
        }
    }

    /// Moves past blank lines (a file's trailing newline, a gap an editor left): they hold no
    /// record. Whether a record follows.
    fn skip_blank_lines(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        loop {
            match bytes.get(self.pos) {
                None => return false,
                Some(b'\n') => {
                    self.pos += 1;
                    self.end_line();
                }
                Some(b'\r') if bytes.get(self.pos + 1) == Some(&b'\n') => {
                    self.pos += 2;
                    self.end_line();
                }
                _ => return true,
            }
        }
    }

    /// A [`PlainSplit`] of the next record, after blank lines (which are passed, as
    /// [`CsvReader::next_record`] passes them); `None` at the end. The record itself is passed
    /// only when [`CsvReader::pass`] is given the split of the whole line.
    pub fn plain_split(&mut self) -> Option<PlainSplit<'a>> {
        if !self.skip_blank_lines() {
            return None;
        }
        Some(PlainSplit {
            line: self.line,
            rest: self.text.get(self.pos..)?,
            pos: 0,
            end: None,
        })
    }

    /// Moves past the line that `split` read to its last cell. Whether it had: a split that
    /// stopped early (or found the line not plain) moves nothing.
    pub fn pass(&mut self, split: &PlainSplit<'a>) -> bool {
        let Some((end, next)) = split.end else {
            return false;
        };
        self.record_start = (self.pos, self.line);
        self.pos += next;
        if next > end {
            self.end_line();
        }
        true
    }

    /// Reads the next record into `out` (cleared first). Returns the record's line number, or
    /// `None` at the end. Blank lines are skipped.
    pub fn next_record(&mut self, out: &mut Vec<Field<'a>>) -> Result<Option<usize>, FeedError> {
        out.clear();
        if !self.skip_blank_lines() {
            return Ok(None);
        }
        let bytes = self.text.as_bytes();
        let record_line = self.line;
        self.record_start = (self.pos, self.line);
        loop {
            let line = self.line;
            let (line_start, start) = (self.line_start, self.pos);
            let text = if bytes.get(self.pos) == Some(&b'"') {
                let prefix = self.text.get(line_start..start).unwrap_or("");
                self.quoted(line, prefix)?
            } else {
                let rest = bytes.get(start..).unwrap_or(&[]);
                let len = rest
                    .iter()
                    .position(|&b| b <= b',' && matches!(b, b',' | b'\n' | b'\r' | b'"'))
                    .unwrap_or(rest.len());
                self.pos = start + len;
                if bytes.get(self.pos) == Some(&b'"') {
                    return Err(FeedError::at(
                        self.line,
                        self.column(self.pos),
                        "stray quote inside an unquoted field",
                    ));
                }
                Cow::Borrowed(self.text.get(start..self.pos).unwrap_or(""))
            };
            out.push(Field {
                text,
                line,
                text_all: self.text,
                line_start,
                start,
            });
            match bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'\r') if bytes.get(self.pos + 1) == Some(&b'\n') => {
                    self.pos += 2;
                    self.end_line();
                    return Ok(Some(record_line));
                }
                Some(b'\n') => {
                    self.pos += 1;
                    self.end_line();
                    return Ok(Some(record_line));
                }
                None => return Ok(Some(record_line)),
                Some(_) => {
                    return Err(FeedError::at(
                        self.line,
                        self.column(self.pos),
                        "expected a comma or the end of the line",
                    ));
                }
            }
        }
    }

    fn end_line(&mut self) {
        self.line += 1;
        self.line_start = self.pos;
    }

    fn quoted(&mut self, line: usize, prefix: &str) -> Result<Cow<'a, str>, FeedError> {
        let bytes = self.text.as_bytes();
        self.pos += 1;
        let start = self.pos;
        let mut owned: Option<String> = None;
        loop {
            match bytes.get(self.pos) {
                None => {
                    return Err(FeedError::at(
                        line,
                        prefix.chars().count() + 1,
                        "unterminated quoted field",
                    ))
                }
                Some(b'"') if bytes.get(self.pos + 1) == Some(&b'"') => {
                    let before = self.text.get(start..self.pos).unwrap_or("");
                    let s = owned.get_or_insert_with(|| before.to_string());
                    s.push('"');
                    self.pos += 2;
                    if let Some(next) = self.next_quote_run() {
                        s.push_str(next);
                    }
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(match owned {
                        Some(s) => Cow::Owned(s),
                        None => Cow::Borrowed(self.text.get(start..self.pos - 1).unwrap_or("")),
                    });
                }
                Some(b'\n') => {
                    self.pos += 1;
                    self.end_line();
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// After an escaped quote: copies the text up to the next quote (tracking newlines).
    fn next_quote_run(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        while let Some(&b) = bytes.get(self.pos) {
            if b == b'"' {
                break;
            }
            self.pos += 1;
            if b == b'\n' {
                self.end_line();
            }
        }
        self.text.get(start..self.pos)
    }
}

/// `text` without the Unicode spaces around it. A cell that starts and ends with a visible ASCII
/// character, as nearly every cell of a real feed does, is returned as it is: `str::trim`
/// decodes characters from both ends, which showed in `make bench` when paid for every cell.
pub fn trim_cell(text: &str) -> &str {
    let b = text.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// 10⁰ to 10¹⁵, the scales [`number`] reads by hand.
const POWERS_OF_TEN: [u64; 16] = {
    let mut p = [1u64; 16];
    let mut i = 1;
    while i < 16 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// The value of a cell that is only digits with at most one point, 15 bytes at most (`83`,
/// `0.6`, `125.3325`), as nearly every cell of a real feed is; `None` for anything else, which
/// [`number`] then reads. Equal to [`number`] wherever it answers; kept small enough to inline
/// into a parser's loop, which showed in `make bench`.
#[inline(always)]
pub fn plain_decimal(cell: &[u8]) -> Option<f64> {
    if cell.len() > 15 {
        return None;
    }
    let (mut whole, mut point, mut digits) = (0u64, None, 0usize);
    let mut i = 0;
    while let Some(&c) = cell.get(i) {
        let d = c.wrapping_sub(b'0');
        if d < 10 {
            whole = whole * 10 + u64::from(d);
            digits += 1;
        } else if c == b'.' && point.is_none() {
            point = Some(i);
        } else {
            return None;
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    // Fewer than 16 digits: `whole` is exact as an f64, and one division rounds once, as in
    // `number`.
    Some(match point.map(|p| cell.len() - p - 1) {
        None | Some(0) => whole as f64,
        Some(scale) => whole as f64 / *POWERS_OF_TEN.get(scale)? as f64,
    })
}

/// A cell that is neither a number nor a missing-value marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotANumber;

/// Parses a decimal number by hand (`12`, `0.6`, `-3`, `1e3` falls back to std). Empty or a
/// dash (`-`, `—`) or `NA` is a missing value (`Ok(None)`); anything else is an error.
pub fn number(text: &str) -> Result<Option<f64>, NotANumber> {
    let t = trim_cell(text);
    // No missing-value marker starts with a digit, as nearly every cell does.
    if !t.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && (t.is_empty() || t == "-" || t == "—" || t == "--" || t.eq_ignore_ascii_case("na"))
    {
        return Ok(None);
    }
    let b = t.as_bytes();
    let (neg, digits) = match b.first() {
        Some(b'-') => (true, b.get(1..).unwrap_or(&[])),
        _ => (false, b),
    };
    let mut int: u64 = 0;
    let mut frac: u64 = 0;
    let mut scale: u32 = 0;
    let mut seen_dot = false;
    let mut any = false;
    for &c in digits {
        match c {
            b'0'..=b'9' if scale < 15 && int < 1 << 50 => {
                any = true;
                if seen_dot {
                    frac = frac * 10 + u64::from(c - b'0');
                    scale += 1;
                } else {
                    int = int * 10 + u64::from(c - b'0');
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => {
                return t
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(Some)
                    .ok_or(NotANumber)
            }
        }
    }
    if !any {
        return Err(NotANumber);
    }
    // One division of two exactly representable integers rounds once, like std's parser.
    let pow = POWERS_OF_TEN
        .get(scale as usize)
        .copied()
        .unwrap_or(u64::MAX);
    let Some(whole) = int
        .checked_mul(pow)
        .and_then(|x| x.checked_add(frac))
        .filter(|&x| x < 1 << 53)
    else {
        return t
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(Some)
            .ok_or(NotANumber);
    };
    // A whole number, as most cells are, needs no division (which showed in `make bench`).
    let v = if scale == 0 {
        whole as f64
    } else {
        whole as f64 / pow as f64
    };
    Ok(Some(if neg { -v } else { v }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Result<Vec<(usize, Vec<String>)>, FeedError> {
        let mut r = CsvReader::new(text);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some(line) = r.next_record(&mut buf)? {
            out.push((line, buf.iter().map(|f| f.text.to_string()).collect()));
        }
        Ok(out)
    }

    #[test]
    fn quotes_crlf_bom_and_blank_lines() {
        let t = "\u{feff}a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\r\n1,\n\"multi\nline\",z";
        let recs = all(t).unwrap();
        assert_eq!(recs[0], (1, vec!["a".into(), "b".into()]));
        assert_eq!(recs[1], (2, vec!["x,y".into(), "say \"hi\"".into()]));
        assert_eq!(recs[2], (4, vec!["1".into(), "".into()]));
        assert_eq!(recs[3], (5, vec!["multi\nline".into(), "z".into()]));
    }

    /// Each record as its line and its cells with their columns.
    type Records = Vec<(usize, Vec<(String, usize)>)>;

    /// Reads `text` as the CNEMC parser does: plain lines split in place, the rest by
    /// `next_record`; each record as its line, cells and cell columns.
    fn all_plain_first(text: &str) -> Result<Records, FeedError> {
        let mut r = CsvReader::new(text);
        let (mut buf, mut out) = (Vec::new(), Vec::new());
        loop {
            let mut split = r.plain_split();
            let mut cells = Vec::new();
            while let Some(s) = split.as_mut() {
                match s.next_cell() {
                    PlainCell::More(span) => {
                        let c = s.cell(span);
                        assert_eq!(c.text.as_bytes(), s.bytes(span));
                        cells.push((c.text.to_string(), c.column()));
                    }
                    PlainCell::Last(span) => {
                        let c = s.cell(span);
                        assert_eq!(c.text.as_bytes(), s.bytes(span));
                        cells.push((c.text.to_string(), c.column()));
                        break;
                    }
                    PlainCell::NotPlain => {
                        split = None;
                    }
                }
            }
            if let Some(s) = split.filter(|s| r.pass(s)) {
                out.push((s.line(), cells));
            } else if let Some(line) = r.next_record(&mut buf)? {
                let cells = buf
                    .iter()
                    .map(|f| (f.text.to_string(), f.column()))
                    .collect();
                out.push((line, cells));
            } else {
                return Ok(out);
            }
        }
    }

    #[test]
    fn plain_lines_split_in_place_read_as_the_full_reader_does() {
        let full = |text: &str| -> Result<Records, FeedError> {
            let mut r = CsvReader::new(text);
            let (mut buf, mut out) = (Vec::new(), Vec::new());
            while let Some(line) = r.next_record(&mut buf)? {
                let cells = buf
                    .iter()
                    .map(|f| (f.text.to_string(), f.column()))
                    .collect();
                out.push((line, cells));
            }
            Ok(out)
        };
        for text in [
            "\u{feff}a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\r\n1,\n\"multi\nline\",z",
            "长春,食品厂,,12\n\n\n长春,\"甩湾子\",3,\n,,,\r\nlast,line",
            "a,b\r\n",
            "",
            "\n\r\n",
            "x,y\rz\n1,2",
            "x,\"q\"y\n1,2",
            "a,b\n长春,\"open",
            "one\r",
        ] {
            assert_eq!(all_plain_first(text), full(text), "{text:?}");
        }
    }

    #[test]
    fn bytes_above_comma_stops_where_a_byte_by_byte_scan_does() {
        let by_byte = |b: &[u8]| b.iter().take_while(|&&c| c > b',').count();
        // Digits, UTF-8 (bytes ≥ 0x80, masked in the word), `-` (the first byte above `,`).
        let fill = [b'7', 0xE9, b'-', 0x80, b'A', 0xFF, b'.', b'-'];
        for len in 0..24 {
            for at in 0..=len {
                for stop in 0..=255u8 {
                    for next in [None, Some(b','), Some(0), Some(b'-')] {
                        let mut v: Vec<u8> = (0..len).map(|i| fill[i % fill.len()]).collect();
                        if let Some(b) = v.get_mut(at) {
                            *b = stop;
                        }
                        if let (Some(n), Some(b)) = (next, v.get_mut(at + 1)) {
                            *b = n;
                        }
                        assert_eq!(bytes_above_comma(&v), by_byte(&v), "{v:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn errors_have_positions() {
        let e = all("a,b\n长春,\"open").unwrap_err();
        assert_eq!((e.line, e.column), (2, 4));
        let e = all("a,b\nx,\"q\"y").unwrap_err();
        assert_eq!((e.line, e.column), (2, 6));
    }

    #[test]
    fn the_plain_decimal_path_agrees_with_number() {
        let mut cases: Vec<String> = [
            "0",
            "83",
            "0.6",
            "125.3325",
            "5.",
            ".5",
            ".",
            "",
            "-3",
            "1e3",
            " 7",
            "7 ",
            "1.2.3",
            "999999999999999",
            "9999999999999999",
            "0.00000000000001",
            "12345678901234.5",
            "NA",
            "—",
            "1,2",
            "٣",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every string of up to four characters from digits, a point and a dash.
        let alphabet = ['0', '5', '9', '.', '-'];
        let mut frontier = vec![String::new()];
        for _ in 0..4 {
            frontier = frontier
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            cases.extend(frontier.iter().cloned());
        }
        for case in &cases {
            if let Some(v) = plain_decimal(case.as_bytes()) {
                assert_eq!(number(case), Ok(Some(v)), "{case:?}");
            }
        }
        assert_eq!(plain_decimal(b"125.3325"), Some(125.3325));
        assert_eq!(plain_decimal(b"83"), Some(83.0));
        assert_eq!(plain_decimal(b""), None);
    }

    #[test]
    fn numbers_by_hand_match_std() {
        for s in ["0", "12", "0.6", "1.25", "125.3325", "-3.5", "1e3", "007"] {
            assert_eq!(number(s), Ok(Some(s.parse::<f64>().unwrap())), "{s}");
        }
        // Around a number, any Unicode space is trimmed; inside one it is an error.
        assert_eq!(number(" 12 "), Ok(Some(12.0)));
        assert_eq!(number("\u{3000}7.5"), Ok(Some(7.5)));
        assert_eq!(number("1 2"), Err(NotANumber));
        assert_eq!(number(" na "), Ok(None));
        assert_eq!(number(""), Ok(None));
        // The quick path leaves alone only what `trim` would leave alone.
        for cell in [
            "1119A",
            "A B",
            " 1119A",
            "1119A\u{b}",
            "\u{3000}长春\u{3000}",
            "",
            " ",
        ] {
            assert_eq!(trim_cell(cell), cell.trim(), "{cell:?}");
        }
        assert_eq!(number("—"), Ok(None));
        assert_eq!(number("abc"), Err(NotANumber));
        assert_eq!(number("."), Err(NotANumber));
        assert_eq!(number("inf"), Err(NotANumber));
    }
}
