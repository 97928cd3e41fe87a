//! A year's air figures as the bureau's annual review reports them, from the city's daily
//! values: 优良天数 and 优良率 (over valid days, [`super::stats`]), days per level,
//! heavy-pollution days (daily AQI > 200: 重度 and 严重), the longest run of good days, the
//! 空气质量综合指数, and the annual evaluation of each pollutant per HJ 663-2013 — the annual
//! means of PM2.5, PM10, SO2 and NO2, CO as the 95th percentile of daily means and O3 as the
//! 90th percentile of daily maximum 8-hour means (式(A.5), [`super::stats::percentile`]) —
//! against the GB 3095-2012 二级 limits: 达标, or 超标 by (C − S) / S times (超标倍数).
//!
//! A statistic from fewer than [`VALID_DAYS_PER_YEAR`] daily values is shown but not judged
//! (GB 3095-2012 表4: an annual statistic needs 324 daily values [memory]).

use super::aggregate::CityDay;
use super::pollutant::{Pollutant, Species};
use super::round;
use super::stats::{period_stats, PeriodStats};
use crate::decimal::fixed;
use crate::i18n::{Lang, Text};
use crate::time::Date;

/// Daily values an annual statistic needs to be judged against the standard.
pub const VALID_DAYS_PER_YEAR: u32 = 324;

/// Daily AQI above which a day counts as a heavy-pollution day (重度污染 and worse).
pub const HEAVY_POLLUTION_AQI: u16 = 200;

/// The daily item a pollutant's annual statistic is taken over: O3's daily maximum 8-hour mean,
/// the others' daily means.
pub fn daily_item(species: Species) -> Pollutant {
    match species {
        Species::O3 => Pollutant::O3_8h,
        other => other.hourly_pollutant(),
    }
}

/// The GB 3095-2012 二级 limit a pollutant's annual statistic is judged against: the annual
/// limits of PM2.5, PM10, SO2 and NO2, the 24-hour limit of CO and the daily maximum 8-hour limit
/// of O3 (the same divisors as the 综合指数).
pub fn annual_limit(species: Species) -> f64 {
    match species {
        Species::Pm25 => 35.0,
        Species::Pm10 => 70.0,
        Species::So2 => 60.0,
        Species::No2 => 40.0,
        Species::Co => 4.0,
        Species::O3 => 160.0,
    }
}

/// What a pollutant's annual statistic is.
pub fn annual_statistic(species: Species) -> Text {
    match species {
        Species::Co => Text {
            zh: "日均值第95百分位数",
            en: "95th percentile of daily means",
        },
        Species::O3 => Text {
            zh: "日最大8小时平均第90百分位数",
            en: "90th percentile of daily maximum 8-hour means",
        },
        _ => Text {
            zh: "年平均浓度",
            en: "annual mean",
        },
    }
}

/// How an annual statistic compares with its limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// At or below the limit (达标).
    Meets,
    /// Above the limit by `times` × the limit (超标倍数, two decimals).
    Exceeds {
        /// (C − S) / S.
        times: f64,
    },
}

impl Verdict {
    /// 达标 / 超标 0.20 倍, in `lang`.
    pub fn text(self, lang: Lang) -> String {
        match (self, lang) {
            (Verdict::Meets, Lang::Zh) => "达标".into(),
            (Verdict::Meets, Lang::En) => "meets the standard".into(),
            (Verdict::Exceeds { times }, Lang::Zh) => format!("超标 {} 倍", fixed(times, 2)),
            (Verdict::Exceeds { times }, Lang::En) => {
                format!("exceeds the standard by {} times", fixed(times, 2))
            }
        }
    }
}

/// One pollutant's annual statistic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemEvaluation {
    pub species: Species,
    /// The statistic, rounded like a concentration; `None` without a daily value.
    pub value: Option<f64>,
    /// Daily values it was taken over.
    pub days: u32,
}

impl ItemEvaluation {
    /// Whether enough daily values exist to judge the statistic.
    pub fn judged(&self) -> bool {
        self.days >= VALID_DAYS_PER_YEAR
    }

    /// 达标 or 超标, or `None` when there are too few daily values to judge.
    pub fn verdict(&self) -> Option<Verdict> {
        let value = self.value.filter(|_| self.judged())?;
        let limit = annual_limit(self.species);
        Some(if value <= limit {
            Verdict::Meets
        } else {
            Verdict::Exceeds {
                times: round::half_even((value - limit) / limit, 2),
            }
        })
    }
}

/// The longest run of consecutive good days (daily AQI ≤ 100); a day without a daily AQI ends
/// a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GoodRun {
    pub days: u32,
    /// Its first day (the earliest, if two runs are equally long).
    pub first: Option<Date>,
}

