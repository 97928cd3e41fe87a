//! Conversion of any air feed the site reads into `cc-air-json` (see `FORMAT.md`), for files of
//! one format, so that a site whose `air.latest` is CNEMC's CSV can publish the one format the
//! widget reads (`widget.air_latest`), or a smaller mirror for the site itself. The `ccdata`
//! tool (`ccdata/`) does the same per file with each file's detected format.
//! Rows are merged as the site merges them (HJ 633 needs nothing more: no value is changed).

use crate::air::feeds::{parse_air_feed, write_cc_air_json, CcJsonMeta};
use crate::air::{merge, DataNote};
use crate::config::FeedFormat;
use crate::time::Hour;
use crate::FeedError;

/// A file that could not be read as the given format.
#[derive(Debug, Clone, PartialEq)]
pub struct ConvertError {
    /// The file's name as given.
    pub file: String,
    pub error: FeedError,
}

impl std::fmt::Display for ConvertError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let e = &self.error;
        match (e.line, e.column) {
            (0, _) => write!(f, "{}: {}", self.file, e.message),
            (l, 0) => write!(f, "{}:{l}: {}", self.file, e.message),
            (l, c) => write!(f, "{}:{l}:{c}: {}", self.file, e.message),
        }
    }
}

/// Parses `files` (name, text) as `format`, merges them in order (later rows win) and writes
/// cc-air-json stamped `generated_at`. Rows after `generated_at` are dropped and, like
/// duplicates and disorder, come back as notes.
pub fn to_cc_air_json(
    format: FeedFormat,
    files: &[(String, String)],
    openaq_station: &str,
    generated_at: Hour,
) -> Result<(String, Vec<DataNote>), ConvertError> {
    let mut datasets = Vec::with_capacity(files.len());
    for (name, text) in files {
        let dataset =
            parse_air_feed(format, text, openaq_station).map_err(|error| ConvertError {
                file: name.clone(),
                error,
            })?;
        datasets.push(dataset);
    }
    let (dataset, notes) = merge(datasets, Some(generated_at));
    Ok((
        write_cc_air_json(&dataset, &CcJsonMeta { generated_at }),
        notes,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::air::{parse_cc_air_json, station_hourly};
    use crate::time::Date;

    fn quotsoft() -> (String, String) {
        let name = "quotsoft_sites_20210105.csv".to_string();
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/air/quotsoft_sites_20210105.csv"
        );
        (name, std::fs::read_to_string(path).expect("fixture"))
    }

    #[test]
    fn a_csv_feed_becomes_cc_air_json_with_the_same_hourly_aqi() {
        let now = Date::new(2021, 1, 6).unwrap().at_hour(0);
        let file = quotsoft();
        let direct = parse_air_feed(FeedFormat::QuotsoftSitesCsv, &file.1, "x").unwrap();
        let (json, _notes) =
            to_cc_air_json(FeedFormat::QuotsoftSitesCsv, &[file], "x", now).unwrap();
        let back = parse_cc_air_json(&json).expect("our own output parses");
        assert!(!back.rows.is_empty());
        assert_eq!(back.rows.len(), direct.rows.len());
        let aqi = |ds| {
            station_hourly(&ds)
                .into_iter()
                .map(|h| (h.hour, h.assessment.outcome.ok().map(|a| a.value)))
                .collect::<Vec<_>>()
        };
        assert_eq!(aqi(back), aqi(direct));
    }

    #[test]
    fn a_bad_file_is_named_with_its_position() {
        let good = quotsoft();
        let bad = (
            "broken.csv".to_string(),
            "date,hour,type\n20210105,x,PM2.5\n".to_string(),
        );
        let e = to_cc_air_json(
            FeedFormat::QuotsoftSitesCsv,
            &[good, bad],
            "x",
            Date::new(2021, 1, 6).unwrap().at_hour(0),
        )
        .expect_err("refused");
        assert_eq!(e.file, "broken.csv");
        assert!(e.to_string().starts_with("broken.csv:"), "{e}");
    }
}
