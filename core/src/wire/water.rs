//! The automatic water stations' readings ([`AutoFeed`], `cnemc-water-json`) as the feeds module
//! answers them.

use super::{decode, encode, Reader, Writer};
use crate::water::class::WaterClass;
use crate::water::feeds::cnemc_json::{AutoFeed, AutoReading};
use crate::water::limits::Indicator;
use crate::FeedError;

/// The bytes of a `cnemc-water-json` parse's outcome.
pub fn encode_water_auto(outcome: &Result<AutoFeed, FeedError>) -> Vec<u8> {
    encode(outcome, |w, feed| w.auto_feed(feed))
}

/// The outcome [`encode_water_auto`] wrote.
pub fn decode_water_auto(bytes: &[u8]) -> Result<AutoFeed, FeedError> {
    decode(bytes, |r| r.auto_feed())
}

impl Writer {
    fn opt_str(&mut self, s: &Option<String>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
        }
    }
    fn values(&mut self, values: &[(Indicator, f64)]) {
        self.size(values.len());
        for &(indicator, v) in values {
            self.u8(indicator as u8);
            self.f64(Some(v));
        }
    }
    fn auto_feed(&mut self, feed: &AutoFeed) {
        self.size(feed.readings.len());
        for r in &feed.readings {
            self.opt_str(&r.province);
            self.opt_str(&r.basin);
            self.opt_str(&r.city);
            self.opt_str(&r.river);
            self.str(&r.section);
            self.option(r.time.map(|h| h.0.to_le_bytes()));
            self.u8(r.reported_class.map_or(0, WaterClass::code));
            self.values(&r.values);
            self.values(&r.not_detected);
            self.opt_str(&r.station_status);
        }
        self.size(feed.units.len());
        for (indicator, unit) in &feed.units {
            self.u8(*indicator as u8);
            self.str(unit);
        }
        self.size(feed.skipped.len());
        for e in &feed.skipped {
            self.error(e);
        }
    }
}

impl Reader<'_> {
    fn opt_str(&mut self) -> Option<Option<String>> {
        self.option(Self::str)
    }
    fn indicator(&mut self) -> Option<Indicator> {
        Indicator::ALL.get(usize::from(self.u8()?)).copied()
    }
    fn values(&mut self) -> Option<Vec<(Indicator, f64)>> {
        self.list(10, |r| Some((r.indicator()?, r.f64()??)))
    }
    fn auto_feed(&mut self) -> Option<AutoFeed> {
        let readings = self.list(31, |r| {
            Some(AutoReading {
                province: r.opt_str()?,
                basin: r.opt_str()?,
                city: r.opt_str()?,
                river: r.opt_str()?,
                section: r.str()?,
                time: r.option(Reader::hour)?,
                reported_class: match r.u8()? {
                    0 => None,
                    code => Some(WaterClass::from_code(code)?),
                },
                values: r.values()?,
                not_detected: r.values()?,
                station_status: r.opt_str()?,
            })
        })?;
        let units = self.list(9, |r| Some((r.indicator()?, r.str()?)))?;
        let skipped = self.list(24, |r| r.error())?;
        Some(AutoFeed {
            readings,
            units,
            skipped,
        })
    }
}

#[cfg(test)]
#[path = "water_tests.rs"]
mod tests;
