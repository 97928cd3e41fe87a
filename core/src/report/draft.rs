//! The report draft the app keeps in IndexedDB (as JSON), its steps, and the idempotency key.
//!
//! Several drafts may exist at once (FixMyStreet users asked for more than one: mysociety/fixmystreet
//! issues #271, #2221, #4410).
//! Decoding is forward-compatible: unknown fields are ignored, missing fields take their
//! defaults, and a field whose stored shape no longer fits falls back to its default, so drafts
//! written by an older (or newer) app version are never lost.
//!
//! Form texts are stored exactly as typed; trimming and counting happen in validation and
//! encoding, so a half-typed answer is never altered under the user's cursor.

use serde::Serialize;

use super::json::Stored;
use crate::i18n::{Lang, Text};
use crate::json::Value;
use crate::time::Minute;
use crate::{FeedError, UnknownName};
use std::str::FromStr;

/// The pages of the form, one question (or a tight group) per page (GOV.UK "question pages").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// What kind of problem (12369 taxonomy first).
    #[default]
    Category,
    /// District, address or landmark, optional position, who is causing it.
    Where,
    /// What is happening, whether it continues, and when.
    WhatWhen,
    /// Up to 6 photos (optional).
    Photos,
    /// Anonymous or named, and contact details.
    AboutYou,
    /// Check your answers, and acknowledge what is sent where (GOV.UK puts the declaration on
    /// the check-answers page: one screen fewer). A draft saved at the former consent page
    /// resumes here.
    Check,
}

impl Step {
    /// All steps in order.
    pub const ALL: [Step; 6] = [
        Step::Category,
        Step::Where,
        Step::WhatWhen,
        Step::Photos,
        Step::AboutYou,
        Step::Check,
    ];

    /// 1-based position.
    pub fn number(self) -> usize {
        self as usize + 1
    }

    /// The next step, `None` after Check.
    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self as usize + 1).copied()
    }

    /// The previous step (the back link), `None` before Category.
    pub fn prev(self) -> Option<Step> {
        (self as usize)
            .checked_sub(1)
            .and_then(|i| Step::ALL.get(i).copied())
    }

    /// A stable name for URLs and `data-step` (`category`, `where`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Category => "category",
            Step::Where => "where",
            Step::WhatWhen => "what_when",
            Step::Photos => "photos",
            Step::AboutYou => "about_you",
            Step::Check => "check",
        }
    }

    /// The page heading.
    pub fn title(self) -> Text {
        let (zh, en) = match self {
            Step::Category => ("您要举报什么问题？", "What do you want to report?"),
            Step::Where => ("问题发生在哪里？", "Where is it happening?"),
            Step::WhatWhen => ("发生了什么，什么时候？", "What is happening, and when?"),
            Step::Photos => ("添加照片（可选）", "Add photos (optional)"),
            Step::AboutYou => ("是否留下您的姓名？", "Do you want to give your name?"),
            Step::Check => ("检查您的举报内容", "Check your report"),
        };
        Text { zh, en }
    }

    /// "第 2 步，共 6 步" / "Step 2 of 6".
    pub fn progress(self, lang: Lang) -> String {
        let (n, total) = (self.number(), Step::ALL.len());
        match lang {
            Lang::Zh => format!("第 {n} 步，共 {total} 步"),
            Lang::En => format!("Step {n} of {total}"),
        }
    }
}

impl Step {
    /// A stored step: its [`Step::as_str`] name, or `consent`, the former page now part of
    /// the check page.
    fn from_stored(value: &Value) -> Option<Step> {
        match value.as_str()? {
            "consent" => Some(Step::Check),
            name => name.parse().ok(),
        }
    }
}

/// Reads [`Step::as_str`] (exactly).
impl FromStr for Step {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Self, UnknownName> {
        Step::ALL
            .into_iter()
            .find(|s| s.as_str() == name)
            .ok_or(UnknownName)
    }
}

/// Whether the problem continues. Sent as `attribute[ongoing]` with the receiver's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ongoing {
    /// It happened and has stopped (`ended`).
    Once,
    /// It is still happening (`ongoing`).
    Ongoing,
    /// It happens at certain times, e.g. every night (`intermittent`).
    Recurring,
}

impl Ongoing {
    /// A stored choice (its serialized name).
    fn from_stored(value: &Value) -> Option<Ongoing> {
        match value.as_str()? {
            "once" => Some(Ongoing::Once),
            "ongoing" => Some(Ongoing::Ongoing),
            "recurring" => Some(Ongoing::Recurring),
            _ => None,
        }
    }

    /// All choices, in the order the radios show them.
    pub const ALL: [Ongoing; 3] = [Ongoing::Ongoing, Ongoing::Recurring, Ongoing::Once];

    /// The key of the receiver's `ongoing` singlevaluelist.
    pub fn open311_key(self) -> &'static str {
        match self {
            Ongoing::Once => "ended",
            Ongoing::Ongoing => "ongoing",
            Ongoing::Recurring => "intermittent",
        }
    }

    /// The radio label.
    pub fn label(self) -> Text {
        let (zh, en) = match self {
            Ongoing::Once => ("已经停止", "It has stopped"),
            Ongoing::Ongoing => ("仍在持续", "It is still happening"),
            Ongoing::Recurring => ("在特定时段反复发生", "It happens at certain times"),
        };
        Text { zh, en }
    }

    /// What the date question means for this choice.
    pub fn when_question(self) -> Text {
        let (zh, en) = match self {
            Ongoing::Once => ("什么时候发生的？", "When did it happen?"),
            Ongoing::Ongoing => (
                "从什么时候开始的？（可选）",
                "When did it start? (optional)",
            ),
            Ongoing::Recurring => (
                "最近一次是什么时候？（可选）",
                "When did it last happen? (optional)",
            ),
        };
        Text { zh, en }
    }
}

