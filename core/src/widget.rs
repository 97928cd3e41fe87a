//! The embeddable widget's parameters and message filter, as pure functions.
//!
//! The widget (`widget.html` in an iframe, or the `<cc-env-widget>` custom element) is
//! configured by query parameters or attributes: `view`, `station`, `lang`, `theme`, `size`,
//! `id`. An invalid value never breaks the widget: it falls back to the default and is named in
//! [`Parsed::problems`], which the widget logs as a console warning. Its messages to and from
//! the host page are defined in [`message`].

use crate::i18n::Lang;
use crate::UnknownName;
use std::str::FromStr;

pub mod message;

pub use message::{Message, HEIGHT_MESSAGE, THEME_MESSAGE};

/// What the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The city's (or one station's) AQI now.
    #[default]
    Aqi,
    /// Surface-water headline: 优良比例, sections per class, the worst sections.
    Water,
    /// A call to action that opens the report form.
    Report,
    /// AQI, water and report together.
    Combo,
}

impl View {
    /// Every view, in the builder's order.
    pub const ALL: [View; 4] = [View::Aqi, View::Water, View::Report, View::Combo];

    /// The parameter value.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Aqi => "aqi",
            View::Water => "water",
            View::Report => "report",
            View::Combo => "combo",
        }
    }

    /// The page an iframe of this view loads. Both pages show every view (their loader picks
    /// the bundle by `view`); `widget-aqi.html` also preloads the AQI bundle's wasm, so that it
    /// downloads beside the page's loader instead of after it, which `widget.html` cannot do
    /// without making every other view download it too.
    pub fn page(self) -> &'static str {
        match self {
            View::Aqi => "widget-aqi.html",
            View::Water | View::Report | View::Combo => "widget.html",
        }
    }
}

/// Reads [`View::as_str`] (case-insensitive).
impl FromStr for View {
    type Err = UnknownName;

    fn from_str(text: &str) -> Result<Self, UnknownName> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(text.trim()))
            .ok_or(UnknownName)
    }
}

/// Colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
    /// High contrast: white on black, yellow links.
    Contrast,
}

impl Theme {
    /// Every theme, in the builder's order.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Contrast];

    /// The parameter value.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }
}

/// Reads [`Theme::as_str`] (case-insensitive).
impl FromStr for Theme {
    type Err = UnknownName;

    fn from_str(text: &str) -> Result<Self, UnknownName> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(text.trim()))
            .ok_or(UnknownName)
    }
}

/// Size: small (narrow sidebars) or medium.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Size {
    /// Small.
    S,
    /// Medium, the default.
    #[default]
    M,
}

impl Size {
    /// Both sizes.
    pub const ALL: [Size; 2] = [Size::S, Size::M];

    /// The parameter value.
    pub fn as_str(self) -> &'static str {
        match self {
            Size::S => "s",
            Size::M => "m",
        }
    }
}

/// Reads [`Size::as_str`] (case-insensitive).
impl FromStr for Size {
    type Err = UnknownName;

    fn from_str(text: &str) -> Result<Self, UnknownName> {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(text.trim()))
            .ok_or(UnknownName)
    }
}

/// The widget's settings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Params {
    pub view: View,
    /// A station code (`1119A`) for the AQI view; `None` for the city.
    pub station: Option<String>,
    pub lang: Lang,
    pub theme: Theme,
    pub size: Size,
    /// Echoed in every message to the host page, so it can tell its widgets apart.
    pub id: Option<String>,
}

/// A parameter that was not used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub name: String,
    pub value: String,
    /// `true` for a parameter name the widget does not know.
    pub unknown_name: bool,
}

/// Parameters with the problems found while reading them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    pub params: Params,
    pub problems: Vec<Problem>,
}

impl Parsed {
    /// The console warning naming every problem; `None` when there is none.
    pub fn warning(&self) -> Option<String> {
        if self.problems.is_empty() {
            return None;
        }
        let list: Vec<String> = self
            .problems
            .iter()
            .map(|p| {
                if p.unknown_name {
                    format!("unknown parameter {}={:?} ignored", p.name, p.value)
                } else {
                    format!("invalid {}={:?}, default used", p.name, p.value)
                }
            })
            .collect();
        Some(format!("cc-env-widget: {}", list.join("; ")))
    }
}

/// Longest accepted `id`.
pub const MAX_ID_CHARS: usize = 64;

