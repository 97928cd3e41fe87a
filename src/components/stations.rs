//! The station table: every station's AQI and main pollutant at one hour, sortable.

use crate::components::air::AqiBadge;
use crate::components::nowrap::keep_together;
use crate::text::air_ui;
use cc_core::air::{Aqi, NoAqi};
use cc_core::i18n::Lang;
use cc_core::order::{sort_by, sort_by_key};
use leptos::prelude::*;

/// One row of the station table.
#[derive(Debug, Clone, PartialEq)]
pub struct StationRow {
    pub code: String,
    pub name: String,
    pub is_reference: bool,
    /// The hourly AQI, or why there is none (also when the station has no row that hour).
    pub outcome: Result<Aqi, NoAqi>,
    /// Link to the station's detail view.
    pub href: String,
}

/// How the table is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StationSort {
    #[default]
    Code,
    AqiHigh,
    AqiLow,
}

fn sorted(mut rows: Vec<StationRow>, sort: StationSort) -> Vec<StationRow> {
    let aqi = |r: &StationRow| r.outcome.as_ref().ok().map(|a| a.value);
    match sort {
        StationSort::Code => sort_by(&mut rows, |a, b| a.code.cmp(&b.code)),
        // Stations without an AQI go last in both directions.
        StationSort::AqiHigh => {
            sort_by_key(&mut rows, |r| (aqi(r).is_none(), std::cmp::Reverse(aqi(r))))
        }
        StationSort::AqiLow => sort_by_key(&mut rows, |r| (aqi(r).is_none(), aqi(r))),
    }
    rows
}

/// The stations at one hour; each row carries `data-testid="station-<code>"`.
#[component]
pub fn StationTable(rows: Vec<StationRow>, lang: Lang) -> impl IntoView {
    let t = air_ui(lang);
    let (sort, set_sort) = signal(StationSort::default());
    let body = move || {
        sorted(rows.clone(), sort.get())
            .into_iter()
            .map(|r| {
                let primary = r
                    .outcome
                    .as_ref()
                    .map(|a| a.primary.text(lang))
                    .unwrap_or_default();
                view! {
                    <tr data-testid=format!("station-{}", r.code)>
                        <th scope="row">
                            <a href=r.href.clone()>{keep_together(&r.name)}</a>
                            <span class="cc-small cc-station__code">" "{r.code.clone()}</span>
                            {r.is_reference.then(|| view! {
                                <span class="cc-tag">{t.air_reference_station}</span>
                            })}
                        </th>
                        <td data-label=t.air_aqi><AqiBadge outcome=r.outcome lang=lang /></td>
                        <td data-testid="primary" data-label=t.air_primary>{keep_together(&primary)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let option = move |value: StationSort, label: &'static str| {
        view! {
            <option value=format!("{value:?}") selected=move || sort.get() == value>{label}</option>
        }
    };
    view! {
        <div class="cc-sort">
            <label for="station-sort">{t.air_sort_by}</label>
            <select
                id="station-sort"
                on:change:target=move |ev| {
                    set_sort.set(match ev.target().value().as_str() {
                        "AqiHigh" => StationSort::AqiHigh,
                        "AqiLow" => StationSort::AqiLow,
                        _ => StationSort::Code,
                    })
                }
            >
                {option(StationSort::Code, t.air_sort_name)}
                {option(StationSort::AqiHigh, t.air_sort_aqi_high)}
                {option(StationSort::AqiLow, t.air_sort_aqi_low)}
            </select>
        </div>
        <div class="cc-table-wrap">
            <table class="cc-table cc-table--cards cc-stations">
                <caption>{t.air_stations_heading}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.air_station}</th>
                        <th scope="col">{t.air_aqi}</th>
                        <th scope="col">{t.air_primary}</th>
                    </tr>
                </thead>
                <tbody aria-live="polite">{body}</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_core::air::{Level, NoAqiReason, PollutantSet};

    fn row(code: &str, aqi: Option<u16>) -> StationRow {
        StationRow {
            code: code.into(),
            name: code.into(),
            is_reference: false,
            outcome: match aqi {
                Some(value) => Ok(Aqi {
                    value,
                    level: Level::from_aqi(value),
                    primary: PollutantSet::EMPTY,
                    exceeding: PollutantSet::EMPTY,
                    partial: false,
                }),
                None => Err(NoAqi {
                    reason: NoAqiReason::MissingValues,
                    missing: PollutantSet::EMPTY,
                }),
            },
            href: String::new(),
        }
    }

    #[test]
    fn sorting_keeps_stations_without_aqi_last() {
        let rows = vec![
            row("1121A", Some(80)),
            row("1119A", None),
            row("1120A", Some(120)),
        ];
        let codes = |s| {
            sorted(rows.clone(), s)
                .into_iter()
                .map(|r| r.code)
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(StationSort::Code), ["1119A", "1120A", "1121A"]);
        assert_eq!(codes(StationSort::AqiHigh), ["1120A", "1121A", "1119A"]);
        assert_eq!(codes(StationSort::AqiLow), ["1121A", "1120A", "1119A"]);
    }
}
