//! `config.json`: the runtime configuration the site loads before anything else.
//!
//! Outside checks swap data by swapping this file, so its key names are fixed (see the README's
//! "Configuration" section). Parsing never panics: a syntax error carries its line and column, a
//! schema error names the key path and the reason, in both languages.

use crate::i18n::Lang;
use crate::json::{Map, Value};
use crate::report::RetryPolicy;
use crate::url::resolve;
use crate::UnknownName;
use std::fmt;
use std::str::FromStr;

/// The data formats a source may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    CnemcHourlyCsv,
    QuotsoftSitesCsv,
    OpenaqV3Json,
    CcAirJson,
    CcWaterJson,
    CnemcWaterJson,
    CcForecastJson,
    CcAlertsJson,
}

/// What a source's data is, so that a key cannot name a format of another kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedKind {
    /// Measured air quality (`air.latest`, `air.history`).
    Air,
    /// Water sections and results (`water.*`).
    Water,
    /// The air-quality forecast (`air.forecast`).
    Forecast,
    /// Heavy-pollution warnings (`air.alerts`).
    Alerts,
}

impl FeedKind {
    fn words(self, lang: Lang) -> &'static str {
        match self {
            FeedKind::Air => lang.pick("空气", "air"),
            FeedKind::Water => lang.pick("水质", "water"),
            FeedKind::Forecast => lang.pick("空气质量预报", "air-quality forecast"),
            FeedKind::Alerts => lang.pick("重污染天气预警", "heavy-pollution warning"),
        }
    }
}

impl FeedFormat {
    /// Every format with its config name, in the order the README lists them.
    pub const ALL: [(FeedFormat, &'static str); 8] = [
        (FeedFormat::CnemcHourlyCsv, "cnemc-hourly-csv"),
        (FeedFormat::QuotsoftSitesCsv, "quotsoft-sites-csv"),
        (FeedFormat::OpenaqV3Json, "openaq-v3-json"),
        (FeedFormat::CcAirJson, "cc-air-json"),
        (FeedFormat::CcWaterJson, "cc-water-json"),
        (FeedFormat::CnemcWaterJson, "cnemc-water-json"),
        (FeedFormat::CcForecastJson, "cc-forecast-json"),
        (FeedFormat::CcAlertsJson, "cc-alerts-json"),
    ];

    /// The config name, e.g. `cnemc-hourly-csv`.
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("", |(_, n)| n)
    }

    /// What this format carries.
    pub fn kind(self) -> FeedKind {
        match self {
            FeedFormat::CcWaterJson | FeedFormat::CnemcWaterJson => FeedKind::Water,
            FeedFormat::CcForecastJson => FeedKind::Forecast,
            FeedFormat::CcAlertsJson => FeedKind::Alerts,
            _ => FeedKind::Air,
        }
    }
}

/// Reads [`FeedFormat::as_str`] exactly, as config.json names it: no trimming, no case folding.
impl FromStr for FeedFormat {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Self, UnknownName> {
        Self::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(f, _)| *f)
            .ok_or(UnknownName)
    }
}

/// Where a source's files are.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceUrls {
    /// One file, or several read and merged in order.
    List(Vec<String>),
    /// One file per Beijing-time day: `{date}` becomes `YYYY-MM-DD`, for the last `days` days.
    Template { template: String, days: u32 },
}

/// One data source: a format and where to read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub format: FeedFormat,
    pub urls: SourceUrls,
    /// Every view of this data says 示例数据.
    pub sample: bool,
    /// Who publishes the data, shown in the footer and on cards.
    pub attribution: Option<String>,
}

/// The Open311 endpoint that receives reports.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportConfig {
    pub endpoint: String,
    pub jurisdiction_id: Option<String>,
    /// An identifier, not a secret: it sits in a public file.
    pub api_key: String,
    pub multipart_media: bool,
    /// `report.retry`: the outbox's retry timings, each key optional (the defaults are for
    /// production; the e2e tests shorten them so a retry takes milliseconds, not minutes).
    pub retry: RetryPolicy,
}

