//! `make bench`: the air-quality engine and the report form's photo processing timed in the
//! browser (bench.html, run by e2e/bench.mjs).
//!
//! The page generates the sample year as a CNEMC hourly CSV (87,600 rows), puts the text on
//! `window.__benchCsv` for the plain-JavaScript baseline (e2e/bench/air-baseline.js) and
//! `window.__benchAirOnce()` for the runner: one parse + city daily AQI + 优良天数
//! (`parse_cnemc_hourly_csv`, `city_daily`, `good_days`) of that text, timed with
//! `performance.now()`, answering `[parse_ms, daily_ms]`. The runner calls it and the baseline
//! in turn, one warm-up and five runs each, so that the machine's drift hits both alike. The
//! page itself reads the year once (the figures the runner checks against the baseline's), then
//! times with `performance.now()`:
//!  - drawing the year's hourly city AQI (8,760 points) on an 800×300 canvas, one warm-up and
//!    five runs, both as issued (the draw calls return) and flushed (a 1-pixel read-back forces
//!    the canvas to finish rasterising);
//!  - the report form's photo processing (`report_app::photos::process`: decode, downscale to
//!    1600 px, re-encode as JPEG ≤ 300 KB) of one 12-megapixel JPEG, one warm-up and five runs
//!    (see [`photo`]).
//!
//! The results go to `window.__benchWasm` (a JSON object, the photo's under `"photo"`) and to
//! `<pre id="results">` once both parts are done; a failure goes there too as `{"error": …}` so
//! the runner stops at once. On the host this bin is empty (`cargo test --workspace` builds
//! every bin).

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The air part is synchronous; the photo part awaits the browser's decoder and encoder, so
    // both run in one task and publish together.
    wasm_bindgen_futures::spawn_local(async {
        let result = match wasm::run() {
            Ok(mut air) => match photo::run().await {
                Ok(p) => {
                    air["photo"] = p;
                    air
                }
                Err(e) => serde_json::json!({ "error": format!("photo: {e}") }),
            },
            Err(e) => serde_json::json!({ "error": e }),
        };
        wasm::publish(&result);
    });
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
        pub(crate) fn perf_now() -> f64;
    }

    pub(crate) const WARMUP: usize = 1;
    pub(crate) const RUNS: usize = 5;
    const CANVAS: (u32, u32) = (800, 300);

    pub(crate) fn median(xs: &[f64]) -> f64 {
        let mut v = xs.to_vec();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    }

    pub(crate) fn js_err(e: JsValue) -> String {
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

        // The year read once, for the figures the runner checks against the baseline's.
        let ds = parse_cnemc_hourly_csv(&csv).map_err(|e| e.to_string())?;
        let days = city_daily(&ds);
        let good = good_days(&days);
        install_air_once(&window, csv.clone())?;
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
        let ctx: web_sys::CanvasRenderingContext2d = canvas
            .get_context("2d")
            .map_err(js_err)?
            .ok_or("no 2d context")?
            .dyn_into()
            .map_err(|_| "not a 2d context")?;
        let (mut issued, mut flushed) = (Vec::new(), Vec::new());
        for i in 0..WARMUP + RUNS {
            let t0 = perf_now();
            let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no backend")?;
            let root = backend.into_drawing_area();
            draw_year_hourly_aqi(&root, &data, Lang::Zh).map_err(|e| e.to_string())?;
            root.present().map_err(|e| e.to_string())?;
            let t1 = perf_now();
            // A read-back waits for the drawing to be rasterised.
            ctx.get_image_data(0.0, 0.0, 1.0, 1.0).map_err(js_err)?;
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
            "chart_points": data.hours.len(),
            "chart_canvas": [CANVAS.0, CANVAS.1],
            "chart_input_ms": chart_input_ms,
            "chart_ms": issued,
            "chart_flushed_ms": flushed,
            "median_chart_ms": median(&issued),
            "median_chart_flushed_ms": median(&flushed),
        }))
    }

    /// `window.__benchAirOnce()`: one parse + city daily AQI + 优良天数 of `csv`, answering
    /// `[parse_ms, daily_ms]`, or throwing the parse error.
    fn install_air_once(window: &web_sys::Window, csv: String) -> Result<(), String> {
        let once = Closure::<dyn Fn() -> Result<js_sys::Array, JsValue>>::new(move || {
            let t0 = perf_now();
            let ds = parse_cnemc_hourly_csv(&csv).map_err(|e| JsValue::from_str(&e.to_string()))?;
            let t1 = perf_now();
            let days = city_daily(&ds);
            let good = good_days(&days);
            let t2 = perf_now();
            // Used, so that no part of the work can be optimised away.
            std::hint::black_box((ds, days, good));
            Ok([t1 - t0, t2 - t1]
                .iter()
                .map(|&ms| JsValue::from_f64(ms))
                .collect())
        });
        js_sys::Reflect::set(window, &"__benchAirOnce".into(), once.as_ref()).map_err(js_err)?;
        // The page lives as long as the runner needs it.
        once.forget();
        Ok(())
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

/// The photo bench: one 12-megapixel JPEG through the report form's processing.
///
/// No photo file ships with the repository, so the page makes one: a 4000×3000 picture with a
/// light-to-dark gradient (sky to ground), three octaves of value noise (shapes 250 px, 40 px
/// and 8 px across) and per-pixel sensor noise, all from a fixed SplitMix64 seed, encoded by
/// the browser as JPEG at quality 0.92. Flat or smooth test patterns compress to a few hundred
/// kilobytes and decode faster than a photograph; this one comes out at a few megabytes, the
/// size of a phone's 12 MP photo, and still needs more than one re-encode to fit 300 KB at
/// 1600 px, as real photos often do.
///
/// Timed: `process` from the JPEG blob to the upload blob (decode with EXIF orientation, draw
/// at 1600×1200, encode, lower the quality until ≤ 300 KB), one warm-up and five runs. The
/// last output is decoded again to report its pixel size; the runner checks it and its bytes
/// against the limits.
#[cfg(target_arch = "wasm32")]
mod photo {
    use crate::wasm::{js_err, median, perf_now, RUNS, WARMUP};
    use cc_core::rng::SplitMix64;
    use lvse_changchun::report_app::photos::{process, MAX_BYTES, MAX_SIDE};
    use serde_json::{json, Value};
    use wasm_bindgen::{Clamped, JsCast};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        Blob, ImageBitmap, ImageData, ImageEncodeOptions, OffscreenCanvas,
        OffscreenCanvasRenderingContext2d,
    };

    const WIDTH: u32 = 4000;
    const HEIGHT: u32 = 3000;
    const QUALITY: f64 = 0.92;
    const SEED: u64 = 0x5EED_1200;
    /// Value-noise octaves: (cell size in pixels, amplitude in levels).
    const OCTAVES: [(u32, f32); 3] = [(250, 60.0), (40, 30.0), (8, 20.0)];
    /// Per-pixel noise amplitude in levels (the same on the three channels, like luma noise).
    const GRAIN: f32 = 9.0;

    /// One octave: random values per channel on a grid, bilinearly interpolated.
    struct Octave {
        cell: u32,
        amp: f32,
        cols: usize,
        values: Vec<f32>,
    }

    impl Octave {
        fn new(cell: u32, amp: f32, rng: &mut SplitMix64) -> Self {
            let cols = (WIDTH / cell + 2) as usize;
            let rows = (HEIGHT / cell + 2) as usize;
            let values = (0..cols * rows * 3)
                .map(|_| rng.unit() as f32 * 2.0 - 1.0)
                .collect();
            Self {
                cell,
                amp,
                cols,
                values,
            }
        }

        /// Adds this octave at pixel (x, y) to the three channels.
        fn add(&self, x: u32, y: u32, rgb: &mut [f32; 3]) {
            let (gx, gy) = ((x / self.cell) as usize, (y / self.cell) as usize);
            let fx = (x % self.cell) as f32 / self.cell as f32;
            let fy = (y % self.cell) as f32 / self.cell as f32;
            let at =
                |col: usize, row: usize, c: usize| self.values[(row * self.cols + col) * 3 + c];
            for (c, v) in rgb.iter_mut().enumerate() {
                let top = at(gx, gy, c) * (1.0 - fx) + at(gx + 1, gy, c) * fx;
                let bottom = at(gx, gy + 1, c) * (1.0 - fx) + at(gx + 1, gy + 1, c) * fx;
                *v += self.amp * (top * (1.0 - fy) + bottom * fy);
            }
        }
    }

    /// The RGBA pixels of the test photo.
    fn pixels() -> Vec<u8> {
        let mut rng = SplitMix64::new(SEED);
        let octaves: Vec<Octave> = OCTAVES
            .iter()
            .map(|&(cell, amp)| Octave::new(cell, amp, &mut rng))
            .collect();
        let mut out = Vec::with_capacity((WIDTH * HEIGHT * 4) as usize);
        for y in 0..HEIGHT {
            let sky = 1.0 - y as f32 / HEIGHT as f32;
            let base = [90.0 + 100.0 * sky, 110.0 + 80.0 * sky, 60.0 + 170.0 * sky];
            for x in 0..WIDTH {
                let mut rgb = base;
                for o in &octaves {
                    o.add(x, y, &mut rgb);
                }
                let grain = (rng.unit() as f32 * 2.0 - 1.0) * GRAIN;
                for v in rgb {
                    out.push((v + grain).clamp(0.0, 255.0) as u8);
                }
                out.push(255);
            }
        }
        out
    }

    async fn to_blob(canvas: &OffscreenCanvas, quality: f64) -> Result<Blob, String> {
        let options = ImageEncodeOptions::new();
        options.set_type("image/jpeg");
        options.set_quality(quality);
        let promise = canvas
            .convert_to_blob_with_options(&options)
            .map_err(js_err)?;
        JsFuture::from(promise)
            .await
            .map_err(js_err)?
            .dyn_into()
            .map_err(|_| "not a blob".to_string())
    }

    /// The 12 MP JPEG, and how long making its pixels and encoding them took.
    async fn make_jpeg() -> Result<(Blob, f64, f64), String> {
        let t0 = perf_now();
        let data = pixels();
        let generate_ms = perf_now() - t0;
        let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&data), WIDTH, HEIGHT)
            .map_err(js_err)?;
        drop(data);
        let canvas = OffscreenCanvas::new(WIDTH, HEIGHT).map_err(js_err)?;
        let ctx: OffscreenCanvasRenderingContext2d = canvas
            .get_context("2d")
            .map_err(js_err)?
            .ok_or("no 2d context")?
            .dyn_into()
            .map_err(|_| "not a 2d context")?;
        ctx.put_image_data(&image, 0.0, 0.0).map_err(js_err)?;
        let t1 = perf_now();
        let blob = to_blob(&canvas, QUALITY).await?;
        Ok((blob, generate_ms, perf_now() - t1))
    }

    /// The pixel size of an encoded image, by decoding it.
    async fn decoded_size(blob: &Blob) -> Result<(u32, u32), String> {
        let window = web_sys::window().ok_or("no window")?;
        let promise = window.create_image_bitmap_with_blob(blob).map_err(js_err)?;
        let bitmap: ImageBitmap = JsFuture::from(promise)
            .await
            .map_err(js_err)?
            .dyn_into()
            .map_err(|_| "not an image bitmap")?;
        let size = (bitmap.width(), bitmap.height());
        bitmap.close();
        Ok(size)
    }

    pub async fn run() -> Result<Value, String> {
        let (input, generate_ms, encode_ms) = make_jpeg().await?;
        let (mut times, mut last) = (Vec::new(), None);
        for i in 0..WARMUP + RUNS {
            // A new Blob per run, as each chosen file is: nothing decoded can be reused.
            let file = input.slice().map_err(js_err)?;
            let t0 = perf_now();
            let output = process(&file).await.map_err(|e| e.0)?;
            let t1 = perf_now();
            if i >= WARMUP {
                times.push(t1 - t0);
            }
            last = Some(output);
        }
        let output = last.ok_or("no run")?;
        let (w, h) = decoded_size(&output).await?;
        Ok(json!({
            "input_size": [WIDTH, HEIGHT],
            "input_quality": QUALITY,
            "input_bytes": input.size(),
            "input_type": input.type_(),
            "generate_ms": generate_ms,
            "encode_ms": encode_ms,
            "runs": RUNS,
            "warmup": WARMUP,
            "process_ms": times,
            "median_process_ms": median(&times),
            "output_bytes": output.size(),
            "output_type": output.type_(),
            "output_size": [w, h],
            "max_bytes": MAX_BYTES,
            "max_side": MAX_SIDE,
        }))
    }
}
