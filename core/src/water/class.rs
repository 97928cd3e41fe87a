//! Water-quality classes of GB 3838-2002 (Ⅰ…Ⅴ, and 劣Ⅴ for failing Ⅴ), the 水质状况 words and
//! colours of 地表水环境质量评价办法(试行) (环办〔2011〕22号), and the functional meaning of each
//! class from GB 3838-2002 §3.

use crate::i18n::{Lang, Text};

/// A water-quality class; ordered from best (Ⅰ) to worst (劣Ⅴ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WaterClass {
    /// Ⅰ类.
    I,
    /// Ⅱ类.
    II,
    /// Ⅲ类.
    III,
    /// Ⅳ类.
    IV,
    /// Ⅴ类.
    V,
    /// 劣Ⅴ类: fails the class Ⅴ limit.
    WorseThanV,
}

/// 水质状况, the qualitative grade of a section (from its class) or of a river (from the
/// proportion or mean method).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// 优 (Ⅰ–Ⅱ).
    Excellent,
    /// 良好 (Ⅲ).
    Good,
    /// 轻度污染 (Ⅳ).
    Light,
    /// 中度污染 (Ⅴ).
    Moderate,
    /// 重度污染 (劣Ⅴ).
    Heavy,
}

impl WaterClass {
    /// Every class, best first.
    pub const ALL: [WaterClass; 6] = [
        WaterClass::I,
        WaterClass::II,
        WaterClass::III,
        WaterClass::IV,
        WaterClass::V,
        WaterClass::WorseThanV,
    ];

    /// The class for a Table 1 column index 0..=4 (Ⅰ…Ⅴ); anything else is 劣Ⅴ.
    pub fn from_index(i: usize) -> Self {
        Self::ALL.get(i).copied().unwrap_or(WaterClass::WorseThanV)
    }

    /// Numeric code 1..=6 for URLs and files (6 = 劣Ⅴ).
    pub fn code(self) -> u8 {
        self as u8 + 1
    }

    /// Parses [`WaterClass::code`].
    pub fn from_code(code: u8) -> Option<Self> {
        Self::ALL.get(usize::from(code).checked_sub(1)?).copied()
    }

