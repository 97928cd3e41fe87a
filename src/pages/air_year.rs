//! `/air/year?year=2021`, in the history bundle: the year's report card (年度空气和水环境质量)
//! from `air.history` and the water results — good days, heavy-pollution days, each pollutant
//! against GB 3095-2012 二级, the water sections and rivers — beside the year before, in words,
//! in tables, in one CSV and on paper (style/site.css, `@media print`).

use crate::charts::{tables_to_csv, Table};
use crate::components::chart::csv_href;
use crate::components::data_table::DataTable;
use crate::components::notices::{
    Loading, OfflineNotice, SampleLabel, SkippedNote, SourceErrorView,
};
use crate::components::page::{Lead, PageTitle};
use crate::feeds::{AirDaily, AirHistory, SiteConfig, SourceError, WaterData, WaterFeed};
use crate::nav::use_query_map;
use crate::prefs::use_lang;
use crate::routes::href;
use crate::text::year_ui;
use crate::year_card::{air_items, air_overview, fill, river_table, water_overview};
use cc_core::air::annual::{air_changes, air_year, air_year_summary, years_with_days};
use cc_core::decimal::fixed;
use cc_core::i18n::Lang;
use cc_core::water::annual::{water_changes, water_year};
use leptos::prelude::*;
use std::sync::Arc;

/// The year page.
#[component]
pub fn AirYearPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    // Opening this page is asking for the year: no button first, unlike /air/history.
    let history = AirHistory::new(expect_context::<SiteConfig>().0);
    history.wanted.set(true);
    let water = expect_context::<WaterFeed>().get();
    let asked = move || query.read().get("year").map(|y| y.parse::<i32>().ok());
    let card = move || {
        // Read here, outside the future, so that a new language or year redraws the card.
        let (lang, asked) = (lang.get(), asked());
        Suspend::new(async move {
            let (air, water) = (history.data.await, water.await);
            match air {
                None => ().into_any(),
                Some(Err(e)) => view! { <SourceErrorView error=e /> }.into_any(),
                Some(Ok(daily)) => year_card(&daily, water, asked, lang).into_any(),
            }
        })
    };
    view! {
        <article class="cc-page cc-year">
            <PageTitle text=|l| year_ui(l).title />
            <Lead text=|l| year_ui(l).intro />
            <p class="cc-noprint"><a href=href("/air")>{move || year_ui(lang.get()).back}</a></p>
            <Suspense fallback=Loading>{card}</Suspense>
        </article>
    }
}

/// The card for the asked year (`Some(None)`: asked for something that is not a year), or the
/// latest year with air data.
fn year_card(
    daily: &AirDaily,
    water: Option<Result<Arc<WaterData>, SourceError>>,
    asked: Option<Option<i32>>,
    lang: Lang,
) -> impl IntoView {
    let t = year_ui(lang);
    let years = years_with_days(&daily.days);
    let Some(&latest) = years.last() else {
        return ().into_any();
    };
    let year = match asked {
        Some(Some(y)) if years.contains(&y) => y,
        _ => latest,
    };
    let missing = asked.is_some_and(|a| a != Some(year));
    let Some(now) = air_year(&daily.days, year) else {
        return ().into_any();
    };
    let before = air_year(&daily.days, year - 1);
    let mut tables = vec![
        air_overview(&now, before.as_ref(), lang),
        air_items(&now, before.as_ref(), lang),
    ];
    let changes = match &before {
        Some(b) => air_changes(&now, b, lang),
        None => vec![fill(t.no_previous, "year", year - 1)],
    };
    let water_part = water.map(|w| match w {
        Ok(w) => {
            let part = water_part(&w, year, lang);
            tables.extend(part.1);
            part.0.into_any()
        }
        Err(SourceError::NotConfigured) => ().into_any(),
        Err(e) => view! { <SourceErrorView error=e /> }.into_any(),
    });
    let sample = daily.sample;
    let csv = tables_to_csv(&tables, sample);
    let file = format!(
        "air-water-{year}{}.csv",
        if sample { "-sample" } else { "" }
    );
    let mut tables = tables.into_iter();
    let (overview, items) = (tables.next(), tables.next());
    let year_links = years
        .iter()
        .map(|&y| {
            let current = (y == year).then_some("page");
            view! {
                <li><a href=format!("{}?year={y}", href("/air/year")) aria-current=current>{y}</a></li>
            }
        })
        .collect_view();
    let offline = daily.offline_copy.map(|copy| {
        let data_time = daily.days.last().map(|d| d.date.to_string());
        view! { <OfflineNotice copy=copy data_time=data_time lang=lang /> }
    });
    view! {
        {sample.then(|| view! { <SampleLabel /> })}
        {offline}
        <SkippedNote skipped=daily.skipped.clone() />
        <nav class="cc-year__years cc-noprint" aria-label=t.years>
            <ul>{year_links}</ul>
        </nav>
        {missing.then(|| view! { <p class="cc-notice" role="status">{t.missing}</p> })}
        <section class="cc-card cc-year__part" aria-labelledby="year-air">
            <h2 id="year-air">{fill(t.air_heading, "year", year)}</h2>
            <p class="cc-lead" data-testid="year-air-summary">{air_year_summary(&now, lang)}</p>
            {changes_list(changes, "year-air-changes", lang)}
            {overview.map(|table| view! { <DataTable table testid="year-air-overview" /> })}
            {items.map(|table| view! { <DataTable table testid="year-air-items" /> })}
        </section>
        {water_part}
        <p class="cc-year__tools cc-noprint">
            <a class="cc-download" href=csv_href(&csv) download=file data-testid="year-csv">
                {t.download}
            </a>
            " "
            <button type="button" class="cc-button cc-button--secondary" on:click=|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>
                {t.print}
            </button>
        </p>
    }
    .into_any()
}

