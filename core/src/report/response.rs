//! Reading Open311 GeoReport v2 responses: the POST answer, error arrays, `GET tokens/{t}.json`
//! and `GET requests/{id}.json`, plus the mapping of an HTTP answer to an outbox [`Outcome`].
//!
//! Never panics. Malformed JSON or a wrong shape is a [`FeedError`] with line and column.
//! Tolerated on purpose: ids and numbers as strings *or* numbers (the spec's example
//! uses a number, the reference receiver a string), a single object where an array is expected,
//! unknown fields, and nulls.

use super::json::{number_member, one_or_many, text_member, texts_member};
use super::outbox::Outcome;
use crate::i18n::{Lang, Text};
use crate::json_obj::{Object, Problem};
use crate::time::Date;
use crate::time::Minute;
use crate::FeedError;

/// One entry of a POST answer: an id, or a token to look up later (batch services).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Created {
    pub service_request_id: Option<String>,
    pub token: Option<String>,
    pub service_notice: Option<String>,
    pub account_id: Option<String>,
}

/// One Open311 error, `{code, description}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Open311Error {
    pub code: Option<String>,
    pub description: Option<String>,
}

/// One entry of `GET tokens/{token}.json`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenEntry {
    pub service_request_id: Option<String>,
    pub token: Option<String>,
}

/// `status` of a service request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestStatus {
    Open,
    Closed,
    /// Anything else a server sends, kept as given.
    Other(String),
}

impl RequestStatus {
    pub(crate) fn parse(text: Option<&str>) -> Self {
        match text.map(|t| t.trim().to_ascii_lowercase()).as_deref() {
            Some("open") => RequestStatus::Open,
            Some("closed") => RequestStatus::Closed,
            _ => RequestStatus::Other(text.unwrap_or_default().to_string()),
        }
    }

    /// Plain words for the tracking page.
    pub fn label(&self, lang: Lang) -> String {
        let t = match self {
            RequestStatus::Open => Text {
                zh: "已受理，正在处理",
                en: "Received and being dealt with",
            },
            RequestStatus::Closed => Text {
                zh: "已办结",
                en: "Closed",
            },
            RequestStatus::Other(s) => return s.clone(),
        };
        t.get(lang).to_string()
    }
}

struct RawRecord {
    service_request_id: Option<String>,
    status: Option<String>,
    status_notes: Option<String>,
    service_name: Option<String>,
    service_code: Option<String>,
    description: Option<String>,
    agency_responsible: Option<String>,
    service_notice: Option<String>,
    requested_datetime: Option<String>,
    updated_datetime: Option<String>,
    expected_datetime: Option<String>,
    address: Option<String>,
    lat: Option<f64>,
    long: Option<f64>,
    media_url: Option<String>,
    media_urls: Vec<String>,
}

/// A service request record (`GET requests/{id}.json`). Datetimes are read into Beijing time;
/// one that does not parse is `None` (and its text kept in the `*_raw` field).
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceRequest {
    pub service_request_id: Option<String>,
    pub status: RequestStatus,
    pub status_notes: Option<String>,
    pub service_name: Option<String>,
    pub service_code: Option<String>,
    pub description: Option<String>,
    pub agency_responsible: Option<String>,
    pub service_notice: Option<String>,
    pub requested: Option<Minute>,
    pub updated: Option<Minute>,
    pub expected: Option<Minute>,
    pub requested_raw: Option<String>,
    pub updated_raw: Option<String>,
    pub expected_raw: Option<String>,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    /// `media_urls` (receiver extension) or else `media_url`.
    pub media_urls: Vec<String>,
}

fn read_created<'t>(o: &Object<'t>) -> Result<Created, Problem<'t>> {
    Ok(Created {
        service_request_id: text_member(o, "service_request_id")?,
        token: text_member(o, "token")?,
        service_notice: text_member(o, "service_notice")?,
        account_id: text_member(o, "account_id")?,
    })
}

fn read_error<'t>(o: &Object<'t>) -> Result<Open311Error, Problem<'t>> {
    Ok(Open311Error {
        code: text_member(o, "code")?,
        description: text_member(o, "description")?,
    })
}

fn read_token<'t>(o: &Object<'t>) -> Result<TokenEntry, Problem<'t>> {
    Ok(TokenEntry {
        service_request_id: text_member(o, "service_request_id")?,
        token: text_member(o, "token")?,
    })
}

fn read_record<'t>(o: &Object<'t>) -> Result<RawRecord, Problem<'t>> {
    let text = |key| text_member(o, key);
    Ok(RawRecord {
        service_request_id: text("service_request_id")?,
        status: text("status")?,
        status_notes: text("status_notes")?,
        service_name: text("service_name")?,
        service_code: text("service_code")?,
        description: text("description")?,
        agency_responsible: text("agency_responsible")?,
        service_notice: text("service_notice")?,
        requested_datetime: text("requested_datetime")?,
        updated_datetime: text("updated_datetime")?,
        expected_datetime: text("expected_datetime")?,
        address: text("address")?,
        lat: number_member(o, "lat")?,
        long: number_member(o, "long")?,
        media_url: text("media_url")?,
        media_urls: texts_member(o, "media_urls"),
    })
}

