//! Drafts (storage and forward compatibility), categories, the services.json reader, districts.

use cc_core::i18n::Lang;
use cc_core::report::{
    builtin_categories, find_district, in_changchun, parse_services, CategorySource, Coords,
    Minute, Ongoing, ReportDraft, Step, DISTRICTS, OUT_OF_REMIT, PHONE_ALTERNATIVE,
};

#[test]
fn new_drafts_are_anonymous_and_blank() {
    let d = ReportDraft::new("d1", "k1", 1_000);
    assert!(d.anonymous);
    assert!(!d.consent);
    assert!(d.is_blank());
    assert_eq!(d.step, Step::Category);
    assert_eq!((d.created_ms, d.updated_ms), (1_000, 1_000));
    let mut e = d.clone();
    e.toggle_category("air");
    e.toggle_category("noise");
    e.toggle_category("air");
    assert_eq!(e.categories, vec!["noise".to_string()]);
    assert!(!e.is_blank());
}

#[test]
fn drafts_round_trip_through_json() {
    let d = ReportDraft {
        categories: vec!["air".into()],
        coords: Some(Coords {
            lat: 43.9,
            lon: 125.3,
        }),
        ongoing: Some(Ongoing::Once),
        occurred_date: "2026-03-01".into(),
        occurred_time: "08:15".into(),
        description: "<b>臭</b> 😀\u{202e}".into(),
        photo_ids: vec!["p1".into(), "p2".into()],
        step: Step::Photos,
        ..ReportDraft::new("d1", "k1", 5)
    };
    let json = d.to_json();
    assert!(json.contains("\"step\":\"photos\"") && json.contains("\"ongoing\":\"once\""));
    assert_eq!(ReportDraft::from_json(&json), Ok(d.clone()));
    assert_eq!(
        d.occurred_at().map(Minute::to_iso).as_deref(),
        Some("2026-03-01T08:15:00+08:00")
    );
}

#[test]
fn old_and_future_drafts_survive() {
    // Missing fields default (anonymous stays true), unknown ones are ignored, and a field
    // whose type changed falls back to its default instead of losing the draft.
    let old = r#"{"id":"d9","address":"人民大街","step":"teleport","coords":"here",
                  "categories":"air","anonymous":"yes","future":{"x":1},"photo_ids":[1,2]}"#;
    let d = ReportDraft::from_json(old).unwrap_or_default();
    assert_eq!(d.id, "d9");
    assert_eq!(d.address, "人民大街");
    assert_eq!(d.step, Step::Category);
    assert_eq!(d.coords, None);
    assert!(d.categories.is_empty());
    assert!(d.anonymous);
    assert!(d.photo_ids.is_empty());
    assert_eq!(ReportDraft::from_json("{}"), Ok(ReportDraft::default()));
    let err = ReportDraft::from_json("{\n\"id\": \n").err();
    assert!(err.is_some_and(|e| e.line >= 2));
    assert!(ReportDraft::from_json("[]").is_err());
    // The consent page joined the check page: a draft saved there resumes on the check page.
    let at_consent = ReportDraft::from_json(r#"{"id":"d8","step":"consent","consent":true}"#);
    assert_eq!(
        at_consent.map(|d| (d.step, d.consent)),
        Ok((Step::Check, true))
    );
}

#[test]
fn builtin_categories_follow_12369() {
    let cats = builtin_categories();
    let codes: Vec<&str> = cats.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "air",
            "water",
            "noise",
            "solid_waste",
            "soil",
            "radiation",
            "ecology",
            "other"
        ]
    );
    for c in &cats {
        assert!(!c.name.zh.is_empty() && !c.name.en.is_empty());
        assert!(c
            .subtypes
            .iter()
            .all(|s| !s.zh.is_empty() && !s.en.is_empty()));
    }
    assert_eq!(cats[0].name.get(Lang::En), "Air pollution");
    assert_eq!(cats[0].subtypes.len(), 7);
    assert!(cats[7].subtypes.is_empty());
    assert!(OUT_OF_REMIT.get(Lang::Zh).contains("12345"));
    assert!(PHONE_ALTERNATIVE.get(Lang::En).contains("12369"));
}

#[test]
fn services_json_from_the_receiver_is_used() {
    let body = r#"[{"service_code":"air","service_name":"大气污染","description":"工业废气、烟粉尘、恶臭/异味、餐饮油烟、秸秆焚烧、扬尘、机动车尾气等大气污染问题。","metadata":true,"type":"realtime","keywords":"工业废气,烟粉尘,新类型","group":"污染举报"},
                   {"service_code":"dust","service_name":"道路扬尘","metadata":false,"type":"realtime","keywords":"","group":null}]"#;
    let list = parse_services(body);
    assert_eq!(list.source, CategorySource::Endpoint);
    assert_eq!(list.categories.len(), 2);
    let air = &list.categories[0];
    assert_eq!(air.name.en, "Air pollution", "known code keeps its English");
    assert_eq!(air.subtypes.len(), 3);
    assert_eq!(air.subtypes[0].en, "Factory fumes");
    assert_eq!(
        air.subtypes[2].en, "新类型",
        "unknown sub-type shows its Chinese"
    );
    assert_eq!(list.categories[1].name.en, "道路扬尘");
}