/// A position the user confirmed (browser geolocation, WGS-84 degrees).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Coords {
    pub lat: f64,
    pub lon: f64,
}

impl Coords {
    /// A stored position: both coordinates must be numbers.
    fn from_stored(value: &Value) -> Option<Coords> {
        Some(Coords {
            lat: value.get("lat")?.as_f64()?,
            lon: value.get("lon")?.as_f64()?,
        })
    }
}

/// One report being written. Times are milliseconds since the Unix epoch (`Date.now()`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportDraft {
    pub id: String,
    /// Sent as `attribute[client_request_id]` and the `Idempotency-Key` header; never changes.
    pub idempotency_key: String,
    pub created_ms: i64,
    pub updated_ms: i64,
    /// Service codes, in the order chosen; the first is the `service_code`.
    pub categories: Vec<String>,
    /// The Chinese sub-type text (a listed one, or typed), may be empty.
    pub subtype: String,
    /// A [`super::districts::DISTRICTS`] key, or empty.
    pub district: String,
    /// Street and number, or a landmark.
    pub address: String,
    /// Only when the user confirmed the position shown to them as text.
    pub coords: Option<Coords>,
    /// `YYYY-MM-DD` as typed (Beijing time), may be empty.
    pub occurred_date: String,
    /// `HH:MM` as typed, may be empty.
    pub occurred_time: String,
    pub ongoing: Option<Ongoing>,
    pub description: String,
    /// 被举报对象: a company, site or vehicle plate; may be empty.
    pub reported_party: String,
    /// Anonymous by default; contact fields are neither checked nor sent when true.
    pub anonymous: bool,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub consent: bool,
    /// Keys of the photo blobs the app stores next to the draft.
    pub photo_ids: Vec<String>,
    pub step: Step,
}

impl Default for ReportDraft {
    fn default() -> Self {
        Self {
            id: String::new(),
            idempotency_key: String::new(),
            created_ms: 0,
            updated_ms: 0,
            categories: Vec::new(),
            subtype: String::new(),
            district: String::new(),
            address: String::new(),
            coords: None,
            occurred_date: String::new(),
            occurred_time: String::new(),
            ongoing: None,
            description: String::new(),
            reported_party: String::new(),
            anonymous: true,
            name: String::new(),
            phone: String::new(),
            email: String::new(),
            consent: false,
            photo_ids: Vec::new(),
            step: Step::Category,
        }
    }
}

impl ReportDraft {
    /// An empty draft created at `now_ms`.
    pub fn new(id: impl Into<String>, idempotency_key: impl Into<String>, now_ms: i64) -> Self {
        Self {
            id: id.into(),
            idempotency_key: idempotency_key.into(),
            created_ms: now_ms,
            updated_ms: now_ms,
            ..Self::default()
        }
    }

    /// Decodes a stored draft. Only malformed JSON, or JSON that is not an object, fails.
    pub fn from_json(text: &str) -> Result<Self, FeedError> {
        let d = Stored::parse(text)?;
        Ok(Self {
            id: d.string("id"),
            idempotency_key: d.string("idempotency_key"),
            created_ms: d.int("created_ms"),
            updated_ms: d.int("updated_ms"),
            categories: d.strings("categories"),
            subtype: d.string("subtype"),
            district: d.string("district"),
            address: d.string("address"),
            coords: d.get("coords").and_then(Coords::from_stored),
            occurred_date: d.string("occurred_date"),
            occurred_time: d.string("occurred_time"),
            ongoing: d.get("ongoing").and_then(Ongoing::from_stored),
            description: d.string("description"),
            reported_party: d.string("reported_party"),
            anonymous: d.flag("anonymous", true),
            name: d.string("name"),
            phone: d.string("phone"),
            email: d.string("email"),
            consent: d.flag("consent", false),
            photo_ids: d.strings("photo_ids"),
            step: d
                .get("step")
                .and_then(Step::from_stored)
                .unwrap_or_default(),
        })
    }

    /// Encodes for storage.
    pub fn to_json(&self) -> String {
        // Serializing plain strings, numbers and enums cannot fail; an empty object is the
        // harmless answer if it somehow did.
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// The date-time typed in, if both parts parse.
    pub fn occurred_at(&self) -> Option<Minute> {
        Minute::from_inputs(&self.occurred_date, &self.occurred_time)
    }

    /// Adds `code` if absent, removes it if present (a checkbox toggle); keeps the order chosen.
    pub fn toggle_category(&mut self, code: &str) {
        if let Some(i) = self.categories.iter().position(|c| c == code) {
            self.categories.remove(i);
        } else {
            self.categories.push(code.to_string());
        }
    }

    /// Whether the draft holds nothing the user typed or chose (safe to discard silently).
    pub fn is_blank(&self) -> bool {
        let fresh = ReportDraft {
            id: self.id.clone(),
            idempotency_key: self.idempotency_key.clone(),
            created_ms: self.created_ms,
            updated_ms: self.updated_ms,
            step: self.step,
            ..ReportDraft::default()
        };
        *self == fresh
    }
}

/// Formats 16 random bytes (from `crypto.getRandomValues`) as a lowercase UUID version 4,
/// e.g. `3f1c2a4e-…`: 36 visible ASCII characters, inside the receiver's 1–200 limit.
pub fn idempotency_key_from_bytes(bytes: &[u8; 16]) -> String {
    let mut b = *bytes;
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    let mut out = String::with_capacity(36);
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push_str(&format!("{byte:02x}"));
    }
    out
}
