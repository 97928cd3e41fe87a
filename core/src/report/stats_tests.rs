use super::*;

fn at(text: &str) -> Minute {
    Minute::parse_iso(text).unwrap()
}

const LIST: &str = r#"[
  {"service_request_id": "CC-2026-000001", "service_code": "air", "service_name": "大气污染",
   "status": "closed", "requested_datetime": "2026-11-01T08:00:00+08:00",
   "updated_datetime": "2026-11-03T12:00:00+08:00", "address": "南关区 人民大街 100 号",
   "attributes": {"district": "朝阳区"}},
  {"service_request_id": "CC-2026-000002", "service_code": "air", "status": "closed",
   "requested_datetime": "2026-11-02T08:00:00+08:00",
   "updated_datetime": "2026-11-02T10:30:00+08:00", "address": "南关区 人民大街 1 号"},
  {"service_request_id": "CC-2026-000003", "service_code": "noise", "status": "open",
   "requested_datetime": "2026-11-05T00:00:00Z", "address": "某地"},
  {"service_request_id": 4, "service_code": "water", "status": "closed",
   "requested_datetime": "2026-11-06T08:00:00+08:00",
   "updated_datetime": "2026-11-16T08:00:00+08:00", "attributes": {"district": "南关区"}},
  {"service_request_id": "CC-2026-000005", "service_code": "air", "status": "open",
   "requested_datetime": "2026-09-30T23:59:00+08:00"},
  {"service_request_id": "CC-2026-000006", "status": ["not", "a", "status"]},
  {"service_request_id": "CC-2026-000001", "service_code": "air", "status": "closed",
   "requested_datetime": "2026-11-01T08:00:00+08:00",
   "updated_datetime": "2026-11-03T12:00:00+08:00"}
]"#;

#[test]
fn counts_by_category_district_and_status_with_the_median_time_to_close() {
    let (listed, skipped) = parse_listing(LIST).unwrap();
    // The record with an array for a status costs itself, named at its line.
    assert_eq!(listed.len(), 6);
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].line, 16);
    let s = report_stats(
        &listed,
        at("2026-10-01T00:00:00+08:00"),
        at("2026-12-01T00:00:00+08:00"),
    );
    // The September request is outside; the repeated CC-2026-000001 counts once.
    assert_eq!(s.total, 4);
    assert_eq!((s.open, s.closed, s.other), (1, 3, 0));
    assert_eq!(
        s.by_category,
        vec![
            ("air".to_string(), Some("大气污染".to_string()), 2),
            ("noise".to_string(), None, 1),
            ("water".to_string(), None, 1),
        ]
    );
    // The attribute wins over the address; then the address's leading name; else not given.
    let districts: Vec<(Option<&str>, usize)> = s
        .by_district
        .iter()
        .map(|(d, n)| (d.map(|d| d.key), *n))
        .collect();
    assert_eq!(
        districts,
        vec![(Some("南关区"), 2), (Some("朝阳区"), 1), (None, 1)]
    );
    // Closing times: 2 h 30 min, 2 d 4 h (3,120 min), 10 d: the median is 3,120 minutes.
    assert_eq!(s.closed_timed, 3);
    assert_eq!(s.median_minutes_to_close, Some(3120));
    assert_eq!(duration_text(3120, Lang::Zh), "2 天 4 小时");
    assert_eq!(duration_text(3120, Lang::En), "2 days 4 hours");
    assert_eq!(duration_text(60, Lang::En), "1 hour");
    assert_eq!(duration_text(45, Lang::Zh), "45 分钟");
    assert_eq!(
        stats_summary(&s, Lang::Zh),
        "共收到举报 4 件，已办结 3 件，正在处理 1 件；从提交到办结的时间中位数为 2 天 4 小时。"
    );
}

#[test]
fn an_even_count_takes_the_mean_of_the_middle_two() {
    assert_eq!(median(&mut [10, 40, 20, 30]), Some(25));
    assert_eq!(median(&mut [7]), Some(7));
    assert_eq!(median(&mut []), None);
}

#[test]
fn a_year_is_listed_in_windows_of_at_most_90_days() {
    let from = at("2026-01-01T00:00:00+08:00");
    let to = at("2026-12-04T15:00:00+08:00");
    let w = listing_windows(from, to);
    assert_eq!(w.len(), 4);
    assert_eq!(w[0], (from, at("2026-04-01T00:00:00+08:00")));
    assert_eq!(w[3].1, to);
    assert!(w.windows(2).all(|p| p[0].1 == p[1].0));
    assert!(listing_windows(to, from).is_empty());
}

#[test]
fn not_an_array_is_an_error_of_the_answer() {
    assert!(parse_listing(r#"{"code": 403, "description": "listing disabled"}"#).is_err());
    assert!(parse_listing("").is_err());
    let (none, skipped) = parse_listing("[]").unwrap();
    assert!(none.is_empty() && skipped.is_empty());
    let empty = report_stats(&none, Minute(0), Minute(1));
    assert_eq!(
        stats_summary(&empty, Lang::En),
        "No reports were received in this period."
    );
}
