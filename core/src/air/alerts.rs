//! `cc-alerts-json`: heavy-pollution weather warnings (重污染天气预警), our own open format
//! (README "Data formats"), and which of them are in force.
//!
//! The four warning levels are those of the national heavy-pollution emergency plans
//! (《重污染天气应急预案》): 蓝色 (Ⅳ级), 黄色 (Ⅲ级), 橙色 (Ⅱ级), 红色 (Ⅰ级, the most
//! severe); a city uses the ones its own plan names. A warning is in force from `starts` until
//! `ends` (open-ended without one); the views show every warning in force, the most severe
//! first, and change exactly at the next start or end ([`next_change`]), without a reload.
//!
//! A link is kept only when it is `http(s)`: a feed must not be able to put a `javascript:` URL
//! in front of every reader. Texts are texts: the views never read them as markup.

use crate::i18n::{Lang, Text};
use crate::json::{Map, Value};
use crate::json_doc::{optional_text, read_header, required_minute, required_text};
use crate::time::Minute;
use crate::FeedError;

/// The value of `"format"`.
pub const FORMAT: &str = "cc-alerts-json";
/// The supported `"version"`.
pub const VERSION: u64 = 1;
/// Warnings a file may hold (a city has one at a time; a history of a season stays far below).
pub const MAX_ALERTS: usize = 50;

/// A warning level, least severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AlertLevel {
    Blue,
    Yellow,
    Orange,
    Red,
}

impl AlertLevel {
    /// Every level with its code in the format.
    pub const ALL: [(AlertLevel, &'static str); 4] = [
        (AlertLevel::Blue, "blue"),
        (AlertLevel::Yellow, "yellow"),
        (AlertLevel::Orange, "orange"),
        (AlertLevel::Red, "red"),
    ];

    /// `blue`, `yellow`, `orange`, `red`: the code in the format and in CSS class names.
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(l, _)| *l == self)
            .map_or("", |(_, code)| code)
    }

    /// Reads a code, or the Chinese name (`橙色`, `橙色预警`, `橙`).
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        let t = t.strip_suffix("预警").unwrap_or(t);
        let t = t.strip_suffix('色').unwrap_or(t);
        match t.to_ascii_lowercase().as_str() {
            "blue" | "蓝" => Some(AlertLevel::Blue),
            "yellow" | "黄" => Some(AlertLevel::Yellow),
            "orange" | "橙" => Some(AlertLevel::Orange),
            "red" | "红" => Some(AlertLevel::Red),
            _ => None,
        }
    }

    /// 橙色预警（Ⅱ级） / Orange warning (level II): the level in words, never the colour alone.
    pub fn name(self) -> Text {
        match self {
            AlertLevel::Blue => Text {
                zh: "蓝色预警（Ⅳ级）",
                en: "Blue warning (level IV)",
            },
            AlertLevel::Yellow => Text {
                zh: "黄色预警（Ⅲ级）",
                en: "Yellow warning (level III)",
            },
            AlertLevel::Orange => Text {
                zh: "橙色预警（Ⅱ级）",
                en: "Orange warning (level II)",
            },
            AlertLevel::Red => Text {
                zh: "红色预警（Ⅰ级）",
                en: "Red warning (level I, the most severe)",
            },
        }
    }
}

/// One warning as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    pub level: AlertLevel,
    pub issuer: String,
    pub issued: Minute,
    pub starts: Minute,
    /// `None`: in force until lifted (the issuer removes it from the file or gives an end).
    pub ends: Option<Minute>,
    pub headline: String,
    pub headline_en: Option<String>,
    /// The measures in force (机动车限行, 停止室外大型活动 …), in the issuer's words.
    pub measures: Vec<String>,
    /// The measures in English, if the issuer gives them.
    pub measures_en: Vec<String>,
    /// The issuer's page about the warning (`http` or `https` only).
    pub url: Option<String>,
}

/// A warnings file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alerts {
    pub sample: bool,
    pub alerts: Vec<Alert>,
    /// Warnings and cells that could not be read, by key path.
    pub skipped: Vec<FeedError>,
}

/// The heading of every warnings view.
pub const HEADING: Text = Text {
    zh: "重污染天气预警",
    en: "Heavy air pollution warning",
};