/// Parses a POST answer; the first entry with an id or token wins.
pub fn parse_created(text: &str) -> Result<Created, FeedError> {
    one_or_many(text, read_created)?
        .into_iter()
        .find(|c| c.service_request_id.is_some() || c.token.is_some())
        .ok_or_else(|| FeedError::at(1, 1, "no service_request_id or token in the answer"))
}

/// Parses an Open311 error array.
pub fn parse_errors(text: &str) -> Result<Vec<Open311Error>, FeedError> {
    one_or_many(text, read_error)
}

/// Parses `GET tokens/{token}.json`; `Ok(None)` while the id is not assigned yet.
pub fn parse_token(text: &str) -> Result<Option<String>, FeedError> {
    Ok(one_or_many(text, read_token)?
        .into_iter()
        .find_map(|e| e.service_request_id))
}

/// Parses `GET requests/{id}.json` (or `requests.json`): every record.
pub fn parse_requests(text: &str) -> Result<Vec<ServiceRequest>, FeedError> {
    let raw = one_or_many(text, read_record)?;
    Ok(raw.into_iter().map(record).collect())
}

fn record(r: RawRecord) -> ServiceRequest {
    let when = |s: &Option<String>| s.as_deref().and_then(Minute::parse_iso);
    let mut media = r.media_urls;
    if media.is_empty() {
        media.extend(r.media_url);
    }
    ServiceRequest {
        service_request_id: r.service_request_id,
        status: RequestStatus::parse(r.status.as_deref()),
        status_notes: r.status_notes,
        service_name: r.service_name,
        service_code: r.service_code,
        description: r.description,
        agency_responsible: r.agency_responsible,
        service_notice: r.service_notice,
        requested: when(&r.requested_datetime),
        updated: when(&r.updated_datetime),
        expected: when(&r.expected_datetime),
        requested_raw: r.requested_datetime,
        updated_raw: r.updated_datetime,
        expected_raw: r.expected_datetime,
        address: r.address,
        lat: r.lat,
        long: r.long,
        media_urls: media,
    }
}

/// The error descriptions of an error body joined by "; ", or `None` if it has none.
pub fn error_text(body: &str) -> Option<String> {
    let descs: Vec<String> = parse_errors(body)
        .ok()?
        .into_iter()
        .filter_map(|e| e.description)
        .collect();
    (!descs.is_empty()).then(|| descs.join("; "))
}

/// Seconds to wait from a `Retry-After` value: delta-seconds, or an IMF-fixdate
/// (`Sun, 06 Nov 1994 08:49:37 GMT`) relative to `now_ms`. Unreadable → `None`.
pub fn parse_retry_after(value: &str, now_ms: i64) -> Option<u32> {
    let v = value.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            v.parse::<u64>()
                .map_or(u32::MAX, |s| s.min(u64::from(u32::MAX)) as u32),
        );
    }
    let at_ms = parse_http_date(v)?;
    let secs = (at_ms.saturating_sub(now_ms).max(0) + 999) / 1000;
    Some(u32::try_from(secs).unwrap_or(u32::MAX))
}

fn parse_http_date(v: &str) -> Option<i64> {
    let parts: Vec<&str> = v.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let m = MONTHS.iter().position(|x| x == month)? as u8 + 1;
    let date = Date::new(year.parse().ok()?, m, day.parse().ok()?)?;
    let mut hms = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, mi, s) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    Some(((date.to_days() * 24 + h) * 60 + mi) * 60_000 + s * 1000)
}

/// Maps the HTTP answer to `POST requests.json` to an outbox outcome.
///
/// `status` 0 means the fetch itself failed (offline, DNS, CORS). A 2xx whose body cannot be
/// read is treated as a server error: retrying is safe, because the idempotency key makes the
/// receiver answer again with the case it already created.
pub fn classify_post(status: u16, body: &str, retry_after: Option<&str>, now_ms: i64) -> Outcome {
    match status {
        0 => Outcome::Network,
        200..=299 => match parse_created(body) {
            Ok(Created {
                service_request_id: Some(id),
                service_notice,
                ..
            }) => Outcome::Created {
                reference: id,
                notice: service_notice,
            },
            Ok(Created {
                token: Some(token), ..
            }) => Outcome::Token(token),
            _ => Outcome::ServerError(status),
        },
        408 => Outcome::Timeout,
        429 => Outcome::RateLimited {
            retry_after_seconds: retry_after.and_then(|v| parse_retry_after(v, now_ms)),
        },
        400..=499 => Outcome::ClientError {
            status,
            description: error_text(body).unwrap_or_else(|| format!("HTTP {status}")),
        },
        _ => Outcome::ServerError(status),
    }
}
