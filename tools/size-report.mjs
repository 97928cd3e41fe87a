// `make size-report`: where each bundle's wasm goes, by crate and by function (twiggy 0.8 over
// the wasm as wasm-bindgen wrote it, with its names: before wasm-opt, so its totals are some 5 %
// larger than the shipped files that `make size` measures; the shares are what to read).
//   node tools/size-report.mjs [--top N]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 12;
const site = 'target/erased/wasm-bindgen/release';
const bundles = [
  ...(fs.existsSync(site) ? fs.readdirSync(site).filter((f) => f.endsWith('_bg.wasm')).sort().map((f) => path.join(site, f)) : []),
  'target/wasm-bindgen/release/widget_bg.wasm',
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
  console.log(`\n${path.basename(file, '_bg.wasm')}: ${total} B of code and data (before wasm-opt)`);
  for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${crate.padEnd(28)} ${pad(size, 9)} B ${pad((100 * size / total).toFixed(1), 5)} %`);
  }
  console.log('  largest functions:');
  for (const r of all.sort((a, b) => b.size - a.size).slice(0, top)) {
    console.log(`  ${pad(r.size, 9)} B  ${r.name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 110)}`);
  }
}
