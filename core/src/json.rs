//! A small JSON reader (RFC 8259) for the documents the site's first screens read: config.json,
//! cc-air-json, cc-water-json, cc-forecast-json and cc-alerts-json. In the AQI widget, serde_json
//! with serde's visitors was about 26 KB of wasm before wasm-opt and this is about 11 KB; it reads
//! what they need:
//! a whole document as a [`Value`], or an object's members and an array's elements as raw slices
//! of the text, so that each can be read (and fail) on its own at its own position.
//!
//! Errors use serde_json's wording and place (the offending character; for a premature end, the
//! last one). Numbers are read exactly (as `str::parse::<f64>` reads them) when they have at
//! most 15 significant digits and a power of ten up to 22, which covers every number our formats
//! carry; beyond, to within 10⁻¹⁴ of the value, as serde_json without `float_roundtrip` does.

use crate::FeedError;
use std::borrow::Cow;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A number, with whether it was written as a whole number (as serde_json keeps it, so `5.0`
/// is not read where a count is expected).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    value: f64,
    whole: Option<i128>,
}

impl Number {
    pub fn as_f64(&self) -> f64 {
        self.value
    }
}

/// An object's members in document order (no key twice).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.value),
            _ => None,
        }
    }
    /// A whole number written without fraction or exponent, ≥ 0.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.whole.and_then(|w| u64::try_from(w).ok()),
            _ => None,
        }
    }
    /// A whole number written without fraction or exponent.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.whole.and_then(|w| i64::try_from(w).ok()),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    /// What kind of value this is, for messages: `string "x"`, `number 2.50`, `map`… A number is
    /// quoted as `written` in the document (the value's text), which is what its reader can find;
    /// it also keeps `f64`'s formatting out of the bundles (README "Performance").
    pub fn describe(&self, written: &str) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(b) => format!("boolean `{b}`"),
            Value::Number(_) => format!("number `{}`", written.trim()),
            Value::String(s) => format!("string \"{}\"", s.chars().take(40).collect::<String>()),
            Value::Array(_) => "sequence".into(),
            Value::Object(_) => "map".into(),
        }
    }
}

