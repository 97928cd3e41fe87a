//! `/air`: the city's air at an hour (newest by default, `?at=YYYY-MM-DDTHH:00` for another),
//! the six pollutants, health advice, every station, trends; `?station=<code>` for one station.

use crate::components::air::{hour_text, AqiBadge, HealthAdvice, PollutantTable};
use crate::components::forecast::{ForecastBody, ForecastCard};
use crate::components::later::later;
use crate::components::notices::{
    Loading, OfflineNotice, SampleLabel, SkippedNote, SourceErrorView, StaleNotice,
};
use crate::components::page::{Lead, PageTitle};
use crate::components::read_aloud::ReadAloud;
use crate::components::stations::{StationRow, StationTable};
use crate::feeds::{AirData, AirLatest, ForecastFeed};
use crate::nav::use_query_map;
use crate::prefs::use_lang;
use crate::routes::href;
use crate::text::air_ui;
use cc_core::air::shown::{choose_hour, no_data, spoken_summary, stale_since, HourNotShown};
use cc_core::air::{Assessment, CityHour, StationHour};
use cc_core::i18n::Lang;
use cc_core::time::Hour;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// A notice about the request, in the reader's language.
type Notice = fn(Lang) -> &'static str;

/// Which hour to show (`cc_core::air::shown::choose_hour`), with a notice saying why `at` was
/// not honoured.
pub fn select_hour(at: Option<&str>, data: &AirData) -> (Option<Hour>, Option<Notice>) {
    let (hour, not_shown) = choose_hour(
        at,
        data.city_hours.iter().map(|c| c.hour),
        data.dataset.latest_hour(),
    );
    let notice = not_shown.map(|n| -> Notice {
        match n {
            HourNotShown::Invalid => |l| air_ui(l).air_at_invalid,
            HourNotShown::NotInData => |l| air_ui(l).air_hour_not_in_data,
        }
    });
    (hour, notice)
}

/// The city's air now: the card on the home page.
#[component]
pub fn CityNow() -> impl IntoView {
    let latest = expect_context::<AirLatest>().0;
    let lang = use_lang();
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match latest.await {
                    Ok(data) => Either::Left(move || {
                        let (hour, _) = select_hour(None, &data);
                        city_card(&data, hour, lang.get())
                    }),
                    Err(e) => Either::Right(view! { <SourceErrorView error=e /> }),
                }
            })}
        </Suspense>
    }
}

/// The forecast card (`ForecastFeed`), its frame drawn at once and its body once the forecast
/// has loaded, in a slot that keeps the body's usual height meanwhile (nothing below moves).
#[component]
pub fn AirForecast() -> impl IntoView {
    let forecast = expect_context::<ForecastFeed>().0;
    // Read, not awaited: on /air this card is redrawn with the page (a language switch, another
    // hour), and a `<Suspense>` dropped while its future waits panicked on a disposed value.
    let body = move || {
        forecast
            .get()
            .map(|result| view! { <ForecastBody result=result now=crate::env::now_minute() /> })
    };
    view! { <ForecastCard body=body /> }
}

/// The air-quality page.
#[component]
pub fn AirPage() -> impl IntoView {
    let latest = expect_context::<AirLatest>().0;
    let lang = use_lang();
    let query = use_query_map();
    view! {
        <article class="cc-page cc-air">
            <PageTitle text=|l| air_ui(l).air_title />
            <Lead text=|l| air_ui(l).air_intro />
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match latest.await {
                        Ok(data) => Either::Left(move || {
                            let q = query.read();
                            air_body(&data, q.get("station").as_deref(), q.get("at").as_deref(), lang.get())
                        }),
                        Err(e) => Either::Right(view! { <SourceErrorView error=e /> }),
                    }
                })}
            </Suspense>
        </article>
    }
}

