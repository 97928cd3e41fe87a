//! The report form's state machine: every transition, valid and refused, on both layouts.

mod common;
use cc_core::report::flow::Mode;
use cc_core::report::{
    builtin_categories, Category, Checks, ErrorKind, Field, Focus, FormFlow, Layout, Minute,
    ReportDraft, Step, Submit,
};
use cc_core::time::Date;
use common::valid;

const NOW_MS: i64 = 1_772_337_600_000; // 2026-03-01 12:00 Beijing

fn cats() -> Vec<Category> {
    builtin_categories()
}

fn checks(c: &[Category]) -> Checks<'_> {
    Checks {
        now: Minute::from_unix_millis(NOW_MS),
        categories: c,
    }
}

fn opened(d: ReportDraft) -> FormFlow {
    let mut f = FormFlow::default();
    assert_eq!(f.open(d), Focus::StepHeading);
    f
}

fn at(step: Step, d: ReportDraft) -> FormFlow {
    opened(ReportDraft { step, ..d })
}

#[test]
fn the_clock_constant_is_the_day_named() {
    let m = Minute::from_unix_millis(NOW_MS);
    assert_eq!(Some(m.date()), Date::new(2026, 3, 1));
    assert_eq!((m.hour(), m.minute()), (12, 0));
}

#[test]
fn open_resets_everything_but_the_draft() {
    let mut f = FormFlow {
        errors: vec![],
        from_check: true,
        saved: true,
        ..FormFlow::default()
    };
    assert_eq!(f.mode, Mode::Start);
    f.open(valid());
    assert_eq!(f.mode, Mode::Form);
    assert!(!f.from_check && !f.saved && f.errors.is_empty());
    assert_eq!(f.draft, valid());
}

#[test]
fn next_moves_page_by_page_when_valid() {
    let c = cats();
    // (layout, from, to)
    let table = [
        (Layout::OnePerPage, Step::Category, Step::Where),
        (Layout::OnePerPage, Step::Where, Step::WhatWhen),
        (Layout::OnePerPage, Step::WhatWhen, Step::Photos),
        (Layout::OnePerPage, Step::Photos, Step::AboutYou),
        (Layout::OnePerPage, Step::AboutYou, Step::Check),
        (Layout::Grouped, Step::Category, Step::Where),
        (Layout::Grouped, Step::Where, Step::Photos),
        (Layout::Grouped, Step::WhatWhen, Step::Photos),
        (Layout::Grouped, Step::Photos, Step::AboutYou),
        (Layout::Grouped, Step::AboutYou, Step::Check),
    ];
    for (layout, from, to) in table {
        let mut f = at(from, valid());
        assert_eq!(f.next(layout, &checks(&c), NOW_MS), Focus::StepHeading);
        assert_eq!(f.draft.step, to, "{layout:?} {from:?}");
        assert_eq!(f.draft.updated_ms, NOW_MS);
        assert!(f.errors.is_empty());
    }
}

#[test]
fn next_when_invalid_stays_with_the_page_errors() {
    let c = cats();
    let no_place = ReportDraft {
        district: String::new(),
        description: String::new(),
        ..valid()
    };
    // (layout, step, the errors expected: only the shown page's)
    let table: [(Layout, Step, &[Field]); 4] = [
        (Layout::OnePerPage, Step::Where, &[Field::District]),
        (Layout::OnePerPage, Step::WhatWhen, &[Field::Description]),
        (
            Layout::Grouped,
            Step::Where,
            &[Field::District, Field::Description],
        ),
        (Layout::OnePerPage, Step::Category, &[]),
    ];
    for (layout, step, fields) in table {
        let mut f = at(step, no_place.clone());
        let focus = f.next(layout, &checks(&c), NOW_MS);
        let shown: Vec<Field> = f.errors.iter().map(|e| e.field).collect();
        assert_eq!(shown, fields, "{layout:?} {step:?}");
        if fields.is_empty() {
            assert_eq!(focus, Focus::StepHeading);
        } else {
            assert_eq!(focus, Focus::ErrorSummary);
            assert_eq!(f.draft.step, step, "stays");
            assert_eq!(f.draft.updated_ms, 0, "nothing edited");
        }
    }
}

#[test]
fn back_clears_errors_and_stops_on_the_first_page() {
    let c = cats();
    let mut f = at(Step::Where, ReportDraft::new("d", "k", 0));
    f.next(Layout::OnePerPage, &checks(&c), NOW_MS);
    assert!(!f.errors.is_empty());
    assert_eq!(f.back(Layout::OnePerPage, NOW_MS), Some(Focus::StepHeading));
    assert_eq!(f.draft.step, Step::Category);
    assert!(f.errors.is_empty());
    assert_eq!(f.back(Layout::OnePerPage, NOW_MS), None);
    assert_eq!(f.draft.step, Step::Category);
    let mut g = at(Step::Check, valid());
    g.back(Layout::Grouped, NOW_MS);
    assert_eq!(g.draft.step, Step::AboutYou);
}

