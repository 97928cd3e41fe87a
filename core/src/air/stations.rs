//! Changchun's 10 national air-monitoring stations (codes, names, coordinates, 对照点 flag),
//! from CNEMC's national station list (站点列表), which agrees with its hourly publication of
//! 2022-01-01T00 (`HeQinWill/CNEMC` Archive).

use super::dataset::Station;

/// (code, name, lon, lat, is_reference)
const CHANGCHUN: [(&str, &str, f64, f64, bool); 10] = [
    ("1119A", "食品厂", 125.3325, 43.9166, false),
    ("1120A", "客车厂", 125.2863, 43.9027, false),
    ("1121A", "邮电学院", 125.2841, 43.8463, false),
    ("1122A", "劳动公园", 125.3716, 43.8772, false),
    ("1123A", "园林处", 125.3297, 43.8805, false),
    ("1124A", "净月潭", 125.4605, 43.7900, false),
    ("1125A", "甩湾子(对照点)", 125.7194, 43.5150, true),
    ("1126A", "经开区环卫处", 125.3863, 43.8447, false),
    ("1127A", "高新区管委会", 125.2450, 43.7783, false),
    ("1128A", "岱山公园", 125.1761, 43.8325, false),
];

/// The 10 stations as [`Station`] values.
pub fn changchun() -> Vec<Station> {
    CHANGCHUN
        .iter()
        .map(|&(code, name, lon, lat, is_reference)| Station {
            code: code.to_string(),
            name: name.to_string(),
            lon: Some(lon),
            lat: Some(lat),
            is_reference,
        })
        .collect()
}
