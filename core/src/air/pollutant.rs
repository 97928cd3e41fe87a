//! What is measured ([`Species`], six pollutants) and what is evaluated ([`Pollutant`], the
//! seven daily items of HJ 633-2012 §5, which name primary and exceeding pollutants).
//!
//! The Chinese names are CNEMC's spelling in its publications (`颗粒物(PM10)`,
//! `细颗粒物(PM2.5)`; the O3 names `臭氧1小时`/`臭氧8小时` are from memory, not yet seen in a
//! CNEMC file).

use crate::i18n::{Lang, Text};

/// A measured pollutant; the index order of every `[_; 6]` concentration array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Species {
    /// PM2.5, µg/m³.
    Pm25,
    /// PM10, µg/m³.
    Pm10,
    /// SO2, µg/m³.
    So2,
    /// NO2, µg/m³.
    No2,
    /// CO, **mg/m³**.
    Co,
    /// O3, µg/m³.
    O3,
}

impl Species {
    /// All six, in array order.
    pub const ALL: [Species; 6] = [
        Species::Pm25,
        Species::Pm10,
        Species::So2,
        Species::No2,
        Species::Co,
        Species::O3,
    ];

    /// Array index.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The key used in cc-air-json and OpenAQ (`pm25`, `pm10`, `so2`, `no2`, `co`, `o3`).
    pub fn as_str(self) -> &'static str {
        match self {
            Species::Pm25 => "pm25",
            Species::Pm10 => "pm10",
            Species::So2 => "so2",
            Species::No2 => "no2",
            Species::Co => "co",
            Species::O3 => "o3",
        }
    }

    /// Display name (formula), same in both languages.
    pub fn label(self) -> &'static str {
        match self {
            Species::Pm25 => "PM2.5",
            Species::Pm10 => "PM10",
            Species::So2 => "SO2",
            Species::No2 => "NO2",
            Species::Co => "CO",
            Species::O3 => "O3",
        }
    }

    /// Unit of concentrations of this species.
    pub fn unit(self) -> &'static str {
        if self == Species::Co {
            "mg/m³"
        } else {
            "µg/m³"
        }
    }

    /// The item this species' 1-hour value is scored as in the hourly AQI.
    pub fn hourly_pollutant(self) -> Pollutant {
        match self {
            Species::Pm25 => Pollutant::Pm25,
            Species::Pm10 => Pollutant::Pm10,
            Species::So2 => Pollutant::So2,
            Species::No2 => Pollutant::No2,
            Species::Co => Pollutant::Co,
            Species::O3 => Pollutant::O3_1h,
        }
    }
}

/// An evaluated item; the index order of every `[_; 7]` array and the order in which several
/// primary pollutants are listed (HJ 633 Table 1 column order, which puts 颗粒物(PM10) before
/// 细颗粒物(PM2.5) as CNEMC does).
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pollutant {
    /// SO2 (1-h in hourly, 24-h in daily evaluation).
    So2,
    /// NO2.
    No2,
    /// PM10.
    Pm10,
    /// CO.
    Co,
    /// O3 1-hour (hourly value, or daily maximum 1-h).
    O3_1h,
    /// O3 8-hour sliding mean (daily maximum 8-h in daily evaluation).
    O3_8h,
    /// PM2.5.
    Pm25,
}

impl Pollutant {
    /// All seven, in listing order.
    pub const ALL: [Pollutant; 7] = [
        Pollutant::So2,
        Pollutant::No2,
        Pollutant::Pm10,
        Pollutant::Co,
        Pollutant::O3_1h,
        Pollutant::O3_8h,
        Pollutant::Pm25,
    ];

    /// Array index.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The measured species.
    pub fn species(self) -> Species {
        match self {
            Pollutant::So2 => Species::So2,
            Pollutant::No2 => Species::No2,
            Pollutant::Pm10 => Species::Pm10,
            Pollutant::Co => Species::Co,
            Pollutant::O3_1h | Pollutant::O3_8h => Species::O3,
            Pollutant::Pm25 => Species::Pm25,
        }
    }