/// A year's air figures.
#[derive(Debug, Clone, PartialEq)]
pub struct AirYear {
    /// 优良天数, days per level, means, percentiles and the 综合指数.
    pub stats: PeriodStats,
    /// Days with a daily AQI above [`HEAVY_POLLUTION_AQI`].
    pub heavy_days: u32,
    pub longest_good_run: GoodRun,
    /// The six pollutants in [`Species::ALL`] order (PM2.5 first, as bulletins list them).
    pub items: [ItemEvaluation; 6],
}

impl AirYear {
    pub fn year(&self) -> i32 {
        self.stats.year
    }

    /// Whether every item has enough daily values to be judged (then the 综合指数 is valid too).
    pub fn complete(&self) -> bool {
        self.items.iter().all(ItemEvaluation::judged)
    }
}

/// The years that have daily values, oldest first.
pub fn years_with_days(days: &[CityDay]) -> Vec<i32> {
    let mut years: Vec<i32> = days.iter().map(|d| d.date.year).collect();
    crate::order::sort_by(&mut years, |a, b| a.cmp(b));
    years.dedup();
    years
}

/// The figures of `year` from the city's daily values; `None` if no day of that year is present.
pub fn air_year(days: &[CityDay], year: i32) -> Option<AirYear> {
    let mut of_year: Vec<&CityDay> = days.iter().filter(|d| d.date.year == year).collect();
    if of_year.is_empty() {
        return None;
    }
    crate::order::sort_by_key(&mut of_year, |d| d.date);
    let stats = period_stats(days, year, None);
    let heavy_days = of_year
        .iter()
        .filter(|d| d.assessment.aqi().is_some_and(|a| a > HEAVY_POLLUTION_AQI))
        .count() as u32;
    let items = Species::ALL.map(|species| {
        let item = daily_item(species).index();
        let days = of_year
            .iter()
            .filter(|d| d.values.get(item).copied().flatten().is_some())
            .count() as u32;
        let value = match species {
            Species::Co => stats.co_p95,
            Species::O3 => stats.o3_8h_p90,
            _ => stats.mean.get(species.index()).copied().flatten(),
        };
        ItemEvaluation {
            species,
            value,
            days,
        }
    });
    Some(AirYear {
        stats,
        heavy_days,
        longest_good_run: longest_good_run(&of_year),
        items,
    })
}

/// The longest good run of `days`, which are in date order.
fn longest_good_run(days: &[&CityDay]) -> GoodRun {
    let mut best = GoodRun::default();
    let mut current = GoodRun::default();
    let mut previous: Option<Date> = None;
    for d in days {
        let good = d.assessment.aqi().is_some_and(|a| a <= 100);
        let follows = previous.is_some_and(|p| p.add_days(1) == d.date);
        if !good {
            current = GoodRun::default();
        } else if follows && current.days > 0 {
            current.days += 1;
        } else {
            current = GoodRun {
                days: 1,
                first: Some(d.date),
            };
        }
        if current.days > best.days {
            best = current;
        }
        previous = Some(d.date);
    }
    best
}

/// The year in a few sentences a citizen reads: good days and their share, heavy-pollution
/// days, and which of the six pollutants meet the standard (those with enough days).
pub fn air_year_summary(y: &AirYear, lang: Lang) -> String {
    let g = &y.stats.good;
    let rate = g
        .rate_percent
        .map_or("—".to_string(), |r| format!("{}%", fixed(r, 1)));
    let (year, heavy) = (y.year(), y.heavy_days);
    let mut out = match lang {
        Lang::Zh => format!(
            "{year}年，全市有效监测 {} 天，其中优良天数 {} 天，优良率 {rate}；重污染天数 {heavy} 天。",
            g.valid, g.good
        ),
        Lang::En => format!(
            "In {year} the city had {} good days out of {} with a daily AQI ({rate}) and {heavy} heavy-pollution days.",
            g.good, g.valid
        ),
    };
    let judged: Vec<&ItemEvaluation> = y.items.iter().filter(|i| i.verdict().is_some()).collect();
    let over: Vec<&str> = judged
        .iter()
        .filter(|i| matches!(i.verdict(), Some(Verdict::Exceeds { .. })))
        .map(|i| i.species.label())
        .collect();
    let n = judged.len();
    let sentence = match (lang, over.is_empty()) {
        _ if n == 0 => String::new(),
        (Lang::Zh, true) => format!("参与评价的 {n} 项污染物均达到国家二级标准。"),
        (Lang::Zh, false) => format!(
            "参与评价的 {n} 项污染物中，{} 项超过国家二级标准：{}。",
            over.len(),
            over.join("、")
        ),
        (Lang::En, true) => {
            format!(" All {n} pollutants judged meet the national Grade Ⅱ standard.")
        }
        (Lang::En, false) => format!(
            " {} of the {n} pollutants judged exceed the national Grade Ⅱ standard: {}.",
            over.len(),
            over.join(", ")
        ),
    };
    out.push_str(&sentence);
    out
}

