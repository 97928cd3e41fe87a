//! Just enough HTML for the CNEMC water feed, whose cells are fragments such as
//! `<span data-toggle='tooltip' title='所属地市:长春市&#10;所属河流:松花江'>松花江村</span>`: tag
//! stripping, character references, one attribute. Written here because the core takes no
//! dependencies; it never panics on malformed markup and leaves what it does not understand as
//! text.

/// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric references
/// (`&#10;`, `&#x0A;`). Unknown or unterminated references stay as written.
pub(crate) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        // A reference name is short; looking further would swallow text after a stray '&'.
        let decoded = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .and_then(|(semi, _)| Some((semi, reference(after.get(..semi)?)?)));
        match decoded {
            Some((semi, c)) => {
                out.push(c);
                rest = after.get(semi + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse::<u32>().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// The text of a fragment: tags removed, references decoded, whitespace trimmed. A `<` that
/// does not start a tag (e.g. `< 0.01`) is kept.
pub(crate) fn strip_tags(fragment: &str) -> String {
    let mut out = String::with_capacity(fragment.len());
    let mut chars = fragment.chars().peekable();
    while let Some(c) = chars.next() {
        let starts_tag = c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!');
        if starts_tag {
            for t in chars.by_ref() {
                if t == '>' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    decode_entities(&out).trim().to_string()
}

/// The decoded value of the first attribute `name` in the fragment (`name='v'`, `name="v"` or
/// unquoted).
pub(crate) fn attribute(fragment: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(pos) = fragment.get(from..)?.find(name) {
        let start = from + pos;
        from = start + name.len();
        let before_ok = fragment
            .get(..start)?
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace);
        let after = fragment.get(from..)?.trim_start();
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        if !before_ok {
            continue;
        }
        let value = value.trim_start();
        let raw = match value.chars().next() {
            Some(q @ ('\'' | '"')) => {
                let inner = value.get(1..)?;
                inner.get(..inner.find(q)?)?
            }
            _ => value
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()?,
        };
        return Some(decode_entities(raw));
    }
    None
}

/// Splits a header cell into its name and unit: `溶解氧<br/><span>(mg/L)</span>` →
/// (`溶解氧`, `Some("mg/L")`); also `水温(℃)` and `水温（℃）`. The unit loses its brackets.
pub(crate) fn split_header(cell: &str) -> (String, Option<String>) {
    let lower = cell.to_ascii_lowercase();
    if let Some(br) = lower.find("<br") {
        let name = strip_tags(cell.get(..br).unwrap_or(""));
        let unit = unbracket(&strip_tags(cell.get(br..).unwrap_or("")));
        return (name, (!unit.is_empty()).then_some(unit));
    }
    let text = strip_tags(cell);
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let (Some(o), true) = (text.find(open), text.ends_with(close)) {
            let name = text.get(..o).unwrap_or("").trim().to_string();
            let unit = unbracket(text.get(o..).unwrap_or(""));
            if !name.is_empty() {
                return (name, (!unit.is_empty()).then_some(unit));
            }
        }
    }
    (text, None)
}

fn unbracket(text: &str) -> String {
    let t = text.trim();
    let t = t.strip_prefix(['(', '（']).unwrap_or(t);
    let t = t.strip_suffix([')', '）']).unwrap_or(t);
    t.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_and_decodes() {
        assert_eq!(strip_tags("<span title='x'>松花江村</span>"), "松花江村");
        assert_eq!(
            strip_tags("a &amp; b&#10;c &#x41;&bogus; &"),
            "a & b\nc A&bogus; &"
        );
        assert_eq!(strip_tags("< 0.01"), "< 0.01");
        assert_eq!(strip_tags("<span"), "");
    }

    #[test]
    fn reads_attributes() {
        let cell =
            "<span data-toggle='tooltip' title='所属地市:长春市&#10;所属河流:松花江'>x</span>";
        assert_eq!(
            attribute(cell, "title").as_deref(),
            Some("所属地市:长春市\n所属河流:松花江")
        );
        assert_eq!(
            attribute("<a xtitle='no' title=\"yes\">", "title").as_deref(),
            Some("yes")
        );
        assert_eq!(attribute("<a title='unterminated>", "title"), None);
    }

    #[test]
    fn splits_headers() {
        assert_eq!(
            split_header("溶解氧<br/><span>(mg/L)</span>"),
            ("溶解氧".into(), Some("mg/L".into()))
        );
        assert_eq!(split_header("水温（℃）"), ("水温".into(), Some("℃".into())));
        assert_eq!(split_header("断面名称"), ("断面名称".into(), None));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

        #[test]
        fn never_panics_on_any_markup(text in "[<>&#;'\"a-z0-9= /x\\PC]{0,80}") {
            let _ = strip_tags(&text);
            let _ = decode_entities(&text);
            let _ = attribute(&text, "title");
            let _ = split_header(&text);
        }
    }
}
