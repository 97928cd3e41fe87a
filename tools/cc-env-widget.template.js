// <cc-env-widget view="aqi|water|report|combo" station="1119A" lang="zh|en" theme="light|dark|contrast" size="s|m" id="…">
// One script tag on the host page: <script type="module" src="<site>/cc-env-widget.js"></script>.
// The widget renders inside a shadow root with a linked stylesheet (no inline styles), fetches
// from this script's site, and never touches the host page's styles, title or URL. Host CSP:
// script-src <site> 'wasm-unsafe-eval'; connect-src <site>; style-src <site>.
// Changing the element's `theme` attribute later restyles it (an unknown value is named in a
// console warning and ignored); the other attributes are read once.
// Written by tools/finalize-dist.mjs from tools/cc-env-widget.template.js (hashed names filled in).
import init, { cc_mount } from './__GLUE__';

const site = new URL('./', import.meta.url).href;
const css = new URL('./__CSS__', import.meta.url).href;
let ready;
const start = () => (ready ??= init({ module_or_path: new URL('./__WASM__', import.meta.url) }));
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
    start().then(() => {
      this.handle = cc_mount(mount, pairs, site);
      const now = this.getAttribute('theme'); // changed while the module was loading
      if (now !== null && now !== initial) this.handle.set_theme(now);
    });
  }
}
if (!customElements.get('cc-env-widget')) customElements.define('cc-env-widget', CcEnvWidget);
