//! The year page's tables (`/air/year`): the figures of [`cc_core::air::annual`] and
//! [`cc_core::water::annual`] as display strings, for the page and, all of them, for its CSV.

use crate::charts::Table;
use crate::text::year_ui;
use cc_core::air::annual::{annual_limit, annual_statistic, daily_item, AirYear, ItemEvaluation};
use cc_core::air::{Level, Species};
use cc_core::decimal::fixed;
use cc_core::i18n::Lang;
use cc_core::water::annual::WaterYear;
use cc_core::water::{Headline, RiverGrade};

/// A row of a table: the figure's name and how to read it from a year.
type Figure<'a, T> = (String, Box<dyn Fn(&T) -> String + 'a>);

/// `template` with `{key}` replaced by `value`.
pub fn fill(template: &str, key: &str, value: impl std::fmt::Display) -> String {
    template.replace(&format!("{{{key}}}"), &value.to_string())
}

fn year_column(year: i32, lang: Lang) -> String {
    fill(year_ui(lang).column_year, "year", year)
}

/// The header row: the first column's name, the year and, if there is one, the year before.
fn headers(first: &str, year: i32, previous: bool, lang: Lang) -> Vec<String> {
    let mut h = vec![first.to_string(), year_column(year, lang)];
    if previous {
        h.push(year_column(year - 1, lang));
    }
    h
}

/// A concentration with its unit (CO in mg/m³ to one decimal, the others in µg/m³), joined by a
/// no-break space so that a phone never puts the unit on a line of its own.
fn concentration(species: Species, value: f64) -> String {
    let decimals = usize::from(species == Species::Co);
    format!("{}\u{a0}{}", fixed(value, decimals), species.unit())
}

/// Good days, levels, heavy days, the longest good run and the 综合指数, for the year and the
/// year before if given.
pub fn air_overview(now: &AirYear, before: Option<&AirYear>, lang: Lang) -> Table {
    let t = year_ui(lang);
    let days = |n: u32| fill(t.days, "n", n);
    let mut figures: Vec<Figure<AirYear>> = vec![
        (
            t.valid_days.into(),
            Box::new(move |y| days(y.stats.good.valid)),
        ),
        (
            t.good_days.into(),
            Box::new(move |y| days(y.stats.good.good)),
        ),
        (
            t.good_rate.into(),
            Box::new(|y| {
                y.stats
                    .good
                    .rate_percent
                    .map_or("—".into(), |r| format!("{}%", fixed(r, 1)))
            }),
        ),
    ];
    for level in Level::ALL {
        let name = match lang {
            Lang::Zh => format!("{}（{}）", level.grade().zh, level.name().zh),
            Lang::En => format!("{} ({})", level.grade().en, level.name().en),
        };
        let i = usize::from(level.number()) - 1;
        figures.push((
            fill(t.level_days, "level", name),
            Box::new(move |y| days(y.stats.level_days.get(i).copied().unwrap_or(0))),
        ));
    }
    figures.push((t.heavy_days.into(), Box::new(move |y| days(y.heavy_days))));
    figures.push((
        t.longest_run.into(),
        Box::new(move |y| {
            let run = y.longest_good_run;
            match run.first {
                Some(first) => fill(&fill(t.run_from, "n", run.days), "date", first),
                None => days(0),
            }
        }),
    ));
    figures.push((
        t.composite.into(),
        Box::new(|y| y.stats.composite_index.map_or("—".into(), |c| fixed(c, 2))),
    ));
    Table {
        caption: fill(t.overview_caption, "year", now.year()),
        headers: headers(t.figure, now.year(), before.is_some(), lang),
        rows: figures
            .iter()
            .map(|(name, value)| {
                let mut row = vec![name.clone(), value(now)];
                row.extend(before.map(value));
                row
            })
            .collect(),
    }
}

/// Each pollutant's annual statistic, the year before's, the limit and the verdict.
pub fn air_items(now: &AirYear, before: Option<&AirYear>, lang: Lang) -> Table {
    let t = year_ui(lang);
    let value = |e: &ItemEvaluation| e.value.map_or("—".into(), |v| concentration(e.species, v));
    let mut headers = vec![t.pollutant.to_string(), t.statistic.to_string()];
    headers.extend(headers_after_first(now.year(), before.is_some(), lang));
    headers.extend([t.limit.to_string(), t.verdict.to_string()]);
    let rows = now
        .items
        .iter()
        .map(|e| {
            let species = e.species;
            let mut row = vec![
                daily_item(species).name().get(lang).to_string(),
                annual_statistic(species).get(lang).to_string(),
                value(e),
            ];
            row.extend(before.map(|b| {
                b.items
                    .iter()
                    .find(|p| p.species == species)
                    .map_or("—".into(), value)
            }));
            row.push(concentration(species, annual_limit(species)));
            row.push(match e.verdict() {
                Some(v) => v.text(lang),
                None if e.value.is_none() => "—".into(),
                None => fill(t.not_judged, "n", e.days),
            });
            row
        })
        .collect();
    Table {
        caption: fill(t.items_caption, "year", now.year()),
        headers,
        rows,
    }
}

fn headers_after_first(year: i32, previous: bool, lang: Lang) -> Vec<String> {
    headers("", year, previous, lang).split_off(1)
}

