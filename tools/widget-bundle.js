// Which of the widget's two bundles a widget needs, from its `view` values (widget.html's query
// parameters or the element's attribute): 'aqi' (widget-aqi: no water or report view) for the
// AQI view, the default; 'full' (widget) as soon as any value could be another view.
// cc_core::widget::parse_params trims Unicode White_Space (U+0085 too, which \s lacks) and
// compares ASCII case-insensitively: whatever it reads as water, report or combo, this reads so
// too, so the AQI bundle is never given another view (a value it reads otherwise gets the full
// bundle, which shows every view). Pasted into both loaders by tools/finalize-dist.mjs.
const widgetBundle = (views) => (views
  .some((v) => ['water', 'report', 'combo'].includes(v.replace(/^[\s\x85]+|[\s\x85]+$/g, '').toLowerCase()))
  ? 'full' : 'aqi');
