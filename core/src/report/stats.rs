//! 举报处理情况: what a public Open311 GeoReport v2 endpoint lists (`GET requests.json`, paged
//! by date range: at most 90 days and 1000 requests an answer), counted by category, district
//! and status, with the median time from submission to closing.
//!
//! Only fields the specification makes public are read: `service_code`, `service_name`,
//! `status`, `requested_datetime`, `updated_datetime` and the `district` attribute (else the
//! district name an `address` starts with). A closed request's `updated_datetime` is taken as its
//! closing time: GeoReport v2 has no closing date of its own. One record that cannot be read
//! costs that record (named at its line and column), never the list.

use super::districts::{District, DISTRICTS};
use super::json::text_member;
use super::response::RequestStatus;
use crate::i18n::Lang;
use crate::json_items::Locator;
use crate::json_obj::{Object, Problem};
use crate::time::Minute;
use crate::FeedError;

/// The longest date range one listing request may cover (GeoReport v2's default window).
pub const LISTING_DAYS: i64 = 90;

/// The most requests one listing answer holds; a full answer is split and asked again.
pub const LISTING_MAX: usize = 1000;

/// One listed request, as far as the statistics read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub id: Option<String>,
    pub code: Option<String>,
    /// The endpoint's own name of the category (used for codes this site does not know).
    pub name: Option<String>,
    pub status: RequestStatus,
    pub requested: Option<Minute>,
    pub updated: Option<Minute>,
    pub district: Option<&'static District>,
}

struct RawListed {
    service_request_id: Option<String>,
    service_code: Option<String>,
    service_name: Option<String>,
    status: Option<String>,
    requested_datetime: Option<String>,
    updated_datetime: Option<String>,
    address: Option<String>,
    /// The `district` attribute.
    district: Option<String>,
}

fn read_listed<'t>(o: &Object<'t>) -> Result<RawListed, Problem<'t>> {
    let text = |key| text_member(o, key);
    let district = match o.raw("attributes") {
        None | Some("null") => None,
        Some(raw) => text_member(&Object::at(raw)?, "district")?,
    };
    Ok(RawListed {
        service_request_id: text("service_request_id")?,
        service_code: text("service_code")?,
        service_name: text("service_name")?,
        status: text("status")?,
        requested_datetime: text("requested_datetime")?,
        updated_datetime: text("updated_datetime")?,
        address: text("address")?,
        district,
    })
}

/// Reads one listing answer: the requests that could be read, and where the others failed.
/// An answer that is not a JSON array is an error of the whole answer.
pub fn parse_listing(text: &str) -> Result<(Vec<Listed>, Vec<FeedError>), FeedError> {
    let mut skipped = Vec::new();
    let mut at = Locator::new(text);
    let raw: Vec<RawListed> = crate::json::parse_elements(text)?
        .into_iter()
        .filter_map(|item| {
            Object::at(item)
                .and_then(|o| read_listed(&o))
                .map_err(|p| skipped.push(p.place(&mut at)))
                .ok()
        })
        .collect();
    let listed = raw
        .into_iter()
        .map(|r| {
            let district = r
                .district
                .and_then(|d| super::find_district(&d))
                .or_else(|| {
                    let address = r.address.as_deref().unwrap_or("").trim_start();
                    DISTRICTS.iter().find(|d| address.starts_with(d.key))
                });
            Listed {
                id: r.service_request_id,
                code: r.service_code,
                name: r.service_name,
                status: RequestStatus::parse(r.status.as_deref()),
                requested: r.requested_datetime.as_deref().and_then(Minute::parse_iso),
                updated: r.updated_datetime.as_deref().and_then(Minute::parse_iso),
                district,
            }
        })
        .collect();
    Ok((listed, skipped))
}

/// The date ranges to list `from`..`to` in, oldest first, none longer than [`LISTING_DAYS`].
pub fn listing_windows(from: Minute, to: Minute) -> Vec<(Minute, Minute)> {
    let step = LISTING_DAYS * 24 * 60;
    let mut out = Vec::new();
    let mut start = from;
    while start < to {
        let end = Minute((start.0 + step).min(to.0));
        out.push((start, end));
        start = end;
    }
    out
}

/// Counts of one period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportStats {
    pub total: usize,
    /// (service code, the endpoint's name, count), most first, then by code.
    pub by_category: Vec<(String, Option<String>, usize)>,
    /// (district, count), most first, in list order among equals; `None`: not given.
    pub by_district: Vec<(Option<&'static District>, usize)>,
    pub open: usize,
    pub closed: usize,
    /// Any other status a server sends.
    pub other: usize,
    /// Median minutes from submission to closing, over the closed requests with both times.
    pub median_minutes_to_close: Option<i64>,
    /// How many closed requests the median is over.
    pub closed_timed: usize,
}