fn valid_station(code: &str) -> bool {
    (1..=16).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn valid_id(id: &str) -> bool {
    let n = id.chars().count();
    (1..=MAX_ID_CHARS).contains(&n) && !id.chars().any(char::is_control)
}

/// Reads the parameters from decoded `(name, value)` pairs (a query string's, or a custom
/// element's attributes). Later pairs win; every unusable one falls back to the default.
pub fn parse_params<I, K, V>(pairs: I) -> Parsed
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut out = Parsed::default();
    for (name, value) in pairs {
        let (name, value) = (name.as_ref(), value.as_ref());
        let ok = match name {
            "view" => value.parse().map(|v| out.params.view = v).is_ok(),
            "theme" => value.parse().map(|t| out.params.theme = t).is_ok(),
            "size" => value.parse().map(|s| out.params.size = s).is_ok(),
            "lang" => value.parse().map(|l| out.params.lang = l).is_ok(),
            "station" => {
                let v = value.trim();
                if v.is_empty() || v.eq_ignore_ascii_case("city") {
                    out.params.station = None;
                    true
                } else if valid_station(v) {
                    out.params.station = Some(v.to_ascii_uppercase());
                    true
                } else {
                    false
                }
            }
            "id" => valid_id(value)
                .then(|| out.params.id = Some(value.to_string()))
                .is_some(),
            _ => {
                out.problems.push(Problem {
                    name: name.to_string(),
                    value: value.to_string(),
                    unknown_name: true,
                });
                continue;
            }
        };
        if !ok {
            out.problems.push(Problem {
                name: name.to_string(),
                value: value.to_string(),
                unknown_name: false,
            });
        }
    }
    out
}

/// The query string of a widget URL for `params` (defaults left out), without the `?`.
/// `id` is percent-encoded; the other values are plain ASCII codes.
pub fn to_query(params: &Params) -> String {
    let d = Params::default();
    let mut parts = vec![format!("view={}", params.view.as_str())];
    if let Some(s) = &params.station {
        parts.push(format!("station={s}"));
    }
    if params.lang != d.lang {
        parts.push(format!("lang={}", params.lang.as_str()));
    }
    if params.theme != d.theme {
        parts.push(format!("theme={}", params.theme.as_str()));
    }
    if params.size != d.size {
        parts.push(format!("size={}", params.size.as_str()));
    }
    if let Some(id) = &params.id {
        parts.push(format!("id={}", percent_encode(id)));
    }
    parts.join("&")
}

fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn normalise_origin(origin: &str) -> String {
    origin.trim().trim_end_matches('/').to_ascii_lowercase()
}

