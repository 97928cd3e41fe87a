//! `make bench`: the air-quality engine timed in the browser (bench.html, run by e2e/bench.mjs).
//!
//! The page generates the sample year as a CNEMC hourly CSV (87,600 rows), puts the text on
//! `window.__benchCsv` for the plain-JavaScript baseline (e2e/bench/air-baseline.js), then
//! times with `performance.now()`:
//!  - parse + city daily AQI + 优良天数 (`parse_cnemc_hourly_csv`, `city_daily`, `good_days`),
//!    one warm-up and five runs;
//!  - drawing the year's hourly city AQI (8,760 points) on an 800×300 canvas, one warm-up and
//!    five runs, both as issued (the draw calls return) and flushed (a 1-pixel read-back forces
//!    the canvas to finish rasterising).
//!
//! The results go to `window.__benchWasm` (a JSON object) and to `<pre id="results">`; a failure
//! goes there too as `{"error": …}` so the runner stops at once. On the host this bin is empty
//! (`cargo test --workspace` builds every bin).

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    let result = wasm::run().unwrap_or_else(|e| serde_json::json!({ "error": e }));
    wasm::publish(&result);
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use cc_core::air::{city_daily, city_hourly, good_days, parse_cnemc_hourly_csv, sample};
    use cc_core::i18n::Lang;
    use lvse_changchun::charts::{draw_year_hourly_aqi, YearHourlyAqi};
    use plotters::prelude::IntoDrawingArea;
    use plotters_canvas::CanvasBackend;
    use serde_json::{json, Value};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen]
    extern "C" {
        /// `performance.now()`.
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn perf_now() -> f64;
    }

    const WARMUP: usize = 1;
    const RUNS: usize = 5;
    const CANVAS: (u32, u32) = (800, 300);

    fn median(xs: &[f64]) -> f64 {
        let mut v = xs.to_vec();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    }

    fn js_err(e: JsValue) -> String {
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    }

    pub fn run() -> Result<Value, String> {
        let window = web_sys::window().ok_or("no window")?;
        let document = window.document().ok_or("no document")?;

        let t = perf_now();
        let csv = sample::cnemc_csv_2021();
        let generate_ms = perf_now() - t;
        js_sys::Reflect::set(&window, &"__benchCsv".into(), &JsValue::from_str(&csv))
            .map_err(js_err)?;

        // Parse + daily AQI + 优良天数.
        let (mut parse, mut daily, mut total) = (Vec::new(), Vec::new(), Vec::new());
        let mut last = None;
        for i in 0..WARMUP + RUNS {
            let t0 = perf_now();
            let ds = parse_cnemc_hourly_csv(&csv).map_err(|e| e.to_string())?;
            let t1 = perf_now();
            let days = city_daily(&ds);
            let good = good_days(&days);
            let t2 = perf_now();
            if i >= WARMUP {
                parse.push(t1 - t0);
                daily.push(t2 - t1);
                total.push(t2 - t0);
            }
            last = Some((ds, days, good));
        }
        let (ds, days, good) = last.ok_or("no run")?;
        // Every daily AQI, for the runner's cross-check against the JavaScript baseline.
        let daily_aqi: Vec<Option<u16>> = days.iter().map(|d| d.assessment.aqi()).collect();

        // The year chart from the parsed data.
        let t = perf_now();
        let data = YearHourlyAqi {
            year: 2021,
            hours: city_hourly(&ds)
                .iter()
                .map(|h| (h.hour, h.assessment.aqi()))
                .collect(),
        };
        let chart_input_ms = perf_now() - t;
        let canvas: web_sys::HtmlCanvasElement = document
            .create_element("canvas")
            .map_err(js_err)?
            .dyn_into()
            .map_err(|_| "not a canvas")?;
        canvas.set_width(CANVAS.0);
        canvas.set_height(CANVAS.1);
        canvas.set_id("chart");
        let body = document.body().ok_or("no body")?;
        body.append_child(&canvas).map_err(js_err)?;
        let ctx = canvas
            .get_context("2d")
            .map_err(js_err)?
            .ok_or("no 2d context")?;
        // `ctx.getImageData(0, 0, 1, 1)`: a read-back waits for the drawing to be rasterised.
        // (Called through Reflect: web-sys' `ImageData` feature is not enabled in this crate.)
        let read_back: js_sys::Function = js_sys::Reflect::get(&ctx, &"getImageData".into())
            .map_err(js_err)?
            .dyn_into()
            .map_err(|_| "no getImageData")?;
        let (mut issued, mut flushed) = (Vec::new(), Vec::new());
        for i in 0..WARMUP + RUNS {
            let t0 = perf_now();
            let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no backend")?;
            let root = backend.into_drawing_area();
            draw_year_hourly_aqi(&root, &data, Lang::Zh).map_err(|e| e.to_string())?;
            root.present().map_err(|e| e.to_string())?;
            let t1 = perf_now();
            let (zero, one) = (JsValue::from_f64(0.0), JsValue::from_f64(1.0));
            read_back
                .call4(&ctx, &zero, &zero, &one, &one)
                .map_err(js_err)?;
            let t2 = perf_now();
            if i >= WARMUP {
                issued.push(t1 - t0);
                flushed.push(t2 - t0);
            }
        }

        Ok(json!({
            "rows": ds.rows.len(),
            "stations": ds.stations.len(),
            "csv_bytes": csv.len(),
            "days": days.len(),
            "good_days": good.good,
            "valid_days": good.valid,
            "daily_aqi": daily_aqi,
            "runs": RUNS,
            "warmup": WARMUP,
            "generate_ms": generate_ms,
            "parse_ms": parse,
            "daily_ms": daily,
            "parse_daily_ms": total,
            "median_parse_ms": median(&parse),
            "median_daily_ms": median(&daily),
            "median_parse_daily_ms": median(&total),
            "chart_points": data.hours.len(),
            "chart_canvas": [CANVAS.0, CANVAS.1],
            "chart_input_ms": chart_input_ms,
            "chart_ms": issued,
            "chart_flushed_ms": flushed,
            "median_chart_ms": median(&issued),
            "median_chart_flushed_ms": median(&flushed),
        }))
    }

    /// `window.__benchWasm` (the JSON as an object) and `<pre id="results">`.
    pub fn publish(result: &Value) {
        let text = serde_json::to_string_pretty(result).unwrap_or_default();
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(document) = window.document() {
            if let (Ok(pre), Some(body)) = (document.create_element("pre"), document.body()) {
                pre.set_id("results");
                pre.set_text_content(Some(&text));
                let _ = body.append_child(&pre);
            }
        }
        let value = js_sys::JSON::parse(&text).unwrap_or_else(|_| JsValue::from_str(&text));
        let _ = js_sys::Reflect::set(&window, &"__benchWasm".into(), &value);
    }
}
