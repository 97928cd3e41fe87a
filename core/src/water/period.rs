//! Monthly, quarterly and annual assessment and the headline figures, per 地表水环境质量评价办法
//! (试行) (环办〔2011〕22号) §数据统计 [memory]: a period's class comes from the arithmetic mean of
//! the valid values in the period, then the single-factor method. The headline is the national
//! convention: 优良 (Ⅰ–Ⅲ) share and 劣Ⅴ count and share, compared with the same period a year
//! earlier. A result below the detection limit enters the mean as half the limit (《地表水环境
//! 质量监测数据统计技术规定（试行）》(环办监测函〔2020〕82号) point 7; [`super::detection`]).

use super::assess::{Basis, SectionAssessment, Value};
use super::class::WaterClass;
use super::limits::Indicator;
use super::sections::{Measurement, Section};
use crate::i18n::Lang;
use crate::time::Date;
use std::collections::BTreeMap;

/// An assessment period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// A calendar month (1–12).
    Month {
        /// Year.
        year: i32,
        /// Month 1–12.
        month: u8,
    },
    /// A calendar quarter (1–4).
    Quarter {
        /// Year.
        year: i32,
        /// Quarter 1–4.
        quarter: u8,
    },
    /// A calendar year.
    Year(i32),
}

impl Period {
    /// Whether `date` falls in this period.
    pub fn contains(self, date: Date) -> bool {
        match self {
            Period::Month { year, month } => date.year == year && date.month == month,
            Period::Quarter { year, quarter } => {
                date.year == year && date.month.div_ceil(3) == quarter
            }
            Period::Year(year) => date.year == year,
        }
    }

    /// The same period one year earlier (同比).
    pub fn year_earlier(self) -> Self {
        match self {
            Period::Month { year, month } => Period::Month {
                year: year - 1,
                month,
            },
            Period::Quarter { year, quarter } => Period::Quarter {
                year: year - 1,
                quarter,
            },
            Period::Year(year) => Period::Year(year - 1),
        }
    }

    /// URL form: `2021-05`, `2021-Q2`, `2021`.
    pub fn to_param(self) -> String {
        match self {
            Period::Month { year, month } => format!("{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => format!("{year:04}-Q{quarter}"),
            Period::Year(year) => format!("{year:04}"),
        }
    }

    /// Parses [`Period::to_param`]; `None` for anything else or an out-of-range month/quarter.
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        let year_of = |s: &str| -> Option<i32> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        match t.split_once('-') {
            None => year_of(t).map(Period::Year),
            Some((y, rest)) => {
                let year = year_of(y)?;
                if let Some(q) = rest.strip_prefix('Q') {
                    let quarter: u8 = (q.len() == 1).then(|| q.parse().ok()).flatten()?;
                    (1..=4)
                        .contains(&quarter)
                        .then_some(Period::Quarter { year, quarter })
                } else {
                    let ok = rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit());
                    let month: u8 = ok.then(|| rest.parse().ok()).flatten()?;
                    (1..=12)
                        .contains(&month)
                        .then_some(Period::Month { year, month })
                }
            }
        }
    }

    /// Display label: `2021年5月` / `May 2021`, `2021年第2季度` / `Q2 2021`, `2021年` / `2021`.
    pub fn label(self, lang: Lang) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        match (self, lang) {
            (Period::Month { year, month }, Lang::Zh) => format!("{year}年{month}月"),
            (Period::Month { year, month }, Lang::En) => {
                let m = MONTHS
                    .get(usize::from(month).wrapping_sub(1))
                    .copied()
                    .unwrap_or("?");
                format!("{m} {year}")
            }
            (Period::Quarter { year, quarter }, Lang::Zh) => format!("{year}年第{quarter}季度"),
            (Period::Quarter { year, quarter }, Lang::En) => format!("Q{quarter} {year}"),
            (Period::Year(year), Lang::Zh) => format!("{year}年"),
            (Period::Year(year), Lang::En) => format!("{year}"),
        }
    }
}

/// The arithmetic mean of each indicator's valid (finite) values at `section` in `period`, in
/// Table 1 order; results below the detection limit count as half the limit.
pub fn period_means(
    results: &[Measurement],
    section: &str,
    period: Period,
) -> Vec<(Indicator, f64)> {
    period_values(results, section, period)
        .into_iter()
        .map(|v| (v.indicator, v.value))
        .collect()
}

/// As [`period_means`], keeping whether every result of an indicator was below the detection
/// limit (then the mean is shown as 未检出 with the largest limit).
pub fn period_values(results: &[Measurement], section: &str, period: Period) -> Vec<Value> {
    // (sum, count, all below the limit, largest limit)
    let mut sums: BTreeMap<Indicator, (f64, u32, bool, f64)> = BTreeMap::new();
    for m in results {
        if m.section == section && period.contains(m.date) && m.value.is_finite() {
            let e = sums.entry(m.indicator).or_insert((0.0, 0, true, 0.0));
            e.0 += m.calculation_value();
            e.1 += 1;
            e.2 &= m.below_detection;
            if m.below_detection {
                e.3 = e.3.max(m.value);
            }
        }
    }
    sums.into_iter()
        .map(|(indicator, (sum, n, all_below, limit))| Value {
            indicator,
            value: sum / f64::from(n),
            not_detected: all_below.then_some(limit),
        })
        .collect()
}

