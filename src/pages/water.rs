//! `/water`: section classes under GB 3838-2002 for a period (the latest year by default,
//! `?period=2021|2021-Q2|2021-05`), grouped by river and filterable (`?river=<slug>&class=1..6`,
//! 6 = 劣Ⅴ); `?section=<slug>` for one section, with `&indicator=<code>` for its chart.

use crate::components::later::later;
use crate::components::notices::{
    Loading, OfflineNotice, SampleLabel, SkippedNote, SourceErrorView,
};
use crate::components::nowrap::keep_together;
use crate::components::page::{Lead, PageTitle};
use crate::components::read_aloud::ReadAloud;
use crate::components::water::{headline_text, incomplete_text, ClassBadge, ClassMeanings};
use crate::feeds::{WaterData, WaterFeed};
use crate::nav::use_query_map;
use crate::prefs::use_lang;
use crate::routes::href;
use crate::text::{ui, water_ui};
use cc_core::i18n::Lang;
use cc_core::water::explain::{incomplete_note, main_pollutants_text};
use cc_core::water::period::SectionPeriod;
use cc_core::water::river::{river_main_pollutants, river_main_pollutants_text};
use cc_core::water::{assess_period, headline_comparison, Period, WaterClass};
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// The latest year with results, the default period.
pub fn latest_year(data: &WaterData) -> Option<i32> {
    data.results.iter().map(|m| m.date.year).max()
}

/// The offline notice when the water data came from the service worker's copy, with the newest
/// sampling date (or automatic reading) in it.
pub fn offline_notice(data: &WaterData, lang: Lang) -> Option<impl IntoView> {
    let copy = data.offline_copy?;
    let sampled = data.results.iter().map(|m| m.date).max();
    let measured = data.automatic.iter().filter_map(|r| r.time).max();
    let data_time = match (sampled, measured) {
        (Some(d), _) => Some(d.to_string()),
        (None, Some(h)) => Some(crate::components::air::hour_text(h, lang)),
        (None, None) => None,
    };
    Some(view! { <OfflineNotice copy=copy data_time=data_time lang=lang /> })
}

/// The period asked for in the URL when it parses, else the latest year.
fn period_of(data: &WaterData, param: Option<&str>) -> Option<Period> {
    param
        .and_then(Period::parse)
        .or_else(|| latest_year(data).map(Period::Year))
}

/// The water headline (home page and water page).
#[component]
pub fn WaterHeadline() -> impl IntoView {
    let feed = expect_context::<WaterFeed>().get();
    let lang = use_lang();
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match feed.await {
                    Some(Ok(data)) => Either::Left(move || headline(&data, None, lang.get())),
                    Some(Err(e)) => Either::Right(view! { <SourceErrorView error=e /> }.into_any()),
                    None => Either::Right(().into_any()),
                }
            })}
        </Suspense>
    }
}

fn headline(data: &WaterData, period: Option<&str>, lang: Lang) -> AnyView {
    let t = water_ui(lang);
    let Some(period) = period_of(data, period) else {
        return ().into_any();
    };
    let cmp = headline_comparison(&data.sections, &data.results, period);
    let (good, worse) = headline_text(&cmp, lang);
    let incomplete = incomplete_text(&cmp, lang);
    let heading = format!("{} · {}", t.water_headline_heading, period.label(lang));
    // What 朗读 says: what the headline shows, after 示例数据 for the sample.
    let stop = lang.pick("。", ". ");
    let mut spoken = String::new();
    if data.sample {
        spoken.push_str(crate::text::ui(lang).sample_data_note);
        spoken.push_str(lang.pick("", " "));
    }
    for part in [&heading, stop, &good, stop, &worse, lang.pick("。", ".")] {
        spoken.push_str(part);
    }
    view! {
        <section class="cc-card cc-water-headline" data-testid="water-headline" aria-labelledby="water-headline">
            <h2 id="water-headline">{heading}</h2>
            {data.sample.then(|| view! { <SampleLabel /> })}
            {offline_notice(data, lang)}
            <SkippedNote skipped=data.skipped.clone() />
            <p class="cc-lead">{good}</p>
            <p class="cc-lead">{worse}</p>
            {incomplete.map(|n| view! { <p data-testid="water-incomplete">{n}</p> })}
            <ReadAloud text=spoken lang=lang />
        </section>
    }
    .into_any()
}

