// Makes Trunk's output hostable on any static server, at any path, under a strict CSP:
//  - moves every inline <script> (Trunk's wasm loader) into a hashed file, so the page needs no
//    'unsafe-inline' and no script hash in its Content-Security-Policy; on the site's bundle
//    pages the loader first waits for the static first screen's paint, and the wasm preload goes
//    (tools/loader-after-first-paint.js);
//  - gives each bundle's page (see src/routes.rs) a relative <base href="./"> and writes a copy of it
//    per route of that bundle (air/index.html, report/status/index.html, …) with base "../" or
//    "../../", so deep links work without an SPA fallback and one build serves at "/" and under
//    a sub-path such as "/sthjj/env/";
//  - writes 404.html, whose base must be absolute (it is served at any depth): --base-path.
//  - drops Trunk's preloads of wasm-bindgen snippets the page's glue does not import, and the
//    sources' HTML comments;
//  - fails if any inline style or script is left;
//  - minifies the scripts and stylesheets of each page, updating their integrity hashes: the
//    wasm-bindgen glue (the module the page preloads), the loader and first-paint.js with terser,
//    the stylesheets by dropping their comments (README "Performance"). (Trunk's own JS
//    minifier, minify-js 0.5, is known to break the glue: trunk-rs/trunk#761, so it stays off.)
//  A dist without index.html (the bench page) only gets its other pages finalized.
//  - with widget.html and widget-aqi.html (the widget's two bundles, moved in by `make build`):
//    gives widget.html a loader that picks the bundle by the page's `view`
//    (tools/widget-loader.template.js) without preloading either, writes widget-aqi.html as the
//    same page that also preloads the AQI bundle's wasm (the embed builder's page for the AQI
//    view: cc_core::widget::View::page), and writes cc-env-widget.js from
//    tools/cc-env-widget.template.js; all with the hashed names filled in.
//
//   node tools/finalize-dist.mjs <dist> [--base-path /sthjj/env/] [--site target/site.json]
//
//  --site: the site's route table and static first screens, as `cargo run --bin prerender`
//  prints them from src/routes.rs and src/prerender.rs. Required for the site's dist.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

// Build tools are npm packages of e2e/package.json (with Playwright, axe and binaryen).
const { minify } = createRequire(new URL('../e2e/package.json', import.meta.url))('terser');

const [distArg, ...rest] = process.argv.slice(2);
if (!distArg) {
  console.error('usage: node tools/finalize-dist.mjs <dist> [--base-path /]');
  process.exit(2);
}
const dist = path.resolve(distArg);
const bi = rest.indexOf('--base-path');
let basePath = bi >= 0 ? rest[bi + 1] : '/';
if (!basePath.endsWith('/')) basePath += '/';

const AFTER_FIRST_PAINT = fs.readFileSync(new URL('./loader-after-first-paint.js', import.meta.url), 'utf8');

// Minifying terser's own output changes it again, and a hashed file must never change under its
// name (old pages check its integrity, caches keep it for ever): the marker makes a second
// finalization (dist-sub, a test's derived build) leave a minified script as it is.
const MINIFIED = '/*cc-min*/';
const minifyJs = async (code, module) => (code.startsWith(MINIFIED)
  ? code
  : MINIFIED + (await minify(code, { module, format: { comments: false } })).code);
// Comments only: the stylesheets have no "/*" inside a string or url().
const minifyCss = (css) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*\n/g, '\n').trim() + '\n';

