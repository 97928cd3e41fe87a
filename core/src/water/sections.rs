//! Monitoring sections (断面) and monitoring results, and Changchun's national assessment
//! sections from the 2017 national list (Jilin Dept. of Ecology and Environment,
//! sthjt.jl.gov.cn, 2017-10-23). A river that list does not name is inferred from names and
//! geography, or unknown; [`Provenance`] carries that so the UI can say so.

use super::limits::{Indicator, WaterBody};
use crate::time::Date;
use crate::UnknownName;
use std::str::FromStr;

/// How well a fact about a section is established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Provenance {
    /// Taken from a source.
    #[default]
    Sourced,
    /// Inferred from names or geography; plausible, not confirmed.
    Inferred,
    /// Not known: the value is the sample's placeholder.
    Unknown,
}

impl Provenance {
    /// Name used in cc-water-json.
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Sourced => "sourced",
            Provenance::Inferred => "inferred",
            Provenance::Unknown => "unknown",
        }
    }
}

/// Reads [`Provenance::as_str`] (exactly).
impl FromStr for Provenance {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Self, UnknownName> {
        match name {
            "sourced" => Ok(Provenance::Sourced),
            "inferred" => Ok(Provenance::Inferred),
            "unknown" => Ok(Provenance::Unknown),
            _ => Err(UnknownName),
        }
    }
}

/// A name in Chinese with its English transliteration.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Name {
    /// Chinese name, e.g. 饮马河.
    pub zh: String,
    /// English, e.g. Yinma River.
    pub en: String,
}

impl Name {
    /// A name from two strings.
    pub fn new(zh: &str, en: &str) -> Self {
        Self {
            zh: zh.to_string(),
            en: en.to_string(),
        }
    }

    /// The name in `lang`.
    pub fn get(&self, lang: crate::i18n::Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// The river (or river system) a section belongs to, for grouping and the river grade.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct River {
    /// URL slug, e.g. `yinma-he`.
    pub slug: String,
    /// Display name.
    pub name: Name,
}

/// A monitoring section.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Section {
    /// URL slug, unique within a list, e.g. `kaoshan-daqiao`.
    pub slug: String,
    /// Section name.
    pub name: Name,
    /// River or river system.
    pub river: River,
    /// The lake or reservoir, for lake/reservoir sections.
    pub water_body: Option<Name>,
    /// River or lake/reservoir: selects the total-phosphorus limits.
    pub body: WaterBody,
    /// Provenance of the river assignment.
    pub river_provenance: Provenance,
    /// Provenance of the water-body type.
    pub body_provenance: Provenance,
    /// Provenance of the section name (some reservoir section names are inferred).
    pub name_provenance: Provenance,
}

/// One manual monitoring result: one value of one indicator at one section on one date.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    /// Section slug.
    pub section: String,
    /// Sampling date (Beijing time).
    pub date: Date,
    /// Indicator.
    pub indicator: Indicator,
    /// Value in the indicator's canonical unit ([`Indicator::unit`]); when
    /// `below_detection`, the detection limit (`0.0` when the report gave none).
    pub value: f64,
    /// Below the detection limit (`0.01L`, `<0.01`, `ND`, 未检出): see
    /// [`super::detection`].
    pub below_detection: bool,
}

impl Measurement {
    /// The value for calculations: half the detection limit for a result below it.
    pub fn calculation_value(&self) -> f64 {
        if self.below_detection {
            super::detection::calculation_value(Some(self.value).filter(|l| *l > 0.0))
        } else {
            self.value
        }
    }
}

