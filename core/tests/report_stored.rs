//! Stored drafts and outbox items decode as the serde derives they replaced did (kept here as
//! the reference): every member of each type, and of every other type, in turn.

use cc_core::report::{Coords, Ongoing, OutboxItem, OutboxState, ReportDraft, Step};
use serde::de::{DeserializeOwned, Deserializer};
use serde::Deserialize;

/// The former `lenient`: `T`, or its default when the stored value has another shape.
fn lenient<'de, D: Deserializer<'de>, T: DeserializeOwned + Default>(d: D) -> Result<T, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).unwrap_or_default())
}

fn lenient_true<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(serde_json::Value::deserialize(d)?.as_bool().unwrap_or(true))
}

#[derive(Deserialize, Default, PartialEq, Debug)]
#[serde(rename_all = "snake_case")]
enum DStep {
    #[default]
    Category,
    Where,
    WhatWhen,
    Photos,
    AboutYou,
    #[serde(alias = "consent")]
    Check,
}

#[derive(Deserialize, PartialEq, Debug)]
#[serde(rename_all = "snake_case")]
enum DOngoing {
    Once,
    Ongoing,
    Recurring,
}

#[derive(Deserialize, PartialEq, Debug)]
struct DCoords {
    lat: f64,
    lon: f64,
}

#[derive(Deserialize, Debug)]
#[serde(default)]
struct DerivedDraft {
    #[serde(deserialize_with = "lenient")]
    id: String,
    #[serde(deserialize_with = "lenient")]
    idempotency_key: String,
    #[serde(deserialize_with = "lenient")]
    created_ms: i64,
    #[serde(deserialize_with = "lenient")]
    updated_ms: i64,
    #[serde(deserialize_with = "lenient")]
    categories: Vec<String>,
    #[serde(deserialize_with = "lenient")]
    subtype: String,
    #[serde(deserialize_with = "lenient")]
    district: String,
    #[serde(deserialize_with = "lenient")]
    address: String,
    #[serde(deserialize_with = "lenient")]
    coords: Option<DCoords>,
    #[serde(deserialize_with = "lenient")]
    occurred_date: String,
    #[serde(deserialize_with = "lenient")]
    occurred_time: String,
    #[serde(deserialize_with = "lenient")]
    ongoing: Option<DOngoing>,
    #[serde(deserialize_with = "lenient")]
    description: String,
    #[serde(deserialize_with = "lenient")]
    reported_party: String,
    #[serde(deserialize_with = "lenient_true")]
    anonymous: bool,
    #[serde(deserialize_with = "lenient")]
    name: String,
    #[serde(deserialize_with = "lenient")]
    phone: String,
    #[serde(deserialize_with = "lenient")]
    email: String,
    #[serde(deserialize_with = "lenient")]
    consent: bool,
    #[serde(deserialize_with = "lenient")]
    photo_ids: Vec<String>,
    #[serde(deserialize_with = "lenient")]
    step: DStep,
}

impl Default for DerivedDraft {
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
            step: DStep::Category,
        }
    }
}

impl From<DerivedDraft> for ReportDraft {
    fn from(d: DerivedDraft) -> Self {
        ReportDraft {
            id: d.id,
            idempotency_key: d.idempotency_key,
            created_ms: d.created_ms,
            updated_ms: d.updated_ms,
            categories: d.categories,
            subtype: d.subtype,
            district: d.district,
            address: d.address,
            coords: d.coords.map(|c| Coords {
                lat: c.lat,
                lon: c.lon,
            }),
            occurred_date: d.occurred_date,
            occurred_time: d.occurred_time,
            ongoing: d.ongoing.map(|o| match o {
                DOngoing::Once => Ongoing::Once,
                DOngoing::Ongoing => Ongoing::Ongoing,
                DOngoing::Recurring => Ongoing::Recurring,
            }),
            description: d.description,
            reported_party: d.reported_party,
            anonymous: d.anonymous,
            name: d.name,
            phone: d.phone,
            email: d.email,
            consent: d.consent,
            photo_ids: d.photo_ids,
            step: match d.step {
                DStep::Category => Step::Category,
                DStep::Where => Step::Where,
                DStep::WhatWhen => Step::WhatWhen,
                DStep::Photos => Step::Photos,
                DStep::AboutYou => Step::AboutYou,
                DStep::Check => Step::Check,
            },
        }
    }
}

