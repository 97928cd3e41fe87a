//! `/`: what a citizen sees first: the air now, the water headline and the way to report.

use crate::components::page::{Lead, PageTitle};
use crate::nav::NavLink;
use crate::prefs::use_lang;
use crate::routes::href;
use crate::text::{air_ui, ui};
use leptos::prelude::*;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    view! {
        <article class="cc-page cc-home">
            <PageTitle text=|l| ui(l).home_title />
            <Lead text=|l| ui(l).home_intro />
            <section class="cc-card" aria-labelledby="home-air">
                <h2 id="home-air">{move || t().home_air_heading}</h2>
                // The slots keep the loaded cards' usual height while they load, so that nothing
                // below them jumps when the data arrives (CLS; see style/site.css).
                <div class="cc-home__slot cc-home__slot--air">
                    <crate::pages::air::CityNow />
                </div>
                <p><NavLink route="/air">{move || t().home_air_more}</NavLink></p>
                <p><a href=href("/air/year")>{move || air_ui(lang.get()).air_year_link}</a></p>
            </section>
            <crate::pages::air::AirForecast />
            <section class="cc-card" aria-labelledby="home-water">
                <h2 id="home-water">{move || t().home_water_heading}</h2>
                <div class="cc-home__slot cc-home__slot--water">
                    <crate::pages::water::WaterHeadline />
                </div>
                <p><NavLink route="/water">{move || t().home_water_more}</NavLink></p>
            </section>
            <section class="cc-card cc-card--report" aria-labelledby="home-report">
                <h2 id="home-report">{move || t().home_report_heading}</h2>
                <p>{move || t().home_report_text}</p>
                <p>
                    <NavLink route="/report" class="cc-button">{move || t().home_report_cta}</NavLink>
                </p>
            </section>
        </article>
    }
}
