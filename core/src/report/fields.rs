//! The form's fields and their error messages, written to the GOV.UK error-message pattern:
//! say what to do, specifically, in plain words ("输入举报地点（至少 4 个字）"), never "invalid
//! input". Each message is shown both in the error summary (linked to `#html_id`) and beside the
//! field (WCAG 2.2 SC 3.3.1 error identification, 3.3.3 error suggestion).

use std::fmt;

use super::draft::Step;
use crate::i18n::{Lang, Text};

/// A question of the form, in page order (the order of the error summary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Categories,
    Subtype,
    District,
    Address,
    Coordinates,
    ReportedParty,
    Description,
    Ongoing,
    OccurredDate,
    OccurredTime,
    Photos,
    Anonymous,
    Name,
    Phone,
    Email,
    Consent,
}

impl Field {
    /// Every field in page order.
    pub const ALL: [Field; 16] = [
        Field::Categories,
        Field::Subtype,
        Field::District,
        Field::Address,
        Field::Coordinates,
        Field::ReportedParty,
        Field::Description,
        Field::Ongoing,
        Field::OccurredDate,
        Field::OccurredTime,
        Field::Photos,
        Field::Anonymous,
        Field::Name,
        Field::Phone,
        Field::Email,
        Field::Consent,
    ];

    /// The page that asks this question (the check page's "change" link goes there).
    pub fn step(self) -> Step {
        match self {
            Field::Categories | Field::Subtype => Step::Category,
            Field::District | Field::Address | Field::Coordinates | Field::ReportedParty => {
                Step::Where
            }
            Field::Description | Field::Ongoing | Field::OccurredDate | Field::OccurredTime => {
                Step::WhatWhen
            }
            Field::Photos => Step::Photos,
            Field::Anonymous | Field::Name | Field::Phone | Field::Email => Step::AboutYou,
            Field::Consent => Step::Check,
        }
    }

    /// The fields of `step` in page order; the check page has all of them.
    pub fn of_step(step: Step) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| step == Step::Check || f.step() == step)
            .collect()
    }

    /// The stable element id the error summary links to. For a radio or checkbox group it is
    /// the id of the first input, as GOV.UK does, so following the link focuses a control.
    pub fn html_id(self) -> &'static str {
        match self {
            Field::Categories => "report-categories",
            Field::Subtype => "report-subtype",
            Field::District => "report-district",
            Field::Address => "report-address",
            Field::Coordinates => "report-coordinates",
            Field::ReportedParty => "report-reported-party",
            Field::Description => "report-description",
            Field::Ongoing => "report-ongoing",
            Field::OccurredDate => "report-occurred-date",
            Field::OccurredTime => "report-occurred-time",
            Field::Photos => "report-photos",
            Field::Anonymous => "report-anonymous",
            Field::Name => "report-name",
            Field::Phone => "report-phone",
            Field::Email => "report-email",
            Field::Consent => "report-consent",
        }
    }

    /// The visible label (also the check page's row heading).
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Field::Categories => ("问题类型", "Type of problem"),
            Field::Subtype => ("具体问题", "Problem in detail"),
            Field::District => ("所在区县（市）或开发区", "District"),
            Field::Address => (
                "地点（路名门牌或附近地标）",
                "Where (street and number, or a landmark)",
            ),
            Field::Coordinates => ("定位", "Position"),
            Field::ReportedParty => ("被举报对象（可选）", "Who is causing it (optional)"),
            Field::Description => ("发生了什么", "What is happening"),
            Field::Ongoing => ("是否仍在发生", "Is it still happening?"),
            Field::OccurredDate => ("日期", "Date"),
            Field::OccurredTime => ("时间", "Time"),
            Field::Photos => ("照片", "Photos"),
            Field::Anonymous => ("是否匿名", "Anonymous"),
            Field::Name => ("姓名", "Name"),
            Field::Phone => ("手机号码", "Mobile number"),
            Field::Email => ("电子邮箱", "Email address"),
            Field::Consent => ("提交确认", "Confirmation"),
        };
        lang.pick(zh, en)
    }
}

/// What is wrong with a field. Limits travel with the kind so messages can state them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Nothing given where an answer is needed.
    Missing,
    /// Fewer characters than `min` (after trimming).
    TooShort { min: usize },
    /// More characters than `max` (after trimming).
    TooLong { max: usize },
    /// Not one of the offered choices (e.g. a category withdrawn since the draft was saved).
    NotInList,
    /// Not a real date or time.
    NotReal,
    /// Later than now.
    InFuture,
    /// Outside WGS-84 ranges, or not finite.
    OutOfRange,
    /// A *warning*: a valid position outside Changchun. It never blocks sending.
    OutsideChangchun,
    /// Not the expected shape (mobile number, email).
    BadFormat,
    /// Named report without a phone or email.
    NoContact,
    /// More than `max` items.
    TooMany { max: usize },
}

impl ErrorKind {
    /// Warnings are shown but never block a step.
    pub fn is_warning(self) -> bool {
        matches!(self, ErrorKind::OutsideChangchun)
    }
}

/// One problem with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldError {
    pub field: Field,
    pub kind: ErrorKind,
}

