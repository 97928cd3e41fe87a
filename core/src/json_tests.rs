use super::*;
use crate::rng::SplitMix64;

/// Whether our value equals serde_json's reading of the same text.
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as S;
    match (ours, theirs) {
        (Value::Null, S::Null) => true,
        (Value::Bool(a), S::Bool(b)) => a == b,
        (Value::Number(n), S::Number(m)) => {
            // Exact where the formats need it (see the next test); elsewhere within 1e-14.
            m.as_f64()
                .is_some_and(|x| (n.as_f64() - x).abs() <= x.abs() * 1e-14)
                && ours.as_u64() == m.as_u64()
                && ours.as_i64() == m.as_i64()
        }
        (Value::String(a), S::String(b)) => a == b,
        (Value::Array(a), S::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), S::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

#[test]
fn reads_what_serde_json_reads() {
    let docs = [
        "null",
        " true ",
        "false",
        "0",
        "-0",
        "12",
        "-12",
        "18446744073709551615",
        "-9223372036854775808",
        "1.5",
        "-0.25e2",
        "1E3",
        "2.5e-3",
        "123456789012345",
        "0.1",
        "\"\"",
        "\"长春 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\"",
        "[]",
        "[1, [2, [3]], {\"a\": null}]",
        "{}",
        "{\"format\": \"cc-air-json\", \"version\": 1, \"sample\": true,\n \"units\": {\"pm25\": \"μg/m³\"},\n \"x\": [1.5, null, -2]}",
    ];
    for text in docs {
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        let ours = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert!(same(&ours, &theirs), "{text}: {ours:?} vs {theirs:?}");
    }
}

#[test]
fn numbers_are_exact_where_the_formats_need_them() {
    let mut rng = SplitMix64::new(11);
    for _ in 0..100_000 {
        let digits = 1 + rng.below(15);
        let mut text: String = (0..digits)
            .map(|i| {
                let d = rng.below(10) as u8;
                char::from(b'0' + if i == 0 { d.max(1) } else { d })
            })
            .collect();
        let point = rng.below(digits);
        if point > 0 {
            text.insert(point, '.');
        }
        if rng.below(3) == 0 {
            text = format!("{text}e{}", rng.below(15) as i32 - 7);
        }
        if rng.below(2) == 0 {
            text.insert(0, '-');
        }
        let ours = parse(&text).unwrap().as_f64();
        assert_eq!(ours, text.parse::<f64>().ok(), "{text}");
    }
    // Beyond the exact range: within an ulp or two of the correctly rounded value.
    for text in [
        "1.5e300",
        "4.9e-324",
        "123456789012345678901234567890",
        "0.30000000000000004441",
    ] {
        let ours = parse(text).unwrap().as_f64().unwrap();
        let exact: f64 = text.parse().unwrap();
        assert!(
            (ours - exact).abs() <= exact.abs() * 4.0 * f64::EPSILON,
            "{text}: {ours} vs {exact}"
        );
    }
    let e = parse("[1e400]").unwrap_err();
    assert_eq!(e.message, "number out of range");
}

#[test]
fn errors_have_serde_json_wording_and_place() {
    let bad = [
        "",
        "   ",
        "x",
        "{\n  \"a\": x\n}",
        "{\"a\" 1}",
        "{\"a\": 1,}",
        "[1, 2,]",
        "[1 2]",
        "{\"a\": 1 \"b\": 2}",
        "{1: 2}",
        "[1,",
        "{\"a\":",
        "\"abc",
        "\"a\\qb\"",
        "\"a\nb\"",
        "tru",
        "trux",
        "01",
        "1.",
        "1.e5",
        "-",
        "1e",
        "[1] x",
        "{\"a\": 1} {",
        "\"\\ud800\"",
        "\"\\u12\"",
        "{\"k\": [1, 2, {\"x\": nul}]}",
    ];
    for text in bad {
        let theirs = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        let theirs = FeedError::from_json(&theirs);
        let ours = parse(text).unwrap_err();
        assert_eq!(ours.message, theirs.message, "{text:?}");
        assert_eq!(
            ours.line,
            theirs.line.max(1),
            "{text:?}: line of {}",
            ours.message
        );
        assert_eq!(
            ours.column,
            theirs.column.max(1),
            "{text:?}: column of {}",
            ours.message
        );
    }
}

#[test]
fn members_and_elements_are_slices_of_the_text() {
    let text = "{ \"a\" : [1, {\"b\": \"x\"}] , \"c\": null }";
    let members = parse_members(text).unwrap();
    assert_eq!(members[0], ("a".into(), "[1, {\"b\": \"x\"}]"));
    assert_eq!(members[1], ("c".into(), "null"));
    let escaped = parse_members("{\"a\\u0062\": 1}").unwrap();
    assert_eq!(escaped[0].0, "ab");
    let elements = parse_elements(members[0].1).unwrap();
    assert_eq!(elements, ["1", "{\"b\": \"x\"}"]);
    let e = parse_members("{\"a\": 1, \"a\": 2}").unwrap_err();
    assert_eq!(e.message, "duplicate field `a`");
    let e = parse_members("[1]").unwrap_err();
    assert_eq!(e.message, "invalid type: sequence, expected an object");
    let e = parse_elements("\n {\"a\": 1}").unwrap_err();
    assert_eq!((e.line, e.column), (2, 2));
    assert_eq!(
        parse("[".repeat(200).as_str()).unwrap_err().message,
        "recursion limit exceeded"
    );
}

#[test]
fn agrees_with_serde_json_on_mangled_documents_and_never_panics() {
    let seed = "{\"format\": \"cc-water-json\", \"version\": 2, \"v\": [1.5, -0.25e2, null, true],\n \"s\": \"长春\\n\\u00e9\", \"o\": {\"k\": []}}";
    let mut rng = SplitMix64::new(5);
    let alphabet = b"{}[]\":,-+.0123456789eEntrufalse \n\\u";
    for _ in 0..20_000 {
        let mut bytes = seed.as_bytes().to_vec();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, alphabet[rng.below(alphabet.len())]),
                _ => bytes[at] = alphabet[rng.below(alphabet.len())],
            }
        }
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let ours = parse(&text);
        // The skipping pass (members of an object, values left as text) finds the same faults
        // at the same places, repeated keys below the top and numbers out of range aside.
        match (&ours, parse_members(&text)) {
            (Ok(Value::Object(_)), skipped) => assert!(skipped.is_ok(), "{text:?}"),
            (Err(whole), Err(skipped))
                if text.trim_start().starts_with('{')
                    && !whole.message.starts_with("duplicate")
                    && whole.message != "number out of range" =>
            {
                assert_eq!(skipped, *whole, "{text:?}")
            }
            _ => {}
        }
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(theirs) => {
                // serde_json keeps the last of two equal keys; we refuse them.
                if let Err(e) = &ours {
                    assert!(e.message.starts_with("duplicate field"), "{text:?}: {e}");
                    continue;
                }
                assert!(same(ours.as_ref().unwrap(), &theirs), "{text:?}");
            }
            Err(theirs) => {
                let theirs = FeedError::from_json(&theirs);
                let ours = ours.expect_err(&text);
                // A repeated key is refused where it stands, before a later fault.
                if ours.message.starts_with("duplicate field") {
                    continue;
                }
                assert_eq!(ours.message, theirs.message, "{text:?}");
                assert_eq!(ours.line, theirs.line.max(1), "{text:?}");
            }
        }
    }
}

#[test]
fn quotes_as_serde_json_does() {
    for s in [
        "",
        "plain",
        "长春 \"q\" \\ /",
        "a\nb\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}",
        "😀",
    ] {
        assert_eq!(quote(s), serde_json::to_string(s).unwrap(), "{s:?}");
        assert_eq!(parse(&quote(s)).unwrap(), Value::String(s.to_string()));
    }
}
