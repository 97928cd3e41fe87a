//! Validation of a draft, per field and per step (GOV.UK question pages, error summary and
//! check-answers page; WCAG 2.2 SC 3.3.1/3.3.3/3.3.4).
//!
//! Rules (the description's 5–4,000 are the 12369 WeChat form's minimum and Open311 GeoReport
//! v2's `description` limit), all counting Unicode scalar values after trimming, which is what
//! the receiver counts (an emoji is one):
//! - categories: at least one, each offered by the current list;
//! - sub-type ≤ 100, 被举报对象 ≤ 100 (the receiver's attribute limits);
//! - district: one of [`DISTRICTS`](super::districts::DISTRICTS); address 4–200;
//! - position (optional): finite and in WGS-84 range, else an error; outside Changchun's box it
//!   is only a *warning* (GPS drift near the border, or a polluter just outside the city, are
//!   still worth reporting; the bureau decides);
//! - description 5–4,000. HTML is *not* rejected: `<` is ordinary text, sent and shown as text;
//! - ongoing: a choice is required. The date is required when it has stopped ([`Ongoing::Once`],
//!   "when did it happen?"), optional otherwise ("since when?"). A date needs a time (minute
//!   precision is what the `occurred_at` attribute carries), a time needs a date, and the moment
//!   may not be later than `now` (to the minute);
//! - photos ≤ 6;
//! - named reports only: name 1–50, mobile `1[3-9]\d{9}` (spaces, dashes, a +86 prefix and
//!   full-width digits are tolerated and normalised), email of the usual shape, at least one of
//!   phone or email; anonymous reports ignore these fields entirely;
//! - consent acknowledged.
//!
//! Each field reports at most one error (the first rule it breaks), as GOV.UK shows one
//! message per field.

use super::categories::{find_category, Category};
use super::districts::{find_district, in_changchun};
use super::draft::{Ongoing, ReportDraft, Step};
use super::fields::{ErrorKind, Field, FieldError};
use crate::time::Date;
use crate::time::Minute;

/// Minimum and maximum of the address, in characters.
pub const ADDRESS_LEN: (usize, usize) = (4, 200);
/// Minimum and maximum of the description (12369's 5-character minimum, Open311's 4,000).
pub const DESCRIPTION_LEN: (usize, usize) = (5, 4000);
/// Maximum of 被举报对象 and of the sub-type.
pub const SHORT_TEXT_MAX: usize = 100;
/// Maximum of the name.
pub const NAME_MAX: usize = 50;
/// Maximum of an email address (RFC 5321 path limit, and the receiver's).
pub const EMAIL_MAX: usize = 254;
/// Photos per report (the receiver's `--max-photos` default).
pub const MAX_PHOTOS: usize = 6;

/// What validation needs besides the draft.
#[derive(Debug, Clone, Copy)]
pub struct Checks<'a> {
    /// The current time, to refuse future dates.
    pub now: Minute,
    /// The categories offered (built-in or the endpoint's).
    pub categories: &'a [Category],
}

/// Characters of `text` after trimming.
pub fn char_len(text: &str) -> usize {
    text.trim().chars().count()
}

fn length(field: Field, text: &str, min: usize, max: usize) -> Option<FieldError> {
    let n = char_len(text);
    let kind = if n == 0 && min > 0 {
        ErrorKind::Missing
    } else if n < min {
        ErrorKind::TooShort { min }
    } else if n > max {
        ErrorKind::TooLong { max }
    } else {
        return None;
    };
    Some(FieldError { field, kind })
}

/// The mobile number as 11 ASCII digits, if `text` is a mainland mobile number
/// (`1[3-9]\d{9}`) once spaces, dashes, a `+86`/`86` prefix and full-width digits are removed.
pub fn normalize_phone(text: &str) -> Option<String> {
    let mut digits = String::with_capacity(13);
    for (i, c) in text.trim().chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '０'..='９' => digits.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            ' ' | '-' | '\u{3000}' => {}
            '+' | '＋' if i == 0 => {}
            _ => return None,
        }
    }
    let d = if digits.len() == 13 {
        digits.strip_prefix("86")?.to_string()
    } else {
        digits
    };
    let b = d.as_bytes();
    (b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])).then_some(d)
}

/// The usual shape of an email address: one `@`, a non-empty local part (≤ 64), a domain with
/// a dot, no empty labels, no spaces, a top-level label of at least 2 characters.
pub fn is_email_shape(text: &str) -> bool {
    let t = text.trim();
    let Some((local, domain)) = t.split_once('@') else {
        return false;
    };
    let ok_chars = |s: &str| {
        !s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '@')
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && local.chars().count() <= 64
        && ok_chars(local)
        && ok_chars(domain)
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2)
}