/// `s` as a JSON string literal, escaped as serde_json escapes it (quotes, backslashes and
/// control characters; everything else as is).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[n >> 4]));
                out.push(char::from(HEX[n & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How deep arrays and objects may nest (serde_json's limit).
const MAX_DEPTH: usize = 128;

/// Reads `text` as one JSON value (surrounding whitespace allowed, nothing else).
pub fn parse(text: &str) -> Result<Value, FeedError> {
    whole(text, false, |r| r.value())
}

/// Reads `text` as one JSON object whose member values are left as slices of `text`.
pub fn parse_members(text: &str) -> Result<Vec<(Cow<'_, str>, &str)>, FeedError> {
    whole(text, false, |r| {
        r.skip_ws();
        if r.peek() != Some(b'{') {
            return Err(r.invalid_type("an object"));
        }
        r.members_raw()
    })
}

/// Reads `text` as one JSON array whose elements are left as slices of `text`.
pub fn parse_elements(text: &str) -> Result<Vec<&str>, FeedError> {
    whole(text, false, |r| {
        r.skip_ws();
        if r.peek() != Some(b'[') {
            return Err(r.invalid_type("an array"));
        }
        r.elements_raw()
    })
}

/// [`parse_members`] of a value inside a text already read by one of these functions, so
/// known to be valid: its members' values are found by a quick scan instead of being checked
/// again (a cc-air-json month's numbers were otherwise checked four times). On other text it
/// still ends, without a panic, but may miss a fault.
pub(crate) fn members_of_checked(text: &str) -> Result<Vec<(Cow<'_, str>, &str)>, FeedError> {
    whole(text, true, |r| {
        r.skip_ws();
        if r.peek() != Some(b'{') {
            return Err(r.invalid_type("an object"));
        }
        r.members_raw()
    })
}

/// Each element of an array inside a text already read (see [`members_of_checked`]), read as a
/// value and handed to `each` (a column of numbers is read without a `Vec` of values).
pub(crate) fn each_value_of_checked(
    text: &str,
    mut each: impl FnMut(Value, &str),
) -> Result<(), FeedError> {
    whole(text, true, |r| {
        r.skip_ws();
        if r.peek() != Some(b'[') {
            return Err(r.invalid_type("an array"));
        }
        r.items(false, |r, _| {
            let start = r.pos;
            let value = r.value()?;
            each(value, &r.text[start..r.pos]);
            Ok(())
        })
    })
}

/// [`parse_elements`] of a value inside a text already read (see [`members_of_checked`]).
pub(crate) fn elements_of_checked(text: &str) -> Result<Vec<&str>, FeedError> {
    whole(text, true, |r| {
        r.skip_ws();
        if r.peek() != Some(b'[') {
            return Err(r.invalid_type("an array"));
        }
        r.elements_raw()
    })
}

fn whole<'t, T>(
    text: &'t str,
    checked: bool,
    read: impl FnOnce(&mut Reader<'t>) -> Result<T, Fault>,
) -> Result<T, FeedError> {
    let mut r = Reader {
        text,
        pos: 0,
        depth: 0,
        checked,
    };
    let out = read(&mut r).and_then(|v| {
        r.skip_ws();
        match r.peek() {
            None => Ok(v),
            Some(_) => Err(r.fault_here("trailing characters")),
        }
    });
    out.map_err(|f| f.place(text))
}

/// An error, placed as serde_json places it: `end` is the byte index its position is read at
/// (just after the offending character, or the end of the text), so that a newline read as the
/// offending character puts the error at the start of the next line, as there.
struct Fault {
    end: usize,
    message: String,
}

impl Fault {
    fn place(self, text: &str) -> FeedError {
        let bytes = text.as_bytes();
        let end = self.end.min(bytes.len());
        let before = &bytes[..end];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // Characters, not bytes: count the bytes that start one.
        let column = before[line_start..]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        FeedError::at(line, column.max(1), self.message)
    }
}

struct Reader<'t> {
    text: &'t str,
    pos: usize,
    depth: usize,
    /// The text was checked already: values are skipped by a scan (see [`members_of_checked`]).
    checked: bool,
}

impl<'t> Reader<'t> {
    // Inlined by hand: the release profile optimises for size, where these calls stay calls.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.pos += 1;
        }
    }

    /// An error at the current character.
    fn fault_here(&self, message: &str) -> Fault {
        Fault {
            end: self.pos + 1,
            message: message.to_string(),
        }
    }

    /// An error at the character just read.
    fn fault_read(&self, message: &str) -> Fault {
        Fault {
            end: self.pos,
            message: message.to_string(),
        }
    }

    /// An error for the end of the text.
    fn eof(&self, what: &str) -> Fault {
        Fault {
            end: self.text.len(),
            message: format!("EOF while parsing {what}"),
        }
    }

    /// The value here is of the wrong kind (placed at its first character).
    fn invalid_type(&mut self, expected: &str) -> Fault {
        let start = self.pos;
        match self.value() {
            Ok(v) => Fault {
                end: start + 1,
                message: format!(
                    "invalid type: {}, expected {expected}",
                    v.describe(&self.text[start..self.pos])
                ),
            },
            Err(f) => f,
        }
    }

    fn value(&mut self) -> Result<Value, Fault> {
        self.skip_ws();
        match self.peek() {
            None => Err(self.eof("a value")),
            Some(b'n') => self.ident("null", Value::Null),
            Some(b't') => self.ident("true", Value::Bool(true)),
            Some(b'f') => self.ident("false", Value::Bool(false)),
            Some(b'"') => self.string().map(|s| Value::String(s.into_owned())),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(b'[') => {
                let mut items = Vec::new();
                self.items(false, |r, _| {
                    items.push(r.value()?);
                    Ok(())
                })?;
                Ok(Value::Array(items))
            }
            Some(b'{') => {
                let mut members: Vec<(String, Value)> = Vec::new();
                self.items(true, |r, key| {
                    let (key, key_at) = key.unwrap_or_default();
                    if members.iter().any(|(k, _)| *k == key) {
                        return Err(duplicate(key_at, &key));
                    }
                    members.push((key.into_owned(), r.value()?));
                    Ok(())
                })?;
                Ok(Value::Object(Map(members)))
            }
            Some(_) => Err(self.fault_here("expected value")),
        }
    }

    fn ident(&mut self, word: &str, value: Value) -> Result<Value, Fault> {
        for expected in word.bytes() {
            match self.peek() {
                None => return Err(self.eof("a value")),
                Some(b) if b == expected => self.pos += 1,
                Some(_) => return Err(self.fault_here("expected ident")),
            }
        }
        Ok(value)
    }

    /// Skips one value, checking its syntax as [`Reader::value`] does, without building it
    /// (keys repeated in an object skipped here are found when, and if, it is read; a number
    /// out of range, likewise).
    fn skip_value(&mut self) -> Result<(), Fault> {
        self.skip_ws();
        if self.checked {
            self.scan_value();
            return Ok(());
        }
        match self.peek() {
            None => Err(self.eof("a value")),
            Some(b'n') => self.ident("null", Value::Null).map(drop),
            Some(b't') => self.ident("true", Value::Null).map(drop),
            Some(b'f') => self.ident("false", Value::Null).map(drop),
            Some(b'"') => self.string().map(drop),
            Some(b'-' | b'0'..=b'9') => self.skip_number(),
            Some(b'[') => self.items(false, |r, _| r.skip_value()),
            Some(b'{') => self.items(true, |r, _| r.skip_value()),
            Some(_) => Err(self.fault_here("expected value")),
        }
    }

    /// Moves past one value of checked text: strings and brackets only are followed.
    fn scan_value(&mut self) {
        let bytes = self.text.as_bytes();
        let mut depth = 0usize;
        while let Some(&b) = bytes.get(self.pos) {
            match b {
                b'"' => {
                    self.pos += 1;
                    while let Some(&c) = bytes.get(self.pos) {
                        self.pos += if c == b'\\' { 2 } else { 1 };
                        if c == b'"' {
                            break;
                        }
                    }
                    if depth == 0 {
                        return;
                    }
                    continue;
                }
                b'[' | b'{' => depth += 1,
                b']' | b'}' if depth == 0 => return,
                b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                b',' | b' ' | b'\n' | b'\t' | b'\r' if depth == 0 => return,
                _ => {}
            }
            self.pos += 1;
        }
        self.pos = self.pos.min(bytes.len());
    }

    /// Before the next element or member of a list or object (`close` ends it): whether there
    /// is one, with serde_json's faults (`key` also asks for a string key).
    fn has_next(&mut self, first: bool, close: u8, key: bool) -> Result<bool, Fault> {
        self.skip_ws();
        let (what, comma_or_end) = if key {
            ("an object", "expected `,` or `}`")
        } else {
            ("a list", "expected `,` or `]`")
        };
        let peek = match self.peek() {
            None => return Err(self.eof(what)),
            Some(b) if b == close => {
                self.pos += 1;
                return Ok(false);
            }
            Some(b) => b,
        };
        let next = if first {
            peek
        } else if peek == b',' {
            self.pos += 1;
            self.skip_ws();
            match self.peek() {
                None => return Err(self.eof("a value")),
                Some(b) if b == close => return Err(self.fault_here("trailing comma")),
                Some(b) => b,
            }
        } else {
            return Err(self.fault_here(comma_or_end));
        };
        if key && next != b'"' {
            return Err(self.fault_here("key must be a string"));
        }
        Ok(true)
    }

    /// At `[` (or `{` when `object`): calls `each` at every element (every member's value, with
    /// its key and where the key starts), no deeper than [`MAX_DEPTH`].
    fn items(
        &mut self,
        object: bool,
        mut each: impl FnMut(&mut Self, Option<(Cow<'t, str>, usize)>) -> Result<(), Fault>,
    ) -> Result<(), Fault> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.fault_here("recursion limit exceeded"));
        }
        self.pos += 1;
        let close = if object { b'}' } else { b']' };
        let mut first = true;
        while self.has_next(first, close, object)? {
            first = false;
            let key = if object {
                let key_at = self.pos;
                let key = self.string()?;
                self.skip_ws();
                match self.peek() {
                    None => return Err(self.eof("an object")),
                    Some(b':') => self.pos += 1,
                    Some(_) => return Err(self.fault_here("expected `:`")),
                }
                self.skip_ws();
                Some((key, key_at))
            } else {
                self.skip_ws();
                None
            };
            each(self, key)?;
        }
        self.depth -= 1;
        Ok(())
    }

    /// At `[`: the elements, each a checked slice of the text.
    fn elements_raw(&mut self) -> Result<Vec<&'t str>, Fault> {
        let mut out = Vec::new();
        self.items(false, |r, _| {
            let start = r.pos;
            r.skip_value()?;
            out.push(&r.text[start..r.pos]);
            Ok(())
        })?;
        Ok(out)
    }

    /// At `{`: the members, keys read and values as checked slices of the text.
    fn members_raw(&mut self) -> Result<Vec<(Cow<'t, str>, &'t str)>, Fault> {
        let mut out: Vec<(Cow<'t, str>, &'t str)> = Vec::new();
        self.items(true, |r, key| {
            let (key, key_at) = key.unwrap_or_default();
            if out.iter().any(|(k, _)| *k == key) {
                return Err(duplicate(key_at, &key));
            }
            let start = r.pos;
            r.skip_value()?;
            out.push((key, &r.text[start..r.pos]));
            Ok(())
        })?;
        Ok(out)
    }

    /// At `"`: the string, unescaped; borrowed from the text when it has no escape.
    fn string(&mut self) -> Result<Cow<'t, str>, Fault> {
        self.pos += 1;
        let mut out: Option<String> = None;
        let bytes = self.text.as_bytes();
        loop {
            let run_start = self.pos;
            while let Some(&b) = bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // Stops only at ASCII bytes, so the run is whole characters.
            let run = &self.text[run_start..self.pos];
            match self.peek() {
                None => return Err(self.eof("a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(match out {
                        None => Cow::Borrowed(run),
                        Some(mut owned) => {
                            owned.push_str(run);
                            Cow::Owned(owned)
                        }
                    });
                }
                Some(b'\\') => {
                    let owned = out.get_or_insert_with(String::new);
                    owned.push_str(run);
                    self.pos += 1;
                    self.escape(owned)?;
                }
                Some(_) => {
                    self.pos += 1;
                    return Err(self.fault_read(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
            }
        }
    }

    /// After `\`: one escape, appended to `out`.
    fn escape(&mut self, out: &mut String) -> Result<(), Fault> {
        let Some(b) = self.peek() else {
            return Err(self.eof("a string"));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.fault_read("invalid escape")),
        };
        out.push(c);
        Ok(())
    }

    /// After `\u`: the character of one escape, or of a surrogate pair of two.
    fn unicode_escape(&mut self) -> Result<char, Fault> {
        let lone = "lone leading surrogate in hex escape";
        let first = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&first) {
            return Err(self.fault_read(lone));
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            return char::from_u32(first).ok_or_else(|| self.fault_read(lone));
        }
        for expected in [b'\\', b'u'] {
            match self.peek() {
                None => return Err(self.eof("a string")),
                Some(b) => {
                    self.pos += 1;
                    if b != expected {
                        return Err(self.fault_read("unexpected end of hex escape"));
                    }
                }
            }
        }
        let second = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&second) {
            return Err(self.fault_read(lone));
        }
        char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            .ok_or_else(|| self.fault_read(lone))
    }

    /// Four hex digits (all read before any is checked, as serde_json does).
    fn hex4(&mut self) -> Result<u32, Fault> {
        let Some(digits) = self.text.as_bytes().get(self.pos..self.pos + 4) else {
            return Err(self.eof("a string"));
        };
        self.pos += 4;
        let mut code = 0;
        for &b in digits {
            let digit = (b as char)
                .to_digit(16)
                .ok_or_else(|| self.fault_read("invalid escape"))?;
            code = code * 16 + digit;
        }
        Ok(code)
    }

    /// At `-` or a digit: the number.
    fn number(&mut self) -> Result<Number, Fault> {
        let start = self.pos;
        self.skip_number()?;
        let number = number_of(&self.text[start..self.pos]);
        if number.value.is_infinite() {
            return Err(self.fault_read("number out of range"));
        }
        Ok(number)
    }

    /// At `-` or a digit: moves past the number, checking its syntax only (most numbers of a
    /// document are skipped before they are read).
    fn skip_number(&mut self) -> Result<(), Fault> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(self.fault_here("invalid number"));
                }
            }
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return Err(self.bad_number()),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.bad_number());
            }
            self.skip_digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'-' | b'+')) {
                self.pos += 1;
            }
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.bad_number());
            }
            self.skip_digits();
        }
        Ok(())
    }

    #[inline(always)]
    fn skip_digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }

    /// Where a digit was needed: the end of the text, or another character.
    fn bad_number(&self) -> Fault {
        match self.peek() {
            None => self.eof("a value"),
            Some(_) => self.fault_here("invalid number"),
        }
    }
}

