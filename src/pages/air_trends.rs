//! The trends under the air page: the last 24 hours from `air.latest`, and the 30-day and
//! calendar charts from `air.history`, fetched only when asked for (a year of hourly data is a
//! large download on a phone).

use crate::charts::{self, AqiCalendar, DailyAqi, HourlyAqi, StationLine};
use crate::components::chart::ChartFigure;
use crate::components::notices::{Loading, OfflineNotice, SourceErrorView};
use crate::feeds::{AirDaily, AirData, AirHistory};
use crate::text::ui;
use cc_core::i18n::Lang;
use cc_core::time::{Date, Hour};
use leptos::prelude::*;
use std::sync::Arc;

/// The charts section of the air page.
#[component]
pub fn AirTrends(
    data: Arc<AirData>,
    /// The hour shown (the 24-hour chart ends there).
    hour: Option<Hour>,
    /// The station shown beside the city, if any.
    station: Option<u16>,
    lang: Lang,
) -> impl IntoView {
    let t = ui(lang);
    let history = expect_context::<AirHistory>();
    let hourly = hour.map(|h| {
        let window = (h.0 - 23..=h.0).map(Hour);
        let city = window
            .clone()
            .map(|w| {
                (
                    w,
                    data.city_hours
                        .iter()
                        .find(|c| c.hour == w)
                        .and_then(|c| c.assessment.aqi()),
                )
            })
            .collect();
        let station = station.and_then(|i| {
            let s = data.dataset.station(i)?;
            let values = window
                .map(|w| {
                    let aqi = data
                        .station_hours
                        .iter()
                        .find(|r| r.station == i && r.hour == w);
                    (w, aqi.and_then(|r| r.assessment.aqi()))
                })
                .collect();
            Some(StationLine {
                name: s.name.clone(),
                values,
            })
        });
        let chart = HourlyAqi { city, station };
        view! {
            <ChartFigure
                id="hourly-aqi"
                title=t.chart_hourly_title.to_string()
                summary=charts::summary_hourly_aqi(&chart, lang)
                table=charts::table_hourly_aqi(&chart, lang)
                sample=data.sample
                draw=Arc::new(move |root| charts::draw_hourly_aqi(root, &chart, lang))
                lang=lang
            />
        }
    });
    let until = hour.map(|h| h.natural_day());
    let yearly = move || {
        if !history.wanted.get() {
            return view! {
                <button type="button" class="cc-button cc-button--secondary" on:click=move |_| history.wanted.set(true)>
                    {t.air_history_load}
                </button>
            }
            .into_any();
        }
        view! {
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match history.data.await {
                        None => ().into_any(),
                        Some(Ok(daily)) => daily_charts(&daily, until, lang).into_any(),
                        Some(Err(e)) => view! { <SourceErrorView error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        }
        .into_any()
    };
    view! {
        <section class="cc-trends" aria-labelledby="air-trends">
            <h2 id="air-trends">{t.air_charts_heading}</h2>
            {hourly}
            <div aria-live="polite">{yearly}</div>
        </section>
    }
}

fn daily_charts(daily: &AirDaily, until: Option<Date>, lang: Lang) -> impl IntoView {
    let t = ui(lang);
    let last = daily.days.last().map(|d| d.date);
    // The 30 days end at the day shown above, or at the end of the history if that is earlier.
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
        <ChartFigure
            id="daily-aqi"
            title=t.chart_daily_title.to_string()
            summary=charts::summary_daily_aqi_bars(&bars, lang)
            table=charts::table_daily_aqi_bars(&bars, lang)
            sample=sample
            draw=Arc::new(move |root| charts::draw_daily_aqi_bars(root, &bars, lang))
            lang=lang
        />
        <ChartFigure
            id="aqi-calendar"
            title=format!("{} {year}", t.chart_calendar_title)
            summary=charts::summary_aqi_calendar(&calendar, lang)
            table=charts::table_aqi_calendar(&calendar, lang)
            sample=sample
            draw=Arc::new(move |root| charts::draw_aqi_calendar(root, &calendar, lang))
            lang=lang
            tall=true
        />
    }
    .into_any()
}