    /// Roman numeral in Unicode number forms: `Ⅰ` … `Ⅴ`, `劣Ⅴ`.
    pub fn roman(self) -> &'static str {
        match self {
            WaterClass::I => "Ⅰ",
            WaterClass::II => "Ⅱ",
            WaterClass::III => "Ⅲ",
            WaterClass::IV => "Ⅳ",
            WaterClass::V => "Ⅴ",
            WaterClass::WorseThanV => "劣Ⅴ",
        }
    }

    /// Parses `Ⅲ`, `Ⅲ类`, `III`, `劣Ⅴ`, `劣V类`, … (as the national feeds write classes).
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        let t = t.strip_suffix('类').unwrap_or(t).trim();
        let (worse, t) = match t.strip_prefix('劣') {
            Some(rest) => (true, rest.trim()),
            None => (false, t),
        };
        let class = match t {
            "Ⅰ" | "I" => WaterClass::I,
            "Ⅱ" | "II" => WaterClass::II,
            "Ⅲ" | "III" => WaterClass::III,
            "Ⅳ" | "IV" => WaterClass::IV,
            "Ⅴ" | "V" => WaterClass::V,
            _ => return None,
        };
        match (worse, class) {
            (false, c) => Some(c),
            (true, WaterClass::V) => Some(WaterClass::WorseThanV),
            (true, _) => None,
        }
    }

    /// Class name: zh `Ⅲ类`, en `class III` (ASCII letters in English, which screen readers
    /// pronounce; the Unicode numerals are read as symbols).
    pub fn name(self) -> Text {
        match self {
            WaterClass::I => Text {
                zh: "Ⅰ类",
                en: "class I",
            },
            WaterClass::II => Text {
                zh: "Ⅱ类",
                en: "class II",
            },
            WaterClass::III => Text {
                zh: "Ⅲ类",
                en: "class III",
            },
            WaterClass::IV => Text {
                zh: "Ⅳ类",
                en: "class IV",
            },
            WaterClass::V => Text {
                zh: "Ⅴ类",
                en: "class V",
            },
            WaterClass::WorseThanV => Text {
                zh: "劣Ⅴ类",
                en: "worse than class V",
            },
        }
    }

    /// 水质状况 of a section in this class.
    pub fn status(self) -> Status {
        match self {
            WaterClass::I | WaterClass::II => Status::Excellent,
            WaterClass::III => Status::Good,
            WaterClass::IV => Status::Light,
            WaterClass::V => Status::Moderate,
            WaterClass::WorseThanV => Status::Heavy,
        }
    }

    /// 优良: Ⅰ–Ⅲ ("达到或优于Ⅲ类"), the national headline convention.
    pub fn is_good(self) -> bool {
        self <= WaterClass::III
    }

    /// Swatch colour (CNEMC-style palette, `lf-cli/Web3.0:src/enums/colorEnum.ts`): blue Ⅰ–Ⅱ,
    /// green Ⅲ, yellow Ⅳ, orange Ⅴ, red 劣Ⅴ as the 办法 colour words say. Every swatch is light,
    /// so text on it is black ([`WaterClass::text_colour`]) and it needs a dark border.
    pub fn colour(self) -> &'static str {
        match self {
            WaterClass::I => "#CCFFFF",
            WaterClass::II => "#00CCFF",
            WaterClass::III => "#00FF00",
            WaterClass::IV => "#FFFF00",
            WaterClass::V => "#FF9B00",
            WaterClass::WorseThanV => "#FF0000",
        }
    }

    /// Text colour on [`WaterClass::colour`]: black for all (white on red is only 4.00:1).
    pub fn text_colour(self) -> &'static str {
        "#000000"
    }

    /// What water of this class is fit for (GB 3838-2002 §3; 劣Ⅴ from the 办法 table).
    pub fn meaning(self) -> Text {
        match self {
            WaterClass::I => Text {
                zh: "主要适用于源头水、国家自然保护区",
                en: "Headwaters and national nature reserves",
            },
            WaterClass::II => Text {
                zh: "主要适用于集中式生活饮用水地表水源地一级保护区、珍稀水生生物栖息地、鱼虾类产卵场、仔稚幼鱼的索饵场等",
                en: "First-grade protection zones of drinking-water sources, habitats of rare aquatic life, spawning grounds of fish and shrimp, feeding grounds of young fish",
            },
            WaterClass::III => Text {
                zh: "主要适用于集中式生活饮用水地表水源地二级保护区、鱼虾类越冬场、洄游通道、水产养殖区等渔业水域及游泳区",
                en: "Second-grade protection zones of drinking-water sources, wintering grounds and migration routes of fish, aquaculture and swimming",
            },
            WaterClass::IV => Text {
                zh: "主要适用于一般工业用水区及人体非直接接触的娱乐用水区",
                en: "General industrial water supply and recreation without direct body contact",
            },
            WaterClass::V => Text {
                zh: "主要适用于农业用水区及一般景观要求水域",
                en: "Irrigation and waters with ordinary landscape requirements",
            },
            WaterClass::WorseThanV => Text {
                zh: "除调节局部气候外，使用功能较差",
                en: "Of little use beyond moderating the local climate",
            },
        }
    }

    /// Shorthand for `self.name().get(lang)`.
    pub fn label(self, lang: Lang) -> &'static str {
        self.name().get(lang)
    }
}

impl Status {
    /// Every status, best first.
    pub const ALL: [Status; 5] = [
        Status::Excellent,
        Status::Good,
        Status::Light,
        Status::Moderate,
        Status::Heavy,
    ];

    /// 水质状况 words of the 办法.
    pub fn name(self) -> Text {
        match self {
            Status::Excellent => Text {
                zh: "优",
                en: "excellent",
            },
            Status::Good => Text {
                zh: "良好",
                en: "good",
            },
            Status::Light => Text {
                zh: "轻度污染",
                en: "slightly polluted",
            },
            Status::Moderate => Text {
                zh: "中度污染",
                en: "moderately polluted",
            },
            Status::Heavy => Text {
                zh: "重度污染",
                en: "heavily polluted",
            },
        }
    }

    /// 表征颜色 of the 办法 [memory]: 蓝 / 绿 / 黄 / 橙 / 红, as the class swatches.
    pub fn colour(self) -> &'static str {
        match self {
            Status::Excellent => WaterClass::II.colour(),
            Status::Good => WaterClass::III.colour(),
            Status::Light => WaterClass::IV.colour(),
            Status::Moderate => WaterClass::V.colour(),
            Status::Heavy => WaterClass::WorseThanV.colour(),
        }
    }

    /// Stable name for CSS modifiers and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Excellent => "excellent",
            Status::Good => "good",
            Status::Light => "light",
            Status::Moderate => "moderate",
            Status::Heavy => "heavy",
        }
    }
}
