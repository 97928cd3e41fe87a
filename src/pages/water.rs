//! `/water`: section classes under GB 3838-2002. Filled in by the water issue.

use crate::components::config_gate::WithConfig;
use crate::components::notices::SampleLabel;
use crate::components::page::PageTitle;
use crate::prefs::use_lang;
use crate::text::ui;
use leptos::either::Either;
use leptos::prelude::*;

/// The water headline (used on the home page and the water page).
#[component]
pub fn WaterHeadline() -> impl IntoView {
    let lang = use_lang();
    view! {
        <WithConfig children=move |cfg| {
            match cfg.water_results.clone() {
                None => Either::Left(view! { <p>{move || ui(lang.get()).not_configured}</p> }),
                Some(src) => Either::Right(view! {
                    {src.sample.then(|| view! { <SampleLabel /> })}
                    <p>{move || ui(lang.get()).coming_soon}</p>
                }),
            }
        } />
    }
}

/// The water page.
#[component]
pub fn WaterPage() -> impl IntoView {
    view! {
        <article class="cc-page cc-water">
            <PageTitle text=|l| ui(l).water_title />
            <WaterHeadline />
        </article>
    }
}
