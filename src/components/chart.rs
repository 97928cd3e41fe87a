//! A chart as people with any ability can use it: the canvas drawing, a one-sentence summary,
//! the same data as a table, and a CSV download (WCAG 1.1.1: the canvas is an image whose text
//! alternative is the summary, and the table carries every value).

use crate::charts::wire::{encode, Chart};
use crate::charts::Table;
use crate::text::ui;
use cc_core::i18n::Lang;
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Height of a chart for a width, so phones get a taller aspect than desktops.
fn height_for(width: u32, tall: bool) -> u32 {
    let ratio = if width < 500 { 0.62 } else { 0.38 };
    let h = (f64::from(width) * ratio * if tall { 1.4 } else { 1.0 }) as u32;
    h.clamp(180, 420)
}

/// `data:` URL of a CSV file (which starts with its BOM, see [`Table::to_csv`]).
pub fn csv_href(csv: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(csv).into();
    format!("data:text/csv;charset=utf-8,{encoded}")
}

/// Where a chart's drawing is.
#[derive(Clone, Copy, PartialEq)]
enum Drawing {
    /// Not yet drawn: the reader has not come near it, or the module is on its way.
    Waiting,
    /// Drawn by the module. On paper a chart never drawn is left out and its table printed
    /// instead (style/site.css, `@media print`).
    Drawn,
    /// The module could not be fetched or could not draw: the canvas gives way to a sentence
    /// saying so, and the summary and the table still carry every value.
    Failed,
}

/// A figure: canvas, caption, summary, table alternative and CSV download.
#[component]
pub fn ChartFigure(
    /// Stable id used for the heading and the CSV file name.
    id: &'static str,
    /// The heading of the figure.
    title: String,
    /// One sentence saying what the chart shows.
    summary: String,
    /// Every value of the chart.
    table: Table,
    /// Whether the data is 示例数据 (the CSV says so too).
    sample: bool,
    /// What the canvas shows, drawn by the charts module (`crate::lazy_module`).
    chart: Chart,
    lang: Lang,
    /// A taller canvas (calendars).
    #[prop(optional)]
    tall: bool,
) -> impl IntoView {
    let t = ui(lang);
    let canvas = NodeRef::<Canvas>::new();
    let chart = encode(&chart, lang);
    let (drawing, set_drawing) = signal(Drawing::Waiting);
    // The effect only pushes data out to the canvas.
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        let el: web_sys::HtmlCanvasElement = el.unchecked_into();
        let chart = chart.clone();
        // The observer is the effect's, disconnected when the chart leaves the page.
        let owner = Owner::current();
        // In a task of its own, after the page around it is shown: reading the width lays it out.
        set_timeout(
            move || {
                // Sized before it is drawn, so nothing below moves when the drawing arrives.
                let width = el.client_width().max(280) as u32;
                el.set_width(width);
                el.set_height(height_for(width, tall));
                let target = el.clone().into();
                // Fetched and drawn only for a reader about to see it: the module is a download
                // of its own.
                let observe = move || {
                    crate::browser::when_near_viewport(&target, "400px", move || {
                        leptos::task::spawn_local(async move {
                            // Out of the observer's callback, which runs as the page renders.
                            crate::env::yield_to_browser().await;
                            let done = match crate::lazy_module::draw_chart(&el, &chart).await {
                                Ok(()) => Drawing::Drawn,
                                Err(why) => {
                                    leptos::logging::warn!("chart {id}: {why}");
                                    Drawing::Failed
                                }
                            };
                            set_drawing.try_set(done);
                        });
                    })
                };
                match owner {
                    Some(owner) => owner.with(observe),
                    None => observe(),
                }
            },
            std::time::Duration::ZERO,
        );
    });
    let csv = table.to_csv(sample);
    let file = format!("{id}{}.csv", if sample { "-sample" } else { "" });
    let heading_id = format!("chart-{id}");
    let labelled_by = heading_id.clone();
    // The same markup as `DataTable` without its phone cards and unbreakable row headers, kept
    // apart on purpose: rendering every chart's table through `DataTable` cost the air bundle
    // 2,172 B brotli (236,856 → 239,028 B, one build each way), which /air's budget cannot carry.
    let header = table
        .headers
        .iter()
        .map(|h| view! { <th scope="col">{h.clone()}</th> })
        .collect_view();
    let rows = table
        .rows
        .iter()
        .map(|r| {
            let mut cells = r.iter();
            let first = cells.next().cloned().unwrap_or_default();
            let rest = cells.map(|c| view! { <td>{c.clone()}</td> }).collect_view();
            view! { <tr><th scope="row">{first}</th>{rest}</tr> }
        })
        .collect_view();
    view! {
        <figure class="cc-chart" aria-labelledby=labelled_by data-testid=format!("chart-{id}")>
            <h3 id=heading_id class="cc-chart__title">{title}</h3>
            <p class="cc-chart__summary" data-testid="chart-summary">{summary.clone()}</p>
            <canvas
                class="cc-chart__canvas"
                node_ref=canvas
                role="img"
                aria-label=summary
                hidden=move || drawing.get() == Drawing::Failed
                data-drawn=move || (drawing.get() == Drawing::Drawn).then_some("")
            ></canvas>
            {move || {
                (drawing.get() == Drawing::Failed)
                    .then(|| {
                        view! {
                            <p class="cc-chart__not-drawn" data-testid="chart-not-drawn">
                                {t.chart_not_drawn}
                            </p>
                        }
                    })
            }}
            <details class="cc-chart__table">
                <summary>{t.chart_view_table}</summary>
                <div class="cc-table-wrap">
                    <table class="cc-table">
                        <caption>{table.caption.clone()}</caption>
                        <thead><tr>{header}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
            <p>
                <a class="cc-download" href=csv_href(&csv) download=file>
                    {t.chart_download_csv}
                    {sample.then(|| format!("（{}）", t.sample_data))}
                </a>
            </p>
        </figure>
    }
}
