//! The floor of `make size-report`: what a Leptos 0.8 CSR app costs before any of our own code,
//! with the site's profile and flags and the dependencies the product design names. It mounts a
//! view with a signal and loads a JSON file into a typed struct through `LocalResource` and
//! `Suspense`; with the feature `chart` it also draws a line chart with axes and labels on a
//! canvas. So there are two floors: the framework's and serde's share of every bundle, and
//! with plotters' share added, of the bundles that draw charts. Never shipped.

use leptos::prelude::*;
use serde::Deserialize;

/// A JSON document of a format name and a series.
#[derive(Debug, Clone, Deserialize)]
struct Doc {
    format: String,
    values: Vec<f64>,
}

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

async fn load(url: &str) -> Option<Doc> {
    let response = gloo_net::http::Request::get(url).send().await.ok()?;
    serde_json::from_str(&response.text().await.ok()?).ok()
}

#[component]
fn App() -> impl IntoView {
    let (added, set_added) = signal(Vec::<f64>::new());
    let doc = LocalResource::new(|| load("floor.json"));
    let total = move || {
        let mut values = doc.get().flatten().map(|d| d.values).unwrap_or_default();
        values.extend(added.get());
        values
    };
    view! {
        <h1>"floor"</h1>
        <button on:click=move |_| set_added.update(|v| v.push(v.len() as f64))>"+"</button>
        <Suspense fallback=|| "…">
            {move || Suspend::new(async move { doc.await.map(|d| d.format) })}
        </Suspense>
        {chart::view(total)}
    }
}

#[cfg(feature = "chart")]
mod chart {
    use leptos::html::Canvas;
    use leptos::prelude::*;
    use plotters::prelude::*;
    use plotters_canvas::CanvasBackend;

    /// A canvas that redraws whenever `values` change.
    pub fn view(values: impl Fn() -> Vec<f64> + 'static) -> impl IntoView {
        let canvas = NodeRef::<Canvas>::new();
        Effect::new(move || {
            if let Some(canvas) = canvas.get() {
                // A failed drawing leaves the canvas blank; the floor measures size, not pictures.
                let _ = draw(CanvasBackend::with_canvas_object(canvas), &values());
            }
        });
        view! { <canvas node_ref=canvas width="320" height="160"></canvas> }
    }

    fn draw<DB: DrawingBackend>(backend: Option<DB>, values: &[f64]) -> Option<()> {
        let root = backend?.into_drawing_area();
        root.fill(&WHITE).ok()?;
        let top = values.iter().copied().fold(1.0, f64::max);
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .x_label_area_size(24)
            .y_label_area_size(32)
            .build_cartesian_2d(0..values.len().max(1), 0.0..top)
            .ok()?;
        chart.configure_mesh().draw().ok()?;
        chart
            .draw_series(LineSeries::new(values.iter().copied().enumerate(), &BLUE))
            .ok()?;
        root.present().ok()
    }
}

#[cfg(not(feature = "chart"))]
mod chart {
    use leptos::prelude::*;

    /// Without the chart, the values are only counted, so that the signal and the resource
    /// still have a reader.
    pub fn view(values: impl Fn() -> Vec<f64> + Send + Sync + 'static) -> impl IntoView {
        view! { <p>{move || values().len()}</p> }
    }
}
