//! Sentences the UI shows about an assessment: the deciding indicator (定类因子) with its value,
//! class and 超标倍数 (地表水环境质量评价办法(试行), "符合/劣于" wording), and the automatic-station
//! label. Kept in the core so the wording is tested and identical in the site and the widget.

use super::assess::{Basis, IndicatorResult, SectionAssessment};
use super::class::WaterClass;
use super::digits::shown_value;
use crate::decimal::trimmed;
use crate::i18n::{Lang, Text};

/// The label of a class computed from an automatic station's partial indicator set.
pub const AUTOMATIC_LABEL: Text = Text {
    zh: "自动监测(参考)",
    en: "automatic monitoring (reference only)",
};

/// 超标倍数 for display: two decimals at most, `—` when there is none (pH, DO, or not worse
/// than Ⅲ). A positive 超标倍数 is never shown as `0` (1.0003 mg/L NH3-N is 0.0003 times over):
/// it gets the decimals it takes to be seen, as the values do (see [`super::digits`]).
pub fn format_exceedance(exceedance: Option<f64>) -> String {
    match exceedance {
        Some(x) => exceedance_text(x),
        None => "—".to_string(),
    }
}

fn exceedance_text(x: f64) -> String {
    (2..=9)
        .map(|d| trimmed(x, d))
        .find(|s| s != "0" || x <= 0.0)
        .unwrap_or_else(|| trimmed(x, 9))
}

/// One indicator in words: `氨氮 1.8 mg/L, Ⅴ类, 超Ⅲ类标准 0.8 倍` /
/// `ammonia nitrogen 1.8 mg/L, class V, 0.8 times above the class III limit`.
pub fn describe_indicator(result: &IndicatorResult, lang: Lang) -> String {
    describe_in(result, super::limits::WaterBody::River, lang)
}

/// As [`describe_indicator`], with the digits decided against `body`'s limits, and for a
/// result below the detection limit `未检出（<0.05）, 按检出限一半 0.025 mg/L 计`.
pub fn describe_in(result: &IndicatorResult, body: super::limits::WaterBody, lang: Lang) -> String {
    let ind = result.indicator;
    let mut text = format!(
        "{} {}",
        ind.name().get(lang),
        shown_value(result, body, lang)
    );
    if result.not_detected.is_some() {
        let half = ind.format_with_unit(result.value);
        match lang {
            Lang::Zh => text.push_str(&format!(", 按检出限一半 {half} 计")),
            Lang::En => text.push_str(&format!(", counted as half the limit, {half}")),
        }
    }
    if let Some(class) = result.class {
        text.push_str(", ");
        text.push_str(class.label(lang));
    }
    if let Some(x) = result.exceedance {
        let x = exceedance_text(x);
        match lang {
            Lang::Zh => text.push_str(&format!(", 超Ⅲ类标准 {x} 倍")),
            Lang::En => text.push_str(&format!(", {x} times above the class III limit")),
        }
    }
    text
}

/// The deciding-indicator sentence, e.g. zh `定类因子: 氨氮 1.8 mg/L, Ⅴ类, 超Ⅲ类标准 0.8 倍`.
/// When every assessed indicator meets Ⅰ no single one decides, and the sentence says so.
/// `None` when the section has no class.
pub fn deciding_sentence(assessment: &SectionAssessment, lang: Lang) -> Option<String> {
    let class = assessment.class?;
    if class == WaterClass::I {
        let n = assessment.assessed_count();
        return Some(match lang {
            Lang::Zh => format!("全部 {n} 项参评指标均符合Ⅰ类"),
            Lang::En => format!("All {n} assessed indicators meet class I"),
        });
    }
    let deciding = assessment.deciding()?;
    let prefix = Text {
        zh: "定类因子: ",
        en: "Deciding indicator: ",
    }
    .get(lang);
    Some(format!(
        "{prefix}{}",
        describe_in(deciding, assessment.body, lang)
    ))
}

/// The class as shown next to a section: `Ⅳ类` for manual results, `Ⅳ类 自动监测(参考)` for an
/// automatic station's partial class, so it is never mistaken for the official class.
pub fn class_label(assessment: &SectionAssessment, lang: Lang) -> Option<String> {
    let class = assessment.class?.label(lang);
    Some(match assessment.basis {
        Basis::Manual => class.to_string(),
        Basis::Automatic => format!("{class} {}", AUTOMATIC_LABEL.get(lang)),
    })
}

/// The main pollutants as a list with 超标倍数, e.g. `氨氮(0.8)、总磷(0.5)、溶解氧` /
/// `ammonia nitrogen (0.8), total phosphorus (0.5), dissolved oxygen`; empty when none.
pub fn main_pollutants_text(assessment: &SectionAssessment, lang: Lang) -> String {
    let parts: Vec<String> = assessment
        .main_pollutants
        .iter()
        .filter_map(|i| assessment.indicator(*i))
        .map(|r| {
            let name = r.indicator.name().get(lang);
            match (r.exceedance, lang) {
                (Some(x), Lang::Zh) => format!("{name}({})", exceedance_text(x)),
                (Some(x), Lang::En) => format!("{name} ({})", exceedance_text(x)),
                (None, _) => name.to_string(),
            }
        })
        .collect();
    parts.join(lang.pick("、", ", "))
}

/// 评价指标不全（缺：铜、锌） / `incomplete (missing: copper, zinc)`; `None` when complete (and
/// always for automatic stations, see [`SectionAssessment::missing`]).
pub fn incomplete_note(assessment: &SectionAssessment, lang: Lang) -> Option<String> {
    if assessment.missing.is_empty() {
        return None;
    }
    let names: Vec<&str> = assessment
        .missing
        .iter()
        .map(|i| i.name().get(lang))
        .collect();
    Some(match lang {
        Lang::Zh => format!("评价指标不全（缺：{}）", names.join("、")),
        Lang::En => format!("incomplete (missing: {})", names.join(", ")),
    })
}

/// The separate total-nitrogen line of a lake or reservoir (湖库总氮单独评价): `总氮 1.2 mg/L,
/// Ⅳ类（单独评价，不参与断面水质类别）`; `None` for rivers or without a TN value.
pub fn total_nitrogen_line(assessment: &SectionAssessment, lang: Lang) -> Option<String> {
    let tn = assessment.total_nitrogen()?;
    let class = tn.class?.label(lang);
    let value = shown_value(tn, assessment.body, lang);
    let name = tn.indicator.name().get(lang);
    Some(match lang {
        Lang::Zh => format!("{name} {value}，{class}（湖库总氮单独评价，不参与断面水质类别）"),
        Lang::En => format!(
            "{name} {value}, {class} (assessed separately for lakes and reservoirs; not part of the section class)"
        ),
    })
}
