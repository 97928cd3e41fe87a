//! The six AQI levels of HJ 633-2012 表2 with colours and the health texts of 附录A/表2.
//!
//! Colours: the RGB values of HJ 633-2012 表2, as in caiyunapp/aqi-hub `AQI_COLOR` (not go-aqi's pure
//! green, not the US-EPA purple). The HJ 633—2026 level texts were not retrieved, so 2026
//! results carry the 2012 texts, labelled as such by [`LevelTexts::source`].

use super::rules::RuleSetId;
use crate::i18n::Text;

/// An AQI level, 一级 … 六级.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// 一级 优, AQI 0–50.
    L1,
    /// 二级 良, 51–100.
    L2,
    /// 三级 轻度污染, 101–150.
    L3,
    /// 四级 中度污染, 151–200.
    L4,
    /// 五级 重度污染, 201–300.
    L5,
    /// 六级 严重污染, > 300.
    L6,
}

/// The fixed texts of one level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelTexts {
    /// 对健康影响情况.
    pub health_effects: Text,
    /// 建议采取的措施, whole text.
    pub advice: Text,
    /// The part of the advice addressed to sensitive groups, if any.
    pub sensitive_groups: Option<Text>,
    /// The part addressed to everyone else (一般人群/各类人群), if any.
    pub general_public: Option<Text>,
    /// Where the texts come from.
    pub source: Text,
}

const SOURCE_2012: Text = Text {
    zh: "HJ 633-2012 表2",
    en: "HJ 633-2012, Table 2",
};
const SOURCE_2012_FOR_2026: Text = Text {
    zh: "HJ 633-2012 表2（HJ 633—2026 的文字尚未收录）",
    en: "HJ 633-2012, Table 2 (the HJ 633—2026 texts are not yet included)",
};

// HJ 633-2012 表2 (锻炼, not the 锻练 of some copies). English: our translation.
// Tuple: effects, advice, sensitive-group part, general-public part.
const TEXTS_2012: [(Text, Text, Option<Text>, Option<Text>); 6] = [
    (
        Text { zh: "空气质量令人满意，基本无空气污染", en: "Air quality is satisfactory; there is basically no air pollution." },
        Text { zh: "各类人群可正常活动", en: "Everyone can carry on normal activities." },
        None,
        Some(Text { zh: "各类人群可正常活动", en: "Everyone can carry on normal activities." }),
    ),
    (
        Text { zh: "空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响", en: "Air quality is acceptable, but some pollutants may have a weak effect on the health of a very small number of unusually sensitive people." },
        Text { zh: "极少数异常敏感人群应减少户外活动", en: "A very small number of unusually sensitive people should reduce outdoor activities." },
        Some(Text { zh: "极少数异常敏感人群应减少户外活动", en: "A very small number of unusually sensitive people should reduce outdoor activities." }),
        None,
    ),
    (
        Text { zh: "易感人群症状有轻度加剧，健康人群出现刺激症状", en: "Symptoms of susceptible people are slightly aggravated; healthy people show signs of irritation." },
        Text { zh: "儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼", en: "Children, the elderly and people with heart or respiratory disease should reduce prolonged or strenuous outdoor exercise." },
        Some(Text { zh: "儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼", en: "Children, the elderly and people with heart or respiratory disease should reduce prolonged or strenuous outdoor exercise." }),
        None,
    ),
    (
        Text { zh: "进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响", en: "Symptoms of susceptible people are further aggravated; the heart and respiratory system of healthy people may be affected." },
        Text { zh: "儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动", en: "Children, the elderly and people with heart or respiratory disease should avoid prolonged or strenuous outdoor exercise; the general public should moderately reduce outdoor exercise." },
        Some(Text { zh: "儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻炼", en: "Children, the elderly and people with heart or respiratory disease should avoid prolonged or strenuous outdoor exercise." }),
        Some(Text { zh: "一般人群适量减少户外运动", en: "The general public should moderately reduce outdoor exercise." }),
    ),
    (
        Text { zh: "心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状", en: "Symptoms of people with heart or lung disease are markedly aggravated and their exercise tolerance is reduced; healthy people commonly show symptoms." },
        Text { zh: "儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动", en: "Children, the elderly and people with heart or lung disease should stay indoors and stop outdoor exercise; the general public should reduce outdoor exercise." },
        Some(Text { zh: "儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动", en: "Children, the elderly and people with heart or lung disease should stay indoors and stop outdoor exercise." }),
        Some(Text { zh: "一般人群减少户外运动", en: "The general public should reduce outdoor exercise." }),
    ),
    (
        Text { zh: "健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病", en: "Healthy people have reduced exercise tolerance and marked, strong symptoms; some illnesses may appear early." },
        Text { zh: "儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动", en: "Children, the elderly and the sick should remain indoors and avoid physical exertion; the general public should avoid outdoor activities." },
        Some(Text { zh: "儿童、老年人和病人应当留在室内，避免体力消耗", en: "Children, the elderly and the sick should remain indoors and avoid physical exertion." }),
        Some(Text { zh: "一般人群应避免户外活动", en: "The general public should avoid outdoor activities." }),
    ),
];

