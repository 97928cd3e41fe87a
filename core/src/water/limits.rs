//! The indicators of GB 3838-2002 《地表水环境质量标准》 and their Table 1 (基本项目标准限值) limits.
//!
//! This file is the one place the limits live. Source of every number: GB 3838-2002 表1, as
//! transcribed in `sm1lewc/Silence.Water:Silence.Water/SurfaceWater/Data/GB_3838_2002.json`
//! (comparison `LessThanOrEqual`, `GreaterThanOrEqual` for DO, `BetweenInclusive 6-9` for pH) and
//! checked against the official text (MEE, 2002-06-01,
//! https://www.mee.gov.cn/ywgz/fgbz/bz/bzwb/shjbh/shjzlbz/200206/t20020601_66497.shtml).
//! The automatic stations also report conductivity, turbidity, chlorophyll a and algal density,
//! which GB 3838 does not classify; they are listed here so feeds can keep them.

use crate::i18n::Text;
use crate::UnknownName;
use std::str::FromStr;

/// The type of water body, which selects the total-phosphorus column of Table 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WaterBody {
    /// 河流.
    River,
    /// 湖、库: lakes and reservoirs (stricter total-phosphorus limits).
    LakeReservoir,
}

impl WaterBody {
    /// Name used in cc-water-json: `river` or `lake-reservoir`.
    pub fn as_str(self) -> &'static str {
        match self {
            WaterBody::River => "river",
            WaterBody::LakeReservoir => "lake-reservoir",
        }
    }

    /// Display name.
    pub fn name(self) -> Text {
        match self {
            WaterBody::River => Text {
                zh: "河流",
                en: "river",
            },
            WaterBody::LakeReservoir => Text {
                zh: "湖库",
                en: "lake / reservoir",
            },
        }
    }
}

/// Reads [`WaterBody::as_str`] (exactly).
impl FromStr for WaterBody {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Self, UnknownName> {
        match name {
            "river" => Ok(WaterBody::River),
            "lake-reservoir" => Ok(WaterBody::LakeReservoir),
            _ => Err(UnknownName),
        }
    }
}

/// A monitored water-quality indicator, in the order of GB 3838-2002 Table 1, then the
/// automatic stations' extra measurements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Indicator {
    /// 水温 (℃).
    WaterTemperature,
    /// pH (dimensionless).
    Ph,
    /// 溶解氧 DO.
    DissolvedOxygen,
    /// 高锰酸盐指数 CODMn.
    PermanganateIndex,
    /// 化学需氧量 COD.
    Cod,
    /// 五日生化需氧量 BOD5.
    Bod5,
    /// 氨氮 NH3-N.
    Ammonia,
    /// 总磷 TP (as P).
    TotalPhosphorus,
    /// 总氮 TN (as N).
    TotalNitrogen,
    /// 铜.
    Copper,
    /// 锌.
    Zinc,
    /// 氟化物 (as F⁻).
    Fluoride,
    /// 硒.
    Selenium,
    /// 砷.
    Arsenic,
    /// 汞.
    Mercury,
    /// 镉.
    Cadmium,
    /// 铬(六价).
    Chromium6,
    /// 铅.
    Lead,
    /// 氰化物.
    Cyanide,
    /// 挥发酚.
    VolatilePhenol,
    /// 石油类.
    Petroleum,
    /// 阴离子表面活性剂 LAS.
    Surfactant,
    /// 硫化物.
    Sulfide,
    /// 粪大肠菌群 (个/L).
    FecalColiform,
    /// 电导率 (automatic stations only; not in GB 3838).
    Conductivity,
    /// 浊度 (automatic stations only; not in GB 3838).
    Turbidity,
    /// 叶绿素a (automatic stations only; not in GB 3838 Table 1).
    Chlorophyll,
    /// 藻密度 (automatic stations only; not in GB 3838).
    AlgalDensity,
}

/// How one indicator is compared with its class limits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// Class k when value ≤ limit k (limits for Ⅰ…Ⅴ).
    AtMost([f64; 5]),
    /// Class k when value ≥ limit k (dissolved oxygen).
    AtLeast([f64; 5]),
    /// Every class when low ≤ value ≤ high, otherwise 劣Ⅴ (pH).
    Between(f64, f64),
}