/// What changed since the year before, in sentences a citizen reads ("优良天数比上年增加 12
/// 天"): good days, the 优良率, heavy-pollution days, PM2.5 and the 综合指数 (the last two in
/// percent, as bulletins give them; left out when either year lacks the figure).
pub fn air_changes(current: &AirYear, previous: &AirYear, lang: Lang) -> Vec<String> {
    let (c, p) = (&current.stats, &previous.stats);
    let mut out = vec![
        count_change(
            i64::from(c.good.good) - i64::from(p.good.good),
            ["优良天数", "good day", "good days"],
            lang,
        ),
        count_change(
            i64::from(current.heavy_days) - i64::from(previous.heavy_days),
            ["重污染天数", "heavy-pollution day", "heavy-pollution days"],
            lang,
        ),
    ];
    if let (Some(now), Some(then)) = (c.good.rate_percent, p.good.rate_percent) {
        out.insert(
            1,
            points_change("优良率", "The share of good days", now - then, lang),
        );
    }
    let pm25 = |y: &AirYear| y.stats.mean.get(Species::Pm25.index()).copied().flatten();
    if let Some(s) = percent_change(pm25(current), pm25(previous)) {
        out.push(s.sentence("PM2.5年平均浓度", "The annual mean of PM2.5", lang));
    }
    if let Some(s) = percent_change(c.composite_index, p.composite_index) {
        out.push(s.sentence(
            "环境空气质量综合指数",
            "The composite air quality index",
            lang,
        ));
    }
    out
}

/// "优良天数比上年增加 12 天" / "12 more good days than the year before".
fn count_change(change: i64, [zh, one, many]: [&str; 3], lang: Lang) -> String {
    let n = change.unsigned_abs();
    let noun = if n == 1 { one } else { many };
    match lang {
        Lang::Zh if change > 0 => format!("{zh}比上年增加 {n} 天"),
        Lang::Zh if change < 0 => format!("{zh}比上年减少 {n} 天"),
        Lang::Zh => format!("{zh}与上年持平"),
        Lang::En if change > 0 => format!("{n} more {noun} than the year before"),
        Lang::En if change < 0 => format!("{n} fewer {noun} than the year before"),
        Lang::En => format!("As many {many} as the year before"),
    }
}

/// "优良率上升 3.2 个百分点" / "The share of good days rose by 3.2 percentage points".
pub(crate) fn points_change(zh: &str, en: &str, change: f64, lang: Lang) -> String {
    let x = round::half_even(change.abs(), 1);
    match lang {
        Lang::Zh if x == 0.0 => format!("{zh}与上年持平"),
        Lang::Zh if change > 0.0 => format!("{zh}比上年上升 {} 个百分点", fixed(x, 1)),
        Lang::Zh => format!("{zh}比上年下降 {} 个百分点", fixed(x, 1)),
        Lang::En if x == 0.0 => format!("{en} was the same as the year before"),
        Lang::En if change > 0.0 => {
            format!(
                "{en} rose by {} percentage points on the year before",
                fixed(x, 1)
            )
        }
        Lang::En => format!(
            "{en} fell by {} percentage points on the year before",
            fixed(x, 1)
        ),
    }
}

/// A change in percent of the earlier value, one decimal.
struct PercentChange(f64);

fn percent_change(now: Option<f64>, then: Option<f64>) -> Option<PercentChange> {
    let (now, then) = (now?, then?);
    (then > 0.0).then(|| PercentChange(round::half_even((now - then) * 100.0 / then, 1)))
}

impl PercentChange {
    fn sentence(&self, zh: &str, en: &str, lang: Lang) -> String {
        let x = self.0.abs();
        match lang {
            Lang::Zh if x == 0.0 => format!("{zh}与上年持平"),
            Lang::Zh if self.0 > 0.0 => format!("{zh}比上年上升 {}%", fixed(x, 1)),
            Lang::Zh => format!("{zh}比上年下降 {}%", fixed(x, 1)),
            Lang::En if x == 0.0 => format!("{en} was the same as the year before"),
            Lang::En if self.0 > 0.0 => format!("{en} rose by {}% on the year before", fixed(x, 1)),
            Lang::En => format!("{en} fell by {}% on the year before", fixed(x, 1)),
        }
    }
}

#[cfg(test)]
#[path = "annual_tests.rs"]
mod tests;
