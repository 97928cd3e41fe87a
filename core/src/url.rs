//! Relative URL resolution (RFC 3986 §5.2, the subset config files need).
//!
//! config.json's relative URLs resolve against config.json's own URL; doing it here keeps the
//! rule testable on the host and identical in the site and the widget.

/// Resolves `reference` against the absolute URL `base`.
pub fn resolve(base: &str, reference: &str) -> String {
    let reference = reference.trim();
    if has_scheme(reference) {
        return reference.to_string();
    }
    let Some((scheme, rest)) = base.split_once("://") else {
        return reference.to_string();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    if let Some(net_path) = reference.strip_prefix("//") {
        return format!("{scheme}://{net_path}");
    }
    let base_path = rest[authority_end..].split(['?', '#']).next().unwrap_or("");
    let (path, tail) = split_tail(reference);
    let merged = if path.is_empty() {
        let base_query = if tail.starts_with('#') {
            rest[authority_end..]
                .split('#')
                .next()
                .unwrap_or("")
                .trim_start_matches(base_path)
        } else {
            ""
        };
        return format!("{scheme}://{authority}{base_path}{base_query}{tail}");
    } else if path.starts_with('/') {
        path.to_string()
    } else {
        let dir = base_path.rfind('/').map_or("/", |i| &base_path[..=i]);
        format!("{dir}{path}")
    };
    format!(
        "{scheme}://{authority}{}{tail}",
        remove_dot_segments(&merged)
    )
}

fn has_scheme(s: &str) -> bool {
    let Some(colon) = s.find(':') else {
        return false;
    };
    let scheme = &s[..colon];
    !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

fn split_tail(s: &str) -> (&str, &str) {
    let i = s.find(['?', '#']).unwrap_or(s.len());
    (&s[..i], &s[i..])
}

fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn resolves_like_a_browser() {
        let base = "http://127.0.0.1:8080/sthjj/env/config.json";
        assert_eq!(
            resolve(base, "data/a.json"),
            "http://127.0.0.1:8080/sthjj/env/data/a.json"
        );
        assert_eq!(
            resolve(base, "./data/a.json"),
            "http://127.0.0.1:8080/sthjj/env/data/a.json"
        );
        assert_eq!(
            resolve(base, "../x.csv"),
            "http://127.0.0.1:8080/sthjj/x.csv"
        );
        assert_eq!(
            resolve(base, "../../../x.csv"),
            "http://127.0.0.1:8080/x.csv"
        );
        assert_eq!(
            resolve(base, "/open311/v2"),
            "http://127.0.0.1:8080/open311/v2"
        );
        assert_eq!(resolve(base, "//cdn.example/x"), "http://cdn.example/x");
        assert_eq!(
            resolve(base, "https://data.example/a?b=1"),
            "https://data.example/a?b=1"
        );
        assert_eq!(
            resolve(base, "d/{date}.csv?v=1"),
            "http://127.0.0.1:8080/sthjj/env/d/{date}.csv?v=1"
        );
        assert_eq!(resolve("http://h/config.json", "a.json"), "http://h/a.json");
    }
}
