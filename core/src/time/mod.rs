//! Civil dates and hour stamps in Beijing time (UTC+8, no daylight saving).
//!
//! Every feed the site reads stamps its values in Beijing time, and the standards (HJ 633,
//! HJ 663) define days and sliding windows on that clock, so the domain never needs another
//! zone. An hour stamp `H` labels the mean over the hour *ending* at `H` (CNEMC: "16时的小时均值为
//! 15:00-16:00的算术平均值"); the natural day D therefore holds the stamps D 01:00 … D+1 00:00.
//!
//! [`Hour`] is the air and water clock, [`Minute`] the report form's (when it happened, Open311
//! datetimes); both count from 1970-01-01 00:00 Beijing time in `i64`, and both meet the browser
//! and system clocks (UTC milliseconds) through [`BEIJING_OFFSET_MINUTES`] only.

mod minute;

pub use minute::Minute;

use std::fmt;

/// Beijing is UTC+8 all year (no daylight saving since 1991), in minutes east of UTC.
pub const BEIJING_OFFSET_MINUTES: i64 = 8 * 60;

const MILLIS_PER_HOUR: i64 = 3_600_000;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// An hour stamp in Beijing time, as whole hours since 1970-01-01 00:00 Beijing time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hour(pub i64);

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        (1..=9999)
            .contains(&year)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(year, month))
            .map(|_| Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (also accepts `YYYYMMDD`).
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        let (y, m, d) = if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
            (t.get(0..4)?, t.get(4..6)?, t.get(6..8)?)
        } else {
            let mut parts = t.split('-');
            let parts3 = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() || parts3.0.len() != 4 {
                return None;
            }
            parts3
        };
        // Digits folded by hand: `str::parse` was a fifth of reading the water results (a date
        // per result) in the browser's profile. At most four digits, so no overflow.
        let num = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.len() <= 4)
                .then_some(())
                .and_then(|()| {
                    s.bytes().try_fold(0u32, |n, c| {
                        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
                    })
                })
        };
        Self::new(
            num(y)? as i32,
            u8::try_from(num(m)?).ok()?,
            u8::try_from(num(d)?).ok()?,
        )
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (civil_from_days).
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Self {
        Self::from_days(self.to_days() + n)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    pub fn weekday(self) -> u8 {
        (self.to_days() + 3).rem_euclid(7) as u8
    }

    /// The stamp `hour` (0–23) of this date.
    pub fn at_hour(self, hour: u8) -> Hour {
        Hour(self.to_days() * 24 + i64::from(hour))
    }

    /// The stamps of the natural day (HJ 663): 01:00 of this date … 00:00 of the next.
    pub fn natural_day_hours(self) -> impl Iterator<Item = Hour> {
        let first = self.at_hour(1).0;
        (first..first + 24).map(Hour)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Hour {
    /// Parses `YYYY-MM-DDTHH[:MM[:SS]]` or with a space instead of `T`; minutes and seconds must
    /// be zero. A trailing `+08:00` is accepted; any other offset or a `Z` is refused, since
    /// every source here is in Beijing time.
    pub fn parse(text: &str) -> Option<Self> {
        if let Some(hour) = Self::parse_canonical(text.as_bytes()) {
            return Some(hour);
        }
        let t = text.trim();
        let t = t.strip_suffix("+08:00").unwrap_or(t);
        let (date, time) = t.split_once(['T', ' '])?;
        let date = Date::parse(date)?;
        let mut parts = time.split(':');
        let hh = parts.next()?;
        if hh.len() != 2 || !hh.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let hour: u8 = hh.parse().ok()?;
        for rest in parts {
            if rest != "00" {
                return None;
            }
        }
        (hour < 24).then(|| date.at_hour(hour))
    }

    /// `YYYY-MM-DDTHH:00:00` exactly, as every feed writes its stamps, read byte by byte: the
    /// general reading splits strings, which showed in `make bench` (8,760 stamps a year).
    /// `None` for any other form, which [`Hour::parse`] then reads.
    fn parse_canonical(b: &[u8]) -> Option<Self> {
        let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1, b'T', h0, h1, b':', b'0', b'0', b':', b'0', b'0'] =
            *b
        else {
            return None;
        };
        let digit = |c: u8| c.is_ascii_digit().then(|| u32::from(c - b'0'));
        let two = |a, b| Some(digit(a)? * 10 + digit(b)?);
        let year = two(y0, y1)? * 100 + two(y2, y3)?;
        let hour = u8::try_from(two(h0, h1)?).ok().filter(|h| *h < 24)?;
        let date = Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(two(m0, m1)?).ok()?,
            u8::try_from(two(d0, d1)?).ok()?,
        )?;
        Some(date.at_hour(hour))
    }

    /// The calendar date of this stamp.
    pub fn date(self) -> Date {
        Date::from_days(self.0.div_euclid(24))
    }

    /// Hour of day, 0–23.
    pub fn hour_of_day(self) -> u8 {
        self.0.rem_euclid(24) as u8
    }

    /// The natural day (HJ 663) this stamp belongs to: 00:00 closes the previous date.
    pub fn natural_day(self) -> Date {
        Hour(self.0 - 1).date()
    }

    /// `YYYY-MM-DDTHH:00`, the form used in URLs (`/air?at=`).
    pub fn to_param(self) -> String {
        format!("{}T{:02}:00", self.date(), self.hour_of_day())
    }

    /// The stamp of the hour holding `ms` (milliseconds since the Unix epoch, UTC: the browser
    /// and system clocks), in Beijing time.
    pub fn from_unix_millis(ms: i64) -> Self {
        Hour(ms.div_euclid(MILLIS_PER_HOUR) + BEIJING_OFFSET_MINUTES / 60)
    }
}

