//! Open311 encoding (in the reference receiver's dialect) and response parsing.

use cc_core::config::ReportConfig;
use cc_core::report::{
    classify_post, idempotency_key_from_bytes, parse_created, parse_errors, parse_requests,
    parse_retry_after, parse_token, post_headers, urlencode_form, Coords, Ongoing, Open311Client,
    Outcome, ReportDraft, RequestStatus,
};

const SERVICES_JS: &str = include_str!("../../receiver/services.js");

fn client() -> Open311Client {
    let cfg = ReportConfig {
        endpoint: "http://127.0.0.1:8081/open311/v2/".into(),
        jurisdiction_id: Some("changchun.gov.cn".into()),
        api_key: "cc-dev-key".into(),
        multipart_media: false,
        retry: cc_core::report::RetryPolicy::default(),
    };
    Open311Client::from_config(&cfg, "dev-1")
}

fn draft() -> ReportDraft {
    ReportDraft {
        categories: vec!["noise".into(), "air".into()],
        subtype: "社会生活噪声".into(),
        district: "朝阳区".into(),
        address: " 人民大街 1 号 ".into(),
        coords: Some(Coords {
            lat: 43.886_812_345,
            lon: 125.3,
        }),
        occurred_date: "2026-03-01".into(),
        occurred_time: "08:15".into(),
        ongoing: Some(Ongoing::Recurring),
        description: "夜间 KTV 噪声 & <b>扰民</b>".into(),
        reported_party: "某某 KTV".into(),
        consent: true,
        ..ReportDraft::new("d1", "3f1c2a4e-0000-4000-8000-000000000001", 0)
    }
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn anonymous_report_fields_in_order() {
    let fields = client().form_fields(&draft());
    assert_eq!(
        fields,
        pairs(&[
            ("api_key", "cc-dev-key"),
            ("jurisdiction_id", "changchun.gov.cn"),
            ("service_code", "noise"),
            ("attribute[categories][]", "noise"),
            ("attribute[categories][]", "air"),
            ("attribute[subtype]", "社会生活噪声"),
            ("attribute[district]", "朝阳区"),
            ("attribute[occurred_at]", "2026-03-01T08:15:00+08:00"),
            ("attribute[ongoing]", "intermittent"),
            ("attribute[reported_party]", "某某 KTV"),
            (
                "attribute[client_request_id]",
                "3f1c2a4e-0000-4000-8000-000000000001"
            ),
            ("address_string", "朝阳区 人民大街 1 号"),
            ("lat", "43.886812"),
            ("long", "125.3"),
            ("description", "夜间 KTV 噪声 & <b>扰民</b>"),
            ("device_id", "dev-1"),
        ])
    );
}

#[test]
fn named_report_adds_contact_and_empty_values_are_left_out() {
    let mut d = draft();
    d.anonymous = false;
    d.name = "王小明".into();
    d.phone = "+86 139 1234 5678".into();
    d.coords = None;
    d.subtype.clear();
    d.reported_party = "  ".into();
    d.ongoing = Some(Ongoing::Once);
    d.address = "朝阳区人民大街 1 号".into();
    let fields = client().form_fields(&d);
    let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
    assert!(!keys.contains(&"lat") && !keys.contains(&"attribute[subtype]"));
    assert!(!keys.contains(&"attribute[reported_party]") && !keys.contains(&"email"));
    assert!(fields.contains(&("attribute[ongoing]".into(), "ended".into())));
    assert!(fields.contains(&("address_string".into(), "朝阳区人民大街 1 号".into())));
    let tail: Vec<_> = fields.iter().rev().take(2).rev().cloned().collect();
    assert_eq!(
        tail,
        pairs(&[("first_name", "王小明"), ("phone", "13912345678")])
    );
}

#[test]
fn urlencoding_is_utf8_with_plus_for_space() {
    let body = urlencode_form(&pairs(&[
        ("attribute[categories][]", "air"),
        ("description", "a b&c=d+e/长"),
    ]));
    assert_eq!(
        body,
        "attribute%5Bcategories%5D%5B%5D=air&description=a+b%26c%3Dd%2Be%2F%E9%95%BF"
    );
    assert_eq!(urlencode_form(&[]), "");
}

#[test]
fn urls_and_headers() {
    let c = client();
    assert_eq!(
        c.post_url(),
        "http://127.0.0.1:8081/open311/v2/requests.json"
    );
    assert_eq!(
        c.request_url("CC-2026-000123"),
        "http://127.0.0.1:8081/open311/v2/requests/CC-2026-000123.json?jurisdiction_id=changchun.gov.cn"
    );
    assert!(c.token_url("a/b").contains("tokens/a%2Fb.json"));
    let (from, to) = (
        cc_core::report::Minute::parse_iso("2026-01-01T00:00:00+08:00").unwrap(),
        cc_core::report::Minute::parse_iso("2026-03-31T23:59:00+08:00").unwrap(),
    );
    assert_eq!(
        c.listing_url(from, to),
        "http://127.0.0.1:8081/open311/v2/requests.json?jurisdiction_id=changchun.gov.cn\
         &start_date=2026-01-01T00%3A00%3A00%2B08%3A00&end_date=2026-03-31T23%3A59%3A00%2B08%3A00"
    );
    let h = post_headers("abc-123", false);
    assert!(h.contains(&("Idempotency-Key".into(), "abc-123".into())));
    assert!(h
        .iter()
        .any(|(k, v)| k == "Content-Type" && v.contains("charset=utf-8")));
    let m = post_headers("abc-123", true);
    assert!(!m.iter().any(|(k, _)| k == "Content-Type"));
    assert!(!post_headers("含中文", false)
        .iter()
        .any(|(k, _)| k == "Idempotency-Key"));
}

#[test]
fn idempotency_keys_are_uuid_v4() {
    let k = idempotency_key_from_bytes(&[0xff; 16]);
    assert_eq!(k, "ffffffff-ffff-4fff-bfff-ffffffffffff");
    let z = idempotency_key_from_bytes(&[0; 16]);
    assert_eq!(z, "00000000-0000-4000-8000-000000000000");
}

#[test]
fn encoding_matches_the_receivers_lists() {
    // Every district key and every attribute code we send exists in receiver/services.js.
    for d in cc_core::report::DISTRICTS {
        assert!(SERVICES_JS.contains(&format!("'{}'", d.key)), "{}", d.key);
    }
    for o in [Ongoing::Once, Ongoing::Ongoing, Ongoing::Recurring] {
        assert!(SERVICES_JS.contains(&format!("key: '{}'", o.open311_key())));
    }
    for code in [
        "categories",
        "subtype",
        "reported_party",
        "district",
        "occurred_at",
        "ongoing",
        "client_request_id",
    ] {
        assert!(SERVICES_JS.contains(&format!("attr('{code}'")), "{code}");
    }
    for c in cc_core::report::builtin_categories() {
        assert!(SERVICES_JS.contains(&format!("code: '{}', name: '{}'", c.code, c.name.zh)));
        assert!(SERVICES_JS.contains(&c.description.zh), "{}", c.code);
        for s in &c.subtypes {
            assert!(SERVICES_JS.contains(&format!("'{}'", s.zh)), "{}", s.zh);
        }
    }
}

#[test]
fn post_answers() {
    let ok = r#"[{"service_request_id":"CC-2026-000123","service_notice":"举报已收到","account_id":null}]"#;
    assert_eq!(
        classify_post(201, ok, None, 0),
        Outcome::Created {
            reference: "CC-2026-000123".into(),
            notice: Some("举报已收到".into())
        }
    );
    // The spec's own example uses a number.
    let num = parse_created(r#"[{"service_request_id":293944}]"#);
    assert_eq!(
        num.ok().and_then(|c| c.service_request_id).as_deref(),
        Some("293944")
    );
    // A number is kept as the receiver wrote it.
    let num = parse_created(r#"[{"service_request_id": 1.50 }]"#);
    assert_eq!(
        num.ok().and_then(|c| c.service_request_id).as_deref(),
        Some("1.50")
    );
    assert_eq!(
        classify_post(200, r#"[{"token":"12345","service_notice":"…"}]"#, None, 0),
        Outcome::Token("12345".into())
    );
    assert_eq!(
        classify_post(201, "<html>", None, 0),
        Outcome::ServerError(201)
    );
    assert_eq!(classify_post(0, "", None, 0), Outcome::Network);
    assert_eq!(classify_post(408, "", None, 0), Outcome::Timeout);
    assert_eq!(
        classify_post(502, "Bad gateway", None, 0),
        Outcome::ServerError(502)
    );
    assert_eq!(
        classify_post(429, "[]", Some("120"), 0),
        Outcome::RateLimited {
            retry_after_seconds: Some(120)
        }
    );
    let err = r#"[{"code":400,"description":"attribute[district] 的值不在可选列表中"}]"#;
    assert_eq!(
        classify_post(400, err, None, 0),
        Outcome::ClientError {
            status: 400,
            description: "attribute[district] 的值不在可选列表中".into()
        }
    );
    assert_eq!(
        classify_post(413, "", None, 0),
        Outcome::ClientError {
            status: 413,
            description: "HTTP 413".into()
        }
    );
}

#[test]
fn error_arrays_tokens_and_positions() {
    let e = parse_errors(r#"{"code":"403","description":"Invalid api_key"}"#).unwrap_or_default();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code.as_deref(), Some("403"));
    assert_eq!(
        parse_token(r#"[{"service_request_id":"CC-1","token":"t"}]"#),
        Ok(Some("CC-1".into()))
    );
    assert_eq!(parse_token(r#"[{"token":"t"}]"#), Ok(None));
    let bad = parse_created("[\n  {\"service_request_id\": }\n]");
    let fe = bad.err();
    assert_eq!(fe.as_ref().map(|e| e.line), Some(2), "{fe:?}");
    assert!(parse_created("[{}]").is_err());
}

#[test]
fn retry_after_values() {
    assert_eq!(parse_retry_after("5", 0), Some(5));
    assert_eq!(parse_retry_after(" 99999999999 ", 0), Some(u32::MAX));
    // 1994-11-06T08:49:37Z is 784111777 s after the epoch.
    let now = 784_111_777_000 - 30_000;
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now),
        Some(30)
    );
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now + 60_000),
        Some(0)
    );
    assert_eq!(parse_retry_after("soon", 0), None);
    assert_eq!(parse_retry_after("-5", 0), None);
}

#[test]
fn service_request_records() {
    let body = r#"[{"service_request_id":"CC-2026-000123","status":"closed","status_notes":"已责令整改",
        "service_name":"大气污染","service_code":"air","description":"<img onerror=x>","agency_responsible":"长春市生态环境局",
        "service_notice":null,"requested_datetime":"2026-03-01T08:15:30+08:00","updated_datetime":"2026-03-02T01:00:00Z",
        "expected_datetime":"2026-04-30T08:15:30+08:00","address":"朝阳区 人民大街 1 号","address_id":null,"zipcode":null,
        "lat":43.88,"long":"125.3","media_url":"http://x/media/a","media_urls":["http://x/media/a","http://x/media/b"],
        "attributes":{"categories":["air"]},"future_field":1}]"#;
    let r = parse_requests(body).unwrap_or_default();
    assert_eq!(r.len(), 1);
    let r = &r[0];
    assert_eq!(r.status, RequestStatus::Closed);
    assert_eq!(r.status.label(cc_core::i18n::Lang::Zh), "已办结");
    assert_eq!(
        r.requested.map(|m| m.to_string()).as_deref(),
        Some("2026-03-01 08:15")
    );
    assert_eq!(
        r.updated.map(|m| m.to_string()).as_deref(),
        Some("2026-03-02 09:00")
    );
    assert_eq!(r.long, Some(125.3));
    assert_eq!(r.media_urls.len(), 2);
    assert_eq!(r.description.as_deref(), Some("<img onerror=x>"));
    let odd = parse_requests(r#"{"status":"pending","requested_datetime":"yesterday"}"#)
        .unwrap_or_default();
    assert_eq!(odd[0].status, RequestStatus::Other("pending".into()));
    assert_eq!(odd[0].requested, None);
    assert_eq!(odd[0].requested_raw.as_deref(), Some("yesterday"));
}

/// A real record from the reference receiver (`GET requests/{id}.json`), HTML escaped as \u003c.
const RECEIVER_RECORD: &str = r#"[{"service_request_id":"CC-2026-000001","status":"open","status_notes":null,"service_name":"噪声污染","service_code":"noise","description":"夜间 KTV 噪声 😀 + 100% \n第二行","agency_responsible":"长春市生态环境局","service_notice":"举报已收到，编号 CC-2026-000001。生态环境部门一般在 60 日内办理，可凭此编号查询办理进度。","requested_datetime":"2026-11-29T17:38:01+08:00","updated_datetime":"2026-11-29T17:38:01+08:00","expected_datetime":"2027-01-28T17:38:01+08:00","address":"中韩(长春)国际合作示范区 人民大街 1 号 \u0026 \u003cb\u003ex\u003c/b\u003e","address_id":null,"zipcode":null,"lat":43.88,"long":125.32,"media_url":null,"media_urls":[],"attributes":{"categories":["noise","air"],"subtype":"社会生活噪声","district":"中韩(长春)国际合作示范区","occurred_at":"2026-03-01T08:15:00+08:00","ongoing":"intermittent","reported_party":"某某 KTV","client_request_id":"07070707-0707-4707-8707-070707070707"}}]"#;

#[test]
fn the_receivers_record_parses() {
    let r = parse_requests(RECEIVER_RECORD).unwrap_or_default();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].service_request_id.as_deref(), Some("CC-2026-000001"));
    assert_eq!(r[0].status, RequestStatus::Open);
    assert_eq!(
        r[0].expected.map(|m| m.to_iso()).as_deref(),
        Some("2027-01-28T17:38:00+08:00")
    );
    assert_eq!(
        r[0].address.as_deref(),
        Some("中韩(长春)国际合作示范区 人民大街 1 号 & <b>x</b>")
    );
}