impl Rule {
    /// The class Ⅲ limit, the reference for 超标倍数; `None` for ranges.
    pub fn class_iii_limit(&self) -> Option<f64> {
        match self {
            Rule::AtMost(l) | Rule::AtLeast(l) => Some(l[2]),
            Rule::Between(..) => None,
        }
    }
}

struct Info {
    code: &'static str,
    name: Text,
    unit: &'static str,
    decimals: usize,
    rule: Option<Rule>,
}

const fn at_most(l: [f64; 5]) -> Option<Rule> {
    Some(Rule::AtMost(l))
}

const fn info(
    code: &'static str,
    zh: &'static str,
    en: &'static str,
    unit: &'static str,
    decimals: usize,
    rule: Option<Rule>,
) -> Info {
    Info {
        code,
        name: Text { zh, en },
        unit,
        decimals,
        rule,
    }
}

/// Table 1, river column for total phosphorus (the lake column is [`TP_LAKE`]).
const TP_RIVER: [f64; 5] = [0.02, 0.1, 0.2, 0.3, 0.4];
/// Table 1, 湖、库 column for total phosphorus.
const TP_LAKE: [f64; 5] = [0.01, 0.025, 0.05, 0.1, 0.2];
const MG_L: &str = "mg/L";

/// GB 3838-2002 Table 1, one row per indicator, indexed by `Indicator as usize`. `decimals` is
/// only for display: the precision monitoring reports usually carry.
#[rustfmt::skip]
const TABLE: [Info; 28] = [
    info("water_temp", "水温", "water temperature", "℃", 1, None),
    info("ph", "pH", "pH", "", 2, Some(Rule::Between(6.0, 9.0))),
    info("do", "溶解氧", "dissolved oxygen", MG_L, 1, Some(Rule::AtLeast([7.5, 6.0, 5.0, 3.0, 2.0]))),
    info("codmn", "高锰酸盐指数", "permanganate index", MG_L, 1, at_most([2.0, 4.0, 6.0, 10.0, 15.0])),
    info("cod", "化学需氧量", "chemical oxygen demand", MG_L, 1, at_most([15.0, 15.0, 20.0, 30.0, 40.0])),
    info("bod5", "五日生化需氧量", "five-day biochemical oxygen demand", MG_L, 1, at_most([3.0, 3.0, 4.0, 6.0, 10.0])),
    info("nh3n", "氨氮", "ammonia nitrogen", MG_L, 3, at_most([0.15, 0.5, 1.0, 1.5, 2.0])),
    info("tp", "总磷", "total phosphorus", MG_L, 3, at_most(TP_RIVER)),
    info("tn", "总氮", "total nitrogen", MG_L, 2, at_most([0.2, 0.5, 1.0, 1.5, 2.0])),
    info("cu", "铜", "copper", MG_L, 4, at_most([0.01, 1.0, 1.0, 1.0, 1.0])),
    info("zn", "锌", "zinc", MG_L, 4, at_most([0.05, 1.0, 1.0, 2.0, 2.0])),
    info("f", "氟化物", "fluoride", MG_L, 2, at_most([1.0, 1.0, 1.0, 1.5, 1.5])),
    info("se", "硒", "selenium", MG_L, 5, at_most([0.01, 0.01, 0.01, 0.02, 0.02])),
    info("as", "砷", "arsenic", MG_L, 5, at_most([0.05, 0.05, 0.05, 0.1, 0.1])),
    info("hg", "汞", "mercury", MG_L, 6, at_most([0.00005, 0.00005, 0.0001, 0.001, 0.001])),
    info("cd", "镉", "cadmium", MG_L, 5, at_most([0.001, 0.005, 0.005, 0.005, 0.01])),
    info("cr6", "铬(六价)", "hexavalent chromium", MG_L, 4, at_most([0.01, 0.05, 0.05, 0.05, 0.1])),
    info("pb", "铅", "lead", MG_L, 5, at_most([0.01, 0.01, 0.05, 0.05, 0.1])),
    info("cn", "氰化物", "cyanide", MG_L, 4, at_most([0.005, 0.05, 0.2, 0.2, 0.2])),
    info("phenol", "挥发酚", "volatile phenols", MG_L, 4, at_most([0.002, 0.002, 0.005, 0.01, 0.1])),
    info("oil", "石油类", "petroleum", MG_L, 3, at_most([0.05, 0.05, 0.05, 0.5, 1.0])),
    info("las", "阴离子表面活性剂", "anionic surfactants", MG_L, 3, at_most([0.2, 0.2, 0.2, 0.3, 0.3])),
    info("s2", "硫化物", "sulfide", MG_L, 3, at_most([0.05, 0.1, 0.2, 0.5, 1.0])),
    info("fecal_coliform", "粪大肠菌群", "faecal coliforms", "个/L", 0, at_most([200.0, 2000.0, 10000.0, 20000.0, 40000.0])),
    info("conductivity", "电导率", "conductivity", "μS/cm", 0, None),
    info("turbidity", "浊度", "turbidity", "NTU", 1, None),
    info("chla", "叶绿素a", "chlorophyll a", MG_L, 4, None),
    info("algae", "藻密度", "algal density", "cells/L", 0, None),
];

