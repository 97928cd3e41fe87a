//! `cc-forecast-json`: the city's air-quality forecast (空气质量预报), our own open format
//! (README "Data formats"), and what the views show of it.
//!
//! A day's level is the HJ 633-2012 表2 level of its AQI range ([`Level::from_aqi`] of each
//! end), so a forecast cannot say 良 for AQI 120; a forecast with only a level range is read as
//! such. A forecast is shown only while it is fresh: [`FRESH_FOR_HOURS`] after it was issued, or
//! once none of its days is today or later, the views say 暂无预报 and why, never old days as if
//! they were current.
//!
//! The document is read through [`crate::json::Value`] (as config.json is), so
//! problems are named by their key path (`days[2].aqi`) rather than by line and column. A bad
//! day costs that day, a bad cell of a day (its primary pollutants, its text) costs that cell.

use super::{Level, Pollutant, PollutantSet};
use crate::i18n::{Lang, Text};
use crate::json::Value;
use crate::json_doc::{optional_text, read_header, required_minute, required_text};
use crate::time::{Date, Minute};
use crate::FeedError;

/// The value of `"format"`.
pub const FORMAT: &str = "cc-forecast-json";
/// The supported `"version"`.
pub const VERSION: u64 = 1;
/// Days a forecast may hold (CNEMC's regional forecasts reach 7 days).
pub const MAX_DAYS: usize = 7;
/// Hours after its issue time that a forecast is still shown: a daily forecast issued in the
/// afternoon is replaced the next afternoon; half a day more allows one late issue.
pub const FRESH_FOR_HOURS: i64 = 36;

/// A forecast as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub sample: bool,
    /// Who made the forecast, e.g. 长春市生态环境监测中心.
    pub issuer: String,
    pub issued_at: Minute,
    /// By date, at most [`MAX_DAYS`], no date twice.
    pub days: Vec<ForecastDay>,
    /// Days and cells that could not be read, by key path.
    pub skipped: Vec<FeedError>,
}

/// One forecast day.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastDay {
    pub date: Date,
    /// The AQI range, low to high; `None` when only a level range was published.
    pub aqi: Option<(u16, u16)>,
    /// The level range, low to high (equal for a single level).
    pub levels: (Level, Level),
    pub primary: PollutantSet,
    /// The issuer's own words for the day, if any, in Chinese…
    pub text: Option<String>,
    /// …and in English, if the issuer gives them.
    pub text_en: Option<String>,
}

/// Why there is no forecast to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoForecast {
    /// config.json names no `air.forecast`.
    NotConfigured,
    /// config.json itself could not be used (the page says why, once).
    ConfigUnusable,
    /// The forecast file could not be fetched or read.
    Unreadable,
    /// The file holds no day.
    Empty,
    /// The newest forecast is more than [`FRESH_FOR_HOURS`] old.
    Stale { issued_at: Minute },
    /// Every day of the forecast is before today.
    Past { issued_at: Minute },
}

impl NoForecast {
    /// 暂无预报 with the reason, in `lang`.
    pub fn message(self, lang: Lang) -> String {
        let head = lang.pick("暂无预报", "No forecast available");
        let why = match (self, lang) {
            (NoForecast::NotConfigured, Lang::Zh) => "本站未配置空气质量预报".to_string(),
            (NoForecast::NotConfigured, Lang::En) => {
                "this site has no air-quality forecast source".to_string()
            }
            (NoForecast::ConfigUnusable, Lang::Zh) => "站点配置有误，无法找到预报".to_string(),
            (NoForecast::ConfigUnusable, Lang::En) => {
                "the site configuration has a problem, so the forecast cannot be found".to_string()
            }
            (NoForecast::Unreadable, Lang::Zh) => "预报文件无法读取".to_string(),
            (NoForecast::Unreadable, Lang::En) => "the forecast file could not be read".to_string(),
            (NoForecast::Empty, Lang::Zh) => "预报文件中没有任何一天的预报".to_string(),
            (NoForecast::Empty, Lang::En) => "the forecast file holds no day".to_string(),
            (NoForecast::Stale { issued_at }, Lang::Zh) => {
                format!("最新预报发布于 {issued_at}（北京时间），已超过 {FRESH_FOR_HOURS} 小时")
            }
            (NoForecast::Stale { issued_at }, Lang::En) => format!(
                "the newest forecast was issued at {issued_at} Beijing time, more than {FRESH_FOR_HOURS} hours ago"
            ),
            (NoForecast::Past { issued_at }, Lang::Zh) => {
                format!("发布于 {issued_at} 的预报只包含今天以前的日期")
            }
            (NoForecast::Past { issued_at }, Lang::En) => {
                format!("the forecast issued at {issued_at} covers only days before today")
            }
        };
        match lang {
            Lang::Zh => format!("{head}：{why}。"),
            Lang::En => format!("{head}: {why}."),
        }
    }
}

