//! Main pollutants of a river or basin by 断面超标率, per 地表水环境质量评价办法(试行)
//! (环办〔2011〕22号) [memory, unverified against the 办法's text]: for each
//! assessed indicator, the share of the river's assessed sections where it is worse than Ⅲ;
//! the (at most) three indicators with the largest shares are the river's main pollutants.

use super::assess::SectionAssessment;
use super::class::WaterClass;
use super::limits::Indicator;
use super::method::is_priority_pollutant;
use crate::i18n::Lang;

/// One main pollutant of a river.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiverPollutant {
    /// The indicator.
    pub indicator: Indicator,
    /// Sections where it is worse than Ⅲ.
    pub over: usize,
    /// Sections with a class (the denominator of 断面超标率).
    pub sections: usize,
}

impl RiverPollutant {
    /// 断面超标率 in percent.
    pub fn share(&self) -> f64 {
        if self.sections == 0 {
            0.0
        } else {
            self.over as f64 * 100.0 / self.sections as f64
        }
    }
}

/// The river's main pollutants from its sections' assessments: largest 断面超标率 first; on a
/// tie 氰化物 and heavy metals first (as for a section), then Table 1 order. Empty when no
/// indicator exceeds Ⅲ anywhere.
pub fn river_main_pollutants(sections: &[&SectionAssessment]) -> Vec<RiverPollutant> {
    let classed: Vec<&&SectionAssessment> = sections.iter().filter(|a| a.class.is_some()).collect();
    let n = classed.len();
    let mut list: Vec<RiverPollutant> = Indicator::ASSESSED
        .into_iter()
        .map(|indicator| RiverPollutant {
            indicator,
            over: classed
                .iter()
                .filter(|a| {
                    a.indicator(indicator)
                        .and_then(|r| r.class)
                        .is_some_and(|c| c > WaterClass::III)
                })
                .count(),
            sections: n,
        })
        .filter(|p| p.over > 0)
        .collect();
    // Counts over the same denominator: comparing counts compares shares exactly.
    crate::order::sort_by(&mut list, |a, b| {
        b.over
            .cmp(&a.over)
            .then_with(|| {
                is_priority_pollutant(b.indicator).cmp(&is_priority_pollutant(a.indicator))
            })
            .then_with(|| a.indicator.cmp(&b.indicator))
    });
    list.truncate(3);
    list
}

/// `氨氮(断面超标率 40%)、总磷(20%)` / `ammonia nitrogen (40 % of sections), …`; empty when none.
pub fn river_main_pollutants_text(list: &[RiverPollutant], lang: Lang) -> String {
    let parts: Vec<String> = list
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let name = p.indicator.name().get(lang);
            let share = crate::decimal::trimmed(p.share(), 0);
            match (lang, k) {
                (Lang::Zh, 0) => format!("{name}(断面超标率 {share}%)"),
                (Lang::Zh, _) => format!("{name}({share}%)"),
                (Lang::En, _) => format!("{name} ({share} % of sections)"),
            }
        })
        .collect();
    parts.join(lang.pick("、", ", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::water::{Basis, WaterBody};

    fn a(values: &[(Indicator, f64)]) -> SectionAssessment {
        SectionAssessment::new(values, WaterBody::River, Basis::Manual)
    }

    #[test]
    fn ranked_by_share_of_sections_over_class_iii() {
        // NH3-N over Ⅲ at 2 of 4 sections, TP at 1 of 4, CODMn nowhere.
        let s1 = a(&[
            (Indicator::Ammonia, 1.8),
            (Indicator::TotalPhosphorus, 0.35),
        ]);
        let s2 = a(&[(Indicator::Ammonia, 1.2), (Indicator::TotalPhosphorus, 0.1)]);
        let s3 = a(&[
            (Indicator::Ammonia, 0.5),
            (Indicator::PermanganateIndex, 5.0),
        ]);
        let s4 = a(&[(Indicator::Ammonia, 0.2)]);
        let list = river_main_pollutants(&[&s1, &s2, &s3, &s4]);
        assert_eq!(
            list.iter()
                .map(|p| (p.indicator, p.over))
                .collect::<Vec<_>>(),
            vec![(Indicator::Ammonia, 2), (Indicator::TotalPhosphorus, 1)]
        );
        assert_eq!(list[0].share(), 50.0);
        assert_eq!(
            river_main_pollutants_text(&list, Lang::Zh),
            "氨氮(断面超标率 50%)、总磷(25%)"
        );
    }
}
