//! `quotsoft-sites-csv`: the wide daily station files of the quotsoft.net mirror of CNEMC data
//! (`china_sites_YYYYMMDD.csv`, header `date,hour,type,<station codes…>`), as quotsoft.net/air
//! and the public scripts that read it describe them. No real file was available: the tests use
//! layouts written from that description (core/tests/fixtures/air/).
//!
//! [`TYPES`] is the one place that says what each `type` row holds. It follows the PM25.in
//! API glossary (`O3` = 1-h mean, `O3_24h` = daily max 1-h, `O3_8h` = 8-h sliding mean,
//! `O3_8h_24h` = daily max 8-h). The raw CNEMC feed swaps the O3 pairs; if a real quotsoft
//! file turns out to carry that swap, exchange the targets of `O3`/`O3_24h` and
//! `O3_8h`/`O3_8h_24h` here.

use super::csv_reader::{number, CsvReader, Field};
use crate::air::dataset::{AirDataset, HourlyRow, Published, Station};
use crate::air::pollutant::Species;
use crate::time::Date;
use crate::FeedError;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Aqi,
    OneHour(Species),
    Mean24(Species),
    O3Max1h,
    O3Sliding8h,
    O3Max8h,
}

/// `type` value → meaning. Rows of other types are skipped.
const TYPES: [(&str, Kind); 15] = [
    ("AQI", Kind::Aqi),
    ("PM2.5", Kind::OneHour(Species::Pm25)),
    ("PM2.5_24h", Kind::Mean24(Species::Pm25)),
    ("PM10", Kind::OneHour(Species::Pm10)),
    ("PM10_24h", Kind::Mean24(Species::Pm10)),
    ("SO2", Kind::OneHour(Species::So2)),
    ("SO2_24h", Kind::Mean24(Species::So2)),
    ("NO2", Kind::OneHour(Species::No2)),
    ("NO2_24h", Kind::Mean24(Species::No2)),
    ("O3", Kind::OneHour(Species::O3)),
    ("O3_24h", Kind::O3Max1h),
    ("O3_8h", Kind::O3Sliding8h),
    ("O3_8h_24h", Kind::O3Max8h),
    ("CO", Kind::OneHour(Species::Co)),
    ("CO_24h", Kind::Mean24(Species::Co)),
];

/// Parses a quotsoft station file. When `stations` is non-empty only those station columns
/// are read (a national file has ~2,000) and their metadata is taken from the list; otherwise
/// every column is read with name = code.
pub fn parse_quotsoft_sites_csv(text: &str, stations: &[Station]) -> Result<AirDataset, FeedError> {
    let mut reader = CsvReader::new(text);
    let mut fields: Vec<Field<'_>> = Vec::new();
    let header_line = reader
        .next_record(&mut fields)?
        .ok_or_else(|| FeedError::whole("empty file: no header line"))?;
    let names: Vec<String> = fields.iter().map(|f| f.text.trim().to_string()).collect();
    if names.get(..3).is_none_or(|h| {
        !h.iter()
            .map(|s| s.to_ascii_lowercase())
            .eq(["date", "hour", "type"])
    }) {
        return Err(FeedError::at(
            header_line,
            1,
            "expected the header to start with date,hour,type",
        ));
    }
    let mut ds = AirDataset {
        source: "quotsoft.net (CNEMC mirror)".to_string(),
        ..Default::default()
    };
    // Column → station index.
    let mut columns: Vec<Option<u16>> = vec![None; names.len()];
    for (k, code) in names.iter().enumerate().skip(3) {
        let known = stations.iter().find(|s| &s.code == code);
        if !stations.is_empty() && known.is_none() {
            continue;
        }
        if ds.stations.iter().any(|s| &s.code == code) {
            let f = fields.get(k);
            return Err(FeedError::at(
                header_line,
                f.map_or(0, |f| f.column()),
                format!("duplicate station column \"{code}\""),
            ));
        }
        let st = known.cloned().unwrap_or(Station {
            code: code.clone(),
            name: code.clone(),
            lon: None,
            lat: None,
            is_reference: false,
        });
        if let Some(slot) = columns.get_mut(k) {
            *slot = u16::try_from(ds.stations.len()).ok();
        }
        ds.stations.push(st);
    }
    let mut slot: HashMap<(i64, u16), usize> = HashMap::new();
    let mut skipped = Vec::new();
    let mut read_any = false;
    while let Some(line) = reader.next_record_or_skip(&mut fields, &mut skipped) {
        if fields.len() != names.len() {
            skipped.push(FeedError::at(
                line,
                0,
                format!("expected {} fields, found {}", names.len(), fields.len()),
            ));
            continue;
        }
        let (Some(df), Some(hf), Some(tf)) = (fields.first(), fields.get(1), fields.get(2)) else {
            continue;
        };
        let stamp = match row_hour(df, hf) {
            Ok(stamp) => stamp,
            Err(e) => {
                skipped.push(e);
                continue;
            }
        };
        read_any = true;
        let Some(kind) = TYPES
            .iter()
            .find(|(n, _)| *n == tf.text.trim())
            .map(|(_, k)| *k)
        else {
            continue;
        };
        for (f, st) in fields.iter().zip(&columns).skip(3) {
            let Some(st) = *st else { continue };
            let v = match number(&f.text) {
                Ok(None) => continue,
                Ok(Some(v)) if v >= 0.0 => v,
                _ => {
                    // A bad value costs its cell only.
                    skipped.push(FeedError::at(
                        f.line,
                        f.column(),
                        format!("expected a non-negative number, found \"{}\"", f.text),
                    ));
                    continue;
                }
            };
            let i = *slot.entry((stamp.0, st)).or_insert_with(|| {
                ds.rows.push(HourlyRow {
                    station: st,
                    hour: stamp,
                    c: [None; 6],
                    published: None,
                });
                ds.rows.len() - 1
            });
            let Some(row) = ds.rows.get_mut(i) else {
                continue;
            };
            if let Kind::OneHour(s) = kind {
                if let Some(c) = row.c.get_mut(s.index()) {
                    *c = Some(v);
                }
                continue;
            }
            let p = row.published.get_or_insert_with(Published::default);
            match kind {
                Kind::Aqi => p.aqi = (v.fract() == 0.0 && v <= 500.0).then_some(v as u16),
                Kind::Mean24(s) => {
                    if let Some(m) = p.mean_24h.get_mut(s.index()) {
                        *m = Some(v as f32);
                    }
                }
                Kind::O3Max1h => p.o3_max_1h = Some(v as f32),
                Kind::O3Sliding8h => p.o3_8h = Some(v as f32),
                Kind::O3Max8h => p.o3_max_8h = Some(v as f32),
                Kind::OneHour(_) => {}
            }
        }
    }
    if !read_any {
        if let Some(first) = skipped.first() {
            return Err(FeedError::no_usable_row(first, skipped.len()));
        }
    }
    ds.skipped = skipped;
    Ok(ds)
}

