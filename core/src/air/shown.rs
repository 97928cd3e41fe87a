//! What the air views (site pages and widget) show of a scored dataset: which hour, whether the
//! newest data is stale, and the outcome of an hour without data. One rule each, so the site and
//! the widget cannot drift apart.

use super::{Assessment, NoAqi, NoAqiReason, PollutantSet};
use crate::air::Aqi;
use crate::i18n::Lang;
use crate::time::Hour;

/// Hours after which the newest data is called stale (the national publication is at most an
/// hour late; three missed publications mean something is wrong upstream).
pub const STALE_AFTER_HOURS: i64 = 3;

/// The newest hour when it is more than [`STALE_AFTER_HOURS`] before `now`, else `None`.
pub fn stale_since(newest: Option<Hour>, now: Hour) -> Option<Hour> {
    newest.filter(|n| now.0 - n.0 > STALE_AFTER_HOURS)
}

/// Why a requested hour (`?at=`) was not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HourNotShown {
    /// The request does not parse as an hour.
    Invalid,
    /// The hour parses but the data has no city value for it.
    NotInData,
}

/// Which hour to show: `at` when it parses and is one of the `city_hours` (the hours with a city
/// value), else the newest of them (or, without any, the dataset's newest row); with the reason
/// when `at` was not honoured.
pub fn choose_hour<I>(
    at: Option<&str>,
    city_hours: I,
    dataset_newest: Option<Hour>,
) -> (Option<Hour>, Option<HourNotShown>)
where
    I: IntoIterator<Item = Hour> + Clone,
{
    let newest = city_hours.clone().into_iter().max().or(dataset_newest);
    match at.map(Hour::parse) {
        None => (newest, None),
        Some(None) => (newest, Some(HourNotShown::Invalid)),
        Some(Some(h)) if city_hours.into_iter().any(|c| c == h) => (Some(h), None),
        Some(Some(_)) => (newest, Some(HourNotShown::NotInData)),
    }
}

/// The outcome shown for an hour without a row: every item missing.
pub fn no_data() -> Result<Aqi, NoAqi> {
    Err(NoAqi {
        reason: NoAqiReason::MissingValues,
        missing: PollutantSet(0x7f),
    })
}

/// What 朗读 / Read aloud says for the city's hour: the AQI with its level in words, the
/// primary pollutants and the measures to take (HJ 633 table 4), after 示例数据 when the data
/// is the sample, so a listener is never told a sample is a measurement. `None` without an AQI
/// (the card then says why, and there is nothing to read).
pub fn spoken_summary(
    assessment: &Assessment,
    hour: Hour,
    sample: bool,
    lang: Lang,
) -> Option<String> {
    let aqi = assessment.outcome.as_ref().ok()?;
    let level = aqi.level;
    let advice = level.texts(assessment.rules).advice.get(lang);
    let primary = aqi
        .primary
        .iter()
        .map(|p| p.name().get(lang))
        .collect::<Vec<_>>()
        .join(lang.pick("、", " and "));
    let (grade, name) = (level.grade().get(lang), level.name().get(lang));
    let value = aqi.value;
    let mut text = match lang {
        Lang::Zh => format!("长春市 {hour} 北京时间，空气质量指数 {value}，{grade} {name}。"),
        Lang::En => format!(
            "Changchun, {hour} Beijing time: the air quality index is {value}, {grade}, {name}. "
        ),
    };
    text.push_str(&match (lang, primary.is_empty()) {
        (Lang::Zh, true) => "没有首要污染物。".to_string(),
        (Lang::Zh, false) => format!("首要污染物是{primary}。"),
        (Lang::En, true) => "No pollutant stands out. ".to_string(),
        (Lang::En, false) => format!("The main pollutant is {primary}. "),
    });
    text.push_str(advice);
    if lang == Lang::Zh {
        text.push('。');
    }
    if sample {
        text.insert_str(
            0,
            lang.pick(
                "示例数据，不是实际监测结果。",
                "Sample data, not real measurements. ",
            ),
        );
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_after_three_hours() {
        let newest = Some(Hour(1000));
        assert_eq!(stale_since(newest, Hour(1003)), None);
        assert_eq!(stale_since(newest, Hour(1004)), Some(Hour(1000)));
        assert_eq!(stale_since(None, Hour(1004)), None);
    }

    #[test]
    fn newest_hour_unless_a_valid_one_is_asked_for() {
        let hours = [Hour(10), Hour(12), Hour(11)];
        assert_eq!(
            choose_hour(None, hours, Some(Hour(13))),
            (Some(Hour(12)), None)
        );
        assert_eq!(
            choose_hour(None, [], Some(Hour(13))),
            (Some(Hour(13)), None)
        );
        assert_eq!(
            choose_hour(Some("yesterday"), hours, None),
            (Some(Hour(12)), Some(HourNotShown::Invalid))
        );
        let at = Hour(11).to_param();
        assert_eq!(choose_hour(Some(&at), hours, None), (Some(Hour(11)), None));
        let missing = Hour(9).to_param();
        assert_eq!(
            choose_hour(Some(&missing), hours, None),
            (Some(Hour(12)), Some(HourNotShown::NotInData))
        );
    }

    fn hour_of(c: [f64; 6]) -> Assessment {
        let input = crate::air::iaqi::HourlyInputs {
            c: c.map(Some),
            so2_24h: None,
            o3_8h: None,
        };
        crate::air::iaqi::assess_hourly(&crate::air::rules::HJ633_2012, &input)
    }

    #[test]
    fn the_spoken_summary_says_what_the_card_shows() {
        // 1119A 2022-01-01T00 (CNEMC): PM10 62 µg/m³ → AQI 56, 良, primary 颗粒物(PM10).
        let moderate = hour_of([37.0, 62.0, 12.0, 51.0, 0.6, 14.0]);
        let at = Hour::parse("2022-01-01T00:00").expect("an hour");
        let zh = spoken_summary(&moderate, at, false, Lang::Zh).expect("an AQI");
        assert_eq!(
            zh,
            "长春市 2022-01-01 00:00 北京时间，空气质量指数 56，二级 良。首要污染物是颗粒物(PM10)。极少数异常敏感人群应减少户外活动。"
        );
        let en = spoken_summary(&moderate, at, false, Lang::En).expect("an AQI");
        assert_eq!(en, "Changchun, 2022-01-01 00:00 Beijing time: the air quality index is 56, Level 2, Good. The main pollutant is PM10. A very small number of unusually sensitive people should reduce outdoor activities.");
        // AQI ≤ 50: no primary pollutant, said in words; a sample says so first.
        let good = hour_of([24.0, 31.0, 8.0, 9.0, 0.7, 65.0]);
        let sample = spoken_summary(&good, at, true, Lang::Zh).expect("an AQI");
        assert!(
            sample.starts_with("示例数据，不是实际监测结果。长春市"),
            "{sample}"
        );
        assert!(sample.contains("一级 优。没有首要污染物。"), "{sample}");
        // No AQI: nothing to read.
        assert_eq!(
            spoken_summary(&hour_of([f64::NAN; 6]), at, false, Lang::Zh),
            None
        );
        let missing = Assessment {
            outcome: no_data(),
            ..good
        };
        assert_eq!(spoken_summary(&missing, at, false, Lang::En), None);
    }

    #[test]
    fn no_data_names_every_item() {
        let no = no_data().unwrap_err();
        assert_eq!(no.reason, NoAqiReason::MissingValues);
        assert_eq!(no.missing, PollutantSet(0x7f));
    }
}