impl fmt::Display for Hour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:02}:00", self.date(), self.hour_of_day())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_over_four_centuries() {
        for d in (-200_000..200_000).step_by(7) {
            assert_eq!(Date::from_days(d).to_days(), d);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2021, 1, 1).unwrap().to_days(), 18_628);
    }

    #[test]
    fn parses_dates_and_refuses_impossible_ones() {
        assert_eq!(Date::parse("2020-02-29"), Date::new(2020, 2, 29));
        assert_eq!(Date::parse("20211231"), Date::new(2021, 12, 31));
        assert_eq!(Date::parse("2021-02-29"), None);
        assert_eq!(Date::parse("2021-13-01"), None);
        assert_eq!(Date::parse("21-01-01"), None);
        assert_eq!(Date::parse("2021-01-01-01"), None);
        assert_eq!(Date::parse("２０２１-01-01"), None);
    }

    /// The reading before its digits were folded by hand (`str::parse`), as the reference.
    fn parse_with_str_parse(text: &str) -> Option<Date> {
        let t = text.trim();
        let (y, m, d) = if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
            (t.get(0..4)?, t.get(4..6)?, t.get(6..8)?)
        } else {
            let mut parts = t.split('-');
            let parts3 = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() || parts3.0.len() != 4 {
                return None;
            }
            parts3
        };
        let num = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        Date::new(
            num(y)? as i32,
            u8::try_from(num(m)?).ok()?,
            u8::try_from(num(d)?).ok()?,
        )
    }

    /// Dates read as `str::parse` read them, on strings of digits, dashes, signs, spaces and
    /// letters, most of them in the usual shape so that the digits themselves are tested.
    #[test]
    fn dates_read_as_str_parse_read_them() {
        const CHARS: &[u8] = b"0123456789-+ xT";
        let mut rng = crate::rng::SplitMix64::new(7);
        let mut valid = 0;
        for i in 0..200_000 {
            let len = if i % 2 == 0 { 10 } else { 6 + rng.below(7) };
            let mut b: Vec<u8> = (0..len).map(|_| CHARS[rng.below(CHARS.len())]).collect();
            if i % 2 == 0 {
                for (at, c) in [(4, b'-'), (7, b'-')] {
                    b[at] = c;
                }
                for at in [0, 1, 2, 3, 5, 6, 8, 9] {
                    if rng.below(20) > 0 {
                        b[at] = b'0' + rng.below(10) as u8;
                    }
                }
            }
            let text = String::from_utf8(b).unwrap();
            let reference = parse_with_str_parse(&text);
            assert_eq!(Date::parse(&text), reference, "{text:?}");
            valid += usize::from(reference.is_some());
        }
        assert!(valid > 2_000, "only {valid} valid dates tried");
    }

    #[test]
    fn hour_stamps_and_the_natural_day() {
        let h = Hour::parse("2022-01-01T00:00:00").unwrap();
        assert_eq!(h.to_string(), "2022-01-01 00:00");
        assert_eq!(h.natural_day(), Date::new(2021, 12, 31).unwrap());
        let one = Hour::parse("2022-01-01 01:00").unwrap();
        assert_eq!(one.natural_day(), Date::new(2022, 1, 1).unwrap());
        let day: Vec<_> = Date::new(2022, 1, 1).unwrap().natural_day_hours().collect();
        assert_eq!(day.len(), 24);
        assert_eq!(day[23].to_param(), "2022-01-02T00:00");
        assert_eq!(Hour::parse("2022-01-01T08:30"), None);
        // The byte-by-byte reading of the usual form agrees with the general one.
        for stamp in [
            "2022-01-01T00:00:00",
            "2021-12-31T23:00:00",
            "2020-02-29T05:00:00",
            "2021-02-29T05:00:00",
            "2021-13-01T05:00:00",
            "2021-00-10T05:00:00",
            "0000-01-01T00:00:00",
            "2022-01-01T24:00:00",
            "2022-01-01T0x:00:00",
            "2022-01-01T08:00:01",
        ] {
            let general = Hour::parse(&format!(" {stamp}"));
            assert_eq!(Hour::parse_canonical(stamp.as_bytes()), general, "{stamp}");
            assert_eq!(Hour::parse(stamp), general, "{stamp}");
        }
        assert_eq!(Hour::parse("2022-01-01T24:00"), None);
        assert_eq!(Hour::parse("2022-01-01T08:00+08:00"), Some(h.add(8)));
    }

    #[test]
    fn browser_clock_maps_to_beijing() {
        // 2022-01-01T00:00Z is 08:00 in Beijing.
        let ms = Date::new(2022, 1, 1).unwrap().to_days() * 86_400_000;
        assert_eq!(Hour::from_unix_millis(ms).to_param(), "2022-01-01T08:00");
        // A millisecond before the epoch is still 1970-01-01 07:xx in Beijing.
        assert_eq!(Hour::from_unix_millis(-1).to_param(), "1970-01-01T07:00");
        assert_eq!(
            Hour::from_unix_millis(ms + 59 * 60_000).date(),
            Minute::from_unix_millis(ms + 59 * 60_000).date()
        );
    }

    impl Hour {
        fn add(self, n: i64) -> Hour {
            Hour(self.0 + n)
        }
    }
}