impl Level {
    /// All six levels.
    pub const ALL: [Level; 6] = [
        Level::L1,
        Level::L2,
        Level::L3,
        Level::L4,
        Level::L5,
        Level::L6,
    ];

    /// The level of an (integer) AQI; boundaries are inclusive at the top (50 → 优, 51 → 良).
    pub fn from_aqi(aqi: u16) -> Level {
        match aqi {
            0..=50 => Level::L1,
            51..=100 => Level::L2,
            101..=150 => Level::L3,
            151..=200 => Level::L4,
            201..=300 => Level::L5,
            _ => Level::L6,
        }
    }

    /// 1 … 6.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// 级别: 一级 … 六级 / Level 1 … 6.
    pub fn grade(self) -> Text {
        let zh = ["一级", "二级", "三级", "四级", "五级", "六级"];
        let en = [
            "Level 1", "Level 2", "Level 3", "Level 4", "Level 5", "Level 6",
        ];
        let i = self as usize;
        Text {
            zh: zh.get(i).copied().unwrap_or(""),
            en: en.get(i).copied().unwrap_or(""),
        }
    }

    /// 类别: 优, 良, 轻度污染 … (English: our translation).
    pub fn name(self) -> Text {
        let (zh, en) = match self {
            Level::L1 => ("优", "Excellent"),
            Level::L2 => ("良", "Good"),
            Level::L3 => ("轻度污染", "Lightly polluted"),
            Level::L4 => ("中度污染", "Moderately polluted"),
            Level::L5 => ("重度污染", "Heavily polluted"),
            Level::L6 => ("严重污染", "Severely polluted"),
        };
        Text { zh, en }
    }

    /// Colour name of the standard (绿色 … 褐红色).
    pub fn colour_name(self) -> Text {
        let (zh, en) = match self {
            Level::L1 => ("绿色", "green"),
            Level::L2 => ("黄色", "yellow"),
            Level::L3 => ("橙色", "orange"),
            Level::L4 => ("红色", "red"),
            Level::L5 => ("紫色", "purple"),
            Level::L6 => ("褐红色", "maroon"),
        };
        Text { zh, en }
    }

    /// Screen colour, `#RRGGBB`.
    pub fn colour_hex(self) -> &'static str {
        match self {
            Level::L1 => "#00E400",
            Level::L2 => "#FFFF00",
            Level::L3 => "#FF7E00",
            Level::L4 => "#FF0000",
            Level::L5 => "#99004C",
            Level::L6 => "#7E0023",
        }
    }

    /// Health effects and advice of this level under `rules`.
    pub fn texts(self, rules: RuleSetId) -> LevelTexts {
        let source = match rules {
            RuleSetId::Hj633_2012 => SOURCE_2012,
            RuleSetId::Hj633_2026 => SOURCE_2012_FOR_2026,
        };
        let (health_effects, advice, sensitive_groups, general_public) = TEXTS_2012[self as usize];
        LevelTexts {
            health_effects,
            advice,
            sensitive_groups,
            general_public,
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_inclusive_at_the_top() {
        let cases = [
            (0, 1),
            (50, 1),
            (51, 2),
            (100, 2),
            (101, 3),
            (150, 3),
            (151, 4),
            (200, 4),
            (201, 5),
            (300, 5),
            (301, 6),
            (500, 6),
        ];
        for (aqi, n) in cases {
            assert_eq!(Level::from_aqi(aqi).number(), n, "AQI {aqi}");
        }
    }

    #[test]
    fn texts_split_advice_and_use_the_right_characters() {
        for l in Level::ALL {
            let t = l.texts(RuleSetId::Hj633_2012);
            assert!(t.sensitive_groups.is_some() || t.general_public.is_some());
            for part in [t.sensitive_groups, t.general_public].into_iter().flatten() {
                assert!(t.advice.zh.contains(part.zh), "{l:?}");
            }
            assert!(!t.advice.zh.contains("锻练"));
        }
        assert_eq!(Level::L5.colour_hex(), "#99004C");
        assert!(Level::L1
            .texts(RuleSetId::Hj633_2026)
            .source
            .zh
            .contains("2012"));
    }
}