fn air_body(data: &Arc<AirData>, station: Option<&str>, at: Option<&str>, lang: Lang) -> AnyView {
    let t = air_ui(lang);
    let (hour, at_notice) = select_hour(at, data);
    let station_index =
        station.and_then(|code| data.dataset.stations.iter().position(|s| s.code == code));
    let unknown_station = station.is_some() && station_index.is_none();
    let notices = view! {
        {at_notice.map(|n| view! { <p class="cc-notice" role="status">{n(lang)}</p> })}
        {unknown_station.then(|| view! { <p class="cc-notice" role="status">{t.air_station_unknown}</p> })}
    };
    let main = match station_index {
        Some(i) => Either::Left(station_detail(data, i as u16, hour, lang)),
        None => Either::Right(view! {
            {city_card(data, hour, lang)}
            {hour.and_then(|h| city_hour(data, h)).map(|c| view! {
                <PollutantTable values=c.c assessment=c.assessment lang=lang />
                {advice(&c.assessment, lang)}
            })}
            <AirForecast />
        }),
    };
    // The stations, the hour links, the notes and the trends: below the first screen.
    let data = data.clone();
    let (station, at) = (station.map(str::to_string), at.map(str::to_string));
    let rest = later(move || {
        let (station, at) = (station.as_deref(), at.as_deref());
        view! {
            {station_index.is_none().then(|| view! {
                <section aria-labelledby="air-stations">
                    <h2 id="air-stations">{t.air_stations_heading}</h2>
                    <crate::components::nearest::NearestStation stations=data.dataset.stations.clone() lang=lang />
                    {hour.map(|h| view! { <StationTable rows=station_rows(&data, h, at) lang=lang /> })}
                </section>
            })}
            {hour.map(|h| time_travel(&data, h, station, lang))}
            {data_notes(&data, lang)}
            <crate::pages::air_trends::AirTrends data=data.clone() hour=hour station=station_index.map(|i| i as u16) lang=lang />
        }
    });
    view! {
        {notices}
        {main}
        {rest}
    }
    .into_any()
}

fn city_hour(data: &AirData, hour: Hour) -> Option<&CityHour> {
    data.city_hours.iter().find(|c| c.hour == hour)
}

fn station_hour(data: &AirData, station: u16, hour: Hour) -> Option<&StationHour> {
    data.station_hours
        .iter()
        .find(|s| s.station == station && s.hour == hour)
}

fn advice(assessment: &Assessment, lang: Lang) -> Option<impl IntoView> {
    let aqi = assessment.outcome.as_ref().ok()?;
    Some(view! { <HealthAdvice level=aqi.level rules=assessment.rules lang=lang /> })
}

fn stale(data: &AirData) -> Option<Hour> {
    stale_since(data.dataset.latest_hour(), crate::env::now_hour())
}

/// The offline notice when `air.latest` came from the service worker's copy, with the newest
/// hour in it.
fn offline_notice(data: &AirData, lang: Lang) -> Option<impl IntoView> {
    let copy = data.offline_copy?;
    let newest = data.dataset.latest_hour().map(|h| hour_text(h, lang));
    Some(view! { <OfflineNotice copy=copy data_time=newest lang=lang /> })
}

fn source_line(data: &AirData, lang: Lang) -> impl IntoView {
    let t = air_ui(lang);
    data.attribution
        .clone()
        .map(|a| view! { <p class="cc-small">{t.air_source}": "{a}</p> })
}

/// The city card: AQI and level, main pollutant, data hour, how many stations went in.
fn city_card(data: &AirData, hour: Option<Hour>, lang: Lang) -> AnyView {
    let t = air_ui(lang);
    let city = hour.and_then(|h| city_hour(data, h));
    let outcome = city.map(|c| c.assessment.outcome).unwrap_or_else(no_data);
    let used = city
        .map(|c| c.stations_used.iter().copied().max().unwrap_or(0))
        .unwrap_or(0);
    let primary = outcome.as_ref().ok().map(|a| {
        if a.primary.is_empty() {
            t.air_primary_none.to_string()
        } else {
            a.primary.text(lang)
        }
    });
    let spoken = city
        .zip(hour)
        .and_then(|(c, h)| spoken_summary(&c.assessment, h, data.sample, lang));
    view! {
        <section class="cc-card cc-city" data-testid="city-aqi" aria-labelledby="air-city">
            <h2 id="air-city">{t.air_city_heading}</h2>
            {data.sample.then(|| view! { <SampleLabel /> })}
            {offline_notice(data, lang)}
            {stale(data).map(|newest| view! { <StaleNotice newest=newest /> })}
            <SkippedNote skipped=data.skipped.clone() />
            <p class="cc-city__aqi">
                <span class="cc-city__label">{t.air_aqi}</span>
                <AqiBadge outcome=outcome lang=lang large=true />
            </p>
            <dl class="cc-facts">
                {primary.map(|p| view! { <dt>{t.air_primary}</dt><dd data-testid="city-primary">{p}</dd> })}
                {hour.map(|h| view! { <dt>{t.air_data_time}</dt><dd><time datetime=h.to_param()>{hour_text(h, lang)}</time></dd> })}
            </dl>
            <p class="cc-small" data-testid="stations-used">{t.air_stations_used.replace("{n}", &used.to_string())}</p>
            {source_line(data, lang)}
            {spoken.map(|text| view! { <ReadAloud text=text lang=lang /> })}
        </section>
    }
    .into_any()
}

