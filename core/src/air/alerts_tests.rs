use super::*;

fn at(text: &str) -> Minute {
    Minute::parse_iso(text).unwrap()
}

fn doc(alerts: &str) -> String {
    format!(r#"{{"format":"cc-alerts-json","version":1,"alerts":[{alerts}]}}"#)
}

const ORANGE: &str = r#"{"level":"orange","issuer":"长春市重污染天气应急指挥部",
    "issued":"2021-10-26T16:00+08:00","starts":"2021-10-26T20:00","ends":"2021-10-30T00:00",
    "headline":"长春市启动重污染天气橙色预警","measures":["机动车限行"," 停止室外大型活动 "],
    "url":"https://sthjj.changchun.gov.cn/yj/1.html"}"#;

#[test]
fn a_warning_is_read_with_its_measures() {
    let a = parse_cc_alerts_json(&doc(ORANGE)).unwrap();
    assert!(!a.sample);
    assert_eq!(a.skipped, vec![]);
    let w = &a.alerts[0];
    assert_eq!(w.level, AlertLevel::Orange);
    assert_eq!(w.measures, ["机动车限行", "停止室外大型活动"]);
    assert_eq!(w.ends, Some(at("2021-10-30T00:00")));
    assert_eq!(
        w.headline(Lang::En),
        ("长春市启动重污染天气橙色预警", Lang::Zh)
    );
    assert_eq!(
        w.validity(Lang::Zh),
        "有效期：2021-10-26 20:00 至 2021-10-30 00:00（北京时间）"
    );
    assert_eq!(w.level.name().en, "Orange warning (level II)");
    assert_eq!(
        w.issued_line(Lang::Zh),
        "长春市重污染天气应急指挥部 于 2021-10-26 16:00（北京时间）发布"
    );
    assert_eq!(
        w.issued_line(Lang::En),
        "Issued by 长春市重污染天气应急指挥部 at 2021-10-26 16:00 Beijing time"
    );
}

#[test]
fn in_force_from_its_start_until_its_end_and_the_next_change_is_known() {
    let a = parse_cc_alerts_json(&doc(ORANGE)).unwrap();
    let shown = |now: &str| in_force(&a, at(now)).len();
    assert_eq!(shown("2021-10-26T19:59"), 0);
    assert_eq!(shown("2021-10-26T20:00"), 1);
    assert_eq!(shown("2021-10-29T23:59"), 1);
    assert_eq!(shown("2021-10-30T00:00"), 0);
    assert_eq!(
        next_change(&a, at("2021-10-26T12:00")),
        Some(at("2021-10-26T20:00"))
    );
    assert_eq!(
        next_change(&a, at("2021-10-27T12:00")),
        Some(at("2021-10-30T00:00"))
    );
    assert_eq!(next_change(&a, at("2021-10-30T00:00")), None);
}

#[test]
fn the_most_severe_comes_first_and_an_open_warning_lasts_until_lifted() {
    let a = parse_cc_alerts_json(&doc(&format!(
        r#"{ORANGE},
        {{"level":"红色","issuer":"x","issued":"2021-10-27T08:00","starts":"2021-10-27T12:00",
          "ends":null,"headline":"红色预警","headline_en":"Red warning","measures_en":["Odd-even driving"]}},
        {{"level":"黄","issuer":"x","issued":"2021-10-27T08:00","starts":"2021-10-27T00:00",
          "headline":"黄色预警"}}"#
    )))
    .unwrap();
    let levels: Vec<AlertLevel> = in_force(&a, at("2021-10-28T00:00"))
        .iter()
        .map(|w| w.level)
        .collect();
    assert_eq!(
        levels,
        [AlertLevel::Red, AlertLevel::Orange, AlertLevel::Yellow]
    );
    let red = &a.alerts[1];
    assert_eq!(red.ends, None);
    assert!(red.in_force(at("2031-01-01T00:00")));
    assert_eq!(red.headline(Lang::En), ("Red warning", Lang::En));
    assert_eq!(
        red.measures(Lang::En),
        (&["Odd-even driving".to_string()][..], Lang::En)
    );
    assert_eq!(red.measures(Lang::Zh).1, Lang::Zh);
    assert_eq!(
        red.validity(Lang::En),
        "In force from 2021-10-27 12:00 Beijing time until lifted"
    );
}

