//! The problem categories of a report: the national 12369 taxonomy (the pollution types of the
//! MEE's monthly 12369 举报 bulletins) as Open311 GeoReport v2 services, with sub-types, plus the out-of-remit guidance.
//!
//! The list is built in and identical to the reference receiver's `services.js`; an endpoint's
//! own `GET services.json` may replace it ([`parse_services`]). Category first, then the form:
//! the category decides the sub-types and extra questions, and an out-of-remit matter is sent to
//! 12345 before anything is typed.

use super::json::{read_records, text_member};
use crate::i18n::{Lang, Text};
use crate::json_obj::{Object, Problem};
use crate::FeedError;

/// An owned text in both languages (service lists from an endpoint are not `'static`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Label {
    pub zh: String,
    pub en: String,
}

impl Label {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }

    /// The same text in both languages (what a Chinese-only endpoint gives).
    pub fn same(text: &str) -> Self {
        Self {
            zh: text.to_string(),
            en: text.to_string(),
        }
    }
}

impl From<Text> for Label {
    fn from(t: Text) -> Self {
        Self {
            zh: t.zh.to_string(),
            en: t.en.to_string(),
        }
    }
}

/// One category (an Open311 service).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The `service_code`, e.g. `air`.
    pub code: String,
    /// 大气污染 / Air pollution.
    pub name: Label,
    /// One sentence of examples, shown as the choice's hint.
    pub description: Label,
    /// Sub-types; the draft stores the Chinese text, which is also what is sent.
    pub subtypes: Vec<Label>,
    /// The service group (污染举报 …).
    pub group: Label,
}

impl Category {
    /// The sub-type whose Chinese text is `zh`, if this category lists it.
    pub fn subtype(&self, zh: &str) -> Option<&Label> {
        self.subtypes.iter().find(|s| s.zh == zh)
    }
}

const fn t(zh: &'static str, en: &'static str) -> Text {
    Text { zh, en }
}

const POLLUTION: Text = t("污染举报", "Pollution");

/// Built-in categories: (code, name, description, group, sub-types). Chinese texts are the
/// receiver's (`receiver/services.js`) so that sub-types match byte for byte.
#[rustfmt::skip]
const BUILTIN: [(&str, Text, Text, Text, &[Text]); 8] = [
    ("air", t("大气污染", "Air pollution"),
        t("工业废气、烟粉尘、恶臭/异味、餐饮油烟、秸秆焚烧、扬尘、机动车尾气等大气污染问题。",
          "Factory fumes, smoke and dust, bad smells, restaurant cooking fumes, straw burning, dust, vehicle exhaust and other air pollution."),
        POLLUTION,
        &[t("工业废气", "Factory fumes"), t("烟粉尘", "Smoke and dust"), t("恶臭/异味", "Bad smell"),
          t("餐饮油烟", "Restaurant cooking fumes"), t("秸秆焚烧", "Straw burning"),
          t("扬尘", "Dust from building sites, stockpiles or bare ground"),
          t("机动车/非道路机械尾气", "Exhaust from vehicles or off-road machinery")]),
    ("water", t("水污染", "Water pollution"),
        t("工业废水、生活污水直排、黑臭水体、畜禽养殖污水、饮用水源地污染等水污染问题。",
          "Industrial waste water, untreated sewage, black and smelly water, livestock farm waste water, pollution of drinking-water sources and other water pollution."),
        POLLUTION,
        &[t("工业废水", "Industrial waste water"), t("生活污水直排", "Untreated sewage discharge"),
          t("黑臭水体", "Black and smelly water"), t("畜禽养殖污水", "Livestock farm waste water"),
          t("饮用水源地污染", "Pollution of a drinking-water source")]),
    ("noise", t("噪声污染", "Noise"),
        t("建设施工、工业、社会生活、交通等噪声扰民问题。",
          "Noise from building work, industry, neighbourhoods and businesses, or traffic."),
        POLLUTION,
        &[t("建设施工噪声", "Building work noise"), t("工业噪声", "Industrial noise"),
          t("社会生活噪声", "Neighbourhood and business noise"), t("交通噪声", "Traffic noise")]),
    ("solid_waste", t("固体废物", "Solid waste"),
        t("工业固废、危险废物、医疗废物、建筑垃圾、生活垃圾非法倾倒等问题。",
          "Industrial solid waste, hazardous waste, medical waste, construction waste and illegal dumping of household rubbish."),
        POLLUTION,
        &[t("工业固废", "Industrial solid waste"), t("危险废物", "Hazardous waste"),
          t("医疗废物", "Medical waste"), t("建筑垃圾", "Construction waste"),
          t("生活垃圾非法倾倒", "Illegal dumping of household rubbish")]),
    ("soil", t("土壤/地下水污染", "Soil or groundwater pollution"),
        t("污染地块、非法填埋等土壤或地下水污染问题。",
          "Contaminated land, illegal burying of waste and other soil or groundwater pollution."),
        POLLUTION,
        &[t("污染地块", "Contaminated land"), t("非法填埋", "Illegal burying of waste")]),
    ("radiation", t("辐射污染", "Radiation"),
        t("电磁辐射、放射源等辐射污染问题。", "Electromagnetic radiation, radioactive sources and other radiation."),
        POLLUTION,
        &[t("电磁辐射", "Electromagnetic radiation"), t("放射源", "Radioactive source")]),
    ("ecology", t("生态破坏", "Damage to nature"),
        t("自然保护区/水源地违建、非法采矿/采砂、湿地破坏等生态破坏问题。",
          "Illegal building in nature reserves or water-source areas, illegal mining or sand dredging, wetland damage and other damage to nature."),
        t("生态保护", "Nature protection"),
        &[t("自然保护区/水源地违建", "Illegal building in a nature reserve or water-source area"),
          t("非法采矿/采砂", "Illegal mining or sand dredging"), t("湿地破坏", "Wetland damage")]),
    ("other", t("其他", "Other"),
        t("其他生态环境问题。城市管理、交通等不属于生态环境部门职责的问题请拨打 12345。",
          "Other environmental problems. For city management, traffic and other matters outside the environment bureau's remit, call 12345."),
        t("其他", "Other"),
        &[]),
];

