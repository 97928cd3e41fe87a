use super::*;

fn doc(days: &str) -> String {
    format!(
        r#"{{"format":"cc-forecast-json","version":1,"issuer":"长春市生态环境监测中心",
            "issued_at":"2022-01-01T16:00+08:00","days":[{days}]}}"#
    )
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn at(text: &str) -> Minute {
    Minute::parse_iso(text).unwrap()
}

#[test]
fn levels_follow_the_aqi_range_and_days_come_in_date_order() {
    let f = parse_cc_forecast_json(&doc(
        r#"{"date":"2022-01-03","aqi":[70,110],"primary":["PM2.5","PM10"],"text":" 扩散条件转差 "},
           {"date":"2022-01-02","aqi":[55,75],"level":2,"primary":["细颗粒物(PM2.5)"]},
           {"date":"2022-01-04","aqi":[30,50]}"#,
    ))
    .unwrap();
    assert_eq!(f.issuer, "长春市生态环境监测中心");
    assert_eq!(f.issued_at, at("2022-01-01T16:00"));
    assert!(!f.sample);
    assert_eq!(f.skipped, vec![]);
    let dates: Vec<String> = f.days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(dates, ["2022-01-02", "2022-01-03", "2022-01-04"]);
    assert_eq!(f.days[0].levels, (Level::L2, Level::L2));
    // 110 is in 101–150: 良 to 轻度污染.
    assert_eq!(f.days[1].levels, (Level::L2, Level::L3));
    assert_eq!(f.days[2].levels, (Level::L1, Level::L1));
    assert_eq!(f.days[1].primary.text(Lang::En), "PM10, PM2.5");
    assert_eq!(f.days[1].text.as_deref(), Some("扩散条件转差"));
    assert_eq!(f.days[1].level_words(Lang::Zh), "良至轻度污染");
    assert_eq!(f.days[1].level_words(Lang::En), "Good to lightly polluted");
    assert_eq!(f.days[0].aqi_text().as_deref(), Some("55–75"));
}

