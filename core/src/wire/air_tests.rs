use super::{decode_air, encode_air};
use crate::air::feeds::{parse_cnemc_hourly_csv, parse_openaq_v3_json, parse_quotsoft_sites_csv};
use crate::air::{AirDataset, Published};
use crate::FeedError;

const QUOTSOFT: &str = include_str!("../../tests/fixtures/air/quotsoft_sites_20210105.csv");
const OPENAQ_DAYS: &str = include_str!("../../tests/fixtures/air/openaq_days.json");

/// A dataset holding every kind of value: published fields (set, empty and absent), daily rows,
/// skipped cells with positions, Chinese text, missing coordinates.
fn everything() -> AirDataset {
    let mut ds = crate::air::sample::generate_2021();
    ds.rows.truncate(500);
    ds.sample = true;
    ds.source = "长春 \"示例\"".to_string();
    ds.stations[1].lon = None;
    ds.rows[3].published = Some(Published {
        aqi: Some(77),
        primary: Some(crate::air::PollutantSet(0b101)),
        mean_24h: [
            Some(1.5),
            None,
            Some(0.0),
            None,
            Some(-2.25),
            Some(f32::MAX),
        ],
        o3_8h: Some(81.0),
        o3_max_1h: None,
        o3_max_8h: Some(99.5),
    });
    ds.rows[4].published = Some(Published::default());
    let stations = crate::air::stations::changchun();
    let days = parse_openaq_v3_json(OPENAQ_DAYS, "1119A", &stations).unwrap();
    assert!(!days.daily.is_empty());
    ds.daily = days.daily;
    ds.skipped = vec![
        FeedError::at(57, 4, "expected a number in column \"pm10\", found \"—\""),
        FeedError::whole(""),
    ];
    ds
}

#[test]
fn a_dataset_comes_back_as_it_went() {
    let ds = everything();
    assert_eq!(decode_air(&encode_air(&Ok(ds.clone()))), Ok(ds));
    let csv = crate::air::sample::cnemc_csv_2021();
    let cut = csv[..200_000].rfind('\n').unwrap();
    let year = parse_cnemc_hourly_csv(&csv[..cut]).unwrap();
    assert_eq!(decode_air(&encode_air(&Ok(year.clone()))), Ok(year));
    let stations = crate::air::stations::changchun();
    let quotsoft = parse_quotsoft_sites_csv(QUOTSOFT, &stations).unwrap();
    assert!(quotsoft.rows.iter().any(|r| r.published.is_some()));
    assert_eq!(decode_air(&encode_air(&Ok(quotsoft.clone()))), Ok(quotsoft));
    assert_eq!(
        decode_air(&encode_air(&Ok(AirDataset::default()))),
        Ok(AirDataset::default())
    );
}

#[test]
fn an_error_comes_back_with_its_position() {
    let error = parse_cnemc_hourly_csv("timepoint,stationcode\n2021,x,y\n").unwrap_err();
    assert_ne!(error.line, 0);
    assert_eq!(decode_air(&encode_air(&Err(error.clone()))), Err(error));
}

/// A cut, lengthened or altered answer is an error about the whole answer, never a panic or a
/// wrong dataset.
#[test]
fn a_damaged_answer_is_an_error() {
    let bytes = encode_air(&Ok(everything()));
    let whole = |r: Result<AirDataset, FeedError>| {
        let e = r.unwrap_err();
        assert_eq!((e.line, e.column), (0, 0));
        assert!(e.message.contains("not whole"), "{}", e.message);
    };
    for cut in (0..bytes.len()).step_by(7) {
        whole(decode_air(&bytes[..cut]));
    }
    let mut longer = bytes.clone();
    longer.push(0);
    whole(decode_air(&longer));
    let mut retagged = bytes.clone();
    retagged[3] = b'0';
    whole(decode_air(&retagged));
    // A count far beyond the answer (the station count follows the tag, outcome, sample flag and
    // source) reserves nothing.
    let mut counted = bytes.clone();
    let at = 4 + 1 + 1 + 8 + "长春 \"示例\"".len();
    counted[at..at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
    whole(decode_air(&counted));
    let mut state = 7u32;
    for _ in 0..2000 {
        let mut noisy = bytes.clone();
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let i = state as usize % noisy.len();
        noisy[i] ^= 0x80 | (state >> 24) as u8;
        let _ = decode_air(&noisy);
    }
}
