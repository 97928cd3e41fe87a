//! "Find the station nearest to me": asks the browser for the position only when the button is
//! pressed, computes the distance on the device, and never sends the position anywhere.

use crate::routes::href;
use crate::text::{air_ui, ui};
use cc_core::air::Station;
use cc_core::decimal::fixed;
use cc_core::i18n::Lang;
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
enum Found {
    Idle,
    Asking,
    Nearest { code: String, name: String, km: f64 },
    Unavailable,
}

/// A button that finds the nearest station, and the answer in a live region.
#[component]
pub fn NearestStation(stations: Vec<Station>, lang: Lang) -> impl IntoView {
    let t = ui(lang);
    let air_t = air_ui(lang);
    let (found, set_found) = signal(Found::Idle);
    let points: Vec<(Option<f64>, Option<f64>)> = stations.iter().map(|s| (s.lat, s.lon)).collect();
    let ask = move |_| {
        set_found.set(Found::Asking);
        let stations = stations.clone();
        let points = points.clone();
        crate::browser::current_position(move |answer| {
            let nearest = answer.and_then(|(lat, lon)| cc_core::geo::nearest(lat, lon, &points));
            set_found.set(
                match nearest.and_then(|(i, km)| stations.get(i).map(|s| (s, km))) {
                    Some((s, km)) => Found::Nearest {
                        code: s.code.clone(),
                        name: s.name.clone(),
                        km,
                    },
                    None => Found::Unavailable,
                },
            );
        });
    };
    let answer = move || match found.get() {
        Found::Idle => ().into_any(),
        Found::Asking => view! { <span>{t.loading}</span> }.into_any(),
        Found::Nearest { code, name, km } => view! {
            <span>
                {air_t.air_nearest_result}" "
                <a href=format!("{}?station={code}", href("/air"))>{name}</a>
                {format!(
                    "{}{}{}",
                    lang.pick("（", " ("),
                    air_t.air_nearest_distance.replace("{d}", &fixed(km, 1)),
                    lang.pick("）", ")"),
                )}
            </span>
        }
        .into_any(),
        Found::Unavailable => view! { <span>{air_t.air_nearest_denied}</span> }.into_any(),
    };
    view! {
        <div class="cc-nearest">
            <button type="button" class="cc-button cc-button--secondary" on:click=ask>
                {air_t.air_nearest}
            </button>
            <p role="status" class="cc-nearest__answer">{answer}</p>
        </div>
    }
}
