// `make size-report`: where each bundle's wasm goes, by crate and by function (twiggy 0.8 over
// the wasm as wasm-bindgen wrote it, with its names: before wasm-opt, so its totals are some 5 %
// larger than the shipped files that `make size` measures; the shares are what to read), and the
// floor beside each shipped wasm: tools/floor, a near-empty Leptos app on the same dependencies
// and flags (built by the Makefile into target/floor/{site,widget}), so that what remains is our
// own code and what it pulls in.
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
for (const file of bundles) {
  const all = rows(file).filter((r) => !/custom section|function names|subsection/.test(r.name));
  const total = all.reduce((s, r) => s + r.size, 0);
  const byCrate = new Map();
  for (const r of all) byCrate.set(crateOf(r.name), (byCrate.get(crateOf(r.name)) ?? 0) + r.size);
  const name = path.basename(file, '_bg.wasm');
  const what = name === 'floor' ? ' (the floor, tools/floor, with the site\'s flags)' : '';
  console.log(`\n${name}${what}: ${total} B of code and data (before wasm-opt)`);
  for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${crate.padEnd(28)} ${pad(size, 9)} B ${pad((100 * size / total).toFixed(1), 5)} %`);
  }
  console.log('  largest functions:');
  for (const r of all.sort((a, b) => b.size - a.size).slice(0, top)) {
    console.log(`  ${pad(r.size, 9)} B  ${r.name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 110)}`);
  }
}

// The floor: the shipped (wasm-opt'd) wasm of each bundle against tools/floor's, built the same way.
const brotli = (file) => zlib.brotliCompressSync(fs.readFileSync(file),
  { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const wasmIn = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
  .filter((f) => f.endsWith('_bg.wasm')).map((f) => path.join(dir, f));
const floors = { site: wasmIn('target/floor/site')[0], widget: wasmIn('target/floor/widget')[0] };
if (floors.site && floors.widget) {
  const floor = { site: brotli(floors.site), widget: brotli(floors.widget) };
  console.log(`\nThe floor (tools/floor: a Leptos 0.8 CSR app with a signal, a JSON resource, Suspense and a
plotters-canvas line chart): ${floor.site} B brotli with the site's flags, ${floor.widget} B with the
widget's. Each shipped bundle's wasm, brotli, and what it carries beyond the floor:`);
  for (const file of wasmIn(dist).sort()) {
    const name = path.basename(file).replace(/-[0-9a-f]+_bg\.wasm$/, '');
    if (/bench|floor/.test(name)) continue;
    const size = brotli(file);
    // The widget's two bundles are built with the widget's flags (no erase_components).
    const base = name === 'widget' || name === 'widget-aqi' ? floor.widget : floor.site;
    console.log(`  ${name.padEnd(10)} ${pad(size, 9)} B  floor ${pad(base, 7)} B  beyond it ${pad(size - base, 8)} B`);
  }
} else {
  console.log('\n(no floor: target/floor/{site,widget} not built; `make size-report` builds them)');
}