impl Indicator {
    /// Every indicator, in table order.
    #[rustfmt::skip]
    pub const ALL: [Indicator; 28] = {
        use Indicator::*;
        [
            WaterTemperature, Ph, DissolvedOxygen, PermanganateIndex, Cod, Bod5, Ammonia,
            TotalPhosphorus, TotalNitrogen, Copper, Zinc, Fluoride, Selenium, Arsenic, Mercury,
            Cadmium, Chromium6, Lead, Cyanide, VolatilePhenol, Petroleum, Surfactant, Sulfide,
            FecalColiform, Conductivity, Turbidity, Chlorophyll, AlgalDensity,
        ]
    };

    /// The 21 indicators that decide a section's class: Table 1 less water temperature, total
    /// nitrogen and faecal coliforms (地表水环境质量评价办法(试行), 环办〔2011〕22号 [memory]).
    #[rustfmt::skip]
    pub const ASSESSED: [Indicator; 21] = {
        use Indicator::*;
        [
            Ph, DissolvedOxygen, PermanganateIndex, Cod, Bod5, Ammonia, TotalPhosphorus, Copper,
            Zinc, Fluoride, Selenium, Arsenic, Mercury, Cadmium, Chromium6, Lead, Cyanide,
            VolatilePhenol, Petroleum, Surfactant, Sulfide,
        ]
    };

    fn info(self) -> &'static Info {
        // `ALL` and `TABLE` are in the same order, so the discriminant is the row.
        &TABLE[self as usize]
    }

    /// Stable name used in files and URLs, e.g. `nh3n`.
    pub fn as_str(self) -> &'static str {
        self.info().code
    }

    /// Name in both languages, e.g. 氨氮 / ammonia nitrogen.
    pub fn name(self) -> Text {
        self.info().name
    }

    /// Canonical unit (`mg/L`, `℃`, …); empty for pH, which is dimensionless.
    pub fn unit(self) -> &'static str {
        self.info().unit
    }

    /// Decimal places for display.
    pub fn decimals(self) -> usize {
        self.info().decimals
    }

    /// Whether the indicator takes part in the section class.
    pub fn is_assessed(self) -> bool {
        Self::ASSESSED.contains(&self)
    }

    /// The Table 1 rule for this indicator in `body`; `None` when GB 3838 gives no class limits.
    pub fn rule(self, body: WaterBody) -> Option<Rule> {
        match (self, body) {
            (Indicator::TotalPhosphorus, WaterBody::LakeReservoir) => Some(Rule::AtMost(TP_LAKE)),
            _ => self.info().rule,
        }
    }

    /// Whether 超标倍数 is defined: not for pH and DO, whose limits are not upper bounds.
    pub fn has_exceedance(self) -> bool {
        matches!(self.info().rule, Some(Rule::AtMost(_)))
    }

    /// `value` rounded to the display precision, trailing zeros removed, e.g. `1.8`.
    pub fn format_value(self, value: f64) -> String {
        crate::decimal::trimmed(value, self.decimals())
    }

    /// Value with its unit, e.g. `1.8 mg/L`; pH, being dimensionless, is the bare number.
    pub fn format_with_unit(self, value: f64) -> String {
        let v = self.format_value(value);
        match self.unit() {
            "" => v,
            unit => format!("{v} {unit}"),
        }
    }
}

/// Reads [`Indicator::as_str`] (exactly).
impl FromStr for Indicator {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Self, UnknownName> {
        Self::ALL
            .into_iter()
            .find(|i| i.as_str() == name)
            .ok_or(UnknownName)
    }
}