#[test]
fn a_bad_warning_costs_that_warning_and_a_bad_cell_that_cell() {
    let a = parse_cc_alerts_json(&doc(
        r#"{"level":"purple","issuer":"x","issued":"2021-10-27T08:00","starts":"2021-10-27T12:00","headline":"h"},
           {"level":"red","issuer":"x","issued":"2021-10-27T08:00","starts":"2021-10-27T12:00","ends":"2021-10-27T11:00","headline":"h"},
           {"level":"red","issuer":"x","issued":"2021-10-27T08:00","starts":"2021-10-27T12:00"},
           {"level":"red","issuer":"x","issued":"2021-10-27T08:00","starts":"2021-10-27T12:00","headline":"<b>h</b>",
            "measures":["a",3],"url":"javascript:alert(1)","headline_en":false}"#,
    ))
    .unwrap();
    assert_eq!(a.alerts.len(), 1);
    let w = &a.alerts[0];
    assert_eq!(w.headline, "<b>h</b>");
    assert_eq!(w.measures, ["a"]);
    assert_eq!(w.url, None);
    let messages: Vec<&str> = a.skipped.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "alerts[0].level: expected blue, yellow, orange or red (蓝色, 黄色, 橙色, 红色)",
            "alerts[1].ends: must be after starts",
            "alerts[2].headline: expected a headline",
            "alerts[3].headline_en: expected a text",
            "alerts[3].measures[1]: expected a text",
            "alerts[3].url: only http and https links are shown",
        ]
    );
}

#[test]
fn the_header_must_be_right_and_an_empty_list_is_no_warning() {
    assert_eq!(
        parse_cc_alerts_json(r#"{"format":"cc-forecast-json","version":1}"#)
            .unwrap_err()
            .message,
        "format: expected \"cc-alerts-json\", found \"cc-forecast-json\""
    );
    assert_eq!(
        parse_cc_alerts_json(r#"{"format":"cc-alerts-json","version":1}"#)
            .unwrap_err()
            .message,
        "alerts: expected an array [{…}, …]"
    );
    let e = parse_cc_alerts_json("{\"format\": \"cc-alerts-json\",\n\"alerts\": [}").unwrap_err();
    assert_eq!(e.line, 2);
    let none = parse_cc_alerts_json(&doc("")).unwrap();
    assert!(none.alerts.is_empty());
    assert_eq!(next_change(&none, at("2021-10-27T12:00")), None);
}

#[test]
fn levels_read_codes_and_chinese_names() {
    for (level, code) in AlertLevel::ALL {
        assert_eq!(AlertLevel::parse(code), Some(level));
        assert_eq!(level.as_str(), code);
    }
    assert_eq!(AlertLevel::parse("橙色预警"), Some(AlertLevel::Orange));
    assert_eq!(AlertLevel::parse("蓝色"), Some(AlertLevel::Blue));
    assert_eq!(AlertLevel::parse("Red"), Some(AlertLevel::Red));
    assert_eq!(AlertLevel::parse("紫色"), None);
}

#[test]
fn the_sample_warnings_read_back_as_written_and_are_long_over() {
    let sample = crate::air::sample::alerts();
    assert!(sample.sample);
    let text = write_cc_alerts_json(&sample);
    assert_eq!(parse_cc_alerts_json(&text), Ok(sample.clone()));
    assert!(in_force(&sample, at("2026-12-06T12:00")).is_empty());
    assert!(!in_force(&sample, at("2021-10-27T12:00")).is_empty());
}