fn en_count(n: usize) -> String {
    // GOV.UK style writes 4,000 with a comma.
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl FieldError {
    /// The specific message, for the summary and beside the field.
    pub fn message(&self, lang: Lang) -> String {
        use ErrorKind as K;
        use Field as F;
        let fixed = |zh: &'static str, en: &'static str| Text { zh, en }.get(lang).to_string();
        let limit = |zh: String, en: String| if lang == Lang::Zh { zh } else { en };
        // Length-only fields have one message; its number comes from the kind when it has one.
        let max = match self.kind {
            K::TooLong { max } => max,
            _ => super::validate::SHORT_TEXT_MAX,
        };
        match (self.field, self.kind) {
            (F::Categories, K::NotInList) => fixed(
                "重新选择问题类型：您选的某个类型已不再提供",
                "Select the type of problem again: one of your choices is no longer offered",
            ),
            (F::Categories, _) => fixed("选择要举报的问题类型", "Select the type of problem"),
            (F::Subtype, _) => limit(
                format!("具体问题不能超过 {max} 个字"),
                format!("Problem in detail must be {} characters or fewer", en_count(max)),
            ),
            (F::District, _) => fixed(
                "选择问题所在的区、县（市）或开发区",
                "Select the district, county-level city or development zone",
            ),
            (F::Address, K::TooShort { min }) => limit(
                format!("地点至少要 {min} 个字，例如路名和门牌号，或附近的地标"),
                format!(
                    "Where it is happening must be at least {min} characters, like a street and number or a nearby landmark"
                ),
            ),
            (F::Address, K::TooLong { max }) => limit(
                format!("地点不能超过 {max} 个字"),
                format!("Where it is happening must be {} characters or fewer", en_count(max)),
            ),
            (F::Address, _) => fixed(
                "输入举报地点（至少 4 个字）",
                "Enter where it is happening (at least 4 characters)",
            ),
            (F::Coordinates, K::OutsideChangchun) => fixed(
                "定位不在长春市范围内，请确认位置是否正确",
                "The position is outside Changchun: check it is right",
            ),
            (F::Coordinates, _) => fixed(
                "定位无效：重新获取位置，或删除定位后只填写地点",
                "The position is not valid: find your location again, or remove it and just enter where it is",
            ),
            (F::ReportedParty, _) => limit(
                format!("被举报对象不能超过 {max} 个字"),
                format!("Who is causing it must be {} characters or fewer", en_count(max)),
            ),
            (F::Description, K::TooShort { min }) => limit(
                format!("描述至少要 {min} 个字，例如气味、声音、颜色，以及持续多久"),
                format!(
                    "Description must be at least {min} characters, like the smell, sound or colour and how long it lasts"
                ),
            ),
            (F::Description, K::TooLong { max }) => limit(
                format!("描述不能超过 {max} 个字"),
                format!("Description must be {} characters or fewer", en_count(max)),
            ),
            (F::Description, _) => fixed(
                "描述发生了什么（至少 5 个字）",
                "Describe what is happening (at least 5 characters)",
            ),
            (F::Ongoing, _) => fixed("选择问题是否仍在发生", "Select whether it is still happening"),
            (F::OccurredDate, K::NotReal) => fixed(
                "日期必须是真实的日期，例如 2026-03-01",
                "Date must be a real date, like 2026-03-01",
            ),
            (F::OccurredDate, K::InFuture) => fixed(
                "发生时间必须是现在或过去的时间",
                "The date and time must be now or in the past",
            ),
            (F::OccurredDate, _) => fixed("输入发生的日期", "Enter the date it happened"),
            (F::OccurredTime, K::NotReal) => fixed(
                "时间必须是真实的时间，例如 08:30",
                "Time must be a real time, like 08:30",
            ),
            (F::OccurredTime, _) => fixed(
                "输入发生的时间，例如 08:30",
                "Enter the time it happened, like 08:30",
            ),
            (F::Photos, K::TooMany { max }) => limit(
                format!("最多只能添加 {max} 张照片，请删除多余的照片"),
                format!("You can add up to {max} photos: remove the extra ones"),
            ),
            (F::Photos, _) => fixed("检查所选照片", "Check the photos you chose"),
            (F::Anonymous, _) => fixed(
                "选择是否匿名举报",
                "Select whether you want to report anonymously",
            ),
            (F::Name, K::TooLong { max }) => limit(
                format!("姓名不能超过 {max} 个字"),
                format!("Name must be {} characters or fewer", en_count(max)),
            ),
            (F::Name, _) => fixed("输入您的姓名", "Enter your name"),
            (F::Phone, K::NoContact) => fixed(
                "输入手机号码或电子邮箱，以便回复您",
                "Enter a mobile number or an email address so that you can get a reply",
            ),
            (F::Phone, _) => fixed(
                "输入 11 位手机号码，例如 13912345678",
                "Enter an 11-digit mobile number, like 13912345678",
            ),
            (F::Email, K::TooLong { max }) => limit(
                format!("电子邮箱不能超过 {max} 个字符"),
                format!("Email address must be {} characters or fewer", en_count(max)),
            ),
            (F::Email, _) => fixed(
                "输入格式正确的电子邮箱，例如 name@example.com",
                "Enter an email address in the correct format, like name@example.com",
            ),
            (F::Consent, _) => fixed(
                "确认您已了解举报内容会发送给谁",
                "Confirm that you understand who your report is sent to",
            ),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Zh))
    }
}

/// The error-summary heading ("There is a problem").
pub const ERROR_SUMMARY_TITLE: Text = Text {
    zh: "有问题需要处理",
    en: "There is a problem",
};

/// The page `<title>` prefix while errors are shown (GOV.UK: "Error: ").
pub const ERROR_TITLE_PREFIX: Text = Text {
    zh: "错误：",
    en: "Error: ",
};

/// Formats a number the way English messages write it (4,000).
pub fn format_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => n.to_string(),
        Lang::En => en_count(n),
    }
}
