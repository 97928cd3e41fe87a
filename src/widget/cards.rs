//! The widget's cards (AQI, water, report), its status lines and the links back to the site:
//! display only, from what `Widget` loaded.

use super::text::wt;
use super::WaterSummary;
use crate::components::air::{hour_text, level_words, AqiBadge};
use crate::components::alerts::alert_list;
use crate::components::forecast::{forecast_days, shown_days};
use crate::feeds::{AirData, AlertsShown, AlertsWatch, ForecastResult};
use cc_core::air::alerts::{HEADING as HEADING_ALERTS, UNREADABLE};
use cc_core::air::forecast::HEADING;
use cc_core::air::shown::{choose_hour, no_data, stale_since};
use cc_core::decimal::fixed;
use cc_core::i18n::Lang;
use cc_core::offline::OfflineCopy;
use cc_core::time::Hour;
use cc_core::water::WaterClass;
use cc_core::widget::{Size, View};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub(super) fn Loading(lang: Lang) -> impl IntoView {
    view! { <p class="ccw-status" role="status">{wt(lang).loading}</p> }
}

pub(super) fn error_card(message: String, lang: Lang) -> AnyView {
    view! {
        <div class="ccw-card ccw-error" role="alert" data-testid="widget-error">
            <p class="ccw-strong">{wt(lang).error_title}</p>
            <p class="ccw-small">{message}</p>
        </div>
    }
    .into_any()
}

/// Said when the data is the service worker's offline copy (the network failed).
fn offline_label(copy: OfflineCopy, lang: Lang) -> impl IntoView {
    let t = wt(lang);
    view! {
        <p class="ccw-notice" role="status" data-testid="offline">
            {t.offline}
            {copy.received.map(|m| format!(" {} {m} {}", t.received, crate::text::shared(lang).beijing_time))}
        </p>
    }
}

fn sample_label(lang: Lang) -> impl IntoView {
    let t = wt(lang);
    view! {
        <p class="ccw-sample" data-testid="sample">
            <strong class="ccw-sample__tag">{t.sample_data}</strong>" "{t.sample_note}
        </p>
    }
}

/// A link to a page of the site, opened in a new window (the widget sits in someone else's page).
fn more_link(href: String, label: &'static str, lang: Lang) -> impl IntoView {
    view! {
        <p class="ccw-more">
            <a href=href target="_blank" rel="noopener">
                {label}<span class="ccw-visually-hidden">{wt(lang).new_window}</span>
            </a>
        </p>
    }
}

/// `air?station=…&lang=en` under the site base.
pub fn page_url(site_base: &str, path: &str, query: &[(&str, &str)], lang: Lang) -> String {
    let mut q: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    if lang == Lang::En {
        q.push("lang=en".into());
    }
    let url = cc_core::url::resolve(site_base, path);
    if q.is_empty() {
        url
    } else {
        format!("{url}?{}", q.join("&"))
    }
}