/// Widget settings.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetConfig {
    pub refresh_minutes: u32,
    pub message_origins: Vec<String>,
    /// `widget.air_latest`: the widget's own air source. The widget reads `cc-air-json` only (its
    /// bundle carries one parser, which keeps it small), so a site whose `air.latest` is in
    /// another format points this at a `cc-air-json` mirror (`ccdata convert` writes one).
    pub air_latest: Option<Source>,
}

impl Config {
    /// The air source the widget shows, with the config key that names it:
    /// `widget.air_latest`, else `air.latest`.
    pub fn widget_air_source(&self) -> Option<(&'static str, &Source)> {
        match (&self.widget.air_latest, &self.air_latest) {
            (Some(own), _) => Some(("widget.air_latest", own)),
            (None, Some(shared)) => Some(("air.latest", shared)),
            (None, None) => None,
        }
    }
}

/// The whole configuration, with every URL already resolved against config.json's own URL.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub air_latest: Option<Source>,
    pub air_history: Option<Source>,
    /// `air.forecast`: the city's air-quality forecast (cc-forecast-json).
    pub air_forecast: Option<Source>,
    /// `air.alerts`: heavy-pollution warnings (cc-alerts-json).
    pub air_alerts: Option<Source>,
    pub water_sections: Option<Source>,
    pub water_results: Option<Source>,
    pub report: Option<ReportConfig>,
    pub widget: WidgetConfig,
    pub max_feed_bytes: u64,
    pub default_station: Option<String>,
    pub languages: Vec<Lang>,
    /// Keys this version does not know (likely typos), for a console warning.
    pub unknown_keys: Vec<String>,
}

/// Default `limits.max_feed_bytes`: 20 MB, well above a year of one city's hourly data.
pub const DEFAULT_MAX_FEED_BYTES: u64 = 20_000_000;

/// Why config.json was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigError {
    /// Not valid JSON: line and column of the fault.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// Valid JSON that breaks the schema at `key` (a dotted path such as `air.latest.format`).
    Schema { key: String, reason: Reason },
}

/// A schema rule that a key breaks.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    NotAnObject,
    WrongType {
        expected: &'static str,
    },
    Missing,
    UnknownFormat {
        found: String,
    },
    WrongKind {
        format: &'static str,
        wanted: FeedKind,
    },
    NoUrl,
    BadTemplate,
    OutOfRange {
        min: u64,
        max: u64,
    },
    UnknownLanguage {
        found: String,
    },
}

impl ConfigError {
    fn schema(key: &str, reason: Reason) -> Self {
        ConfigError::Schema {
            key: key.to_string(),
            reason,
        }
    }

    /// The message shown to people, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ConfigError::Syntax {
                line,
                column,
                detail,
            } => match lang {
                Lang::Zh => {
                    format!("config.json 第 {line} 行第 {column} 列不是有效的 JSON：{detail}")
                }
                Lang::En => format!(
                    "config.json is not valid JSON at line {line}, column {column}: {detail}"
                ),
            },
            ConfigError::Schema { key, reason } => {
                let why = reason.text(lang);
                match lang {
                    Lang::Zh => format!("config.json 中的“{key}”有误：{why}"),
                    Lang::En => format!("config.json key \"{key}\" is wrong: {why}"),
                }
            }
        }
    }
}

