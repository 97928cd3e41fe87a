//! Photos made safe and small in the browser before they are stored or sent: decoded by the
//! browser's own decoder with the EXIF orientation applied (`createImageBitmap(…,
//! {imageOrientation: 'from-image'})`), drawn onto an `OffscreenCanvas` no larger than
//! [`MAX_SIDE`] on the long side, and re-encoded as JPEG, lowering the quality (then the size)
//! until it fits in [`MAX_BYTES`]. Re-encoding from pixels keeps no metadata at all, so GPS
//! position and camera details are gone (as FixMyStreet strips EXIF from its uploads: an
//! anonymous report must not say where the reporter stood).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, ImageBitmap, ImageBitmapOptions, ImageEncodeOptions, ImageOrientation, OffscreenCanvas,
    OffscreenCanvasRenderingContext2d,
};

/// The long side of a processed photo, in pixels.
pub const MAX_SIDE: u32 = 1600;
/// The largest processed photo, in bytes.
pub const MAX_BYTES: f64 = 300_000.0;
/// JPEG qualities tried in turn.
const QUALITIES: [f64; 6] = [0.85, 0.75, 0.65, 0.55, 0.45, 0.35];

/// Why a photo could not be processed (not an image the browser can decode, out of memory).
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoError(pub String);

impl From<wasm_bindgen::JsValue> for PhotoError {
    fn from(v: wasm_bindgen::JsValue) -> Self {
        PhotoError(format!("{v:?}"))
    }
}

/// The size that fits `(w, h)` into `max` on the long side, keeping the aspect ratio.
pub fn fit(w: u32, h: u32, max: u32) -> (u32, u32) {
    let long = w.max(h);
    if long <= max || long == 0 {
        return (w.max(1), h.max(1));
    }
    let scale = f64::from(max) / f64::from(long);
    let side = |v: u32| ((f64::from(v) * scale).round() as u32).max(1);
    (side(w), side(h))
}

async fn decode(file: &Blob) -> Result<ImageBitmap, PhotoError> {
    let window = web_sys::window().ok_or_else(|| PhotoError("no window".into()))?;
    let options = ImageBitmapOptions::new();
    options.set_image_orientation(ImageOrientation::FromImage);
    let promise = window.create_image_bitmap_with_blob_and_image_bitmap_options(file, &options)?;
    Ok(JsFuture::from(promise).await?.dyn_into::<ImageBitmap>()?)
}

async fn encode(bitmap: &ImageBitmap, w: u32, h: u32, quality: f64) -> Result<Blob, PhotoError> {
    let canvas = OffscreenCanvas::new(w, h)?;
    let ctx = canvas
        .get_context("2d")?
        .ok_or_else(|| PhotoError("no 2d context".into()))?
        .dyn_into::<OffscreenCanvasRenderingContext2d>()
        .map_err(|_| PhotoError("not a 2d context".into()))?;
    // JPEG has no transparency: a transparent PNG would otherwise turn black.
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(bitmap, 0.0, 0.0, f64::from(w), f64::from(h))?;
    let options = ImageEncodeOptions::new();
    options.set_type("image/jpeg");
    options.set_quality(quality);
    let blob = JsFuture::from(canvas.convert_to_blob_with_options(&options)?).await?;
    Ok(blob.dyn_into::<Blob>()?)
}

/// Decodes, orients, downscales and re-encodes `file` as a JPEG of at most [`MAX_BYTES`].
pub async fn process(file: &Blob) -> Result<Blob, PhotoError> {
    let bitmap = decode(file).await?;
    let (mut w, mut h) = fit(bitmap.width(), bitmap.height(), MAX_SIDE);
    let result = loop {
        let mut last = None;
        for q in QUALITIES {
            let blob = encode(&bitmap, w, h, q).await?;
            if blob.size() <= MAX_BYTES {
                last = Some(blob);
                break;
            }
        }
        if let Some(blob) = last {
            break Ok(blob);
        }
        // Even the lowest quality is too big (a very detailed scene): shrink and try again.
        if w.max(h) <= 200 {
            break Err(PhotoError("photo cannot be made small enough".into()));
        }
        (w, h) = fit(w, h, w.max(h) * 3 / 4);
    };
    bitmap.close();
    result
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fits_the_long_side_and_keeps_the_ratio() {
        assert_eq!(fit(4000, 3000, 1600), (1600, 1200));
        assert_eq!(fit(3000, 4000, 1600), (1200, 1600));
        assert_eq!(fit(800, 600, 1600), (800, 600));
        assert_eq!(fit(10_000, 10, 1600), (1600, 2));
        assert_eq!(fit(0, 0, 1600), (1, 1));
    }
}
