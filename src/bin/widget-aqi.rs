//! The AQI widget's bundle (`widget-aqi.html`, built with the feature `widget-aqi-only`): the
//! widget's entry point of `widget.rs`, on a library whose widget has no water or report view.
//! widget.html's loader and `cc-env-widget.js` load it for the AQI view, the default and the
//! one most portals embed, and the full `widget` bundle for the others (README "Widget").

#[path = "widget.rs"]
mod widget;

fn main() {
    widget::main();
}
