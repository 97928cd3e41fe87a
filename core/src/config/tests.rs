use super::*;
use crate::time::Date;

const BASE: &str = "http://127.0.0.1:8080/sthjj/env/config.json";

fn err(text: &str) -> ConfigError {
    parse_config(text, BASE).expect_err("config should be refused")
}

fn schema_key(e: &ConfigError) -> &str {
    match e {
        ConfigError::Schema { key, .. } => key,
        ConfigError::Syntax { .. } => panic!("expected a schema error, got {e:?}"),
    }
}

#[test]
fn reads_the_bundled_shape_and_resolves_urls() {
    let cfg = parse_config(
        r#"{
          "air": {
            "latest": {"format": "cc-air-json", "url": "data/sample/air-latest.json", "sample": true},
            "history": {"format": "cc-air-json", "urls": ["data/a.json", "/b.json"], "sample": true}
          },
          "water": {
            "sections": {"format": "cc-water-json", "url": "data/s.json"},
            "results": {"format": "cnemc-water-json", "url_template": "w/{date}.json", "days": 3}
          },
          "report": {"endpoint": "/open311/v2", "jurisdiction_id": "changchun.gov.cn",
                     "api_key": "cc-dev-key", "multipart_media": true},
          "widget": {"refresh_minutes": 5, "message_origins": ["https://www.changchun.gov.cn"]},
          "limits": {"max_feed_bytes": 5000000},
          "default_station": "1119A",
          "languages": ["zh", "en"]
        }"#,
        BASE,
    )
    .expect("valid config");
    let latest = cfg.air_latest.expect("air.latest");
    assert!(latest.sample);
    assert_eq!(latest.format, FeedFormat::CcAirJson);
    assert_eq!(
        latest.urls,
        SourceUrls::List(vec![
            "http://127.0.0.1:8080/sthjj/env/data/sample/air-latest.json".into()
        ])
    );
    let history = cfg.air_history.expect("air.history");
    assert_eq!(
        history.urls_for(Date::new(2021, 1, 1).unwrap()),
        vec![
            "http://127.0.0.1:8080/sthjj/env/data/a.json",
            "http://127.0.0.1:8080/b.json"
        ]
    );
    let results = cfg.water_results.expect("water.results");
    assert_eq!(
        results.urls_for(Date::new(2021, 3, 1).unwrap()),
        vec![
            "http://127.0.0.1:8080/sthjj/env/w/2021-02-27.json",
            "http://127.0.0.1:8080/sthjj/env/w/2021-02-28.json",
            "http://127.0.0.1:8080/sthjj/env/w/2021-03-01.json",
        ]
    );
    let report = cfg.report.expect("report");
    assert_eq!(report.endpoint, "http://127.0.0.1:8080/open311/v2");
    assert!(report.multipart_media);
    assert_eq!(
        report.retry,
        RetryPolicy::default(),
        "no report.retry: production timings"
    );
    assert_eq!(cfg.widget.refresh_minutes, 5);
    assert_eq!(cfg.max_feed_bytes, 5_000_000);
    assert_eq!(cfg.default_station.as_deref(), Some("1119A"));
    assert!(cfg.unknown_keys.is_empty());
}

#[test]
fn an_empty_object_is_a_config_with_defaults() {
    let cfg = parse_config("{}", BASE).unwrap();
    assert_eq!(cfg.air_latest, None);
    assert_eq!(cfg.widget.refresh_minutes, 10);
    assert_eq!(cfg.max_feed_bytes, DEFAULT_MAX_FEED_BYTES);
    assert_eq!(cfg.languages, vec![Lang::Zh, Lang::En]);
}