/// The heading of every forecast view.
pub const HEADING: Text = Text {
    zh: "空气质量预报",
    en: "Air quality forecast",
};
/// Before a day's primary pollutants.
pub const PRIMARY: Text = Text {
    zh: "首要污染物",
    en: "Main pollutant",
};

impl Forecast {
    /// 绿色长春… 于 2021-12-31 16:00（北京时间）发布 / Issued by … at … Beijing time.
    pub fn issued_line(&self, lang: Lang) -> String {
        issued_by(&self.issuer, self.issued_at, lang)
    }
}

/// `issuer` 于 `at`（北京时间）发布 / Issued by `issuer` at `at` Beijing time: the forecast's and
/// the warnings' line.
pub(crate) fn issued_by(issuer: &str, at: Minute, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{issuer} 于 {at}（北京时间）发布"),
        Lang::En => format!("Issued by {issuer} at {at} Beijing time"),
    }
}

/// The days to show at `now`: from today on, while the forecast is fresh.
pub fn current_days(forecast: &Forecast, now: Minute) -> Result<&[ForecastDay], NoForecast> {
    let issued_at = forecast.issued_at;
    if forecast.days.is_empty() {
        return Err(NoForecast::Empty);
    }
    if now.0 - issued_at.0 > FRESH_FOR_HOURS * 60 {
        return Err(NoForecast::Stale { issued_at });
    }
    let today = now.date();
    let first = forecast.days.partition_point(|d| d.date < today);
    match forecast.days.get(first..) {
        Some(days) if !days.is_empty() => Ok(days),
        _ => Err(NoForecast::Past { issued_at }),
    }
}

impl ForecastDay {
    /// 今天 / 明天 / 后天, else 12月9日 (Today, Tomorrow, else Wed 9 Dec).
    pub fn day_name(&self, today: Date, lang: Lang) -> String {
        let ahead = self.date.to_days() - today.to_days();
        let near = match ahead {
            0 => Some(Text {
                zh: "今天",
                en: "Today",
            }),
            1 => Some(Text {
                zh: "明天",
                en: "Tomorrow",
            }),
            2 if lang == Lang::Zh => Some(Text {
                zh: "后天", en: ""
            }),
            _ => None,
        };
        if let Some(t) = near {
            return t.get(lang).to_string();
        }
        let weekday = self.date.weekday();
        match lang {
            Lang::Zh => format!(
                "{}月{}日 周{}",
                self.date.month,
                self.date.day,
                ["一", "二", "三", "四", "五", "六", "日"][usize::from(weekday)]
            ),
            Lang::En => format!(
                "{} {} {}",
                ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][usize::from(weekday)],
                self.date.day,
                [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec"
                ][usize::from(self.date.month.saturating_sub(1)).min(11)]
            ),
        }
    }

    /// 良 or 良至轻度污染 (Good, Good to lightly polluted).
    pub fn level_words(&self, lang: Lang) -> String {
        let (low, high) = self.levels;
        if low == high {
            return low.name().get(lang).to_string();
        }
        match lang {
            Lang::Zh => format!("{}至{}", low.name().zh, high.name().zh),
            // ASCII: `str::to_lowercase` would link Unicode's case tables (15 KB) for names
            // that are plain English.
            Lang::En => format!(
                "{} to {}",
                low.name().en,
                high.name().en.to_ascii_lowercase()
            ),
        }
    }

    /// The issuer's words in `lang`, with the language they are in (Chinese when there is no
    /// English text).
    pub fn words(&self, lang: Lang) -> Option<(&str, Lang)> {
        match (lang, &self.text_en, &self.text) {
            (Lang::En, Some(en), _) => Some((en, Lang::En)),
            (_, _, Some(zh)) => Some((zh, Lang::Zh)),
            _ => None,
        }
    }

    /// `55–75`, or `None` without an AQI range.
    pub fn aqi_text(&self) -> Option<String> {
        self.aqi.map(|(low, high)| {
            if low == high {
                low.to_string()
            } else {
                format!("{low}–{high}")
            }
        })
    }
}