/// The message filter: a theme change is accepted only as `{type: "cc-widget:theme", theme}`
/// from an origin listed exactly in config `widget.message_origins` (no wildcards; `null`
/// origins never). `kind` and `theme` are the message's `type` and `theme` fields when they are
/// strings.
pub fn accept_message(
    origin: &str,
    allowed: &[String],
    kind: Option<&str>,
    theme: Option<&str>,
) -> Option<Theme> {
    let origin = normalise_origin(origin);
    if origin.is_empty() || origin == "null" || kind != Some(THEME_MESSAGE) {
        return None;
    }
    if !allowed.iter().any(|a| normalise_origin(a) == origin) {
        return None;
    }
    theme?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Parsed {
        parse_params(pairs.iter().copied())
    }

    #[test]
    fn defaults_without_parameters() {
        let p = parse(&[]);
        assert_eq!(p.params, Params::default());
        assert_eq!(p.params.view, View::Aqi);
        assert_eq!(p.params.lang, Lang::Zh);
        assert_eq!(p.params.theme, Theme::Light);
        assert_eq!(p.params.size, Size::M);
        assert!(p.problems.is_empty());
        assert_eq!(p.warning(), None);
    }

    #[test]
    fn every_parameter() {
        let p = parse(&[
            ("view", "water"),
            ("station", "1119a"),
            ("lang", "en"),
            ("theme", "Dark"),
            ("size", "s"),
            ("id", "w1"),
        ]);
        assert_eq!(
            p.params,
            Params {
                view: View::Water,
                station: Some("1119A".into()),
                lang: Lang::En,
                theme: Theme::Dark,
                size: Size::S,
                id: Some("w1".into()),
            }
        );
        assert!(p.problems.is_empty());
        for v in View::ALL {
            assert_eq!(v.as_str().parse(), Ok(v));
        }
        for t in Theme::ALL {
            assert_eq!(t.as_str().parse(), Ok(t));
        }
        for s in Size::ALL {
            assert_eq!(s.as_str().parse(), Ok(s));
        }
    }

    #[test]
    fn invalid_values_fall_back_and_are_named() {
        let p = parse(&[
            ("view", "map"),
            ("theme", "neon"),
            ("size", "xl"),
            ("lang", "fr"),
            ("station", "11 19A<script>"),
            ("id", ""),
        ]);
        assert_eq!(p.params, Params::default());
        let names: Vec<&str> = p.problems.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["view", "theme", "size", "lang", "station", "id"]);
        assert!(p.problems.iter().all(|x| !x.unknown_name));
        let w = p.warning().unwrap();
        assert!(w.contains("invalid view=\"map\""), "{w}");
        assert!(w.contains("invalid theme=\"neon\""), "{w}");
    }

    #[test]
    fn an_invalid_value_keeps_the_valid_ones() {
        let p = parse(&[("view", "water"), ("theme", "purple"), ("lang", "en")]);
        assert_eq!(p.params.view, View::Water);
        assert_eq!(p.params.theme, Theme::Light);
        assert_eq!(p.params.lang, Lang::En);
        assert_eq!(p.problems.len(), 1);
    }

    #[test]
    fn unknown_names_are_named_not_fatal() {
        let p = parse(&[("colour", "red"), ("view", "report")]);
        assert_eq!(p.params.view, View::Report);
        assert_eq!(
            p.problems,
            [Problem {
                name: "colour".into(),
                value: "red".into(),
                unknown_name: true
            }]
        );
        assert!(p.warning().unwrap().contains("unknown parameter colour"));
    }

    #[test]
    fn id_limits_and_city_station() {
        let long = "x".repeat(MAX_ID_CHARS + 1);
        let p = parse(&[("id", long.as_str())]);
        assert_eq!(p.params.id, None);
        assert_eq!(p.problems.len(), 1);
        let p = parse(&[("id", "a\u{0}b")]);
        assert_eq!(p.params.id, None);
        let p = parse(&[("id", "侧栏 widget 1")]);
        assert_eq!(p.params.id.as_deref(), Some("侧栏 widget 1"));
        let p = parse(&[("station", "city")]);
        assert_eq!(p.params.station, None);
        assert!(p.problems.is_empty());
    }

    #[test]
    fn query_round_trip() {
        let params = Params {
            view: View::Aqi,
            station: Some("1119A".into()),
            lang: Lang::En,
            theme: Theme::Contrast,
            size: Size::S,
            id: Some("a b&c".into()),
        };
        let q = to_query(&params);
        assert_eq!(
            q,
            "view=aqi&station=1119A&lang=en&theme=contrast&size=s&id=a%20b%26c"
        );
        assert_eq!(to_query(&Params::default()), "view=aqi");
    }

    #[test]
    fn message_filter() {
        let allowed = vec!["https://www.example.gov.cn".to_string()];
        let ok = |origin, kind, theme| accept_message(origin, &allowed, kind, theme);
        assert_eq!(
            ok(
                "https://www.example.gov.cn",
                Some("cc-widget:theme"),
                Some("dark")
            ),
            Some(Theme::Dark)
        );
        // Trailing slash and case in the configured origin do not matter.
        assert_eq!(
            accept_message(
                "https://WWW.example.gov.cn",
                &["https://www.example.gov.cn/".to_string()],
                Some(THEME_MESSAGE),
                Some("contrast")
            ),
            Some(Theme::Contrast)
        );
        // Another origin, a look-alike, null, or an empty list: refused.
        assert_eq!(
            ok("https://evil.example", Some(THEME_MESSAGE), Some("dark")),
            None
        );
        assert_eq!(
            ok(
                "https://www.example.gov.cn.evil.example",
                Some(THEME_MESSAGE),
                Some("dark")
            ),
            None
        );
        assert_eq!(ok("null", Some(THEME_MESSAGE), Some("dark")), None);
        assert_eq!(
            accept_message(
                "https://www.example.gov.cn",
                &[],
                Some(THEME_MESSAGE),
                Some("dark")
            ),
            None
        );
        // Wrong type, missing or unknown theme: refused.
        assert_eq!(
            ok(
                "https://www.example.gov.cn",
                Some(HEIGHT_MESSAGE),
                Some("dark")
            ),
            None
        );
        assert_eq!(ok("https://www.example.gov.cn", None, Some("dark")), None);
        assert_eq!(
            ok("https://www.example.gov.cn", Some(THEME_MESSAGE), None),
            None
        );
        assert_eq!(
            ok(
                "https://www.example.gov.cn",
                Some(THEME_MESSAGE),
                Some("neon")
            ),
            None
        );
        // A wildcard in the config is not honoured.
        assert_eq!(
            accept_message(
                "https://a.example",
                &["*".to_string()],
                Some(THEME_MESSAGE),
                Some("dark")
            ),
            None
        );
    }
}
