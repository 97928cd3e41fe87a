//! Minute-resolution date-times in Beijing time (UTC+8), for "when did it happen" and for the
//! datetimes of Open311 GeoReport v2 responses.
//!
//! Open311 requires W3C ISO-8601 datetimes *with* a timezone (`2021-06-01T08:15:30+08:00`);
//! [`Minute::to_iso`] always writes `+08:00`, and [`Minute::parse_iso`] converts any offset
//! (or `Z`) to Beijing time so a receiver in another zone still reads correctly.

use std::fmt;

use super::{Date, BEIJING_OFFSET_MINUTES as OFFSET_MINUTES};

/// Minutes since 1970-01-01 00:00 Beijing time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Minute(pub i64);

const MINUTES_PER_DAY: i64 = 24 * 60;

fn digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl Minute {
    /// `hour`:`minute` on `date`, or `None` for an impossible time.
    pub fn new(date: Date, hour: u8, minute: u8) -> Option<Self> {
        (hour < 24 && minute < 60).then(|| {
            Self(date.to_days() * MINUTES_PER_DAY + i64::from(hour) * 60 + i64::from(minute))
        })
    }

    /// From the browser clock (`Date.now()` as whole milliseconds since the Unix epoch, UTC).
    pub fn from_unix_millis(ms: i64) -> Self {
        Self(ms.div_euclid(60_000) + OFFSET_MINUTES)
    }

    /// Milliseconds since the Unix epoch (UTC) of the start of this minute.
    pub fn to_unix_millis(self) -> i64 {
        (self.0 - OFFSET_MINUTES).saturating_mul(60_000)
    }

    /// The calendar date.
    pub fn date(self) -> Date {
        Date::from_days(self.0.div_euclid(MINUTES_PER_DAY))
    }

    /// Hour of day, 0–23.
    pub fn hour(self) -> u8 {
        (self.0.rem_euclid(MINUTES_PER_DAY) / 60) as u8
    }

    /// Minute of the hour, 0–59.
    pub fn minute(self) -> u8 {
        self.0.rem_euclid(60) as u8
    }

    /// Parses a time of day `HH:MM` (also `H:MM` and `HH:MM:SS`, seconds dropped), as an
    /// `<input type="time">` gives it. Returns (hour, minute).
    pub fn parse_time_of_day(text: &str) -> Option<(u8, u8)> {
        let t = text.trim();
        let mut parts = t.split(':');
        let h = parts.next()?;
        let m = parts.next()?;
        let hour = digits(h, 2).or_else(|| digits(h, 1))?;
        let minute = digits(m, 2)?;
        if let Some(s) = parts.next() {
            let whole = s.split('.').next()?;
            digits(whole, 2).filter(|&s| s < 60)?;
        }
        if parts.next().is_some() || hour > 23 || minute > 59 {
            return None;
        }
        Some((hour as u8, minute as u8))
    }

    /// Parses a date and a time of day from two form inputs (`YYYY-MM-DD`, `HH:MM`).
    pub fn from_inputs(date: &str, time: &str) -> Option<Self> {
        let d = Date::parse(date)?;
        let (h, m) = Self::parse_time_of_day(time)?;
        Self::new(d, h, m)
    }

    /// Parses ISO-8601 `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM|±HHMM|±HH]` (a space may replace
    /// `T`). Without an offset the time is taken as Beijing time. Seconds are truncated.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let t = text.trim();
        let (date, rest) = t.split_once(['T', 't', ' '])?;
        let date = Date::parse(date)?;
        if !date.to_string().eq(date_part(t)?) {
            // Date::parse also accepts YYYYMMDD; ISO datetimes here always use dashes.
            return None;
        }
        let (time, offset) = split_offset(rest)?;
        let (h, m) = Self::parse_time_of_day(time)?;
        let local = Self::new(date, h, m)?;
        Some(Self(local.0 - offset + OFFSET_MINUTES))
    }

    /// `YYYY-MM-DDTHH:MM:00+08:00`, the Open311 datetime form.
    pub fn to_iso(self) -> String {
        format!(
            "{}T{:02}:{:02}:00+08:00",
            self.date(),
            self.hour(),
            self.minute()
        )
    }

    /// `HH:MM`, the value of an `<input type="time">`.
    pub fn time_input(self) -> String {
        format!("{:02}:{:02}", self.hour(), self.minute())
    }
}

fn date_part(t: &str) -> Option<&str> {
    t.get(..10)
}

/// Splits `HH:MM[:SS][offset]` into the time and the offset in minutes east of UTC.
fn split_offset(rest: &str) -> Option<(&str, i64)> {
    if let Some(time) = rest.strip_suffix(['Z', 'z']) {
        return Some((time, 0));
    }
    // The offset sign is the first '+' or '-' after the time (times themselves have neither).
    let Some(i) = rest.find(['+', '-']) else {
        return Some((rest, OFFSET_MINUTES));
    };
    let (time, off) = rest.split_at(i);
    let sign = if off.starts_with('-') { -1 } else { 1 };
    let body = off.get(1..)?;
    let (hh, mm) = match body.len() {
        2 => (digits(body, 2)?, 0),
        4 => (digits(body.get(..2)?, 2)?, digits(body.get(2..)?, 2)?),
        5 if body.as_bytes().get(2) == Some(&b':') => {
            (digits(body.get(..2)?, 2)?, digits(body.get(3..)?, 2)?)
        }
        _ => return None,
    };
    if hh > 14 || mm > 59 {
        return None;
    }
    Some((time, sign * (i64::from(hh) * 60 + i64::from(mm))))
}

impl fmt::Display for Minute {
    /// `YYYY-MM-DD HH:MM` (Beijing time), readable in both languages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:02}:{:02}", self.date(), self.hour(), self.minute())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
    }

    #[test]
    fn iso_round_trip_and_offsets() {
        let m = Minute::new(d(2026, 3, 1), 8, 15);
        assert_eq!(
            m.map(Minute::to_iso).as_deref(),
            Some("2026-03-01T08:15:00+08:00")
        );
        assert_eq!(Minute::parse_iso("2026-03-01T08:15:30+08:00"), m);
        assert_eq!(Minute::parse_iso("2026-03-01T00:15:00Z"), m);
        assert_eq!(Minute::parse_iso("2026-02-28T19:15:00-05:00"), m);
        assert_eq!(Minute::parse_iso("2026-03-01 08:15"), m);
        assert_eq!(Minute::parse_iso("2026-03-01T08:15:00.123+0800"), m);
        assert_eq!(Minute::parse_iso("20260301T08:15"), None);
        assert_eq!(Minute::parse_iso("2026-03-01T24:00"), None);
        assert_eq!(Minute::parse_iso("2026-03-01T08:15+99:00"), None);
    }

    #[test]
    fn browser_clock_is_beijing() {
        let ms = d(2022, 1, 1).to_days() * 86_400_000;
        let m = Minute::from_unix_millis(ms);
        assert_eq!(m.to_string(), "2022-01-01 08:00");
        assert_eq!(m.to_unix_millis(), ms);
    }

    #[test]
    fn time_inputs() {
        assert_eq!(Minute::parse_time_of_day("08:30"), Some((8, 30)));
        assert_eq!(Minute::parse_time_of_day("8:30"), Some((8, 30)));
        assert_eq!(Minute::parse_time_of_day("23:59:59"), Some((23, 59)));
        assert_eq!(Minute::parse_time_of_day("24:00"), None);
        assert_eq!(Minute::parse_time_of_day("0830"), None);
        assert_eq!(Minute::parse_time_of_day("０８:30"), None);
    }
}
