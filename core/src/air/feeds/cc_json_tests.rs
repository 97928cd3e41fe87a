use super::*;
use crate::air::stations;

fn small() -> AirDataset {
    let mut ds = AirDataset {
        sample: true,
        source: "test \"quoted\"".into(),
        stations: stations::changchun(),
        ..Default::default()
    };
    let h = Hour::parse("2021-01-01T01:00").unwrap();
    for k in [0i64, 1, 3] {
        ds.rows.push(HourlyRow {
            station: 6,
            hour: Hour(h.0 + k),
            c: [
                Some(12.0),
                Some(30.0),
                None,
                Some(20.0),
                Some(0.6),
                Some(55.0),
            ],
            published: None,
        });
    }
    ds
}

#[test]
fn writes_and_reads_back() {
    let ds = small();
    let text = write_cc_air_json(
        &ds,
        &CcJsonMeta {
            generated_at: Hour::parse("2021-01-02T00:00").unwrap(),
        },
    );
    assert!(text.contains("\"sample\":true"));
    assert!(text.contains("\"pm25\":[12,12,null,12]"), "{text}");
    assert!(text.contains("\"co\":[0.6,0.6,null,0.6]"));
    let back = parse_cc_air_json(&text).unwrap();
    assert!(back.sample);
    assert_eq!(back.stations, ds.stations);
    assert_eq!(back.rows, ds.rows);
    assert_eq!(back.source, ds.source);
}

#[test]
fn errors_carry_positions() {
    let ds = small();
    let text = write_cc_air_json(
        &ds,
        &CcJsonMeta {
            generated_at: Hour(0),
        },
    );
    let bad = text.replace("\"o3\":[55,55,null,55]", "\"o3\":[55,55,null]");
    let e = parse_cc_air_json(&bad).unwrap_err();
    assert!(
        e.line > 1 && e.message.contains("\"o3\" has 3 values"),
        "{e}"
    );
    let e = parse_cc_air_json(&text.replace("mg/m³", "ppm")).unwrap_err();
    assert_eq!(e.line, 2, "{e}");
    let e = parse_cc_air_json(&text.replace("cc-air-json", "other")).unwrap_err();
    assert_eq!(e.line, 1);
    assert!(parse_cc_air_json("").unwrap_err().line >= 1);
}

#[test]
fn a_bad_value_costs_that_value_and_a_bad_series_that_series() {
    let mut ds = small();
    let mut other = ds.rows.clone();
    for r in &mut other {
        r.station = 0;
    }
    ds.rows.extend(other);
    let text = write_cc_air_json(
        &ds,
        &CcJsonMeta {
            generated_at: Hour(0),
        },
    )
    .replace("\"hourly\":[", "\"hourly\":[\n");
    // The first series' second PM2.5 value: negative, then a string.
    for junk in ["-1", "\"12\""] {
        let bad = text.replacen("[12,12,null,12]", &format!("[12,{junk},null,12]"), 1);
        let back = parse_cc_air_json(&bad).unwrap();
        assert_eq!(back.rows.len(), ds.rows.len());
        let changed: Vec<_> = back.rows.iter().filter(|r| !ds.rows.contains(r)).collect();
        assert_eq!(changed.len(), 1, "only one row changes");
        assert_eq!(changed[0].get(Species::Pm25), None);
        assert_eq!(changed[0].get(Species::Pm10), Some(30.0));
        let [e] = &back.skipped[..] else {
            panic!("{:?}", back.skipped)
        };
        assert!(
            e.line > 1 && e.message.contains("value 1 of \"pm25\""),
            "{e}"
        );
    }
    // A series with a bad start costs that series; the other is read.
    let bad = text.replacen("\"start\":\"2021-01-01T01:00\"", "\"start\":\"soon\"", 1);
    let back = parse_cc_air_json(&bad).unwrap();
    assert_eq!(back.rows.len(), ds.rows.len() / 2);
    assert!(
        back.skipped[0].message.contains("soon"),
        "{:?}",
        back.skipped
    );
}
