// Prints the release bundle's sizes (raw, gzip -9, brotli -11) per file kind: what `make size`
// reports and what the README quotes.
//   node tools/size.mjs <dist>
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] || 'dist');
const files = fs.readdirSync(dist).filter((f) => /\.(wasm|js|css|html)$/.test(f) && !f.startsWith('404'));
const rows = files.map((f) => {
  const raw = fs.readFileSync(path.join(dist, f));
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { file: f, kind: path.extname(f).slice(1), raw: raw.length, gz, br };
});
rows.sort((a, b) => b.raw - a.raw);
const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(44)} ${pad('raw', 10)} ${pad('gzip', 10)} ${pad('brotli', 10)}`);
for (const r of rows) console.log(`${r.file.padEnd(44)} ${pad(r.raw, 10)} ${pad(r.gz, 10)} ${pad(r.br, 10)}`);
const total = (k) => rows.filter((r) => !k || r.kind === k).reduce((s, r) => ({ raw: s.raw + r.raw, gz: s.gz + r.gz, br: s.br + r.br }), { raw: 0, gz: 0, br: 0 });
for (const k of ['wasm', 'js', 'css', 'html', null]) {
  const t = total(k);
  console.log(`${('total ' + (k || 'all')).padEnd(44)} ${pad(t.raw, 10)} ${pad(t.gz, 10)} ${pad(t.br, 10)}`);
}
