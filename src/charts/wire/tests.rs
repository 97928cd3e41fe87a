use super::*;

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

/// One chart of every kind, with gaps, absent parts and non-ASCII text where it has them.
fn every_kind() -> Vec<Chart> {
    let hours = vec![
        (Hour(490_000), Some(42)),
        (Hour(490_001), None),
        (Hour(490_003), Some(301)),
    ];
    let later = hours[1..].to_vec();
    let days = vec![(date(2021, 1, 1), Some(35)), (date(2021, 1, 2), None)];
    let mut months = [None; 12];
    months[0] = Some(WaterClass::I);
    months[6] = Some(WaterClass::WorseThanV);
    vec![
        Chart::HourlyAqi(HourlyAqi {
            city: hours.clone(),
            station: None,
        }),
        Chart::HourlyAqi(HourlyAqi {
            city: hours.clone(),
            station: Some(StationLine {
                name: "食品厂".into(),
                values: later,
            }),
        }),
        Chart::DailyAqi(DailyAqi { days: days.clone() }),
        Chart::DailyAqi(DailyAqi { days: Vec::new() }),
        Chart::AqiCalendar(AqiCalendar {
            year: 2021,
            days: days.clone(),
            good: GoodDays {
                good: 327,
                valid: 364,
                total: 365,
                rate_percent: Some(89.8),
            },
        }),
        Chart::AqiCalendar(AqiCalendar {
            year: 2021,
            days: Vec::new(),
            good: GoodDays {
                good: 0,
                valid: 0,
                total: 0,
                rate_percent: None,
            },
        }),
        Chart::CountBars(CountBars {
            what: "类别".into(),
            caption: "按类别".into(),
            bars: vec![("大气".into(), 12), ("噪声".into(), 0)],
        }),
        Chart::WaterClassSteps(WaterClassSteps {
            year: 2021,
            section: "松花江村".into(),
            months,
        }),
        Chart::IndicatorSeries(IndicatorSeries {
            indicator: Indicator::TotalPhosphorus,
            body: WaterBody::LakeReservoir,
            section: "新立城水库".into(),
            points: vec![(date(2021, 3, 1), 0.025), (date(2021, 4, 1), -0.0)],
        }),
    ]
}

#[test]
fn every_chart_comes_back_as_it_went_in_both_languages() {
    for chart in every_kind() {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(decode(&encode(&chart, lang)), Some((chart.clone(), lang)));
        }
    }
}

#[test]
fn every_water_class_and_indicator_survives() {
    for class in WaterClass::ALL {
        let chart = Chart::WaterClassSteps(WaterClassSteps {
            year: 2021,
            section: String::new(),
            months: [Some(class); 12],
        });
        assert_eq!(decode(&encode(&chart, Lang::Zh)), Some((chart, Lang::Zh)));
    }
    for indicator in Indicator::ALL {
        let chart = Chart::IndicatorSeries(IndicatorSeries {
            indicator,
            body: WaterBody::River,
            section: String::new(),
            points: Vec::new(),
        });
        assert_eq!(decode(&encode(&chart, Lang::En)), Some((chart, Lang::En)));
    }
}

#[test]
fn a_cut_lengthened_or_foreign_answer_is_no_chart() {
    for chart in every_kind() {
        let bytes = encode(&chart, Lang::Zh);
        for end in 0..bytes.len() {
            assert_eq!(decode(&bytes[..end]), None, "{chart:?} cut at {end}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), None);
    }
    let mut other_tag = encode(&every_kind()[0], Lang::Zh);
    other_tag[3] = b'9';
    assert_eq!(decode(&other_tag), None);
    let mut unknown_kind = encode(&every_kind()[0], Lang::Zh);
    unknown_kind[5] = 6;
    assert_eq!(decode(&unknown_kind), None);
    // A count far beyond the bytes left reserves nothing and fails.
    let mut huge = b"ccc1\x00\x01".to_vec();
    huge.extend_from_slice(&u64::MAX.to_le_bytes());
    assert_eq!(decode(&huge), None);
}
