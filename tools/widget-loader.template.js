// widget.html's loader, written by tools/finalize-dist.mjs in place of Trunk's: the bundle for the
// page's `view` (tools/widget-bundle.js), its wasm fetched (with its integrity) while its glue loads.
/*__WIDGET_BUNDLE__*/
const BUNDLES = /*__BUNDLES__*/;
const { glue, wasm, integrity } = BUNDLES[widgetBundle(new URLSearchParams(location.search).getAll('view'))];
const response = fetch(wasm, { integrity });
const bindings = await import(glue);
const instance = await bindings.default({ module_or_path: response });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