/// The water section of the card and its tables (for the CSV).
fn water_part(data: &WaterData, year: i32, lang: Lang) -> (impl IntoView, Vec<Table>) {
    let t = year_ui(lang);
    let w = water_year(&data.sections, &data.results, year);
    let heading = view! { <h2 id="year-water">{fill(t.water_heading, "year", year)}</h2> };
    if w.current.assessed == 0 {
        let view = view! {
            <section class="cc-card cc-year__part" aria-labelledby="year-water">
                {heading}
                <p>{t.no_water}</p>
            </section>
        };
        return (view.into_any(), Vec::new());
    }
    let share = w
        .current
        .good_share()
        .map_or("—".into(), |s| format!("{}%", fixed(s, 1)));
    let summary = [
        ("year", year.to_string()),
        ("n", w.current.assessed.to_string()),
        ("good", w.current.good.to_string()),
        ("share", share),
        ("worse", w.current.worse_than_v.to_string()),
    ]
    .iter()
    .fold(t.water_summary.to_string(), |s, (k, v)| fill(&s, k, v));
    let worst: Vec<String> = w
        .worse_than_v
        .iter()
        .map(|s| s.name.get(lang).to_string())
        .collect();
    let changes = water_changes(&w.current, &w.previous, lang);
    let changes = if changes.is_empty() {
        vec![fill(t.no_previous, "year", year - 1)]
    } else {
        changes
    };
    let tables = vec![water_overview(&w, lang), river_table(&w, lang)];
    let shown = tables.clone();
    let mut shown = shown.into_iter();
    let (overview, rivers) = (shown.next(), shown.next());
    let view = view! {
        <section class="cc-card cc-year__part" aria-labelledby="year-water">
            {heading}
            {data.sample.then(|| view! { <SampleLabel /> })}
            <p class="cc-lead" data-testid="year-water-summary">{summary}</p>
            {(!worst.is_empty()).then(|| view! {
                <p>{t.worse_than_v}{lang.pick("：", ": ")}{worst.join(lang.pick("、", ", "))}</p>
            })}
            {changes_list(changes, "year-water-changes", lang)}
            {overview.map(|table| view! { <DataTable table testid="year-water-overview" /> })}
            {rivers.map(|table| view! { <DataTable table testid="year-rivers" /> })}
        </section>
    };
    (view.into_any(), tables)
}

/// 与上年相比, and the changes as a list.
fn changes_list(changes: Vec<String>, testid: &'static str, lang: Lang) -> impl IntoView {
    view! {
        <h3>{year_ui(lang).compared}</h3>
        <ul data-testid=testid>
            {changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
        </ul>
    }
}
