//! `/water?section=<slug>`: one section for a period: every indicator with its class and
//! 超标倍数, the deciding indicator in words, the class by month and one indicator over time.

use crate::charts::wire::Chart;
use crate::charts::{self, IndicatorSeries, Table, WaterClassSteps};
use crate::components::chart::{csv_href, ChartFigure};
use crate::components::notices::{SampleLabel, SkippedNote};
use crate::components::water::{ClassBadge, IndicatorTable};
use crate::feeds::WaterData;
use crate::routes::href;
use crate::text::water_ui;
use cc_core::i18n::Lang;
use cc_core::water::digits::{shown_value, RULE_APPLIED};
use cc_core::water::explain::{incomplete_note, total_nitrogen_line};
use cc_core::water::{
    deciding_sentence, format_exceedance, indicator_series, monthly_classes, period_values, Basis,
    Indicator, Period, SectionAssessment, WaterBody,
};
use leptos::prelude::*;
use std::sync::Arc;

/// The section detail view.
pub fn section_detail(
    data: &Arc<WaterData>,
    slug: &str,
    period: Option<Period>,
    indicator: Option<&str>,
    lang: Lang,
) -> AnyView {
    let t = water_ui(lang);
    let Some(section) = data.sections.iter().find(|s| s.slug == slug) else {
        return ().into_any();
    };
    let automatic = crate::pages::water_auto::automatic_card(data, section, lang);
    let Some(period) = period else {
        // No manual results: the automatic reading, labelled as reference, is all there is.
        return view! {
            <p><a href=href("/water")>{t.water_back}</a></p>
            <h2>{section.name.get(lang).to_string()}</h2>
            {crate::pages::water::offline_notice(data, lang)}
            <SkippedNote skipped=data.skipped.clone() />
            {automatic}
        }
        .into_any();
    };
    let values = period_values(&data.results, slug, period);
    let assessment = SectionAssessment::from_values(&values, section.body, Basis::Manual);
    let body = match section.body {
        WaterBody::River => t.water_body_river,
        WaterBody::LakeReservoir => t.water_body_lake,
    };
    let inferred = |p: cc_core::water::Provenance| {
        if p == cc_core::water::Provenance::Sourced {
            ""
        } else {
            t.water_inferred
        }
    };
    let year = match period {
        Period::Year(y) | Period::Quarter { year: y, .. } | Period::Month { year: y, .. } => y,
    };
    let steps = WaterClassSteps {
        year,
        section: section.name.get(lang).to_string(),
        months: monthly_classes(&data.results, section, year),
    };
    let chosen = indicator
        .and_then(|name| name.parse().ok())
        .or_else(|| assessment.deciding().map(|d| d.indicator))
        .unwrap_or(Indicator::ALL[0]);
    // A result below the detection limit is drawn at half the limit, as it is counted.
    let points = indicator_series(&data.results, slug, chosen);
    let series = IndicatorSeries {
        indicator: chosen,
        body: section.body,
        section: section.name.get(lang).to_string(),
        points,
    };
    let caption = format!(
        "{} · {} · {}",
        section.name.get(lang),
        t.water_indicators_heading,
        period.label(lang)
    );
    let csv = indicator_csv(&assessment, &caption, lang).to_csv(data.sample);
    let incomplete = incomplete_note(&assessment, lang);
    let tn_line = total_nitrogen_line(&assessment, lang);
    let measured: Vec<Indicator> = Indicator::ALL
        .into_iter()
        .filter(|i| {
            data.results
                .iter()
                .any(|m| m.section == slug && m.indicator == *i)
        })
        .collect();
    let options = measured
        .iter()
        .map(|i| view! { <option value=i.as_str() selected=*i == chosen>{i.name().get(lang)}</option> })
        .collect_view();
    let sample = data.sample;
    view! {
        <p><a href=format!("{}?period={}", href("/water"), period.to_param())>{t.water_back}</a></p>
        <section class="cc-card" data-testid=format!("section-detail-{slug}") aria-labelledby="water-section">
            <h2 id="water-section">{section.name.get(lang).to_string()}" · "{period.label(lang)}</h2>
            {sample.then(|| view! { <SampleLabel /> })}
            {crate::pages::water::offline_notice(data, lang)}
            <SkippedNote skipped=data.skipped.clone() />
            <p>
                {section.river.name.get(lang).to_string()}{inferred(section.river_provenance)}" · "
                {body}{inferred(section.body_provenance)}
            </p>
            <p class="cc-city__aqi">{assessment.class.map(|c| view! { <ClassBadge class=c lang=lang /> })}</p>
            <p class="cc-lead" data-testid="deciding">{deciding_sentence(&assessment, lang)}</p>
            {incomplete.map(|n| view! { <p class="cc-notice" data-testid="incomplete">{n}</p> })}
            {tn_line.map(|l| view! { <p data-testid="tn-line">{l}</p> })}
            {assessment.class.map(|c| view! { <p>{c.meaning().get(lang)}</p> })}
        </section>
        <IndicatorTable assessment=assessment.clone() caption=caption lang=lang />
        <section class="cc-card" aria-labelledby="water-rule">
            <h2 id="water-rule">{t.water_rule_heading}</h2>
            <p class="cc-small" data-testid="rule-applied">{RULE_APPLIED.get(lang)}</p>
        </section>
        {automatic}
        <p>
            <a class="cc-download" href=csv_href(&csv) download=format!("{slug}-{}{}.csv", period.to_param(), if sample { "-sample" } else { "" })>
                {t.water_download_table}
            </a>
        </p>
        <ChartFigure
            id="class-steps"
            title=t.water_steps_title.replace("{year}", &year.to_string())
            summary=charts::summary_water_class_steps(&steps, lang)
            table=charts::table_water_class_steps(&steps, lang)
            sample=sample
            chart=Chart::WaterClassSteps(steps)
            lang=lang
        />
        <form class="cc-filters" method="get" action=href("/water")>
            <input type="hidden" name="section" value=slug.to_string() />
            <input type="hidden" name="period" value=period.to_param() />
            <div class="cc-field">
                <label for="water-indicator">{t.water_choose_indicator}</label>
                <select id="water-indicator" name="indicator">{options}</select>
            </div>
            <button type="submit" class="cc-button">{t.water_show}</button>
        </form>
        <ChartFigure
            id="indicator-bands"
            title=format!("{} · {}", t.water_bands_title, chosen.name().get(lang))
            summary=charts::summary_water_indicator_bands(&series, lang)
            table=charts::table_water_indicator_bands(&series, lang)
            sample=sample
            chart=Chart::IndicatorSeries(series)
            lang=lang
        />
    }
    .into_any()
}

fn indicator_csv(assessment: &SectionAssessment, caption: &str, lang: Lang) -> Table {
    let t = water_ui(lang);
    let body = assessment.body;
    Table {
        caption: caption.to_string(),
        headers: vec![
            t.water_indicator.into(),
            t.water_value.into(),
            t.water_class.into(),
            t.water_exceedance.into(),
        ],
        rows: assessment
            .indicators
            .iter()
            .map(|r| {
                vec![
                    r.indicator.name().get(lang).to_string(),
                    shown_value(r, body, lang),
                    match (r.assessed, r.class) {
                        (true, Some(c)) => c.label(lang).to_string(),
                        (false, Some(c)) => format!("{}{}", c.label(lang), t.water_separately),
                        _ => t.water_reference.into(),
                    },
                    format_exceedance(r.exceedance),
                ]
            })
            .collect(),
    }
}
