//! `/air/history`, a bundle of its own (src/app.rs): the city's daily AQI over the last 30 days
//! and the year's calendar, from `air.history`, fetched only when the reader asks for it (a year
//! of hourly data is a large download on a phone). The air page links here with the hour it
//! shows as `at`, where the 30 days end.

use crate::charts::wire::Chart;
use crate::charts::{self, AqiCalendar, DailyAqi};
use crate::components::chart::ChartFigure;
use crate::components::notices::{Loading, OfflineNotice, SkippedNote, SourceErrorView};
use crate::components::page::{Lead, PageTitle};
use crate::feeds::{AirDaily, AirHistory, SiteConfig};
use crate::nav::use_query_map;
use crate::prefs::use_lang;
use crate::routes::href;
use crate::text::{air_ui, ui};
use cc_core::i18n::Lang;
use cc_core::time::{Date, Hour};
use leptos::prelude::*;

/// The history page.
#[component]
pub fn AirHistoryPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let history = AirHistory::new(expect_context::<SiteConfig>().0);
    let until = move || {
        query
            .read()
            .get("at")
            .and_then(|at| Hour::parse(&at))
            .map(|h| h.natural_day())
    };
    let yearly = move || {
        let lang = lang.get();
        if !history.wanted.get() {
            return view! {
                <button type="button" class="cc-button cc-button--secondary" on:click=move |_| history.wanted.set(true)>
                    {air_ui(lang).air_history_load}
                </button>
            }
            .into_any();
        }
        view! {
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match history.data.await {
                        None => ().into_any(),
                        Some(Ok(daily)) => daily_charts(&daily, until(), lang).into_any(),
                        Some(Err(e)) => view! { <SourceErrorView error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        }
        .into_any()
    };
    view! {
        <article class="cc-page cc-air">
            <PageTitle text=|l| air_ui(l).air_history_title />
            <Lead text=|l| air_ui(l).air_history_intro />
            <p><a href=href("/air")>{move || air_ui(lang.get()).air_back_to_city}</a></p>
            <div aria-live="polite">{yearly}</div>
        </article>
    }
}

fn daily_charts(daily: &AirDaily, until: Option<Date>, lang: Lang) -> impl IntoView {
    let t = ui(lang);
    let last = daily.days.last().map(|d| d.date);
    // The 30 days end at the day the air page showed (`at`), or at the end of the history if that
    // is earlier.
    let end = match (until, last) {
        (Some(u), Some(l)) => Some(u.min(l)),
        (u, l) => u.or(l),
    };
    let Some(end) = end else { return ().into_any() };
    let aqi_on = |d: Date| {
        daily
            .days
            .iter()
            .find(|c| c.date == d)
            .and_then(|c| c.assessment.aqi())
    };
    let bars = DailyAqi {
        days: (0..30)
            .rev()
            .map(|back| end.add_days(-back))
            .map(|d| (d, aqi_on(d)))
            .collect(),
    };
    let year = end.year;
    let year_days: Vec<_> = daily
        .days
        .iter()
        .filter(|d| d.date.year == year)
        .cloned()
        .collect();
    let calendar = AqiCalendar {
        year,
        days: year_days
            .iter()
            .map(|d| (d.date, d.assessment.aqi()))
            .collect(),
        good: cc_core::air::good_days(&year_days),
    };
    let sample = daily.sample;
    let offline = daily.offline_copy.map(|copy| {
        let data_time = last.map(|d| d.to_string());
        view! { <OfflineNotice copy=copy data_time=data_time lang=lang /> }
    });
    view! {
        {offline}
        <SkippedNote skipped=daily.skipped.clone() />
        <ChartFigure
            id="daily-aqi"
            title=t.chart_daily_title.to_string()
            summary=charts::summary_daily_aqi_bars(&bars, lang)
            table=charts::table_daily_aqi_bars(&bars, lang)
            sample=sample
            chart=Chart::DailyAqi(bars)
            lang=lang
        />
        <ChartFigure
            id="aqi-calendar"
            title=format!("{} {year}", t.chart_calendar_title)
            summary=charts::summary_aqi_calendar(&calendar, lang)
            table=charts::table_aqi_calendar(&calendar, lang)
            sample=sample
            chart=Chart::AqiCalendar(calendar)
            lang=lang
            tall=true
        />
    }
    .into_any()
}
