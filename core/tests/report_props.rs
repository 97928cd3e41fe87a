//! Property tests of the report domain: no parser or validator panics on any input, errors
//! carry positions, encoding round-trips, and backoff is monotone and bounded. Case counts are
//! modest to keep `cargo test` quick on two cores.

use cc_core::i18n::Lang;
use cc_core::report::{
    builtin_categories, classify_post, parse_created, parse_errors, parse_requests,
    parse_retry_after, parse_services, parse_token, summary_rows, urlencode_form, validate_all,
    warnings, CharCount, Checks, Coords, Minute, Ongoing, Open311Client, OutboxItem, Outcome,
    ReportDraft, RetryPolicy, Step,
};
use proptest::prelude::*;

/// Text that stresses counting and escaping: emoji, RTL marks, HTML, CJK, controls, long runs.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z<>&\"' ]{0,40}",
        prop::collection::vec(
            prop::sample::select(vec![
                "😀",
                "👨‍👩‍👧",
                "\u{202e}",
                "\u{200f}",
                "مرحبا",
                "<script>",
                "&amp;",
                "长春",
                " ",
                "\n",
                "\u{0}",
                "１３９",
                "+86",
                "@",
                ".",
                "-",
                "%",
                "+",
            ]),
            0..30
        )
        .prop_map(|v| v.concat()),
        (1usize..3, prop::sample::select(vec!["字", "a", "😀"]))
            .prop_map(|(n, c)| c.repeat(n * 5000)),
    ]
}

fn json_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            "\"service_request_id\"",
            "\"token\"",
            "\"status\"",
            "\"code\"",
            "\"description\"",
            "\"service_code\"",
            "\"service_name\"",
            "\"lat\"",
            "\"requested_datetime\"",
            "\"2026-03-01T08:15:00+08:00\"",
            "1",
            "-1.5e999",
            "null",
            "true",
            "\"x\"",
            "\"\"",
            "\"media_urls\"",
            "\"keywords\"",
        ]),
        0..40,
    )
    .prop_map(|v| v.concat())
}

fn all_parsers(text: &str) {
    for r in [
        parse_created(text).err(),
        parse_errors(text).err(),
        parse_token(text).err(),
        parse_requests(text).err(),
    ]
    .into_iter()
    .flatten()
    {
        assert!(r.line >= 1, "{r:?}");
    }
    let _ = parse_services(text);
    let _ = parse_retry_after(text, 0);
    let _ = Minute::parse_iso(text);
    let _ = Minute::parse_time_of_day(text);
    let _ = ReportDraft::from_json(text);
    let _ = OutboxItem::from_json(text);
    for status in [0, 200, 201, 400, 408, 429, 503] {
        let _ = classify_post(status, text, Some(text), 0);
    }
}

fn draft_from(texts: &[String], flags: (bool, bool), coords: (f64, f64)) -> ReportDraft {
    let t = |i: usize| texts.get(i).cloned().unwrap_or_default();
    ReportDraft {
        categories: vec![t(0), "air".into()],
        subtype: t(1),
        district: t(2),
        address: t(3),
        coords: Some(Coords {
            lat: coords.0,
            lon: coords.1,
        }),
        occurred_date: t(4),
        occurred_time: t(5),
        ongoing: Some(Ongoing::Once),
        description: t(6),
        reported_party: t(7),
        anonymous: flags.0,
        name: t(8),
        phone: t(9),
        email: t(10),
        consent: flags.1,
        ..ReportDraft::new(t(11), t(12), 0)
    }
}