/// The value of a number literal already checked by [`Reader::skip_number`].
fn number_of(literal: &str) -> Number {
    let (negative, digits) = match literal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, literal),
    };
    let bytes = digits.as_bytes();
    // The significant digits (19 at most kept: they fit a u64) and the power of ten they scale.
    let (mut mantissa, mut scale, mut kept) = (0u64, 0i32, 0u32);
    let mut i = 0;
    let mut whole = true;
    let mut fraction = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                if kept < 19 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if mantissa > 0 {
                        kept += 1;
                    }
                    if fraction {
                        scale -= 1;
                    }
                } else if !fraction {
                    scale += 1;
                }
            }
            b'.' => {
                whole = false;
                fraction = true;
            }
            _ => break,
        }
        i += 1;
    }
    if let Some(exponent) = bytes.get(i + 1..) {
        whole = false;
        let (minus, e) = match exponent.first() {
            Some(b'-') => (true, &exponent[1..]),
            Some(b'+') => (false, &exponent[1..]),
            _ => (false, exponent),
        };
        let e = e.iter().fold(0i32, |n, d| {
            n.saturating_mul(10).saturating_add(i32::from(d - b'0'))
        });
        scale = scale.saturating_add(if minus { -e } else { e });
    }
    let magnitude = scaled(mantissa, scale);
    // A whole number's digits are all kept up to 19 of them; beyond, they are read again.
    let whole = whole
        .then(|| {
            if scale == 0 {
                Some(i128::from(mantissa))
            } else {
                whole_number(digits)
            }
        })
        .flatten()
        // serde_json reads -0 as a float.
        .filter(|w| !(negative && *w == 0))
        .map(|w| if negative { -w } else { w });
    Number {
        value: if negative { -magnitude } else { magnitude },
        whole,
    }
}

