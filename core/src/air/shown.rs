//! What the air views (site pages and widget) show of a scored dataset: which hour, whether the
//! newest data is stale, and the outcome of an hour without data. One rule each, so the site and
//! the widget cannot drift apart.

use super::{NoAqi, NoAqiReason, PollutantSet};
use crate::air::Aqi;
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

    #[test]
    fn no_data_names_every_item() {
        let no = no_data().unwrap_err();
        assert_eq!(no.reason, NoAqiReason::MissingValues);
        assert_eq!(no.missing, PollutantSet(0x7f));
    }
}