// The page's own scripts and stylesheets, minified in place (again on a second finalization,
// which changes nothing), with the integrity hashes Trunk gave them updated.
async function minifyLinked(file) {
  let html = fs.readFileSync(file, 'utf8');
  const links = [...html.matchAll(/<link rel="(modulepreload|stylesheet)" href="\.\/([\w-]+\.(?:js|css))"[^>]*>/g)];
  for (const [link, rel, name] of links) {
    const asset = path.join(dist, name);
    const text = fs.readFileSync(asset, 'utf8');
    const small = rel === 'stylesheet' ? minifyCss(text) : await minifyJs(text, true);
    fs.writeFileSync(asset, small);
    const integrity = `sha384-${crypto.createHash('sha384').update(small).digest('base64')}`;
    html = html.replace(link, link.replace(/integrity="[^"]*"/, `integrity="${integrity}"`));
  }
  fs.writeFileSync(file, html);
}

async function finalizePage(file, afterFirstPaint) {
  let html = fs.readFileSync(file, 'utf8');
  html = html.replace(/<base\b[^>]*>\s*/gi, '');
  // The sources' comments are for us, not for every reader's download (the widget's page was
  // 200 B brotli of comments); finalize's own markers (<!--cc-prerender-->) stay.
  html = html.replace(/\s*<!--(?!\/?cc-)[\s\S]*?-->/g, '');
  if (file === widgetPage && widgetBundles) html = withWidgetLoader(html);
  // Trunk preloads every wasm-bindgen snippet of the crate on every page; keep only those the
  // page's own glue imports (src/feeds/module.rs's is imported by the bundles that load feeds).
  const glue = html.match(/<link rel="modulepreload" href="\.\/([\w-]+\.js)"/)?.[1];
  const glueText = glue ? fs.readFileSync(path.join(dist, glue), 'utf8') : '';
  html = html.replace(/\s*<link rel="modulepreload" href="\.\/(snippets\/[^"]+)"[^>]*>/g,
    (link, snippet) => (glueText.includes(snippet) ? link : ''));
  if (afterFirstPaint) html = html.replace(/<link rel="preload"[^>]*type="application\/wasm"[^>]*>/gi, '');
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs, body]) => !/\bsrc\s*=/.test(attrs) && body.trim() !== '');
  for (const [whole, attrs, script] of inline) {
    const body = await minifyJs(afterFirstPaint ? `${AFTER_FIRST_PAINT}\n${script}` : script, /type="module"/.test(attrs));
    const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
    const name = `loader-${hash}.js`;
    fs.writeFileSync(path.join(dist, name), body + '\n');
    const kept = attrs.replace(/\s*(nonce|integrity)="[^"]*"/g, '');
    html = html.replace(whole, `<script${kept} src="./${name}"></script>`);
  }
  if (/<style\b/i.test(html) || /\sstyle\s*=/i.test(html)) {
    throw new Error(`${file}: inline style left in the built HTML (blocked by style-src 'self')`);
  }
  const left = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc\s*=/.test(m[1]));
  if (left.length) throw new Error(`${file}: inline script left in the built HTML`);
  return html;
}

const withBase = (html, href) => html.replace(/<head>/i, `<head>\n    <base href="${href}" />`);

// The static first screen of each route, written at the start of the route's <body> between
// markers, so finalizing again replaces it.
const si = rest.indexOf('--site');
const siteTable = si >= 0 ? JSON.parse(fs.readFileSync(rest[si + 1], 'utf8')) : null;
const withFirstScreen = (html, route) => {
  if (!siteTable) throw new Error(`${dist}: the site's pages need --site <site.json>`);
  const screen = siteTable.firstScreens[route];
  if (screen === undefined) throw new Error(`no prerendered first screen for ${route}`);
  const bare = html.replace(/\s*<!--cc-prerender-->[\s\S]*?<!--\/cc-prerender-->/, '');
  return bare.replace(/<body>/i, `<body>\n    <!--cc-prerender-->${screen}<!--/cc-prerender-->`);
};
// The route each bundle's own page stands for, and the page serving each route below the base.
const PAGE_ROUTE = Object.fromEntries((siteTable?.bundles ?? []).map((b) => [b.page, b.route]));
const ROUTES = Object.fromEntries((siteTable?.routes ?? [])
  .filter((r) => r.path !== '/')
  .map((r) => [r.path.slice(1), r.page]));

