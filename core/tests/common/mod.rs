//! Shared by the report tests: a draft that passes every check, for tests to spoil one field of.

use cc_core::report::{Coords, Ongoing, ReportDraft};

pub fn valid() -> ReportDraft {
    ReportDraft {
        categories: vec!["air".into(), "noise".into()],
        subtype: "恶臭/异味".into(),
        district: "朝阳区".into(),
        address: "人民大街 1 号".into(),
        coords: Some(Coords {
            lat: 43.88,
            lon: 125.32,
        }),
        occurred_date: "2026-03-01".into(),
        occurred_time: "08:30".into(),
        ongoing: Some(Ongoing::Recurring),
        description: "夜间有刺鼻气味".into(),
        consent: true,
        ..ReportDraft::new("d1", "k1", 0)
    }
}
