//! Validation of report drafts: per field, per step, whole draft; messages and ids.

mod common;
use cc_core::i18n::Lang;
use cc_core::report::validate::{is_email_shape, normalize_phone};
use cc_core::report::{
    builtin_categories, first_invalid_step, summary_rows, validate_all, validate_step, warnings,
    Category, CharCount, Checks, Coords, ErrorKind, Field, FieldError, Minute, Ongoing,
    ReportDraft, Step,
};
use cc_core::time::Date;
use common::valid;

fn now() -> Minute {
    Date::new(2026, 3, 1)
        .and_then(|d| Minute::new(d, 12, 0))
        .unwrap_or(Minute(0))
}

fn cats() -> Vec<Category> {
    builtin_categories()
}

fn errs(d: &ReportDraft, step: Step) -> Vec<FieldError> {
    let c = cats();
    validate_step(
        d,
        step,
        &Checks {
            now: now(),
            categories: &c,
        },
    )
}

fn kinds(d: &ReportDraft, step: Step) -> Vec<(Field, ErrorKind)> {
    errs(d, step)
        .into_iter()
        .map(|e| (e.field, e.kind))
        .collect()
}

#[test]
fn a_complete_anonymous_draft_is_valid_on_every_step() {
    let d = valid();
    for step in Step::ALL {
        assert_eq!(errs(&d, step), vec![], "{step:?}");
    }
    assert!(warnings(&d, Step::Check).is_empty());
}

#[test]
fn an_empty_draft_lists_errors_in_field_order() {
    let d = ReportDraft::default();
    let c = cats();
    let checks = Checks {
        now: now(),
        categories: &c,
    };
    let all: Vec<Field> = validate_all(&d, &checks).iter().map(|e| e.field).collect();
    assert_eq!(
        all,
        vec![
            Field::Categories,
            Field::District,
            Field::Address,
            Field::Description,
            Field::Ongoing,
            Field::Consent
        ]
    );
    assert_eq!(first_invalid_step(&d, &checks), Some(Step::Category));
    assert_eq!(first_invalid_step(&valid(), &checks), None);
}

#[test]
fn where_step_rules() {
    let mut d = valid();
    d.district = "长春市".into();
    d.address = " 一号 ".into();
    d.reported_party = "厂".repeat(101);
    assert_eq!(
        kinds(&d, Step::Where),
        vec![
            (Field::District, ErrorKind::NotInList),
            (Field::Address, ErrorKind::TooShort { min: 4 }),
            (Field::ReportedParty, ErrorKind::TooLong { max: 100 }),
        ]
    );
    d.district = "中韩(长春)国际合作示范区".into();
    d.address = "地".repeat(200);
    d.reported_party = "厂".repeat(100);
    assert_eq!(kinds(&d, Step::Where), vec![]);
    d.address.push('地');
    assert_eq!(
        kinds(&d, Step::Where),
        vec![(Field::Address, ErrorKind::TooLong { max: 200 })]
    );
}

#[test]
fn coordinates_out_of_range_are_errors_outside_changchun_only_warnings() {
    let mut d = valid();
    d.coords = Some(Coords {
        lat: 39.9,
        lon: 116.4,
    });
    assert_eq!(kinds(&d, Step::Where), vec![]);
    let w = warnings(&d, Step::Where);
    assert_eq!(w.len(), 1);
    assert!(w[0].kind.is_warning());
    assert!(w[0].message(Lang::Zh).contains("长春"));
    assert!(warnings(&d, Step::Photos).is_empty());
    d.coords = Some(Coords {
        lat: 91.0,
        lon: 0.0,
    });
    assert_eq!(
        kinds(&d, Step::Where),
        vec![(Field::Coordinates, ErrorKind::OutOfRange)]
    );
    assert!(warnings(&d, Step::Where).is_empty());
    d.coords = Some(Coords {
        lat: f64::NAN,
        lon: 0.0,
    });
    assert_eq!(kinds(&d, Step::Where).len(), 1);
}

#[test]
fn description_counts_characters_and_accepts_html_as_text() {
    let mut d = valid();
    d.description = "  臭味  ".into();
    assert_eq!(
        kinds(&d, Step::WhatWhen),
        vec![(Field::Description, ErrorKind::TooShort { min: 5 })]
    );
    d.description = "<script>alert(1)</script>".into();
    assert_eq!(kinds(&d, Step::WhatWhen), vec![]);
    d.description = "😀".repeat(4000);
    assert_eq!(kinds(&d, Step::WhatWhen), vec![]);
    d.description.push('😀');
    assert_eq!(
        kinds(&d, Step::WhatWhen),
        vec![(Field::Description, ErrorKind::TooLong { max: 4000 })]
    );
}