/// Decodes `application/x-www-form-urlencoded` (the receiver's rule) for the round trip.
fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn parsers_never_panic_on_text(s in any::<String>()) {
        all_parsers(&s);
    }

    #[test]
    fn parsers_never_panic_on_json_soup(s in json_soup()) {
        all_parsers(&s);
    }

    #[test]
    fn validation_and_encoding_never_panic(
        texts in prop::collection::vec(nasty(), 13),
        flags in any::<(bool, bool)>(),
        coords in (any::<f64>(), any::<f64>()),
        now in any::<i64>(),
    ) {
        let d = draft_from(&texts, flags, coords);
        let cats = builtin_categories();
        let checks = Checks { now: Minute(now), categories: &cats };
        for e in validate_all(&d, &checks) {
            prop_assert!(!e.message(Lang::Zh).is_empty());
            prop_assert!(!e.message(Lang::En).is_empty());
        }
        let _ = warnings(&d, Step::Check);
        let _ = summary_rows(&d, &cats, Lang::En);
        let _ = CharCount::new(&d.description, 4000).message(Lang::En);
        let client = Open311Client {
            endpoint: texts[0].clone(),
            jurisdiction_id: Some(texts[1].clone()),
            api_key: texts[2].clone(),
            device_id: texts[3].clone(),
        };
        let fields = client.form_fields(&d);
        let _ = client.request_url(&texts[4]);
        let body = urlencode_form(&fields);
        prop_assert!(body.is_ascii());
        // Every pair decodes back to what was encoded.
        let pairs: Vec<&str> = if body.is_empty() { vec![] } else { body.split('&').collect() };
        prop_assert_eq!(pairs.len(), fields.len());
        for (piece, (k, v)) in pairs.iter().zip(&fields) {
            let (pk, pv) = piece.split_once('=').unwrap_or((piece, ""));
            prop_assert_eq!(decode(pk), Some(k.clone()));
            prop_assert_eq!(decode(pv), Some(v.clone()));
        }
        let back = ReportDraft::from_json(&d.to_json());
        prop_assert!(back.is_ok());
    }

    #[test]
    fn backoff_is_monotone_and_bounded(
        base in 0u64..100_000,
        max in 0u64..10_000_000,
        cap in 0u64..10_000_000,
        jitter in prop_oneof![any::<f64>(), 0.0..=1.0f64],
        retry_after in prop::option::of(any::<u32>()),
    ) {
        let p = RetryPolicy { base_delay_ms: base, max_delay_ms: max, retry_after_cap_ms: cap, request_timeout_ms: 1 };
        let mut last = 0;
        for attempts in 0..80u32 {
            let b = p.backoff_ms(attempts, jitter);
            prop_assert!(b >= last, "attempt {}: {} < {}", attempts, b, last);
            prop_assert!(b <= max);
            last = b;
            let d = p.delay_ms(attempts, jitter, retry_after);
            prop_assert!(d <= max.max(cap));
            prop_assert!(d >= b);
        }
    }

    #[test]
    fn outbox_never_resends_and_keeps_its_key(
        outcomes in prop::collection::vec(0u8..7, 1..20),
        jitter in any::<f64>(),
        status in any::<u16>(),
    ) {
        let p = RetryPolicy::default();
        let mut item = OutboxItem::new("d", "k", 0);
        let mut now = 0i64;
        let mut was_sent = false;
        for o in outcomes {
            now = now.max(item.next_attempt_at);
            let began = item.begin_send();
            prop_assert!(!(was_sent && began));
            let outcome = match o {
                0 => Outcome::Created { reference: "R".into(), notice: None },
                1 => Outcome::Token("T".into()),
                2 => Outcome::ClientError { status, description: "x".into() },
                3 => Outcome::RateLimited { retry_after_seconds: Some(u32::from(status)) },
                4 => Outcome::ServerError(status),
                5 => Outcome::Network,
                _ => Outcome::Timeout,
            };
            item = item.apply(outcome, now, jitter, &p);
            item.retry_now(now);
            prop_assert_eq!(item.idempotency_key.as_str(), "k");
            prop_assert!(!item.status_text(Lang::Zh, now).is_empty());
            was_sent |= item.data_state() == "sent";
            prop_assert_eq!(item.data_state() == "sent", was_sent);
        }
    }
}