pub(super) fn aqi_card(
    data: &AirData,
    station: Option<&str>,
    lang: Lang,
    size: Size,
    base: &str,
) -> AnyView {
    let t = wt(lang);
    let (hour, _) = choose_hour(
        None,
        data.city_hours.iter().map(|c| c.hour),
        data.dataset.latest_hour(),
    );
    let index = station.and_then(|code| data.dataset.stations.iter().position(|s| s.code == code));
    let unknown = station.is_some() && index.is_none();
    let (heading, assessment) = match index {
        Some(i) => {
            let s = &data.dataset.stations[i];
            let row = hour.and_then(|h| {
                data.station_hours
                    .iter()
                    .find(|r| usize::from(r.station) == i && r.hour == h)
            });
            let name = match lang {
                Lang::Zh => format!("{}{}", s.name, t.aqi_station_heading),
                Lang::En => format!("{} {}", s.name, t.aqi_station_heading),
            };
            (name, row.map(|r| r.assessment))
        }
        None => {
            let row = hour.and_then(|h| data.city_hours.iter().find(|c| c.hour == h));
            (t.aqi_heading.to_string(), row.map(|c| c.assessment))
        }
    };
    let outcome = assessment.map(|a| a.outcome).unwrap_or_else(no_data);
    let primary = outcome.as_ref().ok().map(|a| {
        if a.primary.is_empty() {
            t.primary_none.to_string()
        } else {
            a.primary.text(lang)
        }
    });
    let advice = assessment.and_then(|a| {
        let aqi = a.outcome.ok()?;
        let texts = aqi.level.texts(a.rules);
        Some(texts.general_public.unwrap_or(texts.advice).get(lang))
    });
    let level_name = outcome.as_ref().ok().map(|a| level_words(a.level, lang));
    let stale = stale_since(data.dataset.latest_hour(), crate::env::now_hour());
    let href = match index {
        Some(i) => page_url(
            base,
            "air",
            &[("station", &data.dataset.stations[i].code)],
            lang,
        ),
        None => page_url(base, "air", &[], lang),
    };
    view! {
        <section class="ccw-card ccw-aqi" aria-labelledby="ccw-aqi-h" data-testid="widget-aqi" data-level=level_name.unwrap_or_default()>
            <h2 id="ccw-aqi-h" class="ccw-h">{heading}</h2>
            {unknown.then(|| view! { <p class="ccw-notice" role="status">{t.station_unknown}</p> })}
            {data.sample.then(|| sample_label(lang))}
            {data.offline_copy.map(|c| offline_label(c, lang))}
            {stale.map(|n: Hour| view! { <p class="ccw-notice" role="status" data-testid="stale">{t.stale}" "{hour_text(n, lang)}</p> })}
            <p class="ccw-aqi__main">
                <span class="ccw-aqi__label">{t.aqi_label}</span>
                <AqiBadge outcome=outcome lang=lang large=size == Size::M />
            </p>
            <dl class="ccw-facts">
                {primary.map(|p| view! { <dt>{t.primary}</dt><dd data-testid="primary">{p}</dd> })}
                {hour.map(|h| view! { <dt>{t.data_time}</dt><dd><time datetime=h.to_param()>{hour_text(h, lang)}</time></dd> })}
            </dl>
            {advice.map(|a| view! { <p class="ccw-advice"><span class="ccw-strong">{t.advice}": "</span>{a}</p> })}
            {more_link(href, t.more_air, lang)}
        </section>
    }
    .into_any()
}

/// Warnings in force, above everything (a polite live region: announced once, see
/// `components::alerts`).
pub(super) fn alerts_banner(watch: AlertsWatch, lang: Lang) -> impl IntoView {
    let body = move || match watch.shown.get() {
        AlertsShown::Nothing => None,
        AlertsShown::InForce {
            alerts,
            sample,
            skipped,
        } => Some(Either::Left(view! {
            <div class="ccw-card ccw-alerts__inner" role="region" aria-label=HEADING_ALERTS.get(lang)>
                {sample.then(|| sample_label(lang))}
                {alert_list(&alerts, lang)}
                {cc_core::skipped_note(lang, &skipped).map(|note| view! {
                    <p class="ccw-small" data-testid="skipped-cells">{note}</p>
                })}
            </div>
        })),
        AlertsShown::Unreadable(e) => Some(Either::Right(view! {
            <p class="ccw-small" data-testid="alerts-unreadable">
                {UNREADABLE.get(lang)}" "{e.message(lang)}
            </p>
        })),
    };
    view! { <div class="ccw-alerts" aria-live="polite" data-testid="alerts">{body}</div> }
}

/// The coming days of the city's forecast, or 暂无预报 and why (below the AQI card).
pub(super) fn forecast_card(result: &ForecastResult, lang: Lang) -> impl IntoView {
    let now = crate::env::now_minute();
    let body = match shown_days(result, now) {
        Ok((data, days)) => Either::Left(view! {
            {data.sample.then(|| sample_label(lang))}
            {data.offline_copy.map(|c| offline_label(c, lang))}
            {forecast_days(days, now.date(), lang)}
            <p class="ccw-small">{data.forecast.issued_line(lang)}</p>
        }),
        Err(no) => Either::Right(
            view! { <p class="ccw-small" data-testid="forecast-none">{no.message(lang)}</p> },
        ),
    };
    view! {
        <section class="ccw-card ccw-forecast" aria-labelledby="ccw-forecast-h" data-testid="widget-forecast">
            <h3 id="ccw-forecast-h" class="ccw-h">{HEADING.get(lang)}</h3>
            {body}
        </section>
    }
}