/// Sections assessed, the 优良 share and the 劣Ⅴ sections, for the year and the year before
/// (when it has results).
pub fn water_overview(w: &WaterYear, lang: Lang) -> Table {
    let t = year_ui(lang);
    let year = year_of(w);
    let before = (w.previous.assessed > 0).then_some(&w.previous);
    let count = |n: usize| fill(t.count, "n", n);
    let share = |h: &Headline| {
        h.good_share()
            .map_or("—".into(), |s| format!("{}%", fixed(s, 1)))
    };
    let figures: [Figure<Headline>; 3] = [
        (
            t.sections_assessed.into(),
            Box::new(move |h| count(h.assessed)),
        ),
        (t.good_share.into(), Box::new(share)),
        (
            t.worse_than_v.into(),
            Box::new(move |h| count(h.worse_than_v)),
        ),
    ];
    Table {
        caption: fill(t.water_caption, "year", year),
        headers: headers(t.figure, year, before.is_some(), lang),
        rows: figures
            .iter()
            .map(|(name, value)| {
                let mut row = vec![name.to_string(), value(&w.current)];
                row.extend(before.map(value));
                row
            })
            .collect(),
    }
}

/// Each river's 水质状况 in the year and the year before.
pub fn river_table(w: &WaterYear, lang: Lang) -> Table {
    let t = year_ui(lang);
    let year = year_of(w);
    let before = w.previous.assessed > 0;
    let grade = |g: &Option<RiverGrade>| {
        g.as_ref().map_or("—".into(), |g| {
            let template = if g.sections == 1 {
                t.river_grade_one
            } else {
                t.river_grade
            };
            fill(
                &fill(template, "status", g.status.name().get(lang)),
                "n",
                g.sections,
            )
        })
    };
    Table {
        caption: fill(t.rivers_caption, "year", year),
        headers: headers(t.river, year, before, lang),
        rows: w
            .rivers
            .iter()
            .map(|r| {
                let mut row = vec![r.river.name.get(lang).to_string(), grade(&r.grade)];
                if before {
                    row.push(grade(&r.previous));
                }
                row
            })
            .collect(),
    }
}

fn year_of(w: &WaterYear) -> i32 {
    match w.current.period {
        cc_core::water::Period::Year(y) => y,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_core::air::annual::air_year;

    fn days(year: i32, n: i64, pm25: f64) -> Vec<cc_core::air::CityDay> {
        (0..n)
            .map(|i| {
                let values = [
                    Some(10.0),
                    Some(20.0),
                    Some(50.0),
                    Some(1.24),
                    Some(90.0),
                    Some(90.0),
                    Some(pm25),
                ];
                cc_core::air::CityDay {
                    date: cc_core::time::Date::new(year, 1, 1).unwrap().add_days(i),
                    values,
                    stations_used: [9; 7],
                    assessment: cc_core::air::assess_daily(
                        &cc_core::air::rules::HJ633_2012,
                        &values,
                    ),
                }
            })
            .collect()
    }

    #[test]
    fn the_air_tables_carry_both_years_units_and_verdicts() {
        let now = air_year(&days(2021, 365, 42.0), 2021).unwrap();
        let before = air_year(&days(2020, 20, 50.0), 2020).unwrap();
        let t = air_items(&now, Some(&before), Lang::Zh);
        assert_eq!(
            t.headers,
            [
                "污染物",
                "统计方法",
                "2021年",
                "2020年",
                "国家二级标准",
                "评价"
            ]
        );
        assert_eq!(
            t.rows[0],
            [
                "细颗粒物(PM2.5)",
                "年平均浓度",
                "42\u{a0}µg/m³",
                "50\u{a0}µg/m³",
                "35\u{a0}µg/m³",
                "超标 0.20 倍"
            ]
        );
        // CO to one decimal, the 95th percentile of a constant 1.24 → 1.2.
        assert_eq!(t.rows[4][2], "1.2\u{a0}mg/m³");
        assert_eq!(t.rows[4][5], "达标");
        let short = air_items(&before, None, Lang::En);
        assert_eq!(
            short.rows[0][4],
            "20\u{a0}days, fewer than the 324 needed: not judged"
        );
        let o = air_overview(&now, Some(&before), Lang::Zh);
        assert_eq!(o.rows[0], ["有效监测天数", "365\u{a0}天", "20\u{a0}天"]);
        assert_eq!(o.rows[3][0], "一级（优）天数");
        assert_eq!(
            o.rows.iter().find(|r| r[0] == "最长连续优良天数").unwrap()[1],
            "365\u{a0}天（2021-01-01 起）"
        );
        assert_eq!(
            air_overview(&now, None, Lang::En).headers,
            ["Figure", "2021"]
        );
    }

    #[test]
    fn the_water_tables_show_the_year_before_only_when_it_has_results() {
        use cc_core::water::{changchun_sections, Indicator, Measurement};
        let sections = changchun_sections();
        let result = |slug: &str, year: i32, v: f64| Measurement {
            section: slug.to_string(),
            date: cc_core::time::Date::new(year, 7, 1).unwrap(),
            indicator: Indicator::Ammonia,
            value: v,
            below_detection: false,
        };
        let slug = sections[0].slug.clone();
        let results = vec![result(&slug, 2021, 0.4), result(&slug, 2020, 2.5)];
        let w = cc_core::water::annual::water_year(&sections, &results, 2021);
        let t = water_overview(&w, Lang::Zh);
        assert_eq!(t.headers, ["指标", "2021年", "2020年"]);
        assert_eq!(t.rows[0], ["评价断面", "1\u{a0}个", "1\u{a0}个"]);
        assert_eq!(t.rows[1], ["优良（Ⅰ～Ⅲ类）断面比例", "100.0%", "0.0%"]);
        let rivers = river_table(&w, Lang::En);
        assert_eq!(rivers.rows.len(), 1);
        assert_eq!(rivers.rows[0][1], "excellent (1\u{a0}section)");
        let first = cc_core::water::annual::water_year(&sections, &results, 2020);
        assert_eq!(water_overview(&first, Lang::Zh).headers, ["指标", "2020年"]);
    }
}