/// The water page.
#[component]
pub fn WaterPage() -> impl IntoView {
    let feed = expect_context::<WaterFeed>().get();
    let lang = use_lang();
    let query = use_query_map();
    view! {
        <article class="cc-page cc-water">
            <PageTitle text=|l| water_ui(l).water_title />
            <Lead text=|l| water_ui(l).water_intro />
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match feed.await {
                        Some(Ok(data)) => Either::Left(move || {
                            let q = query.read();
                            let get = |k: &str| q.get(k);
                            water_body(&data, &get, lang.get())
                        }),
                        Some(Err(e)) => Either::Right(view! { <SourceErrorView error=e /> }.into_any()),
                        None => Either::Right(().into_any()),
                    }
                })}
            </Suspense>
        </article>
    }
}

fn water_body(data: &Arc<WaterData>, get: &dyn Fn(&str) -> Option<String>, lang: Lang) -> AnyView {
    let t = water_ui(lang);
    let period_param = get("period");
    if let Some(slug) = get("section") {
        if data.sections.iter().any(|s| s.slug == slug) {
            return crate::pages::water_section::section_detail(
                data,
                &slug,
                period_of(data, period_param.as_deref()),
                get("indicator").as_deref(),
                lang,
            );
        }
        return view! {
            <p class="cc-notice" role="status">{t.water_section_unknown}</p>
            {overview(data, period_param.as_deref(), None, None, lang)}
        }
        .into_any();
    }
    let river = get("river").filter(|r| data.sections.iter().any(|s| &s.river.slug == r));
    let class = get("class")
        .and_then(|c| c.parse::<u8>().ok())
        .and_then(WaterClass::from_code);
    overview(data, period_param.as_deref(), river, class, lang)
}

fn overview(
    data: &Arc<WaterData>,
    period: Option<&str>,
    river: Option<String>,
    class: Option<WaterClass>,
    lang: Lang,
) -> AnyView {
    let water_t = water_ui(lang);
    let Some(p) = period_of(data, period) else {
        // Only automatic readings: no official class to show.
        return view! {
            {offline_notice(data, lang)}
            <SkippedNote skipped=data.skipped.clone() />
            {crate::pages::water_auto::automatic_overview(data, lang)}
            <ClassMeanings lang=lang />
        }
        .into_any();
    };
    let mut rivers: Vec<(String, String)> = Vec::new();
    for s in &data.sections {
        if !rivers.iter().any(|(slug, _)| slug == &s.river.slug) {
            rivers.push((s.river.slug.clone(), s.river.name.get(lang).to_string()));
        }
    }
    let top = view! {
        {headline(data, Some(&p.to_param()), lang)}
        {filters(&rivers, river.as_deref(), class, p, lang)}
    };
    // The sections, the automatic stations and the classes' meanings: below the first screen.
    let sections_list = {
        let data = data.clone();
        later(move || sections(&data, &rivers, p, river.as_deref(), class, lang))
    };
    let rest = {
        let data = data.clone();
        later(move || {
            view! {
                {crate::pages::water_auto::automatic_overview(&data, lang)}
                <ClassMeanings lang=lang />
            }
        })
    };
    view! {
        {top}
        <section aria-labelledby="water-sections">
            <h2 id="water-sections">{water_t.water_section}" · "{p.label(lang)}</h2>
            {sections_list}
        </section>
        {rest}
    }
    .into_any()
}

