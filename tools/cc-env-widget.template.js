// <cc-env-widget view="aqi|water|report|combo" station="1119A" lang="zh|en" theme="light|dark|contrast" size="s|m" id="…">
// One script tag on the host page: <script type="module" src="<site>/cc-env-widget.js"></script>.
// The widget renders inside a shadow root with a linked stylesheet (no inline styles), fetches
// from this script's site, and never touches the host page's styles, title or URL. Host CSP:
// script-src <site> 'wasm-unsafe-eval'; connect-src <site>; style-src <site>.
// Changing the element's `theme` attribute later restyles it (an unknown value is named in a
// console warning and ignored); the other attributes are read once.
// An AQI element loads the AQI widget's bundle, any other view the full one (tools/widget-bundle.js);
// each bundle is loaded once, however many elements use it.
// Written by tools/finalize-dist.mjs from tools/cc-env-widget.template.js (hashed names filled in).
/*__WIDGET_BUNDLE__*/
const BUNDLES = /*__BUNDLES__*/;
const site = new URL('./', import.meta.url).href;
const css = new URL('./__CSS__', import.meta.url).href;
const loading = {};
const start = (which) => (loading[which] ??= (async () => {
  const { glue, wasm, integrity } = BUNDLES[which];
  const response = fetch(new URL(wasm, import.meta.url), { integrity });
  const bindings = await import(glue);
  await bindings.default({ module_or_path: response });
  return bindings.cc_mount;
})());
const NAMES = ['view', 'station', 'lang', 'theme', 'size', 'id'];

class CcEnvWidget extends HTMLElement {
  static get observedAttributes() { return ['theme']; }

  attributeChangedCallback(name, old, value) {
    if (this.handle && value !== null && value !== old) this.handle.set_theme(value);
  }

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    const mount = document.createElement('div');
    root.append(link, mount);
    const pairs = NAMES.filter((n) => this.hasAttribute(n)).map((n) => [n, this.getAttribute(n)]);
    const initial = this.getAttribute('theme');
    start(widgetBundle(pairs.filter(([n]) => n === 'view').map(([, v]) => v))).then((ccMount) => {
      this.handle = ccMount(mount, pairs, site);
      const now = this.getAttribute('theme'); // changed while the module was loading
      if (now !== null && now !== initial) this.handle.set_theme(now);
    });
  }
}
if (!customElements.get('cc-env-widget')) customElements.define('cc-env-widget', CcEnvWidget);