struct Row {
    slug: &'static str,
    zh: &'static str,
    en: &'static str,
    river: (&'static str, &'static str, &'static str),
    water_body: Option<(&'static str, &'static str)>,
    body: WaterBody,
    provenance: [Provenance; 3],
}

const SONGHUA: (&str, &str, &str) = ("songhua-jiang", "松花江", "Songhua River");
const YINMA: (&str, &str, &str) = ("yinma-he", "饮马河", "Yinma River");
const YITONG: (&str, &str, &str) = ("yitong-he", "伊通河", "Yitong River");
const YITONG_TRIBS: (&str, &str, &str) =
    ("yitong-he-zhiliu", "伊通河支流", "Yitong River tributaries");

use Provenance::{Inferred as I, Sourced as S, Unknown as U};
use WaterBody::{LakeReservoir as Lake, River as Riv};

/// The domain file's table; `provenance` is [river, body, name]. Rows whose river is unknown
/// carry the sample's placement, as that table says.
#[rustfmt::skip]
const CHANGCHUN: [Row; 9] = [
    Row { slug: "songhuajiangcun", zh: "松花江村", en: "Songhuajiangcun", river: SONGHUA, water_body: None, body: Riv, provenance: [S, S, S] },
    Row { slug: "yinmahe-daqiao", zh: "饮马河大桥", en: "Yinmahe Daqiao", river: YINMA, water_body: None, body: Riv, provenance: [S, S, S] },
    Row { slug: "kaoshan-daqiao", zh: "靠山大桥", en: "Kaoshan Daqiao", river: YINMA, water_body: None, body: Riv, provenance: [I, S, S] },
    Row { slug: "kaoshan-nanlou", zh: "靠山南楼", en: "Kaoshan Nanlou", river: YITONG, water_body: None, body: Riv, provenance: [I, S, S] },
    Row { slug: "liuzhentun", zh: "刘珍屯", en: "Liuzhentun", river: YITONG, water_body: None, body: Riv, provenance: [U, S, S] },
    Row { slug: "zhenjiangkou", zh: "镇江口", en: "Zhenjiangkou", river: YINMA, water_body: None, body: Riv, provenance: [U, S, S] },
    Row { slug: "zhuanwayaoqiao", zh: "砖瓦窑桥", en: "Zhuanwayaoqiao", river: YITONG_TRIBS, water_body: None, body: Riv, provenance: [U, S, S] },
    Row { slug: "xinlicheng-daba", zh: "新立城大坝", en: "Xinlicheng Daba", river: YITONG, water_body: Some(("新立城水库", "Xinlicheng Reservoir")), body: Lake, provenance: [S, I, S] },
    Row { slug: "shitoukoumen", zh: "石头口门水库", en: "Shitoukoumen Shuiku", river: YINMA, water_body: Some(("石头口门水库", "Shitoukoumen Reservoir")), body: Lake, provenance: [S, S, I] },
];

/// Changchun's nine national assessment sections (2017 list + 石头口门水库), with the river,
/// water-body type and provenance of the domain file's section table.
pub fn changchun_sections() -> Vec<Section> {
    CHANGCHUN
        .iter()
        .map(|r| Section {
            slug: r.slug.to_string(),
            name: Name::new(r.zh, r.en),
            river: River {
                slug: r.river.0.to_string(),
                name: Name::new(r.river.1, r.river.2),
            },
            water_body: r.water_body.map(|(zh, en)| Name::new(zh, en)),
            body: r.body,
            river_provenance: r.provenance[0],
            body_provenance: r.provenance[1],
            name_provenance: r.provenance[2],
        })
        .collect()
}

/// The section with this slug.
pub fn find<'a>(sections: &'a [Section], slug: &str) -> Option<&'a Section> {
    sections.iter().find(|s| s.slug == slug)
}

/// The section with this Chinese name (automatic stations are named, not slugged); a leading
/// `吉林长春` or similar prefix, as in "吉林长春松花江村", is tolerated.
pub fn find_by_name<'a>(sections: &'a [Section], name: &str) -> Option<&'a Section> {
    let name = name.trim();
    sections.iter().find(|s| s.name.zh == name).or_else(|| {
        sections
            .iter()
            .find(|s| !s.name.zh.is_empty() && name.ends_with(s.name.zh.as_str()))
    })
}