#[test]
fn syntax_errors_carry_line_and_column_in_both_languages() {
    let e = err("{\n  \"air\": {,}\n}");
    let ConfigError::Syntax { line, column, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!((*line, *column), (2, 11));
    assert!(
        e.message(Lang::Zh).contains("第 2 行第 11 列"),
        "{}",
        e.message(Lang::Zh)
    );
    assert!(e.message(Lang::En).contains("line 2, column 11"));
}

#[test]
fn a_key_given_twice_is_a_syntax_error_at_the_second() {
    let e = err("{\n  \"languages\": [\"zh\"],\n  \"languages\": [\"en\"]\n}");
    let ConfigError::Syntax {
        line,
        column,
        detail,
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(
        (*line, *column, detail.as_str()),
        (3, 3, "duplicate field `languages`")
    );
}

#[test]
fn an_unknown_format_names_the_known_ones() {
    let e = err(r#"{"air": {"latest": {"format": "csv", "url": "x"}}}"#);
    assert_eq!(schema_key(&e), "air.latest.format");
    for (_, name) in FeedFormat::ALL {
        assert!(e.message(Lang::En).contains(name));
        assert!(e.message(Lang::Zh).contains(name));
    }
    assert!(e.message(Lang::Zh).contains("未知的数据格式“csv”"));
}

#[test]
fn schema_errors_name_the_key() {
    let cases = [
        (r#"[]"#, "(root)"),
        (r#"{"air": 3}"#, "air"),
        (
            r#"{"report": {"endpoint": "/o", "api_key": "k", "retry": []}}"#,
            "report.retry",
        ),
        (
            r#"{"report": {"endpoint": "/o", "api_key": "k", "retry": {"base_delay_ms": "1"}}}"#,
            "report.retry.base_delay_ms",
        ),
        (
            r#"{"report": {"endpoint": "/o", "api_key": "k", "retry": {"request_timeout_ms": 0}}}"#,
            "report.retry.request_timeout_ms",
        ),
        (r#"{"air": {"latest": {"url": "x"}}}"#, "air.latest.format"),
        (
            r#"{"air": {"latest": {"format": "cc-air-json"}}}"#,
            "air.latest",
        ),
        (
            r#"{"air": {"latest": {"format": "cc-water-json", "url": "x"}}}"#,
            "air.latest.format",
        ),
        (
            r#"{"water": {"results": {"format": "cc-air-json", "url": "x"}}}"#,
            "water.results.format",
        ),
        (
            r#"{"air": {"history": {"format": "cc-air-json", "urls": []}}}"#,
            "air.history.urls",
        ),
        (
            r#"{"air": {"history": {"format": "cc-air-json", "urls": [1]}}}"#,
            "air.history.urls[0]",
        ),
        (
            r#"{"air": {"latest": {"format": "cc-air-json", "url_template": "a.csv"}}}"#,
            "air.latest.url_template",
        ),
        (
            r#"{"air": {"latest": {"format": "cc-air-json", "url": "x", "sample": "yes"}}}"#,
            "air.latest.sample",
        ),
        (r#"{"report": {"endpoint": "/o"}}"#, "report.api_key"),
        (
            r#"{"widget": {"refresh_minutes": 0}}"#,
            "widget.refresh_minutes",
        ),
        (
            r#"{"widget": {"refresh_minutes": 2.5}}"#,
            "widget.refresh_minutes",
        ),
        (
            r#"{"limits": {"max_feed_bytes": -1}}"#,
            "limits.max_feed_bytes",
        ),
        (r#"{"languages": ["zh", "fr"]}"#, "languages[1]"),
        (r#"{"languages": []}"#, "languages"),
        (r#"{"default_station": 1119}"#, "default_station"),
    ];
    for (text, key) in cases {
        let e = err(text);
        assert_eq!(schema_key(&e), key, "for {text}");
        assert!(e.message(Lang::Zh).contains(key) && e.message(Lang::En).contains(key));
    }
}

#[test]
fn unknown_keys_are_reported_not_fatal() {
    let cfg = parse_config(
        r#"{"air": {"lastest": {}}, "colour": "red", "widget": {"refresh": 5}}"#,
        BASE,
    )
    .unwrap();
    assert_eq!(
        cfg.unknown_keys,
        vec![
            "colour".to_string(),
            "air.lastest".to_string(),
            "widget.refresh".to_string()
        ]
    );
}

#[test]
fn the_widget_has_its_own_air_source_or_falls_back_to_air_latest() {
    let own = parse_config(
        r#"{"air": {"latest": {"format": "cnemc-hourly-csv", "url": "a.csv"}},
            "widget": {"air_latest": {"format": "cc-air-json", "url": "w/air.json"}}}"#,
        BASE,
    )
    .unwrap();
    let (key, source) = own.widget_air_source().expect("widget.air_latest");
    assert_eq!(key, "widget.air_latest");
    assert_eq!(source.format, FeedFormat::CcAirJson);
    assert_eq!(
        source.urls,
        SourceUrls::List(vec!["http://127.0.0.1:8080/sthjj/env/w/air.json".into()])
    );
    let shared = parse_config(
        r#"{"air": {"latest": {"format": "cnemc-hourly-csv", "url": "a.csv"}}}"#,
        BASE,
    )
    .unwrap();
    assert_eq!(
        shared.widget_air_source().map(|(key, s)| (key, s.format)),
        Some(("air.latest", FeedFormat::CnemcHourlyCsv))
    );
    let e = err(r#"{"widget": {"air_latest": {"format": "cc-water-json", "url": "x"}}}"#);
    assert_eq!(schema_key(&e), "widget.air_latest.format");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    assert!(parse_config("\u{feff}{}", BASE).is_ok());
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(500))]
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = parse_config(&text, BASE);
    }

    #[test]
    fn arbitrary_json_values_never_panic(text in r#"\{("(air|water|report|widget|limits|languages|latest|format|url|urls)": ?(\{|\[|"[a-z\-{}]*"|[0-9]+|true|null),? ?){0,8}\}?\]?\}?"#) {
        if let Err(ConfigError::Syntax { line, .. }) = parse_config(&text, BASE) {
            proptest::prop_assert!(line >= 1);
        }
    }
}

#[test]
fn report_retry_overrides_the_timings_it_names() {
    let cfg = parse_config(
        r#"{"report": {"endpoint": "/o", "api_key": "k",
                       "retry": {"base_delay_ms": 300, "request_timeout_ms": 3000}}}"#,
        BASE,
    )
    .unwrap();
    let retry = cfg.report.unwrap().retry;
    assert_eq!((retry.base_delay_ms, retry.request_timeout_ms), (300, 3000));
    assert_eq!(retry.max_delay_ms, RetryPolicy::default().max_delay_ms);
}

#[test]
fn the_forecast_and_alerts_sources_take_their_own_formats_only() {
    let cfg = parse_config(
        r#"{"air": {"forecast": {"format": "cc-forecast-json", "url": "data/forecast.json"}}}"#,
        BASE,
    )
    .expect("valid config");
    let forecast = cfg.air_forecast.expect("air.forecast");
    assert_eq!(forecast.format, FeedFormat::CcForecastJson);
    assert!(cfg.unknown_keys.is_empty());
    let e = err(r#"{"air": {"forecast": {"format": "cc-air-json", "url": "x"}}}"#);
    assert_eq!(schema_key(&e), "air.forecast.format");
    assert_eq!(
        e.message(Lang::Zh),
        "config.json 中的“air.forecast.format”有误：格式“cc-air-json”不是空气质量预报数据"
    );
    let cfg = parse_config(
        r#"{"air": {"alerts": {"format": "cc-alerts-json", "url": "data/alerts.json"}}}"#,
        BASE,
    )
    .expect("valid config");
    assert_eq!(
        cfg.air_alerts.map(|s| s.format),
        Some(FeedFormat::CcAlertsJson)
    );
    let e = err(r#"{"air": {"alerts": {"format": "cc-forecast-json", "url": "x"}}}"#);
    assert_eq!(
        e.message(Lang::En),
        "config.json key \"air.alerts.format\" is wrong: format \"cc-forecast-json\" does not carry heavy-pollution warning data"
    );
    let e = err(r#"{"air": {"latest": {"format": "cc-forecast-json", "url": "x"}}}"#);
    assert_eq!(
        e.message(Lang::En),
        "config.json key \"air.latest.format\" is wrong: format \"cc-forecast-json\" does not carry air data"
    );
}