pub(super) fn water_card(summary: Option<&WaterSummary>, lang: Lang, base: &str) -> AnyView {
    let t = wt(lang);
    let body = match summary {
        None => view! { <p>{t.water_none}</p> }.into_any(),
        Some(s) => {
            let share = s
                .summary
                .headline
                .good_share()
                .map(|v| format!("{}%", fixed(v, 1)));
            let counts = WaterClass::ALL
                .into_iter()
                .zip(s.summary.counts)
                .map(|(c, n)| {
                    let label = t
                        .water_class_count
                        .replace("{class}", c.label(lang))
                        .replace("{n}", &n.to_string());
                    view! {
                        <li class="ccw-class-count">
                            <span class=format!("ccw-swatch ccw-wclass--{}", c.code()) aria-hidden="true">{c.roman()}</span>
                            {label}
                        </li>
                    }
                })
                .collect_view();
            let worst = s
                .summary
                .worst
                .iter()
                .map(|(zh, en, c)| {
                    let name = if lang == Lang::Zh { zh.clone() } else { en.clone() };
                    view! {
                        <li>
                            {name}" "
                            <span class=format!("ccw-swatch ccw-wclass--{}", c.code())>{c.label(lang)}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                {s.sample.then(|| sample_label(lang))}
                {s.offline_copy.map(|c| offline_label(c, lang))}
                <dl class="ccw-facts">
                    <dt>{t.water_good_share}</dt>
                    <dd class="ccw-big" data-testid="good-share">{share.unwrap_or_else(|| "—".into())}</dd>
                    <dt>{t.water_period}</dt>
                    <dd>{s.summary.headline.period.label(lang)}</dd>
                </dl>
                <p class="ccw-strong">{t.water_counts}</p>
                <ul class="ccw-classes" data-testid="class-counts">{counts}</ul>
                <p class="ccw-strong">{t.water_worst}</p>
                <ol class="ccw-worst" data-testid="worst">{worst}</ol>
            }
            .into_any()
        }
    };
    view! {
        <section class="ccw-card ccw-water" aria-labelledby="ccw-water-h" data-testid="widget-water">
            <h2 id="ccw-water-h" class="ccw-h">{t.water_heading}</h2>
            {body}
            {more_link(page_url(base, "water", &[], lang), t.more_water, lang)}
        </section>
    }
    .into_any()
}

pub(super) fn report_card(lang: Lang, base: &str) -> impl IntoView {
    let t = wt(lang);
    view! {
        <section class="ccw-card ccw-report" aria-labelledby="ccw-report-h" data-testid="widget-report">
            <h2 id="ccw-report-h" class="ccw-h">{t.report_heading}</h2>
            <p>{t.report_text}</p>
            <p>
                <a class="ccw-button" href=page_url(base, "report", &[], lang) target="_blank" rel="noopener">
                    {t.report_cta}<span class="ccw-visually-hidden">{t.new_window}</span>
                </a>
            </p>
            <p class="ccw-small">{t.report_phone}</p>
        </section>
    }
}

/// The iframe's accessible title for a view.
pub fn frame_title(view: View, lang: Lang) -> &'static str {
    let t = wt(lang);
    match view {
        View::Aqi => t.frame_title_aqi,
        View::Water => t.frame_title_water,
        View::Report => t.frame_title_report,
        View::Combo => t.frame_title_combo,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widget::WidgetError;
    use cc_core::config::FeedFormat;

    #[test]
    fn page_urls() {
        assert_eq!(
            page_url(
                "https://x.cn/env/",
                "air",
                &[("station", "1119A")],
                Lang::En
            ),
            "https://x.cn/env/air?station=1119A&lang=en"
        );
        assert_eq!(
            page_url("https://x.cn/", "report", &[], Lang::Zh),
            "https://x.cn/report"
        );
    }

    #[test]
    fn an_unsupported_format_is_named_with_its_key_in_both_languages() {
        let e = WidgetError::Unsupported {
            key: "air.latest",
            format: FeedFormat::CnemcHourlyCsv,
        };
        assert!(e
            .message(Lang::Zh)
            .contains("config.json 的 air.latest 是 cnemc-hourly-csv"));
        assert!(e.message(Lang::En).contains("widget.air_latest"));
        let e = WidgetError::Unsupported {
            key: "water.results",
            format: FeedFormat::CnemcWaterJson,
        };
        assert!(e
            .message(Lang::En)
            .contains("water.results in config.json is cnemc-water-json"));
    }

    #[test]
    fn stylesheet_has_every_water_class_colour() {
        let css = include_str!("../../style/widget.css").to_ascii_lowercase();
        for c in WaterClass::ALL {
            let rule = format!(".ccw-wclass--{}", c.code());
            assert!(css.contains(&rule), "{rule}");
            assert!(
                css.contains(&c.colour().to_ascii_lowercase()),
                "{}",
                c.colour()
            );
        }
    }
}
