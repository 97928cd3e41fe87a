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
    assert!(parse_cc_air_json(&text.replace("[12,12,null,12]", "[12,-1,null,12]")).is_err());
    assert!(parse_cc_air_json("").unwrap_err().line >= 1);
}