/// The 8 built-in categories, in the 12369 order.
pub fn builtin_categories() -> Vec<Category> {
    BUILTIN
        .iter()
        .map(|(code, name, description, group, subtypes)| Category {
            code: (*code).to_string(),
            name: (*name).into(),
            description: (*description).into(),
            subtypes: subtypes.iter().map(|s| (*s).into()).collect(),
            group: (*group).into(),
        })
        .collect()
}

/// The category with service code `code` in `list`.
pub fn find_category<'a>(list: &'a [Category], code: &str) -> Option<&'a Category> {
    list.iter().find(|c| c.code == code)
}

/// Shown before the form: what the environment bureau does not handle, and where to go instead.
pub const OUT_OF_REMIT: Text = t(
    "城市管理（占道经营、违章建筑、路灯）、交通、供暖、物业等问题不由生态环境部门处理，请拨打 12345 市民服务热线。",
    "City management (street trading, illegal buildings, street lights), traffic, heating, property management and similar problems are not handled by the environment bureau: call the 12345 citizen service hotline.",
);

/// The phone alternative for environmental reports.
pub const PHONE_ALTERNATIVE: Text = t(
    "也可以拨打 12369 生态环境举报热线电话举报。",
    "You can also report by phone: call the 12369 environmental hotline.",
);

/// Which list the form uses, and why.
#[derive(Debug, Clone, PartialEq)]
pub enum CategorySource {
    /// The endpoint's `services.json`.
    Endpoint,
    /// The built-in list, because the endpoint's list could not be used.
    Builtin(FeedError),
}

/// The categories the form offers.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryList {
    pub categories: Vec<Category>,
    pub source: CategorySource,
}

struct RawService {
    service_code: Option<String>,
    service_name: Option<String>,
    description: Option<String>,
    keywords: Option<String>,
    group: Option<String>,
}

/// Parses an Open311 `GET services.json` body into categories, falling back to
/// [`builtin_categories`] on any error (bad JSON, not an array, no services, a service without
/// code or name, duplicate codes). Known codes keep their built-in English texts; `keywords`
/// (a comma list) become the sub-types.
pub fn parse_services(text: &str) -> CategoryList {
    match try_parse_services(text) {
        Ok(categories) => CategoryList {
            categories,
            source: CategorySource::Endpoint,
        },
        Err(e) => CategoryList {
            categories: builtin_categories(),
            source: CategorySource::Builtin(e),
        },
    }
}

fn read_service<'t>(o: &Object<'t>) -> Result<RawService, Problem<'t>> {
    Ok(RawService {
        service_code: text_member(o, "service_code")?,
        service_name: text_member(o, "service_name")?,
        description: text_member(o, "description")?,
        keywords: text_member(o, "keywords")?,
        group: text_member(o, "group")?,
    })
}

/// The services of a `services.json` array, the first unreadable one the error.
fn read_services(text: &str) -> Result<Vec<RawService>, FeedError> {
    read_records(text, crate::json::parse_elements(text)?, read_service)
}

fn try_parse_services(text: &str) -> Result<Vec<Category>, FeedError> {
    let raw = read_services(text)?;
    if raw.is_empty() {
        return Err(FeedError::at(1, 1, "the service list is empty"));
    }
    let builtin = builtin_categories();
    let mut out: Vec<Category> = Vec::with_capacity(raw.len());
    for (i, s) in raw.into_iter().enumerate() {
        let code = s.service_code.map(|c| c.trim().to_string());
        let (Some(code), Some(name)) = (code.filter(|c| !c.is_empty()), s.service_name) else {
            return Err(FeedError::at(
                1,
                1,
                format!("service {} has no code or name", i + 1),
            ));
        };
        if find_category(&out, &code).is_some() {
            return Err(FeedError::at(
                1,
                1,
                format!("service code {code:?} appears twice"),
            ));
        }
        let known = find_category(&builtin, &code);
        let translate = |zh: &str, pick: &dyn Fn(&Category) -> Option<Label>| -> Label {
            known
                .and_then(pick)
                .filter(|l| l.zh == zh)
                .unwrap_or_else(|| Label::same(zh))
        };
        let subtypes = s
            .keywords
            .unwrap_or_default()
            .split([',', '，', '、'])
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(|k| translate(k, &|c| c.subtype(k).cloned()))
            .collect();
        let description = s.description.unwrap_or_default();
        let group = s.group.unwrap_or_default();
        out.push(Category {
            name: translate(&name, &|c| Some(c.name.clone())),
            description: translate(&description, &|c| Some(c.description.clone())),
            group: translate(&group, &|c| Some(c.group.clone())),
            subtypes,
            code,
        });
    }
    Ok(out)
}