/// The hour a data line is stamped with (`date` YYYYMMDD, `hour` 0–23).
fn row_hour(df: &Field<'_>, hf: &Field<'_>) -> Result<crate::time::Hour, FeedError> {
    let date = Date::parse(&df.text).ok_or_else(|| {
        FeedError::at(
            df.line,
            df.column(),
            format!("expected a date YYYYMMDD, found \"{}\"", df.text),
        )
    })?;
    let hour = hf
        .text
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|h| *h < 24)
        .ok_or_else(|| {
            FeedError::at(
                hf.line,
                hf.column(),
                format!("expected an hour 0–23, found \"{}\"", hf.text),
            )
        })?;
    Ok(date.at_hour(hour))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::air::stations;

    #[test]
    fn wide_rows_become_station_hours() {
        let t = "date,hour,type,1119A,9999A,1125A\n20210105,0,PM2.5,16,13,\n20210105,0,O3,40,1,41\n20210105,0,O3_24h,80,1,81\n20210105,0,AQI,23,1,\n20210105,1,PM2.5,,5,9\n";
        let ds = parse_quotsoft_sites_csv(t, &stations::changchun()).unwrap();
        assert_eq!(ds.stations.len(), 2);
        assert!(ds.stations[1].is_reference);
        let r = &ds.rows[0];
        assert_eq!(
            (r.get(Species::Pm25), r.get(Species::O3)),
            (Some(16.0), Some(40.0))
        );
        assert_eq!(r.published.unwrap().o3_max_1h, Some(80.0));
        assert_eq!(r.hour.to_param(), "2021-01-05T00:00");
        assert_eq!(ds.rows.len(), 3);
        let all = parse_quotsoft_sites_csv(t, &[]).unwrap();
        assert_eq!(all.stations[1].name, "9999A");
        let e =
            parse_quotsoft_sites_csv("date,hour,type,A\n20210105,24,PM2.5,1\n", &[]).unwrap_err();
        assert_eq!((e.line, e.column), (2, 10));
        assert!(e.message.starts_with("no usable row"), "{}", e.message);
    }

    #[test]
    fn a_bad_cell_or_line_is_skipped_and_named() {
        let t =
            "date,hour,type,A,B\n20210105,0,PM2.5,x,13\n2021015,0,PM10,1,2\n20210105,0,PM10,5,-1\n";
        let ds = parse_quotsoft_sites_csv(t, &[]).unwrap();
        let at: Vec<_> = ds.skipped.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(at, [(2, 18), (3, 1), (4, 19)]);
        let b = ds.rows.iter().find(|r| r.station == 1).unwrap();
        assert_eq!(
            (b.get(Species::Pm25), b.get(Species::Pm10)),
            (Some(13.0), None)
        );
        let a = ds.rows.iter().find(|r| r.station == 0).unwrap();
        assert_eq!(
            (a.get(Species::Pm25), a.get(Species::Pm10)),
            (None, Some(5.0))
        );
    }
}