impl Reason {
    fn text(&self, lang: Lang) -> String {
        let known = || {
            FeedFormat::ALL
                .iter()
                .map(|(_, n)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match (self, lang) {
            (Reason::NotAnObject, Lang::Zh) => "应为对象 {…}".into(),
            (Reason::NotAnObject, Lang::En) => "must be an object {…}".into(),
            (Reason::WrongType { expected }, Lang::Zh) => format!("类型应为 {expected}"),
            (Reason::WrongType { expected }, Lang::En) => format!("must be {expected}"),
            (Reason::Missing, Lang::Zh) => "缺少此项".into(),
            (Reason::Missing, Lang::En) => "is missing".into(),
            (Reason::UnknownFormat { found }, Lang::Zh) => {
                format!("未知的数据格式“{found}”，可用的格式：{}", known())
            }
            (Reason::UnknownFormat { found }, Lang::En) => {
                format!("unknown format \"{found}\"; known formats: {}", known())
            }
            (Reason::WrongKind { format, wanted }, Lang::Zh) => {
                format!("格式“{format}”不是{}数据", wanted.words(lang))
            }
            (Reason::WrongKind { format, wanted }, Lang::En) => {
                format!(
                    "format \"{format}\" does not carry {} data",
                    wanted.words(lang)
                )
            }
            (Reason::NoUrl, Lang::Zh) => "需要 url、urls 或 url_template 之一".into(),
            (Reason::NoUrl, Lang::En) => "needs one of url, urls or url_template".into(),
            (Reason::BadTemplate, Lang::Zh) => "url_template 必须包含 {date}".into(),
            (Reason::BadTemplate, Lang::En) => "url_template must contain {date}".into(),
            (Reason::OutOfRange { min, max }, Lang::Zh) => format!("应在 {min} 到 {max} 之间"),
            (Reason::OutOfRange { min, max }, Lang::En) => {
                format!("must be between {min} and {max}")
            }
            (Reason::UnknownLanguage { found }, Lang::Zh) => {
                format!("未知的语言“{found}”（可用 zh、en）")
            }
            (Reason::UnknownLanguage { found }, Lang::En) => {
                format!("unknown language \"{found}\" (known: zh, en)")
            }
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ConfigError {}

const TOP_KEYS: [&str; 8] = [
    "air",
    "water",
    "report",
    "widget",
    "limits",
    "default_station",
    "languages",
    "$comment",
];

/// Parses config.json's text; `base_url` is the URL it was fetched from.
pub fn parse_config(text: &str, base_url: &str) -> Result<Config, ConfigError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = crate::json::parse(text).map_err(|fe| ConfigError::Syntax {
        line: fe.line,
        column: fe.column,
        detail: fe.message,
    })?;
    let root = root
        .as_object()
        .ok_or(ConfigError::schema("(root)", Reason::NotAnObject))?;
    let mut unknown_keys: Vec<String> = root
        .keys()
        .filter(|k| !TOP_KEYS.contains(&k.as_str()))
        .cloned()
        .collect();

    let air = section(root, "air")?;
    let water = section(root, "water")?;
    let source = |sec: Option<&Map>, parent: &str, key: &str, kind: FeedKind| {
        sec.and_then(|s| s.get(key))
            .map(|v| parse_source(v, &format!("{parent}.{key}"), base_url, kind))
            .transpose()
    };
    let air_latest = source(air, "air", "latest", FeedKind::Air)?;
    let air_history = source(air, "air", "history", FeedKind::Air)?;
    let air_forecast = source(air, "air", "forecast", FeedKind::Forecast)?;
    let air_alerts = source(air, "air", "alerts", FeedKind::Alerts)?;
    let water_sections = source(water, "water", "sections", FeedKind::Water)?;
    let water_results = source(water, "water", "results", FeedKind::Water)?;
    for (name, sec, known) in [
        ("air", air, &["latest", "history", "forecast", "alerts"][..]),
        ("water", water, &["sections", "results"][..]),
        (
            "widget",
            section(root, "widget")?,
            &["refresh_minutes", "message_origins", "air_latest"][..],
        ),
    ] {
        if let Some(s) = sec {
            unknown_keys.extend(
                s.keys()
                    .filter(|k| !known.contains(&k.as_str()))
                    .map(|k| format!("{name}.{k}")),
            );
        }
    }

    let report = section(root, "report")?
        .map(|r| -> Result<ReportConfig, ConfigError> {
            Ok(ReportConfig {
                endpoint: resolve(base_url, &req_str(r, "report", "endpoint")?),
                jurisdiction_id: opt_str(r, "report", "jurisdiction_id")?,
                api_key: req_str(r, "report", "api_key")?,
                multipart_media: opt_bool(r, "report", "multipart_media")?.unwrap_or(false),
                retry: retry_policy(r)?,
            })
        })
        .transpose()?;

    let widget_section = section(root, "widget")?;
    let widget = match widget_section {
        Some(w) => WidgetConfig {
            refresh_minutes: opt_uint(w, "widget", "refresh_minutes", 1, 1440)?.unwrap_or(10)
                as u32,
            message_origins: opt_str_list(w, "widget", "message_origins")?,
            air_latest: source(widget_section, "widget", "air_latest", FeedKind::Air)?,
        },
        None => WidgetConfig {
            refresh_minutes: 10,
            message_origins: Vec::new(),
            air_latest: None,
        },
    };

    let max_feed_bytes = match section(root, "limits")? {
        Some(l) => opt_uint(l, "limits", "max_feed_bytes", 1_000, 1_000_000_000)?
            .unwrap_or(DEFAULT_MAX_FEED_BYTES),
        None => DEFAULT_MAX_FEED_BYTES,
    };

    let default_station = opt_str(root, "", "default_station")?;
    let languages = match root.get("languages") {
        None => vec![Lang::Zh, Lang::En],
        Some(v) => {
            let list = v.as_array().ok_or(ConfigError::schema(
                "languages",
                Reason::WrongType { expected: "[…]" },
            ))?;
            let mut langs = Vec::new();
            for (i, item) in list.iter().enumerate() {
                let key = format!("languages[{i}]");
                let code = item.as_str().ok_or(ConfigError::schema(
                    &key,
                    Reason::WrongType {
                        expected: "\"…\""
                    },
                ))?;
                let lang = code.parse::<Lang>().map_err(|_| {
                    ConfigError::schema(&key, Reason::UnknownLanguage { found: code.into() })
                })?;
                langs.push(lang);
            }
            if langs.is_empty() {
                return Err(ConfigError::schema("languages", Reason::Missing));
            }
            langs
        }
    };

    Ok(Config {
        air_latest,
        air_history,
        air_forecast,
        air_alerts,
        water_sections,
        water_results,
        report,
        widget,
        max_feed_bytes,
        default_station,
        languages,
        unknown_keys,
    })
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// `report.retry`: any of [`RetryPolicy`]'s fields, in milliseconds (1 ms to a day).
fn retry_policy(report: &Map) -> Result<RetryPolicy, ConfigError> {
    const PATH: &str = "report.retry";
    let r = match report.get("retry") {
        None | Some(Value::Null) => return Ok(RetryPolicy::default()),
        Some(Value::Object(r)) => r,
        Some(_) => return Err(ConfigError::schema(PATH, Reason::NotAnObject)),
    };
    let ms = |key: &str, default: u64| -> Result<u64, ConfigError> {
        Ok(opt_uint(r, PATH, key, 1, 86_400_000)?.unwrap_or(default))
    };
    let d = RetryPolicy::default();
    Ok(RetryPolicy {
        base_delay_ms: ms("base_delay_ms", d.base_delay_ms)?,
        max_delay_ms: ms("max_delay_ms", d.max_delay_ms)?,
        retry_after_cap_ms: ms("retry_after_cap_ms", d.retry_after_cap_ms)?,
        request_timeout_ms: ms("request_timeout_ms", d.request_timeout_ms)?,
    })
}

fn section<'a>(root: &'a Map, key: &str) -> Result<Option<&'a Map>, ConfigError> {
    match root.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(m)) => Ok(Some(m)),
        Some(_) => Err(ConfigError::schema(key, Reason::NotAnObject)),
    }
}

fn opt_str(m: &Map, parent: &str, key: &str) -> Result<Option<String>, ConfigError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ConfigError::schema(
            &join(parent, key),
            Reason::WrongType {
                expected: "\"…\""
            },
        )),
    }
}