#[test]
fn change_from_the_check_page_returns_there() {
    let c = cats();
    let mut f = at(Step::Check, valid());
    assert_eq!(
        f.change(Layout::OnePerPage, Field::Address, NOW_MS),
        Focus::Field(Field::Address)
    );
    assert_eq!(f.draft.step, Step::Where);
    assert!(f.from_check);
    f.next(Layout::OnePerPage, &checks(&c), NOW_MS);
    assert_eq!(
        f.draft.step,
        Step::Check,
        "continue goes back to the check page"
    );
}

#[test]
fn change_keeps_only_the_target_pages_errors() {
    let c = cats();
    let mut f = at(
        Step::Check,
        ReportDraft {
            district: String::new(),
            consent: false,
            ..valid()
        },
    );
    assert!(matches!(
        f.submit(&checks(&c)),
        Submit::Invalid(Focus::ErrorSummary)
    ));
    assert_eq!(f.errors.len(), 2);
    // The declaration is on the check page itself: nothing moves, focus only.
    let before = f.clone();
    assert_eq!(
        f.change(Layout::OnePerPage, Field::Consent, NOW_MS),
        Focus::Field(Field::Consent)
    );
    assert_eq!(f, before);
    // A question page: only its errors go with it.
    f.change(Layout::OnePerPage, Field::District, NOW_MS);
    let kept: Vec<_> = f.errors.iter().map(|e| (e.field, e.kind)).collect();
    assert_eq!(kept, [(Field::District, ErrorKind::Missing)]);
    assert_eq!(f.draft.step, Step::Where);
    // From a question page (an error link), "continue" goes on, not back to the check page.
    let mut g = at(Step::AboutYou, valid());
    g.change(Layout::OnePerPage, Field::Address, NOW_MS);
    assert!(!g.from_check);
}

#[test]
fn submit_refuses_invalid_sends_once_and_confirms() {
    let c = cats();
    let mut bad = at(Step::Check, ReportDraft::new("d", "k", 0));
    assert_eq!(
        bad.submit(&checks(&c)),
        Submit::Invalid(Focus::ErrorSummary)
    );
    assert!(!bad.sending && bad.mode == Mode::Form);
    assert_eq!(bad.errors.first().map(|e| e.field), Some(Field::Categories));

    let mut f = at(Step::Check, valid());
    let Submit::Queue(d) = f.submit(&checks(&c)) else {
        panic!("a valid draft is queued");
    };
    assert!(f.sending);
    assert_eq!(
        f.submit(&checks(&c)),
        Submit::Busy,
        "a double click sends once"
    );
    // Not queued (storage failed): still on the check page, free to send again.
    assert_eq!(f.queued(&d.id, false), None);
    assert!(!f.sending && f.mode == Mode::Form);
    assert!(matches!(f.submit(&checks(&c)), Submit::Queue(_)));
    assert_eq!(f.queued(&d.id, true), Some(Focus::DoneHeading));
    assert_eq!((f.mode, f.done_id.as_str()), (Mode::Done, "d1"));
}

#[test]
fn after_sending_edit_again_another_and_leave() {
    let mut f = at(Step::Check, valid());
    f.queued("d1", true);
    assert_eq!(f.edit_again(NOW_MS), Focus::StepHeading);
    assert_eq!((f.mode, f.draft.step), (Mode::Form, Step::Check));

    let fresh = ReportDraft::new("d2", "k2", NOW_MS);
    assert_eq!(f.another(fresh), Focus::StepHeading);
    assert_eq!(f.draft.id, "d2");
    assert_eq!(f.draft.step, Step::Category);
    assert_eq!(f.draft.district, "朝阳区");
    assert_eq!(f.draft.address, "人民大街 1 号");
    assert!(f.draft.coords.is_some());
    assert!(f.draft.categories.is_empty() && f.draft.description.is_empty());

    assert_eq!(f.leave(), Focus::Start);
    assert_eq!(f.mode, Mode::Start);
    assert_eq!(f.draft.id, "d2", "the draft stays for the list");
}

#[test]
fn edit_stamps_the_draft_and_saved_is_recorded() {
    let mut f = opened(valid());
    f.edit(|d| d.description = "烟".into(), 42);
    assert_eq!(
        (f.draft.description.as_str(), f.draft.updated_ms),
        ("烟", 42)
    );
    f.set_saved(true);
    assert!(f.saved);
    assert_eq!(Focus::Field(Field::Email).html_id(), Field::Email.html_id());
    assert_eq!(Focus::ErrorSummary.html_id(), "report-error-summary");
}
