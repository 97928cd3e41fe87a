//! Heavy-pollution warnings in force (重污染天气预警): the list shared by the site's banner and
//! the widget's, and the site's banner. Display only: which warnings are in force comes from
//! `cc_core::air::alerts`, the clock and the file from `crate::feeds::AlertsWatch`.
//!
//! The banner's container is a polite live region that exists before any warning does, so a
//! warning that appears is announced once; a refresh that finds the same warnings changes no
//! node (`AlertsWatch::shown` changes only when what it shows does) and is not announced again.
//! The level is said in words as well as colour.

use crate::components::notices::{SampleLabel, SkippedNote};
use crate::feeds::{AlertsShown, AlertsWatch};
use crate::prefs::use_lang;
use cc_core::air::alerts::{Alert, DETAILS, HEADING, MEASURES, UNREADABLE};
use cc_core::i18n::Lang;
use leptos::prelude::*;

/// The warnings, each with its level in words, headline, validity, measures, issuer and link.
pub fn alert_list(alerts: &[Alert], lang: Lang) -> impl IntoView {
    alerts
        .iter()
        .map(|a| {
            let (headline, headline_lang) = a.headline(lang);
            let (measures, measures_lang) = a.measures(lang);
            let measures = (!measures.is_empty()).then(|| {
                let items = measures
                    .iter()
                    .map(|m| view! { <li>{m.clone()}</li> })
                    .collect_view();
                view! {
                    <p class="cc-alert__label">{MEASURES.get(lang)}</p>
                    <ul class="cc-alert__measures" lang=measures_lang.tag()>{items}</ul>
                }
            });
            let link = a.url.clone().map(|url| {
                view! { " · "<a href=url rel="noopener">{DETAILS.get(lang)}</a> }
            });
            view! {
                <div class=format!("cc-alert cc-alert--{}", a.level.as_str()) data-testid="alert" data-level=a.level.as_str()>
                    <p class="cc-alert__level">
                        <strong>{HEADING.get(lang)}" · "{a.level.name().get(lang)}</strong>
                    </p>
                    <p class="cc-alert__headline" lang=headline_lang.tag()>{headline.to_string()}</p>
                    <p class="cc-alert__validity">{a.validity(lang)}</p>
                    {measures}
                    <p class="cc-alert__issued">{a.issued_line(lang)}{link}</p>
                </div>
            }
        })
        .collect_view()
}

/// The site's banner, above the header of every page.
#[component]
pub fn AlertBanner(watch: AlertsWatch) -> impl IntoView {
    let lang = use_lang();
    let body = move || {
        let lang = lang.get();
        match watch.shown.get() {
            AlertsShown::Nothing => None,
            AlertsShown::InForce {
                alerts,
                sample,
                skipped,
            } => Some(
                view! {
                    <div class="cc-alerts__inner" role="region" aria-label=HEADING.get(lang)>
                        {sample.then(|| view! { <SampleLabel /> })}
                        {alert_list(&alerts, lang)}
                        <SkippedNote skipped=skipped />
                    </div>
                }
                .into_any(),
            ),
            AlertsShown::Unreadable(e) => Some(
                view! {
                    <p class="cc-alerts__unreadable" data-testid="alerts-unreadable">
                        {UNREADABLE.get(lang)}" "<span class="cc-small">{e.message(lang)}</span>
                    </p>
                }
                .into_any(),
            ),
        }
    };
    view! { <div class="cc-alerts" aria-live="polite" data-testid="alerts">{body}</div> }
}