// The modules a page fetches when it needs them (src/lazy_module.rs): the feeds (feeds.html) and
// the charts (charts.html). Not pages: each script is minified and named in every site page, which
// imports it only when its config names a format only the feeds read, or when a chart nears the viewport.
const moduleMetas = [];
for (const { entry: name, page: pageName } of siteTable?.modules ?? []) {
  const page = path.join(dist, pageName);
  if (!fs.existsSync(page)) continue;
  const glue = fs.readFileSync(page, 'utf8').match(new RegExp(`(${name}-[0-9a-f]+\\.js)`))?.[1];
  if (!glue) throw new Error(`${page}: no ${name}-*.js found`);
  const file = path.join(dist, glue);
  fs.writeFileSync(file, await minifyJs(fs.readFileSync(file, 'utf8'), true));
  fs.rmSync(page);
  moduleMetas.push(`<meta name="cc-${name}-module" content="./${glue}" />`);
}
// The widget's bundles: the full one of widget.html and the AQI one of widget-aqi.html (Cargo
// feature widget-aqi-only). Each is { glue, wasm, integrity } (the wasm's SRI hash, checked by the
// loaders' fetch). Trunk's widget-aqi.html (its loader still inline) is replaced below by the AQI
// view's page. A dist finalized before has no Trunk page left to read: its widget pages and
// cc-env-widget.js are finalized again as they are.
const widgetPage = path.join(dist, 'widget.html');
const widgetAqiPage = path.join(dist, 'widget-aqi.html');
const sri = (file) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(dist, file))).digest('base64')}`;
const widgetBundleOf = (html, stem, where) => {
  const glue = html.match(new RegExp(`(${stem}-[0-9a-f]+\\.js)`))?.[1];
  const wasm = html.match(new RegExp(`(${stem}-[0-9a-f]+_bg\\.wasm)`))?.[1];
  if (!glue || !wasm) throw new Error(`${where}: no ${stem}-*.js and ${stem}-*_bg.wasm found`);
  return { glue: `./${glue}`, wasm: `./${wasm}`, integrity: sri(wasm) };
};
let widgetBundles = null;
if (fs.existsSync(widgetAqiPage) && /<script type="module">/.test(fs.readFileSync(widgetAqiPage, 'utf8'))) {
  if (!fs.existsSync(widgetPage)) throw new Error(`${dist}: widget-aqi.html without widget.html`);
  const aqi = widgetBundleOf(fs.readFileSync(widgetAqiPage, 'utf8'), 'widget-aqi', widgetAqiPage);
  const glue = path.join(dist, aqi.glue);
  fs.writeFileSync(glue, await minifyJs(fs.readFileSync(glue, 'utf8'), true));
  fs.rmSync(widgetAqiPage);
  widgetBundles = { aqi };
}
const WIDGET_BUNDLE_RULE = fs.readFileSync(new URL('./widget-bundle.js', import.meta.url), 'utf8');
const fillWidget = (template, extra = {}) => Object.entries({
  '/*__WIDGET_BUNDLE__*/': WIDGET_BUNDLE_RULE,
  '/*__BUNDLES__*/': JSON.stringify(widgetBundles),
  ...extra,
}).reduce((text, [marker, value]) => text.replaceAll(marker, () => value), template);
// widget.html as Trunk wrote it loads and preloads the full bundle: its preloads go (the AQI view
// would fetch 140 KB for nothing) and its loader becomes the one that picks the bundle.
const withWidgetLoader = (html) => {
  widgetBundles.full = widgetBundleOf(html, 'widget', widgetPage);
  const inline = html.match(/<script type="module">[\s\S]*?<\/script>/);
  if (!inline) throw new Error(`${widgetPage}: Trunk's loader script not found`);
  const loader = fillWidget(fs.readFileSync(new URL('./widget-loader.template.js', import.meta.url), 'utf8'));
  return html.replace(inline[0], () => `<script type="module">\n${loader}</script>`)
    .replace(/\s*<link rel="(?:modulepreload|preload)" href="\.\/widget-[^"]*"[^>]*>/g, '');
};

// A page finalized again keeps the names it was given (the modules' pages are gone by then).
const withModules = (html) => moduleMetas.reduce((page, meta) => (page.includes(meta.slice(0, meta.indexOf(' content')))
  ? page
  : page.replace(/<\/head>/i, `  ${meta}\n  </head>`)), html);