/// Before the list of measures.
pub const MEASURES: Text = Text {
    zh: "应急措施",
    en: "Measures in force",
};
/// The link to the issuer's page.
pub const DETAILS: Text = Text {
    zh: "预警详情（发布单位网站）",
    en: "Details (the issuer's website)",
};
/// Said when the warnings file cannot be read: the reader must not take silence for "none".
pub const UNREADABLE: Text = Text {
    zh: "重污染天气预警信息暂时无法读取，请以发布单位的通知为准。",
    en: "The heavy-pollution warnings cannot be read at the moment; rely on the issuer's notices.",
};

impl Alert {
    /// Whether the warning is in force at `now`: from its start until (not including) its end.
    pub fn in_force(&self, now: Minute) -> bool {
        self.starts <= now && self.ends.is_none_or(|end| now < end)
    }

    /// The headline in `lang`, with the language it is in.
    pub fn headline(&self, lang: Lang) -> (&str, Lang) {
        match (lang, &self.headline_en) {
            (Lang::En, Some(en)) => (en, Lang::En),
            _ => (&self.headline, Lang::Zh),
        }
    }

    /// The measures in `lang`, with the language they are in.
    pub fn measures(&self, lang: Lang) -> (&[String], Lang) {
        if lang == Lang::En && !self.measures_en.is_empty() {
            (&self.measures_en, Lang::En)
        } else {
            (&self.measures, Lang::Zh)
        }
    }

    /// 有效期：2021-12-05 20:00 至 2021-12-08 24:00（北京时间） / Valid … until lifted.
    pub fn validity(&self, lang: Lang) -> String {
        match (lang, self.ends) {
            (Lang::Zh, Some(end)) => format!("有效期：{} 至 {}（北京时间）", self.starts, end),
            (Lang::Zh, None) => format!("自 {}（北京时间）起，直至解除", self.starts),
            (Lang::En, Some(end)) => {
                format!("In force from {} to {} Beijing time", self.starts, end)
            }
            (Lang::En, None) => format!("In force from {} Beijing time until lifted", self.starts),
        }
    }

    /// 长春市重污染天气应急指挥部 于 … 发布 / Issued by … at ….
    pub fn issued_line(&self, lang: Lang) -> String {
        super::forecast::issued_by(&self.issuer, self.issued, lang)
    }
}

/// The warnings in force at `now`, the most severe first (then the earliest start).
pub fn in_force(alerts: &Alerts, now: Minute) -> Vec<&Alert> {
    let mut shown: Vec<&Alert> = alerts.alerts.iter().filter(|a| a.in_force(now)).collect();
    crate::order::sort_by(&mut shown, |a, b| {
        b.level.cmp(&a.level).then(a.starts.cmp(&b.starts))
    });
    shown
}

/// The first minute after `now` at which the warnings in force change (a start or an end), for
/// the views' timer; `None` when nothing will change without a new file.
pub fn next_change(alerts: &Alerts, now: Minute) -> Option<Minute> {
    alerts
        .alerts
        .iter()
        .flat_map(|a| [Some(a.starts), a.ends])
        .flatten()
        .filter(|m| *m > now)
        .min()
}

/// Parses a cc-alerts-json document. The header (format, version, the `alerts` array) must be
/// right; after it, a warning that cannot be read is skipped and a bad optional cell (an English
/// text, a link, one measure) is left out, each recorded in [`Alerts::skipped`].
pub fn parse_cc_alerts_json(text: &str) -> Result<Alerts, FeedError> {
    let (root, sample) = read_header(text, FORMAT, VERSION)?;
    let raw = root
        .get("alerts")
        .and_then(Value::as_array)
        .ok_or_else(|| FeedError::whole("alerts: expected an array [{…}, …]"))?;
    let mut skipped = Vec::new();
    let mut alerts = Vec::with_capacity(raw.len().min(MAX_ALERTS));
    for (i, item) in raw.iter().enumerate() {
        let path = format!("alerts[{i}]");
        if alerts.len() == MAX_ALERTS {
            skipped.push(FeedError::whole(format!(
                "{path}: a file holds at most {MAX_ALERTS} warnings"
            )));
            continue;
        }
        match read_alert(item, &path, &mut skipped) {
            Ok(alert) => alerts.push(alert),
            Err(e) => skipped.push(e),
        }
    }
    Ok(Alerts {
        sample,
        alerts,
        skipped,
    })
}