/// Values of every JSON type, including the edges of the numeric members.
const VALUES: [&str; 22] = [
    "null",
    "true",
    "false",
    "0",
    "7",
    "-3",
    "2.5",
    "5.0",
    "4294967296",
    "9223372036854775808",
    "\"\"",
    "\"x\"",
    "\"consent\"",
    "\"what_when\"",
    "\"recurring\"",
    "[]",
    "[\"a\", \"b\"]",
    "[\"a\", 1]",
    "{}",
    "{\"lat\": 43.9, \"lon\": 125}",
    "{\"lat\": 43.9}",
    "{\"lat\": \"43.9\", \"lon\": 125}",
];

/// A stored record with `key` replaced by each of [`VALUES`], or removed.
fn variants(base: &serde_json::Value, key: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut without = base.clone();
    if let Some(members) = without.as_object_mut() {
        members.remove(key);
    }
    out.push(without.to_string());
    for v in VALUES {
        let mut with = base.clone();
        with[key] = serde_json::from_str(v).unwrap_or_default();
        out.push(with.to_string());
    }
    out
}

#[test]
fn a_stored_draft_decodes_as_the_derived_decoder_did() {
    let draft = ReportDraft {
        categories: vec!["air".into()],
        coords: Some(Coords { lat: 1.0, lon: 2.0 }),
        ongoing: Some(Ongoing::Recurring),
        step: Step::Photos,
        ..ReportDraft::new("d1", "k1", 5)
    };
    let base: serde_json::Value = serde_json::from_str(&draft.to_json()).unwrap();
    let keys: Vec<String> = base.as_object().unwrap().keys().cloned().collect();
    let mut checked = 0;
    for key in &keys {
        for text in variants(&base, key) {
            let derived: ReportDraft = serde_json::from_str::<DerivedDraft>(&text).unwrap().into();
            assert_eq!(ReportDraft::from_json(&text), Ok(derived), "{text}");
            checked += 1;
        }
    }
    assert_eq!(checked, 21 * 23);
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DerivedItem {
    #[serde(deserialize_with = "lenient")]
    draft_id: String,
    #[serde(deserialize_with = "lenient")]
    idempotency_key: String,
    #[serde(deserialize_with = "lenient")]
    attempts: u32,
    #[serde(deserialize_with = "lenient")]
    next_attempt_at: i64,
    #[serde(deserialize_with = "lenient")]
    token_lookups: u32,
    #[serde(deserialize_with = "lenient")]
    last_error: Option<String>,
    #[serde(deserialize_with = "lenient")]
    queued_at: i64,
    #[serde(deserialize_with = "lenient")]
    about: DerivedAbout,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DerivedAbout {
    categories: Vec<String>,
    place: String,
    occurred: Option<i64>,
}

#[test]
fn a_stored_outbox_item_decodes_as_the_derived_decoder_did() {
    let mut item = OutboxItem::new("d1", "k1", 5);
    item.last_error = Some("HTTP 503".into());
    item.about.categories = vec!["air".into()];
    item.about.place = "朝阳区".into();
    item.about.occurred = Some(3);
    let base: serde_json::Value = serde_json::from_str(&item.to_json()).unwrap();
    let mut about_cases = vec![base["about"].to_string()];
    for key in ["categories", "place", "occurred"] {
        about_cases.extend(variants(&base["about"], key));
    }
    for key in base.as_object().unwrap().keys().filter(|k| *k != "state") {
        let mut texts = variants(&base, key);
        if key == "about" {
            texts.extend(about_cases.iter().map(|about| {
                let mut with = base.clone();
                with["about"] = serde_json::from_str(about).unwrap();
                with.to_string()
            }));
        }
        for text in texts {
            let d: DerivedItem = serde_json::from_str(&text).unwrap();
            let ours = OutboxItem::from_json(&text).unwrap();
            let derived = (
                d.draft_id,
                d.idempotency_key,
                d.attempts,
                d.next_attempt_at,
                d.token_lookups,
                d.last_error,
                d.queued_at,
                (d.about.categories, d.about.place, d.about.occurred),
            );
            let got = (
                ours.draft_id,
                ours.idempotency_key,
                ours.attempts,
                ours.next_attempt_at,
                ours.token_lookups,
                ours.last_error,
                ours.queued_at,
                (ours.about.categories, ours.about.place, ours.about.occurred),
            );
            assert_eq!(got, derived, "{text}");
            assert_eq!(ours.state, OutboxState::Queued, "{text}");
        }
    }
}
