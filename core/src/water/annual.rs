//! A year's water figures for the annual review, per 地表水环境质量评价办法(试行)
//! (环办〔2011〕22号): each section's class from the year's means ([`super::period`]), the
//! share of sections in Ⅰ–Ⅲ (优良), the 劣Ⅴ sections by name and each river's grade
//! ([`super::grade`]), beside the year before.

use super::grade::{river_grade_for_period, RiverGrade};
use super::period::{assess_period, Headline, Period};
use super::sections::{Measurement, River, Section};
use super::WaterClass;
use crate::i18n::Lang;

/// A river's grade in a year and the year before.
#[derive(Debug, Clone, PartialEq)]
pub struct RiverYear<'a> {
    pub river: &'a River,
    pub grade: Option<RiverGrade>,
    pub previous: Option<RiverGrade>,
}

/// A year's water figures.
#[derive(Debug, Clone, PartialEq)]
pub struct WaterYear<'a> {
    pub current: Headline,
    pub previous: Headline,
    /// The sections in 劣Ⅴ this year, in list order.
    pub worse_than_v: Vec<&'a Section>,
    /// The rivers with a grade in either year, in the order their first section is listed.
    pub rivers: Vec<RiverYear<'a>>,
}

/// The figures of `year` and the year before from the manual results.
pub fn water_year<'a>(
    sections: &'a [Section],
    results: &[Measurement],
    year: i32,
) -> WaterYear<'a> {
    let period = Period::Year(year);
    let headline_of = |period: Period| {
        let assessed = assess_period(sections, results, period);
        let mut h =
            Headline::from_classes(period, assessed.iter().filter_map(|s| s.assessment.class));
        h.incomplete = assessed
            .iter()
            .filter(|s| s.assessment.is_incomplete())
            .count();
        (h, assessed)
    };
    let (current, assessed) = headline_of(period);
    let (previous, _) = headline_of(period.year_earlier());
    let worse_than_v = assessed
        .iter()
        .filter(|s| s.assessment.class == Some(WaterClass::WorseThanV))
        .map(|s| s.section)
        .collect();
    let mut rivers: Vec<RiverYear<'a>> = Vec::new();
    for s in sections {
        if rivers.iter().any(|r| r.river.slug == s.river.slug) {
            continue;
        }
        let grade_in = |p| river_grade_for_period(sections, results, &s.river.slug, p);
        let river = RiverYear {
            river: &s.river,
            grade: grade_in(period),
            previous: grade_in(period.year_earlier()),
        };
        if river.grade.is_some() || river.previous.is_some() {
            rivers.push(river);
        }
    }
    WaterYear {
        current,
        previous,
        worse_than_v,
        rivers,
    }
}

/// The change on the year before in sentences: the 优良 share in percentage points and the
/// number of 劣Ⅴ sections; empty when the year before has no assessed section.
pub fn water_changes(current: &Headline, previous: &Headline, lang: Lang) -> Vec<String> {
    let (Some(now), Some(then)) = (current.good_share(), previous.good_share()) else {
        return Vec::new();
    };
    let good = crate::air::annual::points_change(
        "优良（Ⅰ～Ⅲ类）断面比例",
        "The share of sections in classes Ⅰ–Ⅲ",
        now - then,
        lang,
    );
    let change = current.worse_than_v as i64 - previous.worse_than_v as i64;
    let n = change.unsigned_abs();
    let noun = if n == 1 { "section" } else { "sections" };
    let worse = match lang {
        Lang::Zh if change > 0 => format!("劣Ⅴ类断面比上年增加 {n} 个"),
        Lang::Zh if change < 0 => format!("劣Ⅴ类断面比上年减少 {n} 个"),
        Lang::Zh => "劣Ⅴ类断面数与上年持平".to_string(),
        Lang::En if change > 0 => {
            format!("{n} more {noun} worse than class Ⅴ than the year before")
        }
        Lang::En if change < 0 => {
            format!("{n} fewer {noun} worse than class Ⅴ than the year before")
        }
        Lang::En => "As many sections worse than class Ⅴ as the year before".to_string(),
    };
    vec![good, worse]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Date;
    use crate::water::{changchun_sections, Indicator};

    fn result(section: &str, year: i32, nh3n: f64) -> Measurement {
        Measurement {
            section: section.to_string(),
            date: Date::new(year, 6, 10).unwrap(),
            indicator: Indicator::Ammonia,
            value: nh3n,
            below_detection: false,
        }
    }

    #[test]
    fn a_year_against_the_year_before() {
        let sections = changchun_sections();
        let slugs: Vec<&str> = sections.iter().map(|s| s.slug.as_str()).take(4).collect();
        // 2021: Ⅱ, Ⅲ, Ⅳ, 劣Ⅴ (NH3-N 0.4, 0.9, 1.4, 2.5); 2020: Ⅳ, 劣Ⅴ, 劣Ⅴ, 劣Ⅴ.
        let mut results: Vec<Measurement> = slugs
            .iter()
            .zip([0.4, 0.9, 1.4, 2.5])
            .map(|(s, v)| result(s, 2021, v))
            .collect();
        results.extend(
            slugs
                .iter()
                .zip([1.4, 2.5, 2.5, 2.5])
                .map(|(s, v)| result(s, 2020, v)),
        );
        let y = water_year(&sections, &results, 2021);
        assert_eq!(
            (y.current.assessed, y.current.good, y.current.worse_than_v),
            (4, 2, 1)
        );
        assert_eq!(
            (
                y.previous.assessed,
                y.previous.good,
                y.previous.worse_than_v
            ),
            (4, 0, 3)
        );
        assert_eq!(y.worse_than_v.len(), 1);
        assert_eq!(y.worse_than_v[0].slug, slugs[3]);
        assert!(!y.rivers.is_empty());
        assert!(y
            .rivers
            .iter()
            .all(|r| r.grade.is_some() && r.previous.is_some()));
        assert_eq!(
            water_changes(&y.current, &y.previous, Lang::Zh),
            vec![
                "优良（Ⅰ～Ⅲ类）断面比例比上年上升 50.0 个百分点",
                "劣Ⅴ类断面比上年减少 2 个",
            ]
        );
        assert_eq!(
            water_changes(&y.current, &y.previous, Lang::En)[1],
            "2 fewer sections worse than class Ⅴ than the year before"
        );
        let first_year = water_year(&sections, &results, 2020);
        assert_eq!(first_year.previous.assessed, 0);
        assert!(water_changes(&first_year.current, &first_year.previous, Lang::Zh).is_empty());
    }
}
