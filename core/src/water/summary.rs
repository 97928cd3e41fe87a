//! The widget's water view: the newest month's headline, sections per class and the worst
//! sections, from the same period assessment as the site's headline.

use super::period::{assess_period, Headline, Period};
use super::{Measurement, Section, WaterClass};

/// The newest month with results, summarised.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthSummary {
    /// The month, how many sections were assessed and how many are 优良.
    pub headline: Headline,
    /// Sections per class, Ⅰ…劣Ⅴ.
    pub counts: [usize; 6],
    /// The worst sections (at most three), worst first, then by zh name: (zh, en, class).
    pub worst: Vec<(String, String, WaterClass)>,
}

/// How many sections [`MonthSummary::worst`] names.
const WORST_SHOWN: usize = 3;

/// The summary of the newest month with any result; `None` without results.
pub fn newest_month_summary(sections: &[Section], results: &[Measurement]) -> Option<MonthSummary> {
    let newest = results.iter().map(|m| m.date).max()?;
    let period = Period::Month {
        year: newest.year,
        month: newest.month,
    };
    let assessed = assess_period(sections, results, period);
    let mut counts = [0usize; 6];
    let mut classed: Vec<(String, String, WaterClass)> = Vec::new();
    for s in &assessed {
        if let Some(c) = s.assessment.class {
            counts[usize::from(c.code() - 1)] += 1;
            classed.push((s.section.name.zh.clone(), s.section.name.en.clone(), c));
        }
    }
    let headline = Headline::from_classes(period, classed.iter().map(|c| c.2));
    crate::order::sort_by(&mut classed, |a, b| {
        b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0))
    });
    classed.truncate(WORST_SHOWN);
    Some(MonthSummary {
        headline,
        counts,
        worst: classed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Date;
    use crate::water::{changchun_sections, Indicator};

    #[test]
    fn counts_share_and_worst_of_the_newest_month() {
        let sections = changchun_sections();
        let m = |slug: &str, month: u8, v: f64| Measurement {
            section: slug.to_string(),
            date: Date {
                year: 2021,
                month,
                day: 3,
            },
            indicator: Indicator::Ammonia,
            value: v,
            below_detection: false,
        };
        let results = vec![
            m("songhuajiangcun", 5, 0.1),
            m("liuzhentun", 5, 3.0),
            m("zhenjiangkou", 5, 1.2),
            // An older month is not counted.
            m("songhuajiangcun", 4, 3.0),
        ];
        let s = newest_month_summary(&sections, &results).unwrap();
        assert_eq!(
            s.headline.period,
            Period::Month {
                year: 2021,
                month: 5
            }
        );
        assert_eq!(s.headline.assessed, 3);
        assert_eq!(s.headline.good, 1);
        assert_eq!(s.counts.iter().sum::<usize>(), 3);
        assert_eq!(s.counts[5], 1);
        assert_eq!(s.worst[0].2, WaterClass::WorseThanV);
        assert_eq!(s.worst.len(), 3);
        assert!(newest_month_summary(&sections, &[]).is_none());
    }
}
