//! The rows of the "check your answers" page (GOV.UK check-answers pattern): one row per
//! question with the answer as plain text and the step its "change" link returns to. Values are
//! plain strings; the UI renders them as text, never as HTML.

use super::categories::{find_category, Category};
use super::districts::find_district;
use super::draft::{ReportDraft, Step};
use super::fields::Field;
use super::validate::normalize_phone;
use crate::decimal::fixed;
use crate::i18n::Lang;

/// One row of the check page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The question (its `html_id` anchors the change link's target).
    pub field: Field,
    /// Where "change" goes.
    pub step: Step,
    /// Row heading.
    pub label: &'static str,
    /// The answer as text.
    pub value: String,
}

fn not_given(lang: Lang) -> String {
    lang.pick("未填写", "Not given").to_string()
}

fn or_not_given(text: &str, lang: Lang) -> String {
    let t = text.trim();
    if t.is_empty() {
        not_given(lang)
    } else {
        t.to_string()
    }
}

/// The rows for `draft`, in page order. Contact rows appear only for named reports.
pub fn summary_rows(draft: &ReportDraft, categories: &[Category], lang: Lang) -> Vec<SummaryRow> {
    let sep = lang.pick("、", ", ");
    let cats: Vec<&str> = draft
        .categories
        .iter()
        .map(|c| find_category(categories, c).map_or(c.as_str(), |cat| cat.name.get(lang)))
        .collect();
    let subtype = draft
        .categories
        .iter()
        .filter_map(|c| find_category(categories, c))
        .find_map(|c| c.subtype(draft.subtype.trim()))
        .map_or_else(
            || or_not_given(&draft.subtype, lang),
            |l| l.get(lang).to_string(),
        );
    let district = find_district(&draft.district).map_or_else(
        || or_not_given(&draft.district, lang),
        |d| d.name(lang).to_string(),
    );
    let coords = draft.coords.map_or_else(
        || not_given(lang),
        |c| format!("{}, {}", fixed(c.lat, 5), fixed(c.lon, 5)),
    );
    let when = match (draft.ongoing, draft.occurred_at()) {
        (Some(o), Some(at)) => format!("{} · {at}", o.label().get(lang)),
        (Some(o), None) => o.label().get(lang).to_string(),
        (None, Some(at)) => at.to_string(),
        (None, None) => not_given(lang),
    };
    let n = draft.photo_ids.len();
    let photos = match (lang, n) {
        (_, 0) => lang.pick("没有照片", "No photos").to_string(),
        (Lang::Zh, n) => format!("{n} 张照片"),
        (Lang::En, 1) => "1 photo".to_string(),
        (Lang::En, n) => format!("{n} photos"),
    };
    let anonymous = if draft.anonymous {
        lang.pick("匿名举报", "Anonymous")
    } else {
        lang.pick("留下姓名和联系方式", "With my name and contact details")
    };
    let mut rows = vec![
        (Field::Categories, cats.join(sep)),
        (Field::Subtype, subtype),
        (Field::District, district),
        (Field::Address, or_not_given(&draft.address, lang)),
        (Field::Coordinates, coords),
        (
            Field::ReportedParty,
            or_not_given(&draft.reported_party, lang),
        ),
        (Field::Description, or_not_given(&draft.description, lang)),
        (Field::Ongoing, when),
        (Field::Photos, photos),
        (Field::Anonymous, anonymous.to_string()),
    ];
    if !draft.anonymous {
        let phone = normalize_phone(&draft.phone).unwrap_or_else(|| draft.phone.clone());
        rows.push((Field::Name, or_not_given(&draft.name, lang)));
        rows.push((Field::Phone, or_not_given(&phone, lang)));
        rows.push((Field::Email, or_not_given(&draft.email, lang)));
    }
    rows.into_iter()
        .map(|(field, value)| SummaryRow {
            field,
            step: field.step(),
            label: field.label(lang),
            value,
        })
        .collect()
}