/// The one error of `field`, if any (warnings excluded; see [`warnings`]).
pub fn validate_field(draft: &ReportDraft, field: Field, checks: &Checks) -> Option<FieldError> {
    let err = |kind| Some(FieldError { field, kind });
    let named = !draft.anonymous;
    match field {
        Field::Categories if draft.categories.is_empty() => err(ErrorKind::Missing),
        Field::Categories => draft
            .categories
            .iter()
            .any(|c| find_category(checks.categories, c).is_none())
            .then_some(FieldError {
                field,
                kind: ErrorKind::NotInList,
            }),
        Field::Subtype => length(field, &draft.subtype, 0, SHORT_TEXT_MAX),
        Field::District if draft.district.trim().is_empty() => err(ErrorKind::Missing),
        Field::District => find_district(&draft.district)
            .is_none()
            .then_some(FieldError {
                field,
                kind: ErrorKind::NotInList,
            }),
        Field::Address => length(field, &draft.address, ADDRESS_LEN.0, ADDRESS_LEN.1),
        Field::Coordinates => match draft.coords {
            Some(c)
                if !(c.lat.is_finite()
                    && c.lon.is_finite()
                    && (-90.0..=90.0).contains(&c.lat)
                    && (-180.0..=180.0).contains(&c.lon)) =>
            {
                err(ErrorKind::OutOfRange)
            }
            _ => None,
        },
        Field::ReportedParty => length(field, &draft.reported_party, 0, SHORT_TEXT_MAX),
        Field::Description => length(
            field,
            &draft.description,
            DESCRIPTION_LEN.0,
            DESCRIPTION_LEN.1,
        ),
        Field::Ongoing if draft.ongoing.is_none() => err(ErrorKind::Missing),
        Field::Ongoing => None,
        Field::OccurredDate => validate_date(draft, checks),
        Field::OccurredTime => validate_time(draft),
        Field::Photos if draft.photo_ids.len() > MAX_PHOTOS => {
            err(ErrorKind::TooMany { max: MAX_PHOTOS })
        }
        Field::Photos | Field::Anonymous => None,
        Field::Name if named => length(field, &draft.name, 1, NAME_MAX),
        Field::Phone if named && draft.phone.trim().is_empty() && draft.email.trim().is_empty() => {
            err(ErrorKind::NoContact)
        }
        Field::Phone if named && !draft.phone.trim().is_empty() => normalize_phone(&draft.phone)
            .is_none()
            .then_some(FieldError {
                field,
                kind: ErrorKind::BadFormat,
            }),
        Field::Email if named && !draft.email.trim().is_empty() => {
            if char_len(&draft.email) > EMAIL_MAX {
                err(ErrorKind::TooLong { max: EMAIL_MAX })
            } else if !is_email_shape(&draft.email) {
                err(ErrorKind::BadFormat)
            } else {
                None
            }
        }
        Field::Name | Field::Phone | Field::Email => None,
        Field::Consent if !draft.consent => err(ErrorKind::Missing),
        Field::Consent => None,
    }
}

fn validate_date(draft: &ReportDraft, checks: &Checks) -> Option<FieldError> {
    let field = Field::OccurredDate;
    let err = |kind| Some(FieldError { field, kind });
    let date_text = draft.occurred_date.trim();
    if date_text.is_empty() {
        let needed = draft.ongoing == Some(Ongoing::Once) || !draft.occurred_time.trim().is_empty();
        return if needed {
            err(ErrorKind::Missing)
        } else {
            None
        };
    }
    let Some(date) = Date::parse(date_text) else {
        return err(ErrorKind::NotReal);
    };
    // A bare date already in the future is reported here, before the time is typed.
    if Minute::new(date, 0, 0).is_some_and(|m| m > checks.now) {
        return err(ErrorKind::InFuture);
    }
    match draft.occurred_at() {
        Some(at) if at > checks.now => err(ErrorKind::InFuture),
        _ => None,
    }
}

fn validate_time(draft: &ReportDraft) -> Option<FieldError> {
    let field = Field::OccurredTime;
    let time = draft.occurred_time.trim();
    let kind = if time.is_empty() {
        if draft.occurred_date.trim().is_empty() {
            return None;
        }
        ErrorKind::Missing
    } else if Minute::parse_time_of_day(time).is_none() {
        ErrorKind::NotReal
    } else {
        return None;
    };
    Some(FieldError { field, kind })
}

/// The errors of `step`, in field order (the check step validates everything).
pub fn validate_step(draft: &ReportDraft, step: Step, checks: &Checks) -> Vec<FieldError> {
    Field::of_step(step)
        .into_iter()
        .filter_map(|f| validate_field(draft, f, checks))
        .collect()
}

/// Every error of the draft, in field order, for the check page.
pub fn validate_all(draft: &ReportDraft, checks: &Checks) -> Vec<FieldError> {
    validate_step(draft, Step::Check, checks)
}

/// The first step with an error (where "continue" from the check page sends the user).
pub fn first_invalid_step(draft: &ReportDraft, checks: &Checks) -> Option<Step> {
    validate_all(draft, checks).first().map(|e| e.field.step())
}

/// Non-blocking warnings of `step` (a position outside Changchun).
pub fn warnings(draft: &ReportDraft, step: Step) -> Vec<FieldError> {
    let field = Field::Coordinates;
    // Only a valid position can be "outside"; an invalid one is already an error.
    let outside = draft.coords.is_some_and(|c| {
        (-90.0..=90.0).contains(&c.lat)
            && (-180.0..=180.0).contains(&c.lon)
            && !in_changchun(c.lat, c.lon)
    });
    if outside && (step == Step::Check || step == field.step()) {
        vec![FieldError {
            field,
            kind: ErrorKind::OutsideChangchun,
        }]
    } else {
        Vec::new()
    }
}
