//! The charts module (`charts.html` in the build, never a page): plotters, plotters-canvas and
//! every chart's drawing, a wasm module of its own that a page fetches when one of its charts
//! first nears the viewport (`components::chart`, `lazy_module`). The pages' bundles build each chart's input, summary
//! and table, and leave plotters out; they hand the input over in `charts::wire`'s bytes.

use lvse_changchun::charts::wire;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;

/// Draws the chart `chart` (`charts::wire::encode`'s bytes) on `canvas`, at the canvas' size.
#[wasm_bindgen]
pub fn draw_chart(canvas: web_sys::HtmlCanvasElement, chart: &[u8]) -> Result<(), JsError> {
    let (chart, lang) =
        wire::decode(chart).ok_or_else(|| JsError::new("the page's chart is not whole"))?;
    let backend = CanvasBackend::with_canvas_object(canvas)
        .ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
    let root = backend.into_drawing_area();
    wire::draw(&root, &chart, lang).map_err(|e| JsError::new(&e.0))?;
    root.present().map_err(|e| JsError::new(&e.to_string()))
}

fn main() {}