/// Parses a cc-forecast-json document. The header (format, version, issuer, issue time, the
/// `days` array) must be right; after it, a bad day is skipped and a bad cell of a day is left
/// out, each recorded in [`Forecast::skipped`].
pub fn parse_cc_forecast_json(text: &str) -> Result<Forecast, FeedError> {
    let (root, sample) = read_header(text, FORMAT, VERSION)?;
    let issuer = required_text(&root, "issuer", "", "the issuer's name")?;
    let issued_at = required_minute(&root, "issued_at", "")?;
    let raw_days = root
        .get("days")
        .and_then(Value::as_array)
        .ok_or_else(|| FeedError::whole("days: expected an array [{…}, …]"))?;

    let mut skipped = Vec::new();
    let mut days: Vec<ForecastDay> = Vec::with_capacity(raw_days.len().min(MAX_DAYS));
    for (i, raw) in raw_days.iter().enumerate() {
        let path = format!("days[{i}]");
        match read_day(raw, &path, &mut skipped) {
            Ok(day) if days.iter().any(|d| d.date == day.date) => {
                skipped.push(FeedError::whole(format!(
                    "{path}.date: {} is forecast twice; the first is kept",
                    day.date
                )))
            }
            Ok(_) if days.len() == MAX_DAYS => skipped.push(FeedError::whole(format!(
                "{path}: a forecast holds at most {MAX_DAYS} days"
            ))),
            Ok(day) => days.push(day),
            Err(e) => skipped.push(e),
        }
    }
    if days.is_empty() && !raw_days.is_empty() {
        if let Some(first) = skipped.first() {
            return Err(FeedError::no_usable_row(first, skipped.len()));
        }
    }
    crate::order::sort_by_key(&mut days, |d| d.date);
    Ok(Forecast {
        sample,
        issuer,
        issued_at,
        days,
        skipped,
    })
}