fn read_alert(item: &Value, path: &str, skipped: &mut Vec<FeedError>) -> Result<Alert, FeedError> {
    let alert = item
        .as_object()
        .ok_or_else(|| FeedError::whole(format!("{path}: expected an object {{…}}")))?;
    let level = alert
        .get("level")
        .and_then(Value::as_str)
        .and_then(AlertLevel::parse)
        .ok_or_else(|| {
            FeedError::whole(format!(
                "{path}.level: expected blue, yellow, orange or red (蓝色, 黄色, 橙色, 红色)"
            ))
        })?;
    let starts = required_minute(alert, "starts", path)?;
    let ends = match alert.get("ends") {
        None | Some(Value::Null) => None,
        Some(_) => Some(required_minute(alert, "ends", path)?),
    };
    if ends.is_some_and(|end| end <= starts) {
        return Err(FeedError::whole(format!(
            "{path}.ends: must be after starts"
        )));
    }
    Ok(Alert {
        level,
        issuer: required_text(alert, "issuer", path, "the issuer's name")?,
        issued: required_minute(alert, "issued", path)?,
        starts,
        ends,
        headline: required_text(alert, "headline", path, "a headline")?,
        headline_en: optional_text(alert, "headline_en", path, skipped),
        measures: text_list(alert, "measures", path, skipped),
        measures_en: text_list(alert, "measures_en", path, skipped),
        url: optional_text(alert, "url", path, skipped).and_then(|url| {
            let lower = url.to_ascii_lowercase();
            if lower.starts_with("https://") || lower.starts_with("http://") {
                Some(url)
            } else {
                skipped.push(FeedError::whole(format!(
                    "{path}.url: only http and https links are shown"
                )));
                None
            }
        }),
    })
}

/// An optional array of texts; an entry that is not a text costs that entry.
fn text_list(object: &Map, key: &str, path: &str, skipped: &mut Vec<FeedError>) -> Vec<String> {
    match object.get(key) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(j, v)| match v.as_str().map(str::trim) {
                Some(s) if !s.is_empty() => Some(s.to_string()),
                _ => {
                    skipped.push(FeedError::whole(format!(
                        "{path}.{key}[{j}]: expected a text"
                    )));
                    None
                }
            })
            .collect(),
        Some(_) => {
            skipped.push(FeedError::whole(format!(
                "{path}.{key}: expected an array of texts"
            )));
            Vec::new()
        }
    }
}

/// Writes `alerts` as cc-alerts-json (what [`parse_cc_alerts_json`] reads back).
pub fn write_cc_alerts_json(alerts: &Alerts) -> String {
    let quote = crate::json::quote;
    let list = |items: &[String]| {
        items
            .iter()
            .map(|s| quote(s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let entries: Vec<String> = alerts
        .alerts
        .iter()
        .map(|a| {
            let mut e = format!(
                "{{\"level\": \"{}\", \"issuer\": {}, \"issued\": \"{}\", \"starts\": \"{}\", \"ends\": {},\n     \"headline\": {}",
                a.level.as_str(),
                quote(&a.issuer),
                a.issued.to_iso(),
                a.starts.to_iso(),
                a.ends.map_or("null".to_string(), |m| format!("\"{}\"", m.to_iso())),
                quote(&a.headline)
            );
            if let Some(en) = &a.headline_en {
                e += &format!(", \"headline_en\": {}", quote(en));
            }
            e += &format!(",\n     \"measures\": [{}]", list(&a.measures));
            if !a.measures_en.is_empty() {
                e += &format!(",\n     \"measures_en\": [{}]", list(&a.measures_en));
            }
            if let Some(url) = &a.url {
                e += &format!(",\n     \"url\": {}", quote(url));
            }
            e + "}"
        })
        .collect();
    format!(
        "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},\n  \"sample\": {},\n  \"alerts\": [\n    {}\n  ]\n}}\n",
        alerts.sample,
        entries.join(",\n    ")
    )
}

#[cfg(test)]
#[path = "alerts_tests.rs"]
mod tests;
