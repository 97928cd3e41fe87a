// `make size-report`: where each bundle's wasm goes, by crate and by function (twiggy 0.8 over
// the wasm as wasm-bindgen wrote it, with its names: before wasm-opt, so its totals are some 5 %
// larger than the shipped files that `make size` measures; the shares are what to read), and the
// floor beside each shipped wasm: tools/floor, a near-empty Leptos app on the same dependencies
// and flags (built by the Makefile into target/floor/{site,widget}-{index,bare}: with a
// plotters-canvas chart and without), so that what remains is our own code and what it pulls in.
// A bundle is set against the chart's floor when it links plotters, else against the bare one.
//   node tools/size-report.mjs [dist] [--top N]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 12;
const dist = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
const site = 'target/erased/wasm-bindgen/release';
const bundles = [
  ...(fs.existsSync(site) ? fs.readdirSync(site).filter((f) => f.endsWith('_bg.wasm')).sort().map((f) => path.join(site, f)) : []),
  'target/wasm-bindgen/release/widget_bg.wasm',
  'target/wasm-bindgen/release/widget-aqi_bg.wasm',
].filter((f) => fs.existsSync(f) && !/bench/.test(f));

/** twiggy's rows: name and shallow size in bytes. */
function rows(file) {
  const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', file], { maxBuffer: 1 << 28 }).toString();
  return csv.split('\n').slice(1).filter(Boolean).map((line) => {
    // Name is the first field (quoted when it holds a comma or quote); the size the second.
    const m = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
    return m ? { name: m[1].replace(/^"|"$/g, '').replace(/""/g, '"'), size: Number(m[2]) } : null;
  }).filter(Boolean);
}

/** The crate a function belongs to: its path's first segment; for `<T as Trait>::f`, T's when
 * T is a path, else the trait's. */
function crateOf(name) {
  if (/^data segment/.test(name)) return '(data)';
  if (!name.includes('::')) return '(glue)';
  let n = name;
  const qualified = n.match(/^<+(?:&mut |&|dyn )*([^<>]+?) as (?:&mut |&|dyn )*([^<>]+?)[<>]/);
  if (qualified) n = qualified[1].includes('::') ? qualified[1] : qualified[2];
  const first = n.replace(/^<+(?:&mut |&|dyn |impl )*/, '').split('::')[0];
  return first.replace(/\[[0-9a-f]+\]$/, '') || '(glue)';
}

const pad = (s, n) => String(s).padStart(n);
/** The bundles that link plotters, and those that are Leptos apps (by name, as in `bundles`). */
const drawsCharts = new Set();
const isLeptosApp = new Set();
for (const file of bundles) {
  const all = rows(file).filter((r) => !/custom section|function names|subsection/.test(r.name));
  if (all.some((r) => r.name.includes('plotters'))) drawsCharts.add(path.basename(file, '_bg.wasm'));
  if (all.some((r) => r.name.includes('tachys'))) isLeptosApp.add(path.basename(file, '_bg.wasm'));
  const total = all.reduce((s, r) => s + r.size, 0);
  const byCrate = new Map();
  for (const r of all) byCrate.set(crateOf(r.name), (byCrate.get(crateOf(r.name)) ?? 0) + r.size);
  const name = path.basename(file, '_bg.wasm');
  const what = name === 'floor' ? ' (the floor without a chart, tools/floor/bare.html, with the site\'s flags)' : '';
  console.log(`\n${name}${what}: ${total} B of code and data (before wasm-opt)`);
  for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${crate.padEnd(28)} ${pad(size, 9)} B ${pad((100 * size / total).toFixed(1), 5)} %`);
  }
  console.log('  largest functions:');
  for (const r of all.sort((a, b) => b.size - a.size).slice(0, top)) {
    console.log(`  ${pad(r.size, 9)} B  ${r.name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 110)}`);
  }
}

// The floors: the shipped (wasm-opt'd) wasm of each bundle against tools/floor's, built the same way.
const brotli = (file) => zlib.brotliCompressSync(fs.readFileSync(file),
  { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const wasmIn = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
  .filter((f) => f.endsWith('_bg.wasm')).map((f) => path.join(dir, f));
const floorDirs = ['site-index', 'site-bare', 'widget-index', 'widget-bare'];
const floorFiles = floorDirs.map((d) => wasmIn(`target/floor/${d}`)[0]);
if (floorFiles.every(Boolean)) {
  const floor = Object.fromEntries(floorDirs.map((d, i) => [d, brotli(floorFiles[i])]));
  console.log(`\nThe floors (tools/floor: a Leptos 0.8 CSR app with a signal, a JSON resource and Suspense),
brotli: ${floor['site-bare']} B with the site's flags, ${floor['widget-bare']} B with the widget's; with a
plotters-canvas line chart added, ${floor['site-index']} B and ${floor['widget-index']} B. Each shipped bundle's wasm, brotli,
against the floor of its flags, with the chart's when it links plotters:`);
  for (const file of wasmIn(dist).sort()) {
    const name = path.basename(file).replace(/-[0-9a-f]+_bg\.wasm$/, '');
    if (/bench|floor/.test(name)) continue;
    const size = brotli(file);
    if (!isLeptosApp.has(name)) {
      console.log(`  ${name.padEnd(10)} ${pad(size, 9)} B  (no Leptos: the floors do not apply)`);
      continue;
    }
    // The widget's two bundles are built with the widget's flags (no erase_components).
    const flags = name === 'widget' || name === 'widget-aqi' ? 'widget' : 'site';
    const chart = drawsCharts.has(name);
    const base = floor[`${flags}-${chart ? 'index' : 'bare'}`];
    console.log(`  ${name.padEnd(10)} ${pad(size, 9)} B  floor ${pad(base, 7)} B ${chart ? '(chart)' : '(bare) '}  beyond it ${pad(size - base, 8)} B`);
  }
} else {
  console.log('\n(no floor: target/floor/ not built; `make size-report` builds it)');
}