fn station_rows(data: &AirData, hour: Hour, at: Option<&str>) -> Vec<StationRow> {
    data.dataset
        .stations
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let outcome = station_hour(data, i as u16, hour)
                .map(|sh| sh.assessment.outcome)
                .unwrap_or_else(no_data);
            let at_param = at.map(|a| format!("&at={a}")).unwrap_or_default();
            StationRow {
                code: s.code.clone(),
                name: s.name.clone(),
                is_reference: s.is_reference,
                outcome,
                href: format!("{}?station={}{at_param}", href("/air"), s.code),
            }
        })
        .collect()
}

fn station_detail(data: &AirData, index: u16, hour: Option<Hour>, lang: Lang) -> AnyView {
    let t = air_ui(lang);
    let Some(station) = data.dataset.station(index) else {
        return ().into_any();
    };
    let row = hour.and_then(|h| station_hour(data, index, h));
    let outcome = row.map(|r| r.assessment.outcome).unwrap_or_else(no_data);
    view! {
        <p><a href=href("/air")>{t.air_back_to_city}</a></p>
        <section class="cc-card cc-city" data-testid=format!("station-detail-{}", station.code) aria-labelledby="air-station">
            <h2 id="air-station">{t.air_station_heading}": "{station.name.clone()}" ("{station.code.clone()}")"</h2>
            {data.sample.then(|| view! { <SampleLabel /> })}
            {offline_notice(data, lang)}
            <SkippedNote skipped=data.skipped.clone() />
            {station.is_reference.then(|| view! { <p class="cc-tag">{t.air_reference_station}</p> })}
            <p class="cc-city__aqi">
                <span class="cc-city__label">{t.air_aqi}</span>
                <AqiBadge outcome=outcome lang=lang large=true />
            </p>
            <dl class="cc-facts">
                {outcome.ok().map(|a| view! {
                    <dt>{t.air_primary}</dt>
                    <dd data-testid="primary">{if a.primary.is_empty() { t.air_primary_none.to_string() } else { a.primary.text(lang) }}</dd>
                })}
                {hour.map(|h| view! { <dt>{t.air_data_time}</dt><dd>{hour_text(h, lang)}</dd> })}
            </dl>
            {source_line(data, lang)}
        </section>
        {row.map(|r| view! {
            <PollutantTable values=r.c assessment=r.assessment lang=lang />
            {advice(&r.assessment, lang)}
        })}
    }
    .into_any()
}

fn time_travel(data: &AirData, hour: Hour, station: Option<&str>, lang: Lang) -> impl IntoView {
    let t = air_ui(lang);
    let link = |h: Hour| {
        let station = station.map(|s| format!("station={s}&")).unwrap_or_default();
        format!("{}?{station}at={}", href("/air"), h.to_param())
    };
    let has = |h: Hour| data.city_hours.iter().any(|c| c.hour == h);
    let prev = Hour(hour.0 - 1);
    let next = Hour(hour.0 + 1);
    view! {
        <nav class="cc-timetravel" aria-label=t.air_time_travel>
            {has(prev).then(|| view! { <a class="cc-button cc-button--secondary" href=link(prev)>{"← "}{t.air_previous_hour}</a> })}
            {has(next).then(|| view! { <a class="cc-button cc-button--secondary" href=link(next)>{t.air_next_hour}{" →"}</a> })}
            <a class="cc-button cc-button--secondary" href=format!("{}{}", href("/air"), station.map(|s| format!("?station={s}")).unwrap_or_default())>
                {t.air_newest_hour}
            </a>
        </nav>
    }
}

fn data_notes(data: &AirData, lang: Lang) -> Option<impl IntoView> {
    (!data.notes.is_empty()).then(|| {
        let items = data
            .notes
            .iter()
            .map(|n| view! { <li>{n.text(lang)}</li> })
            .collect_view();
        view! {
            <section class="cc-notice" role="status" data-testid="data-notes">
                <p class="cc-notice__title">{air_ui(lang).air_notes_heading}</p>
                <ul>{items}</ul>
            </section>
        }
    })
}