/// One section's assessment for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionPeriod<'a> {
    /// The section.
    pub section: &'a Section,
    /// The means of the period, classified.
    pub assessment: SectionAssessment,
}

/// Assesses every section with at least one assessed value in `period` (manual results, so the
/// basis is [`Basis::Manual`]). Sections without data in the period are left out.
pub fn assess_period<'a>(
    sections: &'a [Section],
    results: &[Measurement],
    period: Period,
) -> Vec<SectionPeriod<'a>> {
    sections
        .iter()
        .filter_map(|section| {
            let values = period_values(results, &section.slug, period);
            let assessment = SectionAssessment::from_values(&values, section.body, Basis::Manual);
            assessment.class.map(|_| SectionPeriod {
                section,
                assessment,
            })
        })
        .collect()
}

/// A section's class in each month of `year` (January first), from that month's means;
/// `None` for a month without an assessed value.
pub fn monthly_classes(
    results: &[Measurement],
    section: &Section,
    year: i32,
) -> [Option<WaterClass>; 12] {
    std::array::from_fn(|i| {
        let month = Period::Month {
            year,
            month: i as u8 + 1,
        };
        let values = period_values(results, &section.slug, month);
        SectionAssessment::from_values(&values, section.body, Basis::Manual).class
    })
}

/// One indicator's results at a section in date order, each as it is counted: a result below
/// the detection limit at half the limit.
pub fn indicator_series(
    results: &[Measurement],
    section: &str,
    indicator: Indicator,
) -> Vec<(Date, f64)> {
    let mut points: Vec<_> = results
        .iter()
        .filter(|m| m.section == section && m.indicator == indicator)
        .map(|m| (m.date, m.calculation_value()))
        .collect();
    crate::order::sort_by_key(&mut points, |p| p.0);
    points
}

/// The headline figures of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Headline {
    /// The period.
    pub period: Period,
    /// Sections with a class in the period.
    pub assessed: usize,
    /// Sections in Ⅰ–Ⅲ (优良).
    pub good: usize,
    /// Sections in 劣Ⅴ.
    pub worse_than_v: usize,
    /// Assessed sections missing some required indicators (评价指标不全), whose class comes
    /// from what was measured.
    pub incomplete: usize,
}

impl Headline {
    /// Counts the classes of sections assessed for `period`.
    pub fn from_classes(period: Period, classes: impl IntoIterator<Item = WaterClass>) -> Self {
        let mut h = Headline {
            period,
            assessed: 0,
            good: 0,
            worse_than_v: 0,
            incomplete: 0,
        };
        for c in classes {
            h.assessed += 1;
            h.good += usize::from(c.is_good());
            h.worse_than_v += usize::from(c == WaterClass::WorseThanV);
        }
        h
    }

    /// 优良比例 in percent; `None` without assessed sections.
    pub fn good_share(&self) -> Option<f64> {
        share(self.good, self.assessed)
    }

    /// 劣Ⅴ比例 in percent; `None` without assessed sections.
    pub fn worse_than_v_share(&self) -> Option<f64> {
        share(self.worse_than_v, self.assessed)
    }
}

fn share(part: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| part as f64 * 100.0 / total as f64)
}

/// The headline of `period` for the given sections and manual results.
pub fn headline(sections: &[Section], results: &[Measurement], period: Period) -> Headline {
    let assessed = assess_period(sections, results, period);
    let mut h = Headline::from_classes(period, assessed.iter().filter_map(|s| s.assessment.class));
    h.incomplete = assessed
        .iter()
        .filter(|s| s.assessment.is_incomplete())
        .count();
    h
}

/// A headline with the same period a year earlier (同比).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeadlineComparison {
    /// This period.
    pub current: Headline,
    /// The same period a year earlier.
    pub year_earlier: Headline,
}

impl HeadlineComparison {
    /// Change of the 优良比例 in percentage points; `None` if either period has no data.
    pub fn good_share_change(&self) -> Option<f64> {
        Some(self.current.good_share()? - self.year_earlier.good_share()?)
    }

    /// Change of the 劣Ⅴ比例 in percentage points; `None` if either period has no data.
    pub fn worse_than_v_share_change(&self) -> Option<f64> {
        Some(self.current.worse_than_v_share()? - self.year_earlier.worse_than_v_share()?)
    }

    /// Change of the 劣Ⅴ count; `None` if the earlier period has no data.
    pub fn worse_than_v_count_change(&self) -> Option<i64> {
        (self.year_earlier.assessed > 0)
            .then(|| self.current.worse_than_v as i64 - self.year_earlier.worse_than_v as i64)
    }
}

/// The headline of `period` compared with the same period a year earlier.
pub fn headline_comparison(
    sections: &[Section],
    results: &[Measurement],
    period: Period,
) -> HeadlineComparison {
    HeadlineComparison {
        current: headline(sections, results, period),
        year_earlier: headline(sections, results, period.year_earlier()),
    }
}
