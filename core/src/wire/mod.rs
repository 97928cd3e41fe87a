//! The bytes by which the feeds module (`src/bin/feeds.rs`, a wasm module of its own) hands a
//! parsed feed to a page: the dataset with everything it holds (the skipped cells with their
//! positions included), or the [`FeedError`] that ended the parse. [`air`] holds the air
//! datasets, [`water`] the automatic water stations' readings.
//!
//! [`Writer`] and [`Reader`] are also how the pages hand a chart to the charts module
//! (`src/charts/wire.rs`).
//!
//! Not a published format: both ends are built from these files in the same build, and the
//! leading tag names its version. Decoding never panics; bytes that are not a whole answer give a
//! [`FeedError`] about the input as a whole.

pub mod air;
pub mod water;

use crate::time::{Date, Hour};
use crate::FeedError;

const TAG: &[u8; 4] = b"ccw1";
const OK: u8 = 0;
const ERR: u8 = 1;

/// The bytes of a parse's outcome, the dataset written by `write`.
fn encode<T>(outcome: &Result<T, FeedError>, write: fn(&mut Writer, &T)) -> Vec<u8> {
    let mut w = Writer::default();
    w.0.extend_from_slice(TAG);
    match outcome {
        Ok(data) => {
            w.u8(OK);
            write(&mut w, data);
        }
        Err(e) => {
            w.u8(ERR);
            w.error(e);
        }
    }
    w.0
}

/// The outcome [`encode`] wrote, the dataset read by `read`.
fn decode<T>(bytes: &[u8], read: fn(&mut Reader<'_>) -> Option<T>) -> Result<T, FeedError> {
    let mut r = Reader::new(bytes);
    let outcome = (|| {
        if r.take::<4>()? != *TAG {
            return None;
        }
        match r.u8()? {
            OK => read(&mut r).map(Ok),
            ERR => r.error().map(Err),
            _ => None,
        }
    })();
    match outcome {
        Some(outcome) if r.at == bytes.len() => outcome,
        _ => Err(FeedError::whole(format!(
            "the feeds module's answer is not whole ({} bytes, stopped at {})",
            bytes.len(),
            r.at
        ))),
    }
}

/// Little-endian bytes, each value at a fixed size except the counted ones.
#[derive(Default)]
pub struct Writer(Vec<u8>);

impl Writer {
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
    pub fn bool(&mut self, v: bool) {
        self.u8(u8::from(v));
    }
    pub fn i32(&mut self, v: i32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn size(&mut self, n: usize) {
        self.u64(n as u64);
    }
    pub fn str(&mut self, s: &str) {
        self.size(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    /// An optional value: a flag, then its bytes if there is one.
    pub fn option<const N: usize>(&mut self, bytes: Option<[u8; N]>) {
        match bytes {
            None => self.u8(0),
            Some(bytes) => {
                self.u8(1);
                self.0.extend_from_slice(&bytes);
            }
        }
    }
    pub fn f64(&mut self, v: Option<f64>) {
        self.option(v.map(f64::to_le_bytes));
    }
    pub fn f32(&mut self, v: Option<f32>) {
        self.option(v.map(f32::to_le_bytes));
    }
    pub fn hour(&mut self, h: Hour) {
        self.0.extend_from_slice(&h.0.to_le_bytes());
    }
    pub fn date(&mut self, d: Date) {
        self.0.extend_from_slice(&d.year.to_le_bytes());
        self.u8(d.month);
        self.u8(d.day);
    }
    pub fn error(&mut self, e: &FeedError) {
        self.size(e.line);
        self.size(e.column);
        self.str(&e.message);
    }
}

/// Reads what [`Writer`] wrote. Every read answers `None` past the end, so a cut answer is
/// noticed wherever it is cut.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }
    /// Whether every byte has been read (an answer with more is not the one written).
    pub fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }
    pub fn i32(&mut self) -> Option<i32> {
        self.take().map(i32::from_le_bytes)
    }
    pub fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let end = self.at.checked_add(N)?;
        let bytes = self.bytes.get(self.at..end)?.try_into().ok()?;
        self.at = end;
        Some(bytes)
    }
    pub fn u8(&mut self) -> Option<u8> {
        self.take::<1>().map(|[b]| b)
    }
    pub fn u16(&mut self) -> Option<u16> {
        self.take().map(u16::from_le_bytes)
    }
    pub fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }
    pub fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    pub fn size(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }
    /// A count of items of at least `min_size` bytes each, checked against what is left, so a
    /// corrupt count never reserves more than the answer could hold.
    pub fn count(&mut self, min_size: usize) -> Option<usize> {
        let n = self.size()?;
        (n.checked_mul(min_size)? <= self.bytes.len() - self.at).then_some(n)
    }
    /// A counted list of items of at least `min_size` bytes each.
    pub fn list<T>(
        &mut self,
        min_size: usize,
        mut read: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let n = self.count(min_size)?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(read(self)?);
        }
        Some(items)
    }
    pub fn str(&mut self) -> Option<String> {
        let n = self.count(1)?;
        let bytes = self.bytes.get(self.at..self.at + n)?;
        self.at += n;
        String::from_utf8(bytes.to_vec()).ok()
    }
    pub fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.bool()? {
            false => Some(None),
            true => read(self).map(Some),
        }
    }
    pub fn f64(&mut self) -> Option<Option<f64>> {
        self.option(|r| r.take().map(f64::from_le_bytes))
    }
    pub fn f32(&mut self) -> Option<Option<f32>> {
        self.option(|r| r.take().map(f32::from_le_bytes))
    }
    pub fn hour(&mut self) -> Option<Hour> {
        self.take().map(|b| Hour(i64::from_le_bytes(b)))
    }
    pub fn date(&mut self) -> Option<Date> {
        let year = i32::from_le_bytes(self.take()?);
        Some(Date {
            year,
            month: self.u8()?,
            day: self.u8()?,
        })
    }
    pub fn error(&mut self) -> Option<FeedError> {
        Some(FeedError::at(self.size()?, self.size()?, self.str()?))
    }
}
