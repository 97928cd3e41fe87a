//! `/`: what a citizen sees first: the air now, the water headline and the way to report.

use crate::app::href;
use crate::components::page::PageTitle;
use crate::prefs::use_lang;
use crate::text::ui;
use leptos::prelude::*;
use leptos_router::components::A;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    view! {
        <article class="cc-page cc-home">
            <PageTitle text=|l| ui(l).home_title />
            <p class="cc-lead">{move || t().home_intro}</p>
            <section class="cc-card" aria-labelledby="home-air">
                <h2 id="home-air">{move || t().home_air_heading}</h2>
                <crate::pages::air::CityNow />
                <p><A href=href("/air")>{move || t().home_air_more}</A></p>
            </section>
            <section class="cc-card" aria-labelledby="home-water">
                <h2 id="home-water">{move || t().home_water_heading}</h2>
                <crate::pages::water::WaterHeadline />
                <p><A href=href("/water")>{move || t().home_water_more}</A></p>
            </section>
            <section class="cc-card cc-card--report" aria-labelledby="home-report">
                <h2 id="home-report">{move || t().home_report_heading}</h2>
                <p>{move || t().home_report_text}</p>
                <p>
                    <A href=href("/report") attr:class="cc-button">{move || t().home_report_cta}</A>
                </p>
            </section>
        </article>
    }
}
