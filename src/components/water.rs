//! Water displays: the class badge, the headline sentence, the class meanings and the indicator
//! table. Display only: classes and figures come from `cc_core::water`.
//!
//! A class badge says its roman numeral and 水质状况 in words, and the pale class colours carry
//! a dark border, so colour is never the only cue and the badge stays visible on white.

use crate::components::nowrap::keep_together;
use crate::text::water_ui;
use cc_core::decimal::fixed;
use cc_core::i18n::Lang;
use cc_core::water::digits::shown_value;
use cc_core::water::{format_exceedance, HeadlineComparison, SectionAssessment, WaterClass};
use leptos::prelude::*;

/// `12.3%`, or `—` without a share.
pub fn percent(share: Option<f64>) -> String {
    share
        .map(|s| format!("{}%", fixed(s, 1)))
        .unwrap_or_else(|| "—".into())
}

/// A class as a badge: `Ⅳ 类 · 轻度污染`; the numeral alone sits in `data-testid="class"`.
#[component]
pub fn ClassBadge(class: WaterClass, lang: Lang) -> impl IntoView {
    let suffix = match lang {
        Lang::Zh => format!("类 · {}", class.status().name().zh),
        Lang::En => format!(" · {}", class.status().name().en),
    };
    let prefix = if lang == Lang::En { "Class " } else { "" };
    view! {
        <span class=format!("cc-class cc-class--{}", class.code())>
            {prefix}<span data-testid="class">{class.roman()}</span>{suffix}
        </span>
    }
}

/// The headline sentence: 优良比例 and 劣Ⅴ, each compared with a year earlier.
pub fn headline_text(cmp: &HeadlineComparison, lang: Lang) -> (String, String) {
    let t = water_ui(lang);
    let now = &cmp.current;
    let good = t
        .water_good
        .replace("{good}", &now.good.to_string())
        .replace("{n}", &now.assessed.to_string())
        .replace("{share}", &percent(now.good_share()));
    let worse = t
        .water_worse_v
        .replace("{count}", &now.worse_than_v.to_string())
        .replace("{share}", &percent(now.worse_than_v_share()));
    let points = |x: Option<f64>| match x {
        None => t.water_no_comparison.to_string(),
        Some(x) if x.abs() < 0.05 => t.water_change_same.to_string(),
        Some(x) if x > 0.0 => t.water_change_up.replace("{x}", &fixed(x, 1)),
        Some(x) => t.water_change_down.replace("{x}", &fixed(-x, 1)),
    };
    let count = match cmp.worse_than_v_count_change() {
        None => t.water_no_comparison.to_string(),
        Some(0) => t.water_change_same.to_string(),
        Some(x) if x > 0 => t.water_count_more.replace("{x}", &x.to_string()),
        Some(x) => t.water_count_fewer.replace("{x}", &(-x).to_string()),
    };
    let sep = lang.pick("，", ", ");
    let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
    (
        format!(
            "{good}{open}{}{sep}{}{close}",
            t.water_vs_last_year,
            points(cmp.good_share_change())
        ),
        format!("{worse}{open}{}{sep}{count}{close}", t.water_vs_last_year),
    )
}

/// What each class is fit for (GB 3838-2002 §3), with its badge.
#[component]
pub fn ClassMeanings(lang: Lang) -> impl IntoView {
    let items = WaterClass::ALL
        .into_iter()
        .map(
            |c| view! { <dt><ClassBadge class=c lang=lang /></dt><dd>{c.meaning().get(lang)}</dd> },
        )
        .collect_view();
    view! {
        <section class="cc-card" aria-labelledby="water-meanings">
            <h2 id="water-meanings">{water_ui(lang).water_meanings_heading}</h2>
            <dl class="cc-meanings">{items}</dl>
        </section>
    }
}

/// The number of incomplete sections (评价指标不全) under the headline; `None` when none is.
pub fn incomplete_text(cmp: &HeadlineComparison, lang: Lang) -> Option<String> {
    let n = cmp.current.incomplete;
    (n > 0).then(|| {
        water_ui(lang)
            .water_incomplete_sections
            .replace("{n}", &n.to_string())
    })
}

/// Every indicator of an assessment: value (or 未检出（<limit）), unit, class and 超标倍数. Total
/// nitrogen of a lake or reservoir has its own class, marked 单独评价; reference indicators
/// (TN in rivers, faecal coliforms, water temperature) say they have no class.
#[component]
pub fn IndicatorTable(assessment: SectionAssessment, caption: String, lang: Lang) -> impl IntoView {
    let t = water_ui(lang);
    let body = assessment.body;
    let deciding = assessment.deciding().map(|d| d.indicator);
    let rows = assessment
        .indicators
        .iter()
        .map(|r| {
            let marked = Some(r.indicator) == deciding && r.class.is_some_and(|c| c != WaterClass::I);
            view! {
                <tr class:cc-row--deciding=marked>
                    <th scope="row">{keep_together(r.indicator.name().get(lang))}{marked.then_some(" ★")}</th>
                    <td data-testid=format!("value-{}", r.indicator.as_str()) data-label=t.water_value>
                        <span class="cc-nowrap">{shown_value(r, body, lang)}</span>
                    </td>
                    <td data-label=t.water_class>
                        {match (r.assessed, r.class) {
                            (true, Some(c)) => view! { <ClassBadge class=c lang=lang /> }.into_any(),
                            (false, Some(c)) => view! { <ClassBadge class=c lang=lang />{t.water_separately}}.into_any(),
                            _ => view! { <span>{t.water_reference}</span> }.into_any(),
                        }}
                    </td>
                    <td data-label=t.water_exceedance>{format_exceedance(r.exceedance)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="cc-table-wrap">
            <table class="cc-table cc-table--cards">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.water_indicator}</th>
                        <th scope="col">{t.water_value}</th>
                        <th scope="col">{t.water_class}</th>
                        <th scope="col">{t.water_exceedance}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
