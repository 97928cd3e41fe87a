//! The bytes by which the feeds module (`src/bin/feeds.rs`, a wasm module of its own) hands a
//! parsed feed to a page: the dataset with everything it holds (the skipped cells with their
//! positions included), or the [`FeedError`] that ended the parse. [`air`] holds the air
//! datasets, [`water`] the automatic water stations' readings.
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
    let mut w = Writer(Vec::new());
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
    let mut r = Reader { bytes, at: 0 };
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

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    /// An optional value: a flag, then its bytes if there is one.
    fn option<const N: usize>(&mut self, bytes: Option<[u8; N]>) {
        match bytes {
            None => self.u8(0),
            Some(bytes) => {
                self.u8(1);
                self.0.extend_from_slice(&bytes);
            }
        }
    }
    fn f64(&mut self, v: Option<f64>) {
        self.option(v.map(f64::to_le_bytes));
    }
    fn f32(&mut self, v: Option<f32>) {
        self.option(v.map(f32::to_le_bytes));
    }
    fn hour(&mut self, h: Hour) {
        self.0.extend_from_slice(&h.0.to_le_bytes());
    }
    fn date(&mut self, d: Date) {
        self.0.extend_from_slice(&d.year.to_le_bytes());
        self.u8(d.month);
        self.u8(d.day);
    }
    fn error(&mut self, e: &FeedError) {
        self.len(e.line);
        self.len(e.column);
        self.str(&e.message);
    }
}

/// Every read answers `None` past the end, so a cut answer is noticed wherever it is cut.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let end = self.at.checked_add(N)?;
        let bytes = self.bytes.get(self.at..end)?.try_into().ok()?;
        self.at = end;
        Some(bytes)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take::<1>().map(|[b]| b)
    }
    fn u16(&mut self) -> Option<u16> {
        self.take().map(u16::from_le_bytes)
    }
    fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }
    fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }
    /// A count of items of at least `min_size` bytes each, checked against what is left, so a
    /// corrupt count never reserves more than the answer could hold.
    fn count(&mut self, min_size: usize) -> Option<usize> {
        let n = self.len()?;
        (n.checked_mul(min_size)? <= self.bytes.len() - self.at).then_some(n)
    }
    /// A counted list of items of at least `min_size` bytes each.
    fn list<T>(
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
    fn str(&mut self) -> Option<String> {
        let n = self.count(1)?;
        let bytes = self.bytes.get(self.at..self.at + n)?;
        self.at += n;
        String::from_utf8(bytes.to_vec()).ok()
    }
    fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.bool()? {
            false => Some(None),
            true => read(self).map(Some),
        }
    }
    fn f64(&mut self) -> Option<Option<f64>> {
        self.option(|r| r.take().map(f64::from_le_bytes))
    }
    fn f32(&mut self) -> Option<Option<f32>> {
        self.option(|r| r.take().map(f32::from_le_bytes))
    }
    fn hour(&mut self) -> Option<Hour> {
        self.take().map(|b| Hour(i64::from_le_bytes(b)))
    }
    fn date(&mut self) -> Option<Date> {
        let year = i32::from_le_bytes(self.take()?);
        Some(Date {
            year,
            month: self.u8()?,
            day: self.u8()?,
        })
    }
    fn error(&mut self) -> Option<FeedError> {
        Some(FeedError::at(self.len()?, self.len()?, self.str()?))
    }
}
