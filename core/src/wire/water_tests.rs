use super::{decode_water_auto, encode_water_auto};
use crate::time::Hour;
use crate::water::feeds::cnemc_json::parse_cnemc;

const JILIN: &str = include_str!("../../tests/fixtures/water/cnemc-realtime-jilin.json");

fn fetched() -> Hour {
    Hour::parse("2022-01-02T09:00").unwrap()
}

#[test]
fn readings_come_back_as_they_went() {
    let feed = parse_cnemc(JILIN, fetched()).unwrap();
    assert!(!feed.readings.is_empty());
    assert!(feed.readings.iter().any(|r| !r.values.is_empty()));
    assert!(!feed.units.is_empty());
    let mut feed = feed;
    feed.readings[0].reported_class = Some(crate::water::class::WaterClass::WorseThanV);
    feed.readings[0].time = None;
    feed.readings[0].not_detected = vec![(crate::water::limits::Indicator::Ammonia, 0.025)];
    feed.skipped = vec![crate::FeedError::at(3, 17, "不是数字")];
    let back = decode_water_auto(&encode_water_auto(&Ok(feed.clone())));
    assert_eq!(
        back.map(|f| (f.readings, f.units, f.skipped)),
        Ok((feed.readings, feed.units, feed.skipped))
    );
}

#[test]
fn an_error_comes_back_with_its_position() {
    let error = parse_cnemc("{\"thead\": [1,", fetched()).unwrap_err();
    let back = decode_water_auto(&encode_water_auto(&Err(error.clone())));
    assert_eq!(back.map(|f| f.readings), Err(error));
}

#[test]
fn a_cut_answer_is_an_error() {
    let bytes = encode_water_auto(&parse_cnemc(JILIN, fetched()));
    for cut in 0..bytes.len() {
        let e = decode_water_auto(&bytes[..cut])
            .map(|f| f.readings)
            .unwrap_err();
        assert!(e.message.contains("not whole"), "{}", e.message);
    }
}
