//! The grade of a river or basin (河流、流域(水系)水质评价), per 地表水环境质量评价办法(试行)
//! (环办〔2011〕22号) as summarised by the Shenzhen MEEB Q&A
//! (https://meeb.sz.gov.cn/hdjl/ywzsk/ggfwl/content/post_2027052.html): with 5 or more sections the section-class-proportion method; with fewer, the mean of
//! each indicator over the sections, then the single-factor method. The 办法 says "5个(含5个)
//! 以上" [memory], the Q&A "大于5个"; [`PROPORTION_MIN_SECTIONS`] holds the choice.

use super::assess::{Basis, SectionAssessment};
use super::class::{Status, WaterClass};
use super::limits::{Indicator, WaterBody};
use super::period::{period_means, Period};
use super::sections::{Measurement, Section};
use std::collections::BTreeMap;

/// The proportion method applies from this many sections.
pub const PROPORTION_MIN_SECTIONS: usize = 5;

/// How a river grade was reached.
#[derive(Debug, Clone, PartialEq)]
pub enum GradeMethod {
    /// Section-class proportions (≥ 5 sections), with the two shares in percent.
    Proportion {
        /// Ⅰ–Ⅲ share, percent.
        good_share: f64,
        /// 劣Ⅴ share, percent.
        worse_than_v_share: f64,
    },
    /// Mean of each indicator over the sections, then the single-factor class (< 5 sections).
    Mean(SectionAssessment),
}

/// The grade of a river or basin.
#[derive(Debug, Clone, PartialEq)]
pub struct RiverGrade {
    /// 水质状况.
    pub status: Status,
    /// Number of sections graded.
    pub sections: usize,
    /// The method and its figures.
    pub method: GradeMethod,
}

/// The proportion method on section classes, or `None` for an empty list. Counts are compared
/// as integers so that a share exactly on a threshold (e.g. 9 of 10 = 90 %) is never lost to
/// rounding.
pub fn grade_by_proportion(classes: &[WaterClass]) -> Option<Status> {
    let n = classes.len();
    if n == 0 {
        return None;
    }
    let good = classes.iter().filter(|c| c.is_good()).count();
    let worse = classes
        .iter()
        .filter(|c| **c == WaterClass::WorseThanV)
        .count();
    Some(if good * 100 >= 90 * n {
        Status::Excellent
    } else if good * 100 >= 75 * n {
        Status::Good
    } else if worse * 100 < 20 * n {
        Status::Light
    } else if worse * 100 < 40 * n {
        Status::Moderate
    } else {
        Status::Heavy
    })
}

/// The values of one section for the river grade.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionValues {
    /// Water-body type of the section.
    pub body: WaterBody,
    /// One value per indicator (e.g. the period means).
    pub values: Vec<(Indicator, f64)>,
}

/// The grade of a river from its sections' values; sections without an assessed value do not
/// count. `None` when no section has one.
pub fn river_grade(sections: &[SectionValues]) -> Option<RiverGrade> {
    let classed: Vec<(&SectionValues, WaterClass)> = sections
        .iter()
        .filter_map(|s| {
            SectionAssessment::new(&s.values, s.body, Basis::Manual)
                .class
                .map(|c| (s, c))
        })
        .collect();
    let n = classed.len();
    if n >= PROPORTION_MIN_SECTIONS {
        let classes: Vec<WaterClass> = classed.iter().map(|(_, c)| *c).collect();
        let head = super::period::Headline::from_classes(Period::Year(0), classes.iter().copied());
        return Some(RiverGrade {
            status: grade_by_proportion(&classes)?,
            sections: n,
            method: GradeMethod::Proportion {
                good_share: head.good_share()?,
                worse_than_v_share: head.worse_than_v_share()?,
            },
        });
    }
    let mut sums: BTreeMap<Indicator, (f64, u32)> = BTreeMap::new();
    for (s, _) in &classed {
        for &(i, v) in &s.values {
            if v.is_finite() {
                let e = sums.entry(i).or_insert((0.0, 0));
                e.0 += v;
                e.1 += 1;
            }
        }
    }
    let means: Vec<(Indicator, f64)> = sums
        .into_iter()
        .map(|(i, (s, k))| (i, s / f64::from(k)))
        .collect();
    // A river's grade uses the river TP column unless every section is a lake or reservoir.
    let body = if classed
        .iter()
        .all(|(s, _)| s.body == WaterBody::LakeReservoir)
    {
        WaterBody::LakeReservoir
    } else {
        WaterBody::River
    };
    let assessment = SectionAssessment::new(&means, body, Basis::Manual);
    let status = assessment.class?.status();
    Some(RiverGrade {
        status,
        sections: n,
        method: GradeMethod::Mean(assessment),
    })
}

/// The grade of the river `river_slug` over `period`, from its sections' period means.
pub fn river_grade_for_period(
    sections: &[Section],
    results: &[Measurement],
    river_slug: &str,
    period: Period,
) -> Option<RiverGrade> {
    let values: Vec<SectionValues> = sections
        .iter()
        .filter(|s| s.river.slug == river_slug)
        .map(|s| SectionValues {
            body: s.body,
            values: period_means(results, &s.slug, period),
        })
        .collect();
    river_grade(&values)
}