fn req_str(m: &Map, parent: &str, key: &str) -> Result<String, ConfigError> {
    opt_str(m, parent, key)?
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| ConfigError::schema(&join(parent, key), Reason::Missing))
}

fn opt_bool(m: &Map, parent: &str, key: &str) -> Result<Option<bool>, ConfigError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(ConfigError::schema(
            &join(parent, key),
            Reason::WrongType {
                expected: "true/false",
            },
        )),
    }
}

fn opt_uint(
    m: &Map,
    parent: &str,
    key: &str,
    min: u64,
    max: u64,
) -> Result<Option<u64>, ConfigError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => {
            let n = v.as_u64().ok_or_else(|| {
                ConfigError::schema(
                    &join(parent, key),
                    Reason::WrongType {
                        expected: "an integer",
                    },
                )
            })?;
            if n < min || n > max {
                return Err(ConfigError::schema(
                    &join(parent, key),
                    Reason::OutOfRange { min, max },
                ));
            }
            Ok(Some(n))
        }
    }
}

fn opt_str_list(m: &Map, parent: &str, key: &str) -> Result<Vec<String>, ConfigError> {
    let path = join(parent, key);
    match m.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str().map(str::to_string).ok_or_else(|| {
                    ConfigError::schema(
                        &format!("{path}[{i}]"),
                        Reason::WrongType {
                            expected: "\"…\""
                        },
                    )
                })
            })
            .collect(),
        Some(_) => Err(ConfigError::schema(
            &path,
            Reason::WrongType {
                expected: "[\"…\", …]",
            },
        )),
    }
}

