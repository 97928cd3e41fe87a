//! The trends under the air page: the last 24 hours from `air.latest`, and the link to the
//! 30-day and calendar charts of `/air/history` ([`crate::pages::air_history`]).

use crate::charts::wire::Chart;
use crate::charts::{self, HourlyAqi, StationLine};
use crate::components::chart::ChartFigure;
use crate::feeds::AirData;
use crate::routes::href;
use crate::text::{air_ui, ui};
use cc_core::i18n::Lang;
use cc_core::time::Hour;
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
    let air_t = air_ui(lang);
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
                chart=Chart::HourlyAqi(chart)
                lang=lang
            />
        }
    });
    // The 30-day and year charts need a year of data: their own page and bundle (/air/history),
    // ending at the day shown here.
    let history_href = format!(
        "{}{}",
        href("/air/history"),
        hour.map(|h| format!("?at={}", h.to_param()))
            .unwrap_or_default()
    );
    view! {
        <section class="cc-trends" aria-labelledby="air-trends">
            <h2 id="air-trends">{air_t.air_charts_heading}</h2>
            {hourly}
            <p><a href=history_href>{air_t.air_history_link}</a></p>
            <p><a href=href("/air/year")>{air_t.air_year_link}</a></p>
        </section>
    }
}