#[test]
fn a_level_range_alone_is_read_and_a_contradicting_level_gives_way_to_the_aqi() {
    let f = parse_cc_forecast_json(&doc(r#"{"date":"2022-01-02","level":[2,3]},
           {"date":"2022-01-03","aqi":[120,140],"level":2}"#))
    .unwrap();
    assert_eq!(f.days[0].aqi, None);
    assert_eq!(f.days[0].levels, (Level::L2, Level::L3));
    assert_eq!(f.days[0].aqi_text(), None);
    assert_eq!(f.days[1].levels, (Level::L3, Level::L3));
    assert_eq!(f.skipped.len(), 1);
    assert!(f.skipped[0]
        .message
        .starts_with("days[1].level: does not match"));
}

#[test]
fn a_bad_day_costs_that_day_and_a_bad_cell_that_cell() {
    let f = parse_cc_forecast_json(&doc(r#"{"date":"2022-01-02","aqi":[80,60]},
           {"date":"2022-01-03","aqi":[40,60],"primary":["PM2.5","沙尘"],"text":5},
           "2022-01-04",
           {"date":"2022-13-01","aqi":[40,60]},
           {"date":"2022-01-05"},
           {"date":"2022-01-03","aqi":[10,20]}"#))
    .unwrap();
    assert_eq!(f.days.len(), 1);
    assert_eq!(f.days[0].primary.text(Lang::En), "PM2.5");
    assert_eq!(f.days[0].text, None);
    let messages: Vec<&str> = f.skipped.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "days[0].aqi: expected [low, high], whole numbers 0–500, low ≤ high",
            "days[1].primary[1]: not a pollutant name (PM2.5, PM10, O3_8h, NO2, SO2, CO …)",
            "days[1].text: expected a text",
            "days[2]: expected an object {…}",
            "days[3].date: expected a date like 2022-01-01",
            "days[4].aqi: a day needs an AQI range or a level",
            "days[5].date: 2022-01-03 is forecast twice; the first is kept",
        ]
    );
}

#[test]
fn at_most_seven_days() {
    let days: Vec<String> = (1..=9)
        .map(|d| format!(r#"{{"date":"2022-01-{d:02}","aqi":[40,60]}}"#))
        .collect();
    let f = parse_cc_forecast_json(&doc(&days.join(","))).unwrap();
    assert_eq!(f.days.len(), MAX_DAYS);
    assert_eq!(f.skipped.len(), 2);
    assert_eq!(
        f.skipped[0].message,
        "days[7]: a forecast holds at most 7 days"
    );
}

#[test]
fn the_header_must_be_right() {
    let cases = [
        ("[]", "expected a JSON object {…}"),
        (
            r#"{"format":"cc-air-json"}"#,
            "format: expected \"cc-forecast-json\", found \"cc-air-json\"",
        ),
        (
            r#"{"format":"cc-forecast-json","version":2}"#,
            "version: expected 1",
        ),
        (
            r#"{"format":"cc-forecast-json","version":1,"issuer":" "}"#,
            "issuer: expected the issuer's name",
        ),
        (
            r#"{"format":"cc-forecast-json","version":1,"issuer":"x","issued_at":"tomorrow"}"#,
            "issued_at: expected a time like 2021-12-31T16:00+08:00",
        ),
        (
            r#"{"format":"cc-forecast-json","version":1,"issuer":"x","issued_at":"2022-01-01T16:00"}"#,
            "days: expected an array [{…}, …]",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(
            parse_cc_forecast_json(text).unwrap_err().message,
            message,
            "{text}"
        );
    }
    let syntax = parse_cc_forecast_json("{\n  \"format\": }").unwrap_err();
    assert_eq!((syntax.line, syntax.column), (2, 13));
    let none_usable = parse_cc_forecast_json(&doc(r#"{"date":"x"},{"aqi":1}"#)).unwrap_err();
    assert_eq!(
        none_usable.message,
        "no usable row: days[0].date: expected a date like 2022-01-01 (and 1 more problems)"
    );
}

#[test]
fn only_a_fresh_forecast_of_today_on_is_shown() {
    let f = parse_cc_forecast_json(&doc(
        r#"{"date":"2022-01-01","aqi":[40,60]},{"date":"2022-01-02","aqi":[55,75]},
           {"date":"2022-01-03","aqi":[70,110]}"#,
    ))
    .unwrap();
    let issued = at("2022-01-01T16:00");
    let shown = |now: &str| current_days(&f, at(now)).map(|d| d.first().map(|d| d.date));
    assert_eq!(shown("2022-01-01T20:00"), Ok(Some(date("2022-01-01"))));
    assert_eq!(shown("2022-01-02T09:00"), Ok(Some(date("2022-01-02"))));
    // 36 hours exactly is still fresh; a minute more is not.
    assert_eq!(shown("2022-01-03T04:00"), Ok(Some(date("2022-01-03"))));
    assert_eq!(
        shown("2022-01-03T04:01"),
        Err(NoForecast::Stale { issued_at: issued })
    );
    let empty = parse_cc_forecast_json(&doc("")).unwrap();
    assert_eq!(current_days(&empty, issued), Err(NoForecast::Empty));
    let yesterday_only =
        parse_cc_forecast_json(&doc(r#"{"date":"2021-12-31","aqi":[40,60]}"#)).unwrap();
    assert_eq!(
        current_days(&yesterday_only, issued),
        Err(NoForecast::Past { issued_at: issued })
    );
}

#[test]
fn days_are_named_as_people_say_them() {
    let today = date("2021-12-31");
    let name = |d: &str, lang| {
        ForecastDay {
            date: date(d),
            aqi: None,
            levels: (Level::L1, Level::L1),
            primary: PollutantSet::EMPTY,
            text: None,
            text_en: None,
        }
        .day_name(today, lang)
    };
    assert_eq!(name("2021-12-31", Lang::Zh), "今天");
    assert_eq!(name("2022-01-01", Lang::Zh), "明天");
    assert_eq!(name("2022-01-01", Lang::En), "Tomorrow");
    assert_eq!(name("2022-01-02", Lang::Zh), "后天");
    // 2022-01-02 was a Sunday, 2022-01-03 a Monday.
    assert_eq!(name("2022-01-02", Lang::En), "Sun 2 Jan");
    assert_eq!(name("2022-01-03", Lang::Zh), "1月3日 周一");
}

#[test]
fn the_sample_forecast_reads_back_as_written() {
    let sample = crate::air::sample::forecast();
    let text = write_cc_forecast_json(&sample);
    assert_eq!(parse_cc_forecast_json(&text), Ok(sample.clone()));
    assert!(text.contains("\"sample\": true"));
    assert_eq!(sample.issued_at.to_iso(), "2021-12-31T16:00:00+08:00");
    // Issued at 16:00 on 31 December: fresh until 04:00 on 2 January, then stale.
    assert!(current_days(&sample, at("2022-01-02T04:00")).is_ok());
    assert!(current_days(&sample, at("2026-12-06T12:00")).is_err());
    let level_only = Forecast {
        days: vec![ForecastDay {
            aqi: None,
            ..sample.days[0].clone()
        }],
        ..sample
    };
    assert_eq!(
        parse_cc_forecast_json(&write_cc_forecast_json(&level_only)),
        Ok(level_only)
    );
}

#[test]
fn the_reason_is_said_in_both_languages() {
    let issued_at = at("2021-12-31T17:00");
    assert_eq!(
        NoForecast::Stale { issued_at }.message(Lang::Zh),
        "暂无预报：最新预报发布于 2021-12-31 17:00（北京时间），已超过 36 小时。"
    );
    assert_eq!(
        NoForecast::NotConfigured.message(Lang::En),
        "No forecast available: this site has no air-quality forecast source."
    );
    assert_eq!(
        NoForecast::ConfigUnusable.message(Lang::Zh),
        "暂无预报：站点配置有误，无法找到预报。"
    );
}