/// The period's sections, by river, as `river` and `class` filter them, with how many are shown.
fn sections(
    data: &WaterData,
    rivers: &[(String, String)],
    p: Period,
    river: Option<&str>,
    class: Option<WaterClass>,
    lang: Lang,
) -> impl IntoView {
    let t = ui(lang);
    let water_t = water_ui(lang);
    let assessed = assess_period(&data.sections, &data.results, p);
    let shown: Vec<&SectionPeriod> = assessed
        .iter()
        .filter(|s| river.is_none_or(|r| s.section.river.slug == r))
        .filter(|s| class.is_none_or(|c| s.assessment.class == Some(c)))
        .collect();
    let groups = rivers
        .iter()
        .filter_map(|(slug, name)| {
            let rows: Vec<&&SectionPeriod> = shown.iter().filter(|s| &s.section.river.slug == slug).collect();
            (!rows.is_empty()).then(|| {
                // 断面超标率 over all the river's assessed sections, not only the filtered ones.
                let river_sections: Vec<&cc_core::water::SectionAssessment> = assessed
                    .iter()
                    .filter(|s| &s.section.river.slug == slug)
                    .map(|s| &s.assessment)
                    .collect();
                let river_pollutants =
                    river_main_pollutants_text(&river_main_pollutants(&river_sections), lang);
                let body = rows
                    .iter()
                    .map(|s| {
                        let a = &s.assessment;
                        let link = format!("{}?section={}&period={}", href("/water"), s.section.slug, p.to_param());
                        let pollutants = main_pollutants_text(a, lang);
                        view! {
                            <tr data-testid=format!("section-{}", s.section.slug)>
                                <th scope="row"><a href=link>{keep_together(s.section.name.get(lang))}</a></th>
                                <td data-label=water_t.water_class>
                                    {a.class.map(|c| view! { <ClassBadge class=c lang=lang /> })}
                                    {incomplete_note(a, lang).map(|n| view! { <br /><span class="cc-small" data-testid="incomplete">{n}</span> })}
                                </td>
                                <td data-label=water_t.water_main_pollutants>
                                    {keep_together(if pollutants.is_empty() { water_t.water_none } else { &pollutants })}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="cc-table-wrap">
                        <table class="cc-table cc-table--cards cc-sections">
                            <caption>
                                {name.clone()}
                                {data.sample.then(|| view! { " · "<span class="cc-sample__tag">{t.sample_data}</span> })}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">{water_t.water_section}</th>
                                    <th scope="col">{water_t.water_class}</th>
                                    <th scope="col">{water_t.water_main_pollutants}</th>
                                </tr>
                            </thead>
                            <tbody>{body}</tbody>
                        </table>
                        <p class="cc-small" data-testid=format!("river-pollutants-{slug}")>
                            {water_t.water_river_pollutants}{lang.pick("：", ": ")}
                            {if river_pollutants.is_empty() { water_t.water_none.to_string() } else { river_pollutants }}
                        </p>
                    </div>
                }
            })
        })
        .collect_view();
    let count = shown.len();
    view! {
        <p role="status" class="cc-small">{water_t.water_shown.replace("{n}", &count.to_string())}</p>
        {(count == 0).then(|| view! { <p>{water_t.water_no_sections}</p> })}
        {groups}
    }
}

/// A plain GET form: works before the app has loaded, and the URL it makes can be shared.
fn filters(
    rivers: &[(String, String)],
    river: Option<&str>,
    class: Option<WaterClass>,
    period: Period,
    lang: Lang,
) -> impl IntoView {
    let t = water_ui(lang);
    let river_options = rivers
        .iter()
        .map(|(slug, name)| view! { <option value=slug.clone() selected=river == Some(slug.as_str())>{name.clone()}</option> })
        .collect_view();
    let class_options = WaterClass::ALL
        .into_iter()
        .map(|c| {
            view! { <option value=c.code().to_string() selected=class == Some(c)>{c.label(lang)}</option> }
        })
        .collect_view();
    view! {
        <form class="cc-filters" method="get" action=href("/water")>
            <fieldset>
                <legend>{t.water_filter}</legend>
                <input type="hidden" name="period" value=period.to_param() />
                <div class="cc-field">
                    <label for="water-river">{t.water_filter_river}</label>
                    <select id="water-river" name="river">
                        <option value="">{t.water_filter_all}</option>
                        {river_options}
                    </select>
                </div>
                <div class="cc-field">
                    <label for="water-class">{t.water_filter_class}</label>
                    <select id="water-class" name="class">
                        <option value="">{t.water_filter_all}</option>
                        {class_options}
                    </select>
                </div>
                <button type="submit" class="cc-button">{t.water_filter_apply}</button>
                " "
                <a href=href("/water")>{t.water_filter_clear}</a>
            </fieldset>
        </form>
    }
}
