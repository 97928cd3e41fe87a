//! The air-quality forecast: the coming days as a list (shared by the site and the widget) and
//! the site's forecast card. Display only: which days are current, their levels and the reason
//! for 暂无预报 come from `cc_core::air::forecast`.
//!
//! A day's level is said in words and coloured; the colour is that of the range's upper level,
//! which the words name too, so colour is never the only cue.

use crate::components::notices::{OfflineNotice, SampleLabel, SkippedNote};
use crate::feeds::{ForecastData, ForecastResult, SourceError};
use crate::prefs::use_lang;
use cc_core::air::forecast::{current_days, ForecastDay, NoForecast, HEADING, PRIMARY};
use cc_core::i18n::Lang;
use cc_core::time::{Date, Minute};
use leptos::prelude::*;

/// The days of a current forecast: "明天 良 55–75 · 首要污染物 细颗粒物(PM2.5)", and the
/// issuer's words for the day.
pub fn forecast_days(days: &[ForecastDay], today: Date, lang: Lang) -> impl IntoView {
    let items = days
        .iter()
        .map(|day| {
            let (_, high) = day.levels;
            // One text after the level: a no-break space keeps "AQI" with its range, word
            // joiners keep the range whole across its dash and a pollutant's name whole before
            // its bracket (细颗粒物(PM2.5)).
            let mut rest = day
                .aqi_text()
                .map(|aqi| format!(" AQI\u{a0}{}", aqi.replace('–', "–\u{2060}")))
                .unwrap_or_default();
            if !day.primary.is_empty() {
                let names = day.primary.text(lang).replace('(', "\u{2060}(");
                rest += &format!(" · {} {names}", PRIMARY.get(lang));
            }
            let words = day.words(lang).map(|(text, in_lang)| {
                view! { <p class="cc-forecast__words" lang=in_lang.tag()>{text.to_string()}</p> }
            });
            view! {
                <li class="cc-forecast__day" data-testid="forecast-day">
                    <p>
                        <strong class="cc-forecast__when">{day.day_name(today, lang)}</strong>" "
                        <span class=format!("cc-forecast__level cc-level--{}", high.number())>
                            {day.level_words(lang)}
                        </span>
                        {rest}
                    </p>
                    {words}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="cc-forecast__days">{items}</ul> }
}

/// The forecast and its days to show at `now`, or why there are none.
pub fn shown_days(
    result: &ForecastResult,
    now: Minute,
) -> Result<(&ForecastData, &[ForecastDay]), NoForecast> {
    match result {
        Ok(data) => current_days(&data.forecast, now).map(|days| (&**data, days)),
        Err(SourceError::NotConfigured) => Err(NoForecast::NotConfigured),
        Err(SourceError::Config(_)) => Err(NoForecast::ConfigUnusable),
        Err(_) => Err(NoForecast::Unreadable),
    }
}

/// The site's forecast card: its heading, and `body` in a slot that keeps its usual height while
/// the forecast loads.
#[component]
pub fn ForecastCard(body: impl IntoView + 'static) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="cc-card cc-forecast" aria-labelledby="cc-forecast-h" data-testid="forecast">
            <h2 id="cc-forecast-h">{move || HEADING.get(lang.get())}</h2>
            <div class="cc-forecast__slot">{body}</div>
        </section>
    }
}

/// The forecast's days with issuer and issue time, or 暂无预报 and why.
#[component]
pub fn ForecastBody(result: ForecastResult, now: Minute) -> impl IntoView {
    let lang = use_lang();
    let today = now.date();
    move || {
        let lang = lang.get();
        match shown_days(&result, now) {
            Ok((data, days)) => view! {
                {data.sample.then(|| view! { <SampleLabel /> })}
                {data.offline_copy.map(|copy| view! { <OfflineNotice copy=copy data_time=None lang=lang /> })}
                {forecast_days(days, today, lang)}
                <p class="cc-small" data-testid="forecast-issued">{data.forecast.issued_line(lang)}</p>
                <SkippedNote skipped=data.skipped.clone() />
            }
            .into_any(),
            Err(no) => {
                // A file that could not be read also says which file, and where.
                let detail = match &result {
                    Err(SourceError::Api(e)) => Some(e.message(lang)),
                    _ => None,
                };
                view! {
                    <p class="cc-forecast__none" data-testid="forecast-none">{no.message(lang)}</p>
                    {detail.map(|d| view! { <p class="cc-small"><code>{d}</code></p> })}
                }
                .into_any()
            }
        }
    }
}
