//! Readings of the national automatic stations (`cnemc-water-json`): a partial set of indicators,
//! so every class from them is labelled 自动监测(参考) and never shown as the official class.

use crate::components::water::IndicatorTable;
use crate::feeds::WaterData;
use crate::routes::href;
use crate::text::water_ui;
use cc_core::i18n::Lang;
use cc_core::water::feeds::cnemc_json::AutoReading;
use cc_core::water::sections::find_by_name;
use cc_core::water::{class_label, deciding_sentence, Section, WaterBody};
use leptos::prelude::*;

fn body_of<'a>(data: &'a WaterData, reading: &AutoReading) -> (Option<&'a Section>, WaterBody) {
    let section = find_by_name(&data.sections, &reading.section);
    (section, section.map_or(WaterBody::River, |s| s.body))
}

fn time_text(reading: &AutoReading, lang: Lang) -> String {
    match reading.time {
        Some(h) => crate::components::air::hour_text(h, lang),
        None => water_ui(lang).water_automatic_offline.to_string(),
    }
}

/// Every automatic reading, with its reference class and what decides it.
pub fn automatic_overview(data: &WaterData, lang: Lang) -> Option<AnyView> {
    if data.automatic.is_empty() {
        return None;
    }
    let t = water_ui(lang);
    let rows = data
        .automatic
        .iter()
        .map(|r| {
            let (section, body) = body_of(data, r);
            let assessment = r.assess(body);
            let name = match section {
                Some(s) => view! { <a href=format!("{}?section={}", href("/water"), s.slug)>{r.section.clone()}</a> }.into_any(),
                None => view! { <span>{r.section.clone()}</span> }.into_any(),
            };
            view! {
                <tr data-testid="automatic-reading">
                    <th scope="row">{name}</th>
                    <td>{time_text(r, lang)}</td>
                    <td data-testid="automatic-class">{class_label(&assessment, lang)}</td>
                    <td>{deciding_sentence(&assessment, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    Some(
        view! {
            <section class="cc-card" aria-labelledby="water-automatic">
                <h2 id="water-automatic">{t.water_automatic_heading}</h2>
                <p class="cc-notice" role="note">{t.water_automatic_note}</p>
                <div class="cc-table-wrap">
                    <table class="cc-table">
                        <caption>{t.water_automatic_heading}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t.water_section}</th>
                                <th scope="col">{t.water_automatic_time}</th>
                                <th scope="col">{t.water_class}</th>
                                <th scope="col">{t.water_main_pollutants}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
        .into_any(),
    )
}

/// The newest automatic reading of one section, as a reference card on its detail view.
pub fn automatic_card(data: &WaterData, section: &Section, lang: Lang) -> Option<AnyView> {
    let t = water_ui(lang);
    let reading = data
        .automatic
        .iter()
        .filter(|r| {
            find_by_name(&data.sections, &r.section).is_some_and(|s| s.slug == section.slug)
        })
        .max_by_key(|r| r.time)?;
    let assessment = reading.assess(section.body);
    let caption = format!(
        "{} · {}",
        t.water_automatic_heading,
        time_text(reading, lang)
    );
    Some(
        view! {
            <section class="cc-card" data-testid="automatic-card" aria-labelledby="water-automatic-card">
                <h2 id="water-automatic-card">{t.water_automatic_heading}</h2>
                <p class="cc-notice" role="note">{t.water_automatic_note}</p>
                <p class="cc-lead" data-testid="automatic-class">{class_label(&assessment, lang)}</p>
                <p>{deciding_sentence(&assessment, lang)}</p>
                <IndicatorTable assessment=assessment caption=caption lang=lang />
            </section>
        }
        .into_any(),
    )
}