#[test]
fn when_rules() {
    let mut d = valid();
    d.ongoing = None;
    d.occurred_date.clear();
    d.occurred_time.clear();
    assert_eq!(
        kinds(&d, Step::WhatWhen),
        vec![(Field::Ongoing, ErrorKind::Missing)]
    );
    // Ongoing: the date is optional; stopped: required.
    d.ongoing = Some(Ongoing::Ongoing);
    assert_eq!(kinds(&d, Step::WhatWhen), vec![]);
    d.ongoing = Some(Ongoing::Once);
    assert_eq!(
        kinds(&d, Step::WhatWhen),
        vec![(Field::OccurredDate, ErrorKind::Missing)]
    );
    d.occurred_date = "2026-02-30".into();
    d.occurred_time = "25:00".into();
    assert_eq!(
        kinds(&d, Step::WhatWhen),
        vec![
            (Field::OccurredDate, ErrorKind::NotReal),
            (Field::OccurredTime, ErrorKind::NotReal)
        ]
    );
    d.occurred_date = "2026-03-01".into();
    d.occurred_time.clear();
    assert_eq!(
        kinds(&d, Step::WhatWhen),
        vec![(Field::OccurredTime, ErrorKind::Missing)]
    );
    // Now is 12:00: 12:00 is fine, 12:01 is in the future.
    d.occurred_time = "12:00".into();
    assert_eq!(kinds(&d, Step::WhatWhen), vec![]);
    d.occurred_time = "12:01".into();
    assert_eq!(
        kinds(&d, Step::WhatWhen),
        vec![(Field::OccurredDate, ErrorKind::InFuture)]
    );
    d.occurred_date = "2026-03-02".into();
    d.occurred_time.clear();
    assert_eq!(
        kinds(&d, Step::WhatWhen)[0],
        (Field::OccurredDate, ErrorKind::InFuture)
    );
    // A time without a date asks for the date.
    d.ongoing = Some(Ongoing::Ongoing);
    d.occurred_date.clear();
    d.occurred_time = "08:00".into();
    assert_eq!(
        kinds(&d, Step::WhatWhen),
        vec![(Field::OccurredDate, ErrorKind::Missing)]
    );
}

#[test]
fn categories_must_be_offered() {
    let mut d = valid();
    d.categories = vec!["traffic".into()];
    assert_eq!(
        kinds(&d, Step::Category),
        vec![(Field::Categories, ErrorKind::NotInList)]
    );
    d.subtype = "x".repeat(101);
    assert_eq!(kinds(&d, Step::Category).len(), 2);
}

#[test]
fn named_reports_need_name_and_a_contact() {
    let mut d = valid();
    d.anonymous = false;
    assert_eq!(
        kinds(&d, Step::AboutYou),
        vec![
            (Field::Name, ErrorKind::Missing),
            (Field::Phone, ErrorKind::NoContact)
        ]
    );
    d.name = "王小明".into();
    d.email = "wang@example.cn".into();
    assert_eq!(kinds(&d, Step::AboutYou), vec![]);
    d.phone = "12912345678".into();
    d.email = "wang@example".into();
    assert_eq!(
        kinds(&d, Step::AboutYou),
        vec![
            (Field::Phone, ErrorKind::BadFormat),
            (Field::Email, ErrorKind::BadFormat)
        ]
    );
    // Anonymous: the same contents are ignored.
    d.anonymous = true;
    assert_eq!(kinds(&d, Step::AboutYou), vec![]);
}

#[test]
fn phone_and_email_shapes() {
    assert_eq!(
        normalize_phone("139 1234 5678").as_deref(),
        Some("13912345678")
    );
    assert_eq!(
        normalize_phone("+86 139-1234-5678").as_deref(),
        Some("13912345678")
    );
    assert_eq!(
        normalize_phone("１３９１２３４５６７８").as_deref(),
        Some("13912345678")
    );
    for bad in [
        "12912345678",
        "1391234567",
        "139123456789",
        "139a2345678",
        "",
        "+",
    ] {
        assert_eq!(normalize_phone(bad), None, "{bad}");
    }
    assert!(is_email_shape("a.b+c@mail.example.com"));
    assert!(is_email_shape("用户@例子.中国"));
    for bad in [
        "a@b", "@b.cn", "a b@c.cn", "a@b..cn", "a@@b.cn", "a@b.c", "a@-b.cn",
    ] {
        assert!(!is_email_shape(bad), "{bad}");
    }
}

