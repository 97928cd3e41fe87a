// widget.html's loader, written by tools/finalize-dist.mjs in place of Trunk's: the bundle for the
// page's `view` (tools/widget-bundle.js), its wasm fetched (with its integrity) while its glue loads.
/*__WIDGET_BUNDLE__*/
const BUNDLES = /*__BUNDLES__*/;
const bundle = widgetBundle(new URLSearchParams(location.search).getAll('view'));
const { glue, wasm, integrity } = BUNDLES[bundle];
const response = fetch(wasm, { integrity });

// config.json (the page preloads it) is read here, once, and its text handed to the wasm as
// window.ccWidgetConfig (taken by widget::host::config_text_from_loader). The sources the view
// reads first are preloaded from it, so they arrive while the wasm loads instead of after it
// (README "Performance" has what it gained). When anything goes wrong here the promise gives
// null and the wasm fetches config.json itself, to report the failure in its words.
const configUrl = new URL('./config.json', document.baseURI);
const preload = (source) => {
  const urls = typeof source?.url === 'string' ? [source.url] : Array.isArray(source?.urls) ? source.urls : [];
  for (const url of urls.filter((u) => typeof u === 'string')) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.setAttribute('as', 'fetch');
    link.crossOrigin = 'anonymous';
    link.href = new URL(url, configUrl).href;
    document.head.append(link);
  }
};
// The alerts (every view reads them), and for the AQI view its air source (the widget's own
// file, else air.latest, as cc_core's Config::widget_air_source picks) and the forecast.
const preloadSources = (config) => {
  preload(config?.air?.alerts);
  if (bundle !== 'aqi') return;
  const air = config?.widget?.air_latest ?? config?.air?.latest;
  if (air?.format === 'cc-air-json') preload(air);
  preload(config?.air?.forecast);
};
// Never in the way of the app: the read gives up after 15 s as the app's own would (an
// AbortController, not AbortSignal.timeout, which Chrome < 103 and Safari < 16 lack), and
// whatever throws here leaves no promise, so the app fetches config.json itself.
try {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 15000);
  window.ccWidgetConfig = fetch(configUrl, { signal: controller.signal })
    .then((r) => (r.ok ? r.text() : null))
    .then((text) => {
      try {
        if (text !== null) preloadSources(JSON.parse(text));
      } catch { /* not JSON: the app says where */ }
      return text;
    })
    .catch(() => null);
} catch { /* the app fetches config.json itself */ }

const bindings = await import(glue);
const instance = await bindings.default({ module_or_path: response });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