/// The statistics of the requests submitted in `from`..`to` (a request without a readable
/// submission time is left out: it cannot be placed in a period). Each request counts once,
/// however many listing answers held it.
pub fn report_stats(listed: &[Listed], from: Minute, to: Minute) -> ReportStats {
    // A year can list thousands of requests: a set, not a list searched for each one.
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut s = ReportStats::default();
    let mut durations = Vec::new();
    for r in listed {
        let Some(requested) = r.requested.filter(|t| (from..to).contains(t)) else {
            continue;
        };
        if let Some(id) = r.id.as_deref() {
            if !seen.insert(id) {
                continue;
            }
        }
        s.total += 1;
        let code = r.code.clone().unwrap_or_default();
        match s.by_category.iter_mut().find(|c| c.0 == code) {
            Some(c) => c.2 += 1,
            None => s.by_category.push((code, r.name.clone(), 1)),
        }
        match s.by_district.iter_mut().find(|d| d.0 == r.district) {
            Some(d) => d.1 += 1,
            None => s.by_district.push((r.district, 1)),
        }
        match r.status {
            RequestStatus::Open => s.open += 1,
            RequestStatus::Closed => {
                s.closed += 1;
                if let Some(closed) = r.updated.filter(|u| *u >= requested) {
                    durations.push(closed.0 - requested.0);
                }
            }
            RequestStatus::Other(_) => s.other += 1,
        }
    }
    crate::order::sort_by(&mut s.by_category, |a, b| {
        b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0))
    });
    let place = |d: &Option<&District>| {
        d.map_or(DISTRICTS.len(), |d| {
            DISTRICTS.iter().position(|x| x.key == d.key).unwrap_or(0)
        })
    };
    crate::order::sort_by(&mut s.by_district, |a, b| {
        b.1.cmp(&a.1).then_with(|| place(&a.0).cmp(&place(&b.0)))
    });
    s.closed_timed = durations.len();
    s.median_minutes_to_close = median(&mut durations);
    s
}

/// The median, the mean of the middle two of an even count (rounded down to the minute).
fn median(values: &mut [i64]) -> Option<i64> {
    crate::order::sort_by(values, |a, b| a.cmp(b));
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => values.get(n / 2).copied(),
        _ => Some((values.get(n / 2 - 1)? + values.get(n / 2)?).div_euclid(2)),
    }
}

/// A duration in words: "3 天 4 小时" / "3 days 4 hours" (whole hours; under an hour, minutes).
pub fn duration_text(minutes: i64, lang: Lang) -> String {
    let (days, hours) = (minutes / (24 * 60), minutes % (24 * 60) / 60);
    let plural = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match lang {
        Lang::Zh if minutes < 60 => format!("{minutes} 分钟"),
        Lang::Zh if days == 0 => format!("{hours} 小时"),
        Lang::Zh if hours == 0 => format!("{days} 天"),
        Lang::Zh => format!("{days} 天 {hours} 小时"),
        Lang::En if minutes < 60 => plural(minutes, "minute", "minutes"),
        Lang::En if days == 0 => plural(hours, "hour", "hours"),
        Lang::En if hours == 0 => plural(days, "day", "days"),
        Lang::En => format!(
            "{} {}",
            plural(days, "day", "days"),
            plural(hours, "hour", "hours")
        ),
    }
}

/// The period in a sentence: how many reports, how many closed, and the median time to close.
pub fn stats_summary(s: &ReportStats, lang: Lang) -> String {
    let median = s.median_minutes_to_close.map(|m| duration_text(m, lang));
    match (lang, median) {
        (Lang::Zh, _) if s.total == 0 => "这段时间没有收到举报。".to_string(),
        (Lang::En, _) if s.total == 0 => "No reports were received in this period.".to_string(),
        (Lang::Zh, Some(m)) => format!(
            "共收到举报 {} 件，已办结 {} 件，正在处理 {} 件；从提交到办结的时间中位数为 {m}。",
            s.total, s.closed, s.open
        ),
        (Lang::Zh, None) => format!(
            "共收到举报 {} 件，已办结 {} 件，正在处理 {} 件。",
            s.total, s.closed, s.open
        ),
        (Lang::En, Some(m)) => format!(
            "{} reports received: {} closed, {} being dealt with. Half were closed within {m} of being sent.",
            s.total, s.closed, s.open
        ),
        (Lang::En, None) => format!(
            "{} reports received: {} closed, {} being dealt with.",
            s.total, s.closed, s.open
        ),
    }
}

#[cfg(test)]
#[path = "stats_tests.rs"]
mod tests;