#[test]
fn consent_and_photos() {
    let mut d = valid();
    d.consent = false;
    d.photo_ids = (0..7).map(|i| i.to_string()).collect();
    assert_eq!(
        kinds(&d, Step::Photos),
        vec![(Field::Photos, ErrorKind::TooMany { max: 6 })]
    );
    // The declaration is on the check page, which checks every question.
    assert!(kinds(&d, Step::Check).contains(&(Field::Consent, ErrorKind::Missing)));
    assert!(!kinds(&d, Step::AboutYou).contains(&(Field::Consent, ErrorKind::Missing)));
}

#[test]
fn messages_are_specific_and_bilingual() {
    let e = FieldError {
        field: Field::Address,
        kind: ErrorKind::Missing,
    };
    assert_eq!(e.message(Lang::Zh), "输入举报地点（至少 4 个字）");
    assert_eq!(
        e.message(Lang::En),
        "Enter where it is happening (at least 4 characters)"
    );
    let long = FieldError {
        field: Field::Description,
        kind: ErrorKind::TooLong { max: 4000 },
    };
    assert_eq!(
        long.message(Lang::En),
        "Description must be 4,000 characters or fewer"
    );
    // Every field × kind has a non-empty message in both languages; ids are unique.
    let kinds = [
        ErrorKind::Missing,
        ErrorKind::TooShort { min: 4 },
        ErrorKind::TooLong { max: 100 },
        ErrorKind::NotInList,
        ErrorKind::NotReal,
        ErrorKind::InFuture,
        ErrorKind::OutOfRange,
        ErrorKind::OutsideChangchun,
        ErrorKind::BadFormat,
        ErrorKind::NoContact,
        ErrorKind::TooMany { max: 6 },
    ];
    let mut ids = std::collections::HashSet::new();
    for field in Field::ALL {
        assert!(ids.insert(field.html_id()));
        assert!(field.html_id().starts_with("report-"));
        assert!(!field.label(Lang::Zh).is_empty() && !field.label(Lang::En).is_empty());
        for kind in kinds {
            let e = FieldError { field, kind };
            assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
        }
    }
}

#[test]
fn character_count_texts() {
    let c = CharCount::new("夜间有刺鼻气味", 4000);
    assert_eq!(c.remaining(), 3993);
    assert_eq!(c.message(Lang::Zh), "还可输入 3993 个字");
    assert_eq!(c.message(Lang::En), "You have 3,993 characters remaining");
    assert_eq!(
        c.limit_hint(Lang::En),
        "You can enter up to 4,000 characters"
    );
    let over = CharCount::new(&"字".repeat(4001), 4000);
    assert!(over.is_over());
    assert_eq!(over.message(Lang::Zh), "已超出 1 个字");
    assert_eq!(over.message(Lang::En), "You have 1 character too many");
    assert_eq!(
        CharCount::new("", 5).message(Lang::En),
        "You have 5 characters remaining"
    );
}

#[test]
fn steps_navigate_and_map_fields() {
    assert_eq!(Step::Category.prev(), None);
    assert_eq!(Step::Check.next(), None);
    assert_eq!(Step::Where.next(), Some(Step::WhatWhen));
    assert_eq!(Step::WhatWhen.progress(Lang::Zh), "第 3 步，共 6 步");
    assert_eq!("about_you".parse(), Ok(Step::AboutYou));
    assert_eq!(Field::of_step(Step::Check).len(), Field::ALL.len());
    for f in Field::ALL {
        assert!(Field::of_step(f.step()).contains(&f));
    }
}

#[test]
fn check_answers_rows() {
    let d = valid();
    let rows = summary_rows(&d, &cats(), Lang::En);
    let get = |f: Field| rows.iter().find(|r| r.field == f).map(|r| r.value.clone());
    assert_eq!(
        get(Field::Categories).as_deref(),
        Some("Air pollution, Noise")
    );
    assert_eq!(get(Field::Subtype).as_deref(), Some("Bad smell"));
    assert_eq!(get(Field::District).as_deref(), Some("Chaoyang District"));
    assert_eq!(
        get(Field::Ongoing).as_deref(),
        Some("It happens at certain times · 2026-03-01 08:30")
    );
    assert_eq!(get(Field::Photos).as_deref(), Some("No photos"));
    assert_eq!(get(Field::Name), None, "anonymous: no contact rows");
    assert!(rows.iter().all(|r| r.step == r.field.step()));
    let mut named = d.clone();
    named.anonymous = false;
    named.phone = "139 1234 5678".into();
    let zh = summary_rows(&named, &cats(), Lang::Zh);
    assert_eq!(zh[0].value, "大气污染、噪声污染");
    assert!(zh
        .iter()
        .any(|r| r.field == Field::Phone && r.value == "13912345678"));
    assert!(zh
        .iter()
        .any(|r| r.field == Field::Email && r.value == "未填写"));
}