    /// Name as CNEMC writes it (zh) and a plain English name.
    pub fn name(self) -> Text {
        let (zh, en) = match self {
            Pollutant::So2 => ("二氧化硫", "SO2"),
            Pollutant::No2 => ("二氧化氮", "NO2"),
            Pollutant::Pm10 => ("颗粒物(PM10)", "PM10"),
            Pollutant::Co => ("一氧化碳", "CO"),
            Pollutant::O3_1h => ("臭氧1小时", "O3 (1-hour)"),
            Pollutant::O3_8h => ("臭氧8小时", "O3 (8-hour)"),
            Pollutant::Pm25 => ("细颗粒物(PM2.5)", "PM2.5"),
        };
        Text { zh, en }
    }

    /// Recognises one CNEMC primary-pollutant name (and common short forms).
    pub fn parse_name(text: &str) -> Option<Self> {
        let exact = text.trim();
        if let Some(p) = Pollutant::ALL.into_iter().find(|p| p.name().zh == exact) {
            return Some(p);
        }
        let t = exact.replace(['（', '）'], "()").replace(' ', "");
        let p = match t.as_str() {
            "二氧化硫" | "SO2" => Pollutant::So2,
            "二氧化氮" | "NO2" => Pollutant::No2,
            "颗粒物(PM10)" | "PM10" | "可吸入颗粒物" => Pollutant::Pm10,
            "一氧化碳" | "CO" => Pollutant::Co,
            "臭氧1小时" | "臭氧" | "O3" | "O3_1h" => Pollutant::O3_1h,
            "臭氧8小时" | "O3_8h" => Pollutant::O3_8h,
            "细颗粒物(PM2.5)" | "PM2.5" | "PM25" => Pollutant::Pm25,
            _ => return None,
        };
        Some(p)
    }
}

/// A set of [`Pollutant`]s (primary or exceeding pollutants), iterated in listing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PollutantSet(pub u8);

impl PollutantSet {
    /// The empty set.
    pub const EMPTY: PollutantSet = PollutantSet(0);

    /// Adds `p`.
    pub fn insert(&mut self, p: Pollutant) {
        self.0 |= 1 << p.index();
    }

    /// Whether `p` is in the set.
    pub fn contains(self, p: Pollutant) -> bool {
        self.0 & (1 << p.index()) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Members in listing order.
    pub fn iter(self) -> impl Iterator<Item = Pollutant> {
        Pollutant::ALL
            .into_iter()
            .filter(move |p| self.contains(*p))
    }

    /// Comma-joined names: zh exactly as CNEMC (`颗粒物(PM10),细颗粒物(PM2.5)`), en with `, `.
    pub fn text(self, lang: Lang) -> String {
        let sep = lang.pick(",", ", ");
        self.iter()
            .map(|p| p.name().get(lang))
            .collect::<Vec<_>>()
            .join(sep)
    }

    /// Parses a published list such as `颗粒物(PM10),细颗粒物(PM2.5)`; `None` if any name is
    /// unknown. An empty text is the empty set (CNEMC leaves the field empty when AQI ≤ 50).
    pub fn parse_cnemc(text: &str) -> Option<Self> {
        let mut set = PollutantSet::EMPTY;
        if text.is_empty() {
            return Some(set);
        }
        // Most hours name one pollutant exactly as CNEMC writes it: found without splitting.
        if let Some(p) = Pollutant::ALL.into_iter().find(|p| p.name().zh == text) {
            set.insert(p);
            return Some(set);
        }
        for part in text
            .split([',', '，', '、'])
            .filter(|s| !s.trim().is_empty())
        {
            set.insert(Pollutant::parse_name(part)?);
        }
        Some(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cnemc_names_round_trip_in_order() {
        let s = PollutantSet::parse_cnemc("细颗粒物(PM2.5),颗粒物(PM10)").unwrap();
        assert_eq!(s.text(Lang::Zh), "颗粒物(PM10),细颗粒物(PM2.5)");
        assert_eq!(s.text(Lang::En), "PM10, PM2.5");
        assert_eq!(PollutantSet::parse_cnemc(""), Some(PollutantSet::EMPTY));
        assert_eq!(PollutantSet::parse_cnemc("沙尘"), None);
        for p in Pollutant::ALL {
            assert_eq!(Pollutant::parse_name(p.name().zh), Some(p));
        }
    }
}