// Every top-level page (index.html, the other bundles' pages, widget.html; bench.html in
// dist-bench, which has no index.html), finalized in place with base "./".
const names = fs.readdirSync(dist).filter((f) => f.endsWith('.html') && f !== '404.html');
if (names.length === 0) throw new Error(`${dist}: no HTML page to finalize`);
const pages = {};
const firstPaint = path.join(dist, 'first-paint.js');
if (fs.existsSync(firstPaint)) fs.writeFileSync(firstPaint, await minifyJs(fs.readFileSync(firstPaint, 'utf8'), false));
for (const name of names) {
  await minifyLinked(path.join(dist, name));
  pages[name] = await finalizePage(path.join(dist, name), name in PAGE_ROUTE);
  if (name in PAGE_ROUTE) pages[name] = withModules(pages[name]);
  const page = name in PAGE_ROUTE ? withFirstScreen(pages[name], PAGE_ROUTE[name]) : pages[name];
  fs.writeFileSync(path.join(dist, name), withBase(page, './'));
}
// widget-aqi.html: widget.html, finalized, that also preloads the AQI bundle's wasm with the
// integrity and mode of the loader's fetch, so that fetch takes the preloaded answer. widget.html
// preloads neither bundle (its other views would fetch the AQI wasm for nothing), so its wasm is
// requested only once the loader runs: one round trip later (README "Performance" has what the
// preload gained).
if (widgetBundles) {
  const { wasm, integrity } = widgetBundles.aqi;
  const config = '<link rel="preload" href="./config.json"';
  const page = fs.readFileSync(widgetPage, 'utf8');
  if (!page.includes(config)) throw new Error(`${widgetPage}: its preload of config.json not found`);
  fs.writeFileSync(widgetAqiPage, page.replace(config, () =>
    `<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous" integrity="${integrity}" />\n    ${config}`));
  names.push('widget-aqi.html');
}
const site = 'index.html' in pages;
if (site) {
  for (const [route, name] of Object.entries(ROUTES)) {
    if (!(name in pages)) throw new Error(`${dist}: ${name} (the page of /${route}) is missing`);
    const depth = route.split('/').length;
    const dir = path.join(dist, route);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), withBase(withFirstScreen(pages[name], `/${route}`), '../'.repeat(depth)));
  }
  fs.writeFileSync(path.join(dist, '404.html'), withBase(withFirstScreen(pages['index.html'], '404'), basePath));
}
if (widgetBundles) {
  const css = fs.readFileSync(widgetPage, 'utf8').match(/(widget-[0-9a-f]+\.css)/)?.[1];
  if (!css) throw new Error(`${widgetPage}: no widget-*.css found`);
  const template = fs.readFileSync(new URL('./cc-env-widget.template.js', import.meta.url), 'utf8');
  fs.writeFileSync(path.join(dist, 'cc-env-widget.js'), fillWidget(template, { __CSS__: css }));
}
console.log(site
  ? `finalized ${dist}: ${names.join(', ')}; ${Object.keys(ROUTES).length} route copies, 404.html with base ${basePath}`
  : `finalized ${dist}: ${names.join(', ')}`);

// The service worker's app-shell list (public/sw.js): every built file except the data feeds and
// the worker itself, and a version that changes with their bytes, so a new build replaces the
// old cache. Paths are relative to the site's base, where sw.js sits. The markers stay in the
// output, so a finalized dist can be finalized again (dist-sub, a derived build): the list and
// version are then recomputed.
const sw = path.join(dist, 'sw.js');
if (fs.existsSync(sw)) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(dist, full).split(path.sep).join('/');
      if (entry.isDirectory()) { if (rel !== 'data') walk(full); } else if (rel !== 'sw.js') files.push(rel);
    }
  };
  walk(dist);
  files.sort();
  const version = crypto.createHash('sha256');
  for (const f of files) version.update(f).update(fs.readFileSync(path.join(dist, f)));
  const before = fs.readFileSync(sw, 'utf8');
  const fill = (text, marker, value) => {
    const re = new RegExp(`/\\* ${marker} \\*/ [^;\\n]*;`);
    if (!re.test(text)) throw new Error(`${sw}: marker ${marker} not found`);
    return text.replace(re, () => `/* ${marker} */ ${JSON.stringify(value)};`);
  };
  const text = fill(fill(before, '__CC_SW_VERSION__', version.digest('hex').slice(0, 16)), '__CC_SW_FILES__', files);
  fs.writeFileSync(sw, text);
  console.log(`service worker: ${files.length} app-shell files`);
}
