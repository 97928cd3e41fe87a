// Prints the release bundle's sizes (raw, gzip -9, brotli -11) per file kind: what `make size`
// reports and what the README quotes. The widget's files (widget.html and what it loads, its two
// bundles, cc-env-widget.js, embed.js) are a separate group, followed by the AQI widget's
// first-render transfer (html, loader, css, the AQI bundle's glue and wasm, config.json, the
// widget's air source as config.json names it, the forecast and the warnings; brotli) against its
// budget, the water widget's beside it (the full bundle), and the same for each site
// page's first screen (its bundle, config.json and the sample data it loads at once) against the
// site's budget.
//   node tools/size.mjs <dist>
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] || 'dist');
const WIDGET_BUDGET_BR = 150 * 1024;
const SITE_BUDGET_BR = 250 * 1024;
// Issue #17's targets, printed beside the budgets: 150,000 B per first screen, 100,000 B for the
// AQI widget's first render (README "Performance": the floors and what the rest is).
const WIDGET_TARGET_BR = 100_000;
const SITE_TARGET_BR = 150_000;
const target = (br, limit) => `#17 target ${limit} B: ${br <= limit ? 'OK' : 'OVER'}`;
const measure = (f) => {
  const raw = fs.readFileSync(path.join(dist, f));
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { file: f, kind: path.extname(f).slice(1), raw: raw.length, gz, br };
};
const pad = (s, n) => String(s).padStart(n);
const line = (name, r) => console.log(`${name.padEnd(44)} ${pad(r.raw, 10)} ${pad(r.gz, 10)} ${pad(r.br, 10)}`);
const sum = (rows) => rows.reduce((s, r) => ({ raw: s.raw + r.raw, gz: s.gz + r.gz, br: s.br + r.br }), { raw: 0, gz: 0, br: 0 });

const widgetHtml = path.join(dist, 'widget.html');
const widgetRefs = fs.existsSync(widgetHtml)
  ? [...fs.readFileSync(widgetHtml, 'utf8').matchAll(/(?:src|href)="\.\/([^"?#]+)"/g)].map((m) => m[1])
    .filter((f) => fs.existsSync(path.join(dist, f)) && fs.statSync(path.join(dist, f)).isFile())
  : [];
const config = JSON.parse(fs.readFileSync(path.join(dist, 'config.json'), 'utf8'));
// Every page and widget view fetches the warnings at once; /, /air and the AQI widget the forecast.
const ALERTS = [config.air?.alerts?.url].filter(Boolean);
const FORECAST = [config.air?.forecast?.url].filter(Boolean);
const AIR = [config.air?.latest?.url].filter(Boolean);
const WATER = [config.water?.sections?.url, config.water?.results?.url].filter(Boolean);
const isWidget = (f) => f.startsWith('widget') || f === 'cc-env-widget.js' || f === 'embed.js' || widgetRefs.includes(f);

function group(title, files) {
  const rows = files.map(measure).sort((a, b) => b.raw - a.raw);
  console.log(`\n${title}`);
  console.log(`${'file'.padEnd(44)} ${pad('raw', 10)} ${pad('gzip', 10)} ${pad('brotli', 10)}`);
  for (const r of rows) line(r.file, r);
  for (const k of ['wasm', 'js', 'css', 'html', null]) line(`total ${k || 'all'}`, sum(rows.filter((r) => !k || r.kind === k)));
}

const files = fs.readdirSync(dist).filter((f) => /\.(wasm|js|css|html)$/.test(f) && !f.startsWith('404'));
group('site', files.filter((f) => !isWidget(f)));
if (widgetRefs.length) {
  group('widget', files.filter(isWidget));
  // The bundle each view loads, as widget.html's loader names them (tools/widget-loader.template.js).
  const loader = widgetRefs.filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n');
  const bundle = (stem) => [...loader.matchAll(new RegExp(`${stem}-[0-9a-f]+(?:_bg\\.wasm|\\.js)`, 'g'))].map((m) => m[0]);
  const AIR_WIDGET = [(config.widget?.air_latest ?? config.air?.latest)?.url].filter(Boolean);
  const firstRender = (title, page, stem, data, budget) => {
    const first = [page, ...widgetRefs, ...bundle(stem), 'config.json', ...data, ...ALERTS]
      .filter((f, i, a) => f && a.indexOf(f) === i && fs.existsSync(path.join(dist, f)));
    if (!first.some((f) => f.endsWith('.wasm'))) throw new Error(`widget.html's loader names no ${stem} bundle`);
    const rows = first.map(measure);
    console.log(`\n${title}`);
    for (const r of rows) line(r.file, r);
    const t = sum(rows);
    line('total first render', t);
    if (budget) console.log(`budget ${budget} B brotli: ${t.br <= budget ? 'OK' : 'OVER'} (${(t.br / 1024).toFixed(1)} KB); ${target(t.br, WIDGET_TARGET_BR)}`);
  };
  // The AQI view's page is widget-aqi.html when the build has it (the embed builder's; it is
  // widget.html with the AQI wasm preloaded), widget.html before.
  const aqiPage = fs.existsSync(path.join(dist, 'widget-aqi.html')) ? 'widget-aqi.html' : 'widget.html';
  firstRender(`AQI widget, first render (${aqiPage}?view=aqi: the AQI bundle)`, aqiPage, 'widget-aqi', [...AIR_WIDGET, ...FORECAST], WIDGET_BUDGET_BR);
  firstRender('Water widget, first render (widget.html?view=water: the full bundle; no budget of its own)', 'widget.html', 'widget', WATER);
  firstRender('Report widget, first render (widget.html?view=report: the full bundle, the warnings only; no budget of its own)', 'widget.html', 'widget', []);
}

// Each site page's first screen: the page, what it links (stylesheets, scripts), the wasm its
// loader fetches, config.json and the data it fetches before anything else, as the bundled
// config.json names it (/report asks the receiver for its services, which is no file of the
// build).
const PAGES = [
  ['/', 'index.html', [...AIR, ...FORECAST, ...WATER, ...ALERTS]], ['/air', 'air.html', [...AIR, ...FORECAST, ...ALERTS]],
  ['/water', 'water.html', [...WATER, ...ALERTS]], ['/report', 'report.html', ALERTS],
];
console.log(`\nSite pages, first screen (brotli; budget ${SITE_BUDGET_BR} B each)`);
for (const [route, page, data] of PAGES) {
  if (!fs.existsSync(path.join(dist, page))) continue;
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(?:\.\/)?([^"?#:]+)"/g)].map((m) => m[1])
    .filter((f) => /\.(js|css|wasm)$/.test(f) && fs.existsSync(path.join(dist, f)));
  // The wasm its loader fetches once the static screen is painted (no longer a preload).
  const wasm = refs.filter((f) => f.endsWith('.js'))
    .flatMap((f) => [...fs.readFileSync(path.join(dist, f), 'utf8').matchAll(/[\w-]+_bg\.wasm/g)].map((m) => m[0]))
    .filter((f) => fs.existsSync(path.join(dist, f)));
  const first = [page, ...refs, ...wasm, 'config.json', ...data].filter((f, i, a) => a.indexOf(f) === i && fs.existsSync(path.join(dist, f)));
  const t = sum(first.map(measure));
  console.log(`${route.padEnd(8)} ${String(first.length).padStart(2)} files ${pad(t.br, 8)} B  ${t.br <= SITE_BUDGET_BR ? 'OK' : 'OVER'} (${(t.br / 1024).toFixed(1)} KB); ${target(t.br, SITE_TARGET_BR)}`);
}