#[test]
fn bad_services_json_falls_back_to_builtin() {
    for body in [
        "",
        "<html>502</html>",
        "[]",
        "{}",
        r#"[{"service_name":"x"}]"#,
        r#"[{"service_code":"a","service_name":"A"},{"service_code":"a","service_name":"B"}]"#,
    ] {
        let list = parse_services(body);
        assert!(matches!(list.source, CategorySource::Builtin(_)), "{body}");
        assert_eq!(list.categories, builtin_categories());
    }
    if let CategorySource::Builtin(e) = parse_services("[\n{\"service_code\": ]").source {
        assert_eq!(e.line, 2);
    }
}

#[test]
fn districts_and_the_bounding_box() {
    assert_eq!(DISTRICTS.len(), 18);
    assert_eq!(
        find_district(" 朝阳区 ").map(|d| d.en),
        Some("Chaoyang District")
    );
    assert_eq!(find_district("长春市"), None);
    assert_eq!(DISTRICTS[16].name(Lang::Zh), "中韩(长春)国际合作示范区");
    // The 10 national air stations are all inside.
    for (lat, lon) in [(43.9166, 125.3325), (43.515, 125.7194), (43.8325, 125.1761)] {
        assert!(in_changchun(lat, lon));
    }
    // Yushu (north), Gongzhuling (south-west), Beijing.
    assert!(in_changchun(44.84, 126.53));
    assert!(in_changchun(43.50, 124.82));
    assert!(!in_changchun(39.9, 116.4));
}

/// The reference receiver's real `GET services.json` answer (captured from `receiver/server.js`).
const RECEIVER_SERVICES: &str = r#"[{"service_code":"air","service_name":"大气污染","description":"工业废气、烟粉尘、恶臭/异味、餐饮油烟、秸秆焚烧、扬尘、机动车尾气等大气污染问题。","metadata":true,"type":"realtime","keywords":"工业废气,烟粉尘,恶臭/异味,餐饮油烟,秸秆焚烧,扬尘,机动车/非道路机械尾气","group":"污染举报"},{"service_code":"water","service_name":"水污染","description":"工业废水、生活污水直排、黑臭水体、畜禽养殖污水、饮用水源地污染等水污染问题。","metadata":true,"type":"realtime","keywords":"工业废水,生活污水直排,黑臭水体,畜禽养殖污水,饮用水源地污染","group":"污染举报"},{"service_code":"noise","service_name":"噪声污染","description":"建设施工、工业、社会生活、交通等噪声扰民问题。","metadata":true,"type":"realtime","keywords":"建设施工噪声,工业噪声,社会生活噪声,交通噪声","group":"污染举报"},{"service_code":"solid_waste","service_name":"固体废物","description":"工业固废、危险废物、医疗废物、建筑垃圾、生活垃圾非法倾倒等问题。","metadata":true,"type":"realtime","keywords":"工业固废,危险废物,医疗废物,建筑垃圾,生活垃圾非法倾倒","group":"污染举报"},{"service_code":"soil","service_name":"土壤/地下水污染","description":"污染地块、非法填埋等土壤或地下水污染问题。","metadata":true,"type":"realtime","keywords":"污染地块,非法填埋","group":"污染举报"},{"service_code":"radiation","service_name":"辐射污染","description":"电磁辐射、放射源等辐射污染问题。","metadata":true,"type":"realtime","keywords":"电磁辐射,放射源","group":"污染举报"},{"service_code":"ecology","service_name":"生态破坏","description":"自然保护区/水源地违建、非法采矿/采砂、湿地破坏等生态破坏问题。","metadata":true,"type":"realtime","keywords":"自然保护区/水源地违建,非法采矿/采砂,湿地破坏","group":"生态保护"},{"service_code":"other","service_name":"其他","description":"其他生态环境问题。城市管理、交通等不属于生态环境部门职责的问题请拨打 12345。","metadata":true,"type":"realtime","keywords":"","group":"其他"}]"#;

#[test]
fn the_receivers_service_list_equals_the_builtin_one() {
    let list = parse_services(RECEIVER_SERVICES);
    assert_eq!(list.source, CategorySource::Endpoint);
    assert_eq!(list.categories, builtin_categories());
}