fn parse_source(
    v: &Value,
    path: &str,
    base_url: &str,
    kind: FeedKind,
) -> Result<Source, ConfigError> {
    let m = v
        .as_object()
        .ok_or(ConfigError::schema(path, Reason::NotAnObject))?;
    let format_name = req_str(m, path, "format")?;
    let format = format_name.parse::<FeedFormat>().map_err(|_| {
        ConfigError::schema(
            &join(path, "format"),
            Reason::UnknownFormat {
                found: format_name.clone(),
            },
        )
    })?;
    if format.kind() != kind {
        return Err(ConfigError::schema(
            &join(path, "format"),
            Reason::WrongKind {
                format: format.as_str(),
                wanted: kind,
            },
        ));
    }
    let urls = if let Some(url) = opt_str(m, path, "url")? {
        SourceUrls::List(vec![resolve(base_url, &url)])
    } else if m.contains_key("urls") {
        let list = opt_str_list(m, path, "urls")?;
        if list.is_empty() {
            return Err(ConfigError::schema(&join(path, "urls"), Reason::Missing));
        }
        SourceUrls::List(list.iter().map(|u| resolve(base_url, u)).collect())
    } else if let Some(template) = opt_str(m, path, "url_template")? {
        if !template.contains("{date}") {
            return Err(ConfigError::schema(
                &join(path, "url_template"),
                Reason::BadTemplate,
            ));
        }
        let days = opt_uint(m, path, "days", 1, 400)?.unwrap_or(2) as u32;
        SourceUrls::Template {
            template: resolve(base_url, &template),
            days,
        }
    } else {
        return Err(ConfigError::schema(path, Reason::NoUrl));
    };
    Ok(Source {
        format,
        urls,
        sample: opt_bool(m, path, "sample")?.unwrap_or(false),
        attribution: opt_str(m, path, "attribution")?,
    })
}

impl Source {
    /// The concrete URLs to fetch, in merge order; `today` is the current Beijing date.
    pub fn urls_for(&self, today: crate::time::Date) -> Vec<String> {
        match &self.urls {
            SourceUrls::List(list) => list.clone(),
            SourceUrls::Template { template, days } => (0..i64::from(*days))
                .rev()
                .map(|back| template.replace("{date}", &today.add_days(-back).to_string()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
