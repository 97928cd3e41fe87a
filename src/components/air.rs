//! Air-quality displays: the AQI badge, the city or station card, the six pollutants, health
//! advice and the station table. Display only: every value comes computed from `cc_core::air`.
//!
//! Colour is never the only cue: every badge says its level number and name in words, and the
//! level colours carry a text colour that meets WCAG 2.2 AA contrast (style/site.css).

use crate::components::nowrap::keep_together;
use crate::text::air_ui;
use cc_core::air::{Aqi, Assessment, Level, NoAqi, Pollutant, RuleSetId, Species};
use cc_core::decimal::fixed;
use cc_core::i18n::Lang;
use cc_core::time::Hour;
use leptos::either::Either;
use leptos::prelude::*;

/// "二级 良" / "Level 2 · Good".
pub fn level_words(level: Level, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} {}", level.grade().zh, level.name().zh),
        Lang::En => format!("{} · {}", level.grade().en, level.name().en),
    }
}

/// `2022-01-15 08:00 北京时间`.
pub fn hour_text(hour: Hour, lang: Lang) -> String {
    format!("{hour} {}", crate::text::shared(lang).beijing_time)
}

/// An AQI number with its level in words, coloured by level.
#[component]
pub fn AqiBadge(
    /// The AQI or why there is none.
    outcome: Result<Aqi, NoAqi>,
    lang: Lang,
    /// Large variant for the city card.
    #[prop(optional)]
    large: bool,
) -> impl IntoView {
    let size = if large { " cc-badge--large" } else { "" };
    match outcome {
        Ok(aqi) => Either::Left(view! {
            <span class=format!("cc-badge cc-level--{}{size}", aqi.level.number())>
                <span class="cc-badge__value" data-testid="aqi">{aqi.value}</span>
                <span class="cc-badge__level">{level_words(aqi.level, lang)}</span>
            </span>
        }),
        Err(no) => Either::Right(view! {
            <span class=format!("cc-badge cc-badge--none{size}")>
                <span class="cc-badge__value" data-testid="aqi">"—"</span>
                <span class="cc-badge__level">{no.text(lang)}</span>
            </span>
        }),
    }
}

/// The six pollutants of an hour: concentration, unit, period, and the IAQI as number and bar.
#[component]
pub fn PollutantTable(
    /// The six 1-h values by `Species` index.
    values: [Option<f64>; 6],
    assessment: Assessment,
    lang: Lang,
) -> impl IntoView {
    let t = air_ui(lang);
    let rows = Species::ALL
        .into_iter()
        .map(|s| {
            let p = s.hourly_pollutant();
            let value = values.get(s.index()).copied().flatten();
            let iaqi = assessment.iaqi_of(p);
            let shown = match value {
                Some(v) if s == Species::Co => fixed(v, 1),
                Some(v) => fixed(v, 0),
                None => t.air_missing.to_string(),
            };
            view! {
                <tr>
                    <th scope="row">{keep_together(pollutant_label(p, lang))}</th>
                    <td data-label=t.air_concentration>
                        <span class="cc-nowrap">{shown}" "<span class="cc-unit">{s.unit()}</span></span>
                    </td>
                    <td data-label=t.air_period>{keep_together(t.air_period_1h)}</td>
                    <td class="cc-iaqi" data-label=t.air_iaqi>
                        {match iaqi {
                            Some(v) => Either::Left(view! {
                                <span class="cc-iaqi__value">{v}</span>
                                <meter
                                    class="cc-iaqi__bar"
                                    min="0"
                                    max="500"
                                    low="100"
                                    high="200"
                                    optimum="0"
                                    value=v.to_string()
                                    aria-label=format!("{} {}", t.air_iaqi_bar, v)
                                ></meter>
                            }),
                            None => Either::Right(view! { <span>"—"</span> }),
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let o3_8h = assessment.o3_8h_info.map(|v| {
        view! { <p class="cc-small">{t.air_o3_8h_info}": "{v}</p> }
    });
    view! {
        <div class="cc-table-wrap">
            <table class="cc-table cc-table--cards cc-pollutants">
                <caption>{t.air_pollutants_heading}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.air_pollutant}</th>
                        <th scope="col">{t.air_concentration}</th>
                        <th scope="col">{t.air_period}</th>
                        <th scope="col">{t.air_iaqi}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {o3_8h}
    }
}

/// `细颗粒物(PM2.5)` / `PM2.5` style names for table rows.
pub fn pollutant_label(p: Pollutant, lang: Lang) -> &'static str {
    p.name().get(lang)
}

/// Health effects and what to do, for the general public and for sensitive groups.
#[component]
pub fn HealthAdvice(level: Level, rules: RuleSetId, lang: Lang) -> impl IntoView {
    let t = air_ui(lang);
    let texts = level.texts(rules);
    let general = texts.general_public.unwrap_or(texts.advice).get(lang);
    let sensitive = texts.sensitive_groups.unwrap_or(texts.advice).get(lang);
    view! {
        <section class=format!("cc-advice cc-advice--{}", level.number()) aria-labelledby="air-advice">
            <h2 id="air-advice">{t.air_advice_heading}": "{level_words(level, lang)}</h2>
            <dl class="cc-advice__list">
                <dt>{t.air_effects}</dt>
                <dd>{texts.health_effects.get(lang)}</dd>
                <dt>{t.air_advice_general}</dt>
                <dd>{general}</dd>
                <dt>{t.air_advice_sensitive}</dt>
                <dd>{sensitive}</dd>
            </dl>
            <p class="cc-small">{texts.source.get(lang)}</p>
        </section>
    }
}
