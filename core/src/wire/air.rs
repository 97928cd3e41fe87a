//! An air dataset ([`AirDataset`]) as the feeds module answers it.

use super::{decode, encode, Reader, Writer};
use crate::air::{AirDataset, DailyRow, HourlyRow, PollutantSet, Published, Station};
use crate::FeedError;

/// The bytes of an air parse's outcome.
pub fn encode_air(outcome: &Result<AirDataset, FeedError>) -> Vec<u8> {
    encode(outcome, |w, ds| w.air(ds))
}

/// The outcome [`encode_air`] wrote.
pub fn decode_air(bytes: &[u8]) -> Result<AirDataset, FeedError> {
    decode(bytes, |r| r.air())
}

impl Writer {
    fn published(&mut self, p: &Option<Published>) {
        let Some(p) = p else {
            return self.u8(0);
        };
        self.u8(1);
        self.option(p.aqi.map(u16::to_le_bytes));
        self.option(p.primary.map(|set| [set.0]));
        for v in p.mean_24h {
            self.f32(v);
        }
        self.f32(p.o3_8h);
        self.f32(p.o3_max_1h);
        self.f32(p.o3_max_8h);
    }
    fn air(&mut self, ds: &AirDataset) {
        self.u8(u8::from(ds.sample));
        self.str(&ds.source);
        self.size(ds.stations.len());
        for s in &ds.stations {
            self.str(&s.code);
            self.str(&s.name);
            self.f64(s.lon);
            self.f64(s.lat);
            self.u8(u8::from(s.is_reference));
        }
        self.size(ds.rows.len());
        for row in &ds.rows {
            self.u16(row.station);
            self.hour(row.hour);
            for v in row.c {
                self.f64(v);
            }
            self.published(&row.published);
        }
        self.size(ds.daily.len());
        for day in &ds.daily {
            self.u16(day.station);
            self.date(day.date);
            for v in day.mean {
                self.f64(v);
            }
            self.f64(day.o3_max_1h);
            self.f64(day.o3_max_8h);
        }
        self.size(ds.skipped.len());
        for e in &ds.skipped {
            self.error(e);
        }
    }
}

impl Reader<'_> {
    fn six_f64(&mut self) -> Option<[Option<f64>; 6]> {
        let mut values = [None; 6];
        for v in &mut values {
            *v = self.f64()?;
        }
        Some(values)
    }
    fn published(&mut self) -> Option<Option<Published>> {
        self.option(|r| {
            let aqi = r.option(Self::u16)?;
            let primary = r.option(|r| r.u8().map(PollutantSet))?;
            let mut mean_24h = [None; 6];
            for v in &mut mean_24h {
                *v = r.f32()?;
            }
            Some(Published {
                aqi,
                primary,
                mean_24h,
                o3_8h: r.f32()?,
                o3_max_1h: r.f32()?,
                o3_max_8h: r.f32()?,
            })
        })
    }
    fn air(&mut self) -> Option<AirDataset> {
        let sample = self.bool()?;
        let source = self.str()?;
        let stations = self.list(19, |r| {
            Some(Station {
                code: r.str()?,
                name: r.str()?,
                lon: r.f64()?,
                lat: r.f64()?,
                is_reference: r.bool()?,
            })
        })?;
        let rows = self.list(17, |r| {
            Some(HourlyRow {
                station: r.u16()?,
                hour: r.hour()?,
                c: r.six_f64()?,
                published: r.published()?,
            })
        })?;
        let daily = self.list(16, |r| {
            Some(DailyRow {
                station: r.u16()?,
                date: r.date()?,
                mean: r.six_f64()?,
                o3_max_1h: r.f64()?,
                o3_max_8h: r.f64()?,
            })
        })?;
        let skipped = self.list(24, |r| r.error())?;
        Some(AirDataset {
            sample,
            source,
            stations,
            rows,
            daily,
            skipped,
        })
    }
}

#[cfg(test)]
#[path = "air_tests.rs"]
mod tests;