fn read_day(
    raw: &Value,
    path: &str,
    skipped: &mut Vec<FeedError>,
) -> Result<ForecastDay, FeedError> {
    let bad = |key: &str, why: &str| FeedError::whole(format!("{path}.{key}: {why}"));
    let day = raw
        .as_object()
        .ok_or_else(|| FeedError::whole(format!("{path}: expected an object {{…}}")))?;
    let date = day
        .get("date")
        .and_then(Value::as_str)
        .and_then(Date::parse)
        .ok_or_else(|| bad("date", "expected a date like 2022-01-01"))?;
    let aqi = match day.get("aqi") {
        None | Some(Value::Null) => None,
        Some(v) => Some(pair(v, 0, 500).ok_or_else(|| {
            bad(
                "aqi",
                "expected [low, high], whole numbers 0–500, low ≤ high",
            )
        })?),
    };
    let published_levels = match day.get("level") {
        None | Some(Value::Null) => None,
        Some(v) => match pair(v, 1, 6).and_then(|(l, h)| Some((level(l)?, level(h)?))) {
            Some(levels) => Some(levels),
            // Without an AQI range the level is all the day has.
            None if aqi.is_none() => {
                return Err(bad("level", "expected a level 1–6 or [low, high]"))
            }
            None => {
                skipped.push(bad("level", "expected a level 1–6 or [low, high]"));
                None
            }
        },
    };
    let levels = match (aqi, published_levels) {
        (Some((low, high)), published) => {
            let from_aqi = (Level::from_aqi(low), Level::from_aqi(high));
            if published.is_some_and(|p| p != from_aqi) {
                skipped.push(bad(
                    "level",
                    "does not match the AQI range (HJ 633 表2); the AQI range's level is shown",
                ));
            }
            from_aqi
        }
        (None, Some(levels)) => levels,
        (None, None) => return Err(bad("aqi", "a day needs an AQI range or a level")),
    };
    let mut primary = PollutantSet::EMPTY;
    match day.get("primary") {
        None | Some(Value::Null) => {}
        Some(Value::Array(names)) => {
            for (j, name) in names.iter().enumerate() {
                match name.as_str().and_then(Pollutant::parse_name) {
                    Some(p) => primary.insert(p),
                    None => skipped.push(FeedError::whole(format!(
                        "{path}.primary[{j}]: not a pollutant name (PM2.5, PM10, O3_8h, NO2, SO2, CO …)"
                    ))),
                }
            }
        }
        Some(_) => skipped.push(bad("primary", "expected an array of pollutant names")),
    }
    Ok(ForecastDay {
        date,
        aqi,
        levels,
        primary,
        text: optional_text(day, "text", path, skipped),
        text_en: optional_text(day, "text_en", path, skipped),
    })
}

/// `n` or `[low, high]` with `min ≤ low ≤ high ≤ max`.
fn pair(v: &Value, min: u64, max: u64) -> Option<(u16, u16)> {
    let one = |v: &Value| {
        v.as_u64()
            .filter(|n| (min..=max).contains(n))
            .and_then(|n| u16::try_from(n).ok())
    };
    let (low, high) = match v {
        Value::Array(ends) if ends.len() == 2 => (one(ends.first()?)?, one(ends.get(1)?)?),
        Value::Number(_) => (one(v)?, one(v)?),
        _ => return None,
    };
    (low <= high).then_some((low, high))
}

/// A name [`Pollutant::parse_name`] reads back: the English one, with the ozone averages
/// spelt as codes.
fn written_name(p: Pollutant) -> &'static str {
    match p {
        Pollutant::O3_1h => "O3_1h",
        Pollutant::O3_8h => "O3_8h",
        other => other.name().en,
    }
}

fn level(number: u16) -> Option<Level> {
    Level::ALL.get(usize::from(number).checked_sub(1)?).copied()
}

/// Writes `forecast` as cc-forecast-json (what [`parse_cc_forecast_json`] reads back), one day
/// per line, keys in the order the README documents them.
pub fn write_cc_forecast_json(forecast: &Forecast) -> String {
    let quote = crate::json::quote;
    let days: Vec<String> = forecast
        .days
        .iter()
        .map(|d| {
            let mut day = format!("{{\"date\": \"{}\"", d.date);
            match d.aqi {
                Some((low, high)) => day += &format!(", \"aqi\": [{low}, {high}]"),
                None => {
                    let (low, high) = d.levels;
                    day += &format!(", \"level\": [{}, {}]", low.number(), high.number());
                }
            }
            let primary: Vec<String> = d.primary.iter().map(|p| quote(written_name(p))).collect();
            day += &format!(", \"primary\": [{}]", primary.join(", "));
            for (key, text) in [("text", &d.text), ("text_en", &d.text_en)] {
                if let Some(t) = text {
                    day += &format!(", \"{key}\": {}", quote(t));
                }
            }
            day + "}"
        })
        .collect();
    format!(
        "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},\n  \"sample\": {},\n  \
         \"issuer\": {},\n  \"issued_at\": \"{}\",\n  \"days\": [\n    {}\n  ]\n}}\n",
        forecast.sample,
        quote(&forecast.issuer),
        forecast.issued_at.to_iso(),
        days.join(",\n    ")
    )
}

#[cfg(test)]
#[path = "forecast_tests.rs"]
mod tests;