/// A key given twice in one object (serde_json would keep the last; we name it).
fn duplicate(key_at: usize, key: &str) -> Fault {
    Fault {
        end: key_at + 1,
        message: format!("duplicate field `{key}`"),
    }
}

/// The digits of a whole number, if it fits an `i128` (every `u64` and `i64` does).
fn whole_number(digits: &str) -> Option<i128> {
    let mut n: i128 = 0;
    for b in digits.bytes() {
        n = n.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
    }
    Some(n)
}

/// `mantissa × 10^scale` as the nearest `f64` when both are exact (mantissa < 2^53,
/// |scale| ≤ 22: one correctly rounded operation), else to within 10⁻¹⁴ of it.
fn scaled(mantissa: u64, scale: i32) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let m = mantissa as f64;
    if mantissa < 1 << 53 && scale.unsigned_abs() <= 22 {
        let p = pow10(scale.unsigned_abs());
        return if scale < 0 { m / p } else { m * p };
    }
    // Still exact when the digits times the surplus power stay below 2^53 (`5e30`).
    if (23..=22 + 15).contains(&scale) {
        let surplus = 10u64.pow((scale - 22) as u32);
        if let Some(m) = mantissa.checked_mul(surplus).filter(|m| *m < 1 << 53) {
            return m as f64 * pow10(22);
        }
    }
    if scale < -340 {
        return 0.0;
    }
    if scale > 310 {
        return f64::INFINITY;
    }
    // Two steps keep intermediate values finite (10^-330 is below f64's range).
    let (first, rest) = if scale < -300 {
        (-300, scale + 300)
    } else {
        (scale, 0)
    };
    let step = |v: f64, s: i32| {
        if s < 0 {
            v / pow10(s.unsigned_abs())
        } else {
            v * pow10(s.unsigned_abs())
        }
    };
    step(step(m, first), rest)
}

/// The powers of ten that are exact `f64`s.
const EXACT_POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// 10^n: exact for n ≤ 22; beyond, from exact 10^22 factors, so a handful of roundings.
fn pow10(n: u32) -> f64 {
    let mut p = EXACT_POW10[(n % 22) as usize];
    for _ in 0..n / 22 {
        p *= 1e22;
    }
    p
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
