//! Changchun's districts, county-level cities, county and development zones (长春市行政区划,
//! with the development zones its government lists beside them), and the rough bounding box of
//! the municipality.
//!
//! The key sent as `attribute[district]` is the Chinese name itself, exactly as in the reference
//! receiver's `services.js` singlevaluelist (note the ASCII parentheses in 中韩(长春)…).

use crate::i18n::{Lang, Text};

/// What kind of area a district entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DistrictKind {
    /// 市辖区.
    District,
    /// 县级市.
    CountyCity,
    /// 县.
    County,
    /// 开发区 / 新区 / 示范区 / 度假区 (managed separately, commonly listed apart).
    Zone,
}

/// One entry of the district list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct District {
    /// The Chinese name, also the Open311 value.
    pub key: &'static str,
    /// English name (pinyin for the proper name).
    pub en: &'static str,
    pub kind: DistrictKind,
}

impl District {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.key, self.en)
    }
}

const fn d(key: &'static str, en: &'static str, kind: DistrictKind) -> District {
    District { key, en, kind }
}

/// The 18 entries, administrative areas first, then development zones.
pub const DISTRICTS: [District; 18] = [
    d("南关区", "Nanguan District", DistrictKind::District),
    d("宽城区", "Kuancheng District", DistrictKind::District),
    d("朝阳区", "Chaoyang District", DistrictKind::District),
    d("二道区", "Erdao District", DistrictKind::District),
    d("绿园区", "Lüyuan District", DistrictKind::District),
    d("双阳区", "Shuangyang District", DistrictKind::District),
    d("九台区", "Jiutai District", DistrictKind::District),
    d("榆树市", "Yushu City", DistrictKind::CountyCity),
    d("德惠市", "Dehui City", DistrictKind::CountyCity),
    d("公主岭市", "Gongzhuling City", DistrictKind::CountyCity),
    d("农安县", "Nong'an County", DistrictKind::County),
    d(
        "长春经济技术开发区",
        "Changchun Economic and Technological Development Zone",
        DistrictKind::Zone,
    ),
    d(
        "长春高新技术产业开发区",
        "Changchun High-tech Industrial Development Zone",
        DistrictKind::Zone,
    ),
    d(
        "长春净月高新技术产业开发区",
        "Changchun Jingyue High-tech Industrial Development Zone",
        DistrictKind::Zone,
    ),
    d(
        "长春汽车经济技术开发区",
        "Changchun Automobile Economic and Technological Development Zone",
        DistrictKind::Zone,
    ),
    d("长春新区", "Changchun New Area", DistrictKind::Zone),
    d(
        "中韩(长春)国际合作示范区",
        "China-Korea (Changchun) International Cooperation Demonstration Zone",
        DistrictKind::Zone,
    ),
    d(
        "莲花山生态旅游度假区",
        "Lianhuashan Ecotourism Resort",
        DistrictKind::Zone,
    ),
];

/// The entry whose key is `key` (exact match after trimming).
pub fn find_district(key: &str) -> Option<&'static District> {
    let k = key.trim();
    DISTRICTS.iter().find(|d| d.key == k)
}

/// A generous bounding box of Changchun municipality including Yushu (north), Gongzhuling
/// (south-west) and Shuangyang (south): (south, west, north, east) in WGS-84 degrees.
/// [memory: the municipality spans about 43.1–45.3 °N, 124.3–127.1 °E; widened by ~0.2°.]
pub const CHANGCHUN_BBOX: (f64, f64, f64, f64) = (42.9, 124.0, 45.5, 127.3);

/// Whether a WGS-84 position lies in [`CHANGCHUN_BBOX`].
pub fn in_changchun(lat: f64, lon: f64) -> bool {
    let (s, w, n, e) = CHANGCHUN_BBOX;
    (s..=n).contains(&lat) && (w..=e).contains(&lon)
}

/// The label of the district question.
pub const DISTRICT_HINT: Text = Text {
    zh: "长春市的区、县（市）或开发区",
    en: "A district, county-level city or development zone of Changchun",
};
