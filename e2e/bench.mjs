// `make bench`: the air engine timed in headless Chromium, against plain JavaScript, and the
// report form's photo processing.
//
// Serves the release build of bench.html (dist-bench/, see the Makefile) with serve.mjs on a
// free port, opens it in Debian's Chromium and waits for window.__benchWasm, which the wasm
// (bench/src/main.rs) fills after generating one year of hourly CNEMC CSV (87,600 rows) and
// reading it once, timing the year chart (8,760 points) and the processing of one 12-megapixel
// JPEG to the upload size (≤ 1600 px, ≤ 300 KB). Then times parse + city daily AQI + 优良天数
// in the wasm (window.__benchAirOnce) and the JavaScript baseline (e2e/bench/air-baseline.js)
// on the same text in the same page, in turn, 1 warm-up + 5 runs each, prints a table with the
// budgets and writes the same to bench-results/air.json and bench-results/photo.json.
//
// Budgets are reported, not enforced: a figure over budget prints OVER and the exit code stays
// 0. The exit code is non-zero only when the bench cannot run, when the JavaScript baseline and
// the wasm engine disagree (a correctness cross-check: 优良天数, valid days, every daily AQI), or
// when the processed photo breaks the upload limits (bytes, long side, JPEG).
//
//   node e2e/bench.mjs [--dist dist-bench] [--js-flags=…]
//
// --js-flags passes V8 flags to Chromium, e.g. --js-flags=--no-liftoff (every wasm function
// optimised from its first call) to see what the baseline tier costs (README "Performance").

import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const args = process.argv.slice(2);
const di = args.indexOf('--dist');
const dist = path.resolve(di >= 0 ? args[di + 1] : path.join(repo, 'dist-bench'));
const jsFlags = args.filter((a) => a.startsWith('--js-flags='));
const outFile = path.join(repo, 'bench-results', 'air.json');
const photoFile = path.join(repo, 'bench-results', 'photo.json');

// Issue 17: a year of hourly data in ≤ 50 ms, and at least 2.5× the plain-JS baseline's speed.
const BUDGET_PARSE_DAILY_MS = 50;
const BUDGET_RATIO = 2.5;
const BUDGET_CHART_MS = 50;
// Issue 5: one 12 MP JPEG to the upload size on this 2-core machine.
const BUDGET_PHOTO_MS = 1500;
const WARMUP = 1;
const RUNS = 5;

// Debian's Chromium with the flags of playwright.config.ts (root, closed network).
const CHROMIUM = {
  executablePath: '/usr/lib/chromium/chromium',
  args: [
    '--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  ],
};

function fail(message) {
  console.error(`bench: cannot run: ${message}`);
  process.exitCode = 2;
}

function median(xs) {
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function startServer(port) {
  const child = spawn(process.execPath, [path.join(here, 'serve.mjs'), '--dir', dist, '--port', String(port), '--csp'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start: ${err}`)), 10_000);
    child.stdout.on('data', (d) => {
      if (String(d).includes('serving')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited (${code}): ${err}`));
    });
  });
}

const ms = (x) => `${x.toFixed(1)} ms`;
const verdict = (x, budget) => (x <= budget ? 'OK' : 'OVER');

async function main() {
  const page_ = path.join(dist, 'bench.html');
  if (!fs.existsSync(page_)) return fail(`${page_} is missing (run \`make bench\`, which builds it)`);
  const port = await freePort();
  const server = await startServer(port);
  const browser = await chromium.launch({ ...CHROMIUM, args: [...CHROMIUM.args, ...jsFlags] });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    await page.goto(`http://127.0.0.1:${port}/bench.html`);
    try {
      await page.waitForFunction(() => window.__benchWasm !== undefined, null, { timeout: 180_000 });
    } catch {
      return fail(`window.__benchWasm never appeared${problems.length ? ': ' + problems.join('; ') : ''}`);
    }
    const wasm = await page.evaluate(() => window.__benchWasm);
    if (wasm.error) return fail(`the wasm bench failed: ${wasm.error}`);
    if (!(await page.evaluate(() => typeof window.airBaseline === 'function'))) {
      return fail('air-baseline.js did not load (window.airBaseline is missing)');
    }

    // The engine and the baseline in turn, one run each per round: the machine's drift (these
    // are shared machines) hits both alike, and the ratio compares runs made side by side.
    const js = [];
    const wasmRuns = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const [parseMs, dailyMs] = await page.evaluate(() => window.__benchAirOnce());
      const r = await page.evaluate(() => {
        const t0 = performance.now();
        const result = window.airBaseline(window.__benchCsv);
        return { ms: performance.now() - t0, ...result };
      });
      if (i >= WARMUP) {
        js.push(r);
        wasmRuns.push({ parse: parseMs, daily: dailyMs, total: parseMs + dailyMs });
      }
    }
    Object.assign(wasm, {
      parse_ms: wasmRuns.map((r) => r.parse),
      daily_ms: wasmRuns.map((r) => r.daily),
      parse_daily_ms: wasmRuns.map((r) => r.total),
      median_parse_ms: median(wasmRuns.map((r) => r.parse)),
      median_daily_ms: median(wasmRuns.map((r) => r.daily)),
      median_parse_daily_ms: median(wasmRuns.map((r) => r.total)),
    });
    const jsLast = js[js.length - 1];
    const jsMs = js.map((r) => r.ms);
    const jsMedian = median(jsMs);
    const wasmMedian = wasm.median_parse_daily_ms;
    const ratio = jsMedian / wasmMedian;
    const chartMedian = wasm.median_chart_flushed_ms;

    const mismatches = [];
    for (const [what, a, b] of [
      ['rows', wasm.rows, jsLast.rows],
      ['days', wasm.days, jsLast.days],
      ['优良天数 (good days)', wasm.good_days, jsLast.good],
      ['valid days', wasm.valid_days, jsLast.valid],
    ]) {
      if (a !== b) mismatches.push(`${what}: wasm ${a}, JS ${b}`);
    }
    const dayDiffs = (wasm.daily_aqi || []).flatMap((a, i) => (a !== jsLast.dailyAqi[i] ? [i] : []));
    if (dayDiffs.length) {
      const i = dayDiffs[0];
      mismatches.push(`daily AQI differs on ${dayDiffs.length} days (first: day ${i + 1}, wasm ${wasm.daily_aqi[i]}, JS ${jsLast.dailyAqi[i]})`);
    }
    const agree = mismatches.length === 0;
    const parseOk = verdict(wasmMedian, BUDGET_PARSE_DAILY_MS);
    const chartOk = verdict(chartMedian, BUDGET_CHART_MS);
    const ratioOk = ratio >= BUDGET_RATIO ? 'OK' : 'OVER';

    // The processed photo must be what the form uploads: a JPEG within the byte and pixel limits.
    const photo = wasm.photo;
    const photoMedian = photo.median_process_ms;
    const photoOk = verdict(photoMedian, BUDGET_PHOTO_MS);
    const photoFaults = [];
    if (!(photo.output_bytes <= photo.max_bytes)) photoFaults.push(`${photo.output_bytes} bytes > ${photo.max_bytes}`);
    if (!(Math.max(...photo.output_size) <= photo.max_side)) photoFaults.push(`${photo.output_size.join('×')} px: long side > ${photo.max_side}`);
    if (photo.output_type !== 'image/jpeg') photoFaults.push(`type ${photo.output_type}, not image/jpeg`);
    const kb = (b) => `${(b / 1000).toFixed(0)} KB`;

    const rows = [
      ['browser', `Chromium ${browser.version()} (headless)`],
      ['CSV', `${wasm.rows.toLocaleString('en')} rows, ${wasm.stations} stations, ${(wasm.csv_bytes / 1e6).toFixed(1)} MB`],
      ['runs', `median of ${RUNS} after ${WARMUP} warm-up, the wasm and the JavaScript in turn`],
      ['wasm parse + daily AQI + 优良天数', `${ms(wasmMedian)}   (parse ${ms(wasm.median_parse_ms)}, daily ${ms(wasm.median_daily_ms)})   budget ≤ ${BUDGET_PARSE_DAILY_MS} ms: ${parseOk}`],
      ['JavaScript baseline, same work', ms(jsMedian)],
      ['ratio JS / wasm', `${ratio.toFixed(2)}× — ${ratio > 1 ? 'wasm is faster' : 'wasm is SLOWER than plain JavaScript'}   budget ≥ ${BUDGET_RATIO}×: ${ratioOk}`],
      ['year chart, 8,760 points, 800×300', `${ms(chartMedian)} drawn and rasterised (${ms(wasm.median_chart_ms)} to issue the draw calls)   budget ≤ ${BUDGET_CHART_MS} ms: ${chartOk}`],
      ['good / valid days', `wasm ${wasm.good_days} / ${wasm.valid_days} of ${wasm.days}; JS ${jsLast.good} / ${jsLast.valid} of ${jsLast.days}: ${agree ? 'same, and the same daily AQI every day' : 'DIFFERENT'}`],
      ['photo: 12 MP JPEG → upload size', `${ms(photoMedian)}   budget ≤ ${BUDGET_PHOTO_MS} ms: ${photoOk}`],
      ['  in', `${photo.input_size.join('×')} JPEG q${photo.input_quality}, ${(photo.input_bytes / 1e6).toFixed(1)} MB (generated test photo)`],
      ['  out', `${photo.output_size.join('×')} ${photo.output_type}, ${kb(photo.output_bytes)}   limits ${photo.max_side} px, ${kb(photo.max_bytes)}: ${photoFaults.length ? 'BROKEN' : 'within'}`],
    ];
    // Terminal columns: CJK characters take two.
    const cols = (t) => [...t].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    const width = Math.max(...rows.map((r) => cols(r[0])));
    console.log('\nmake bench — air-quality engine (示例数据 2021, CNEMC hourly CSV) and report photos\n');
    for (const [k, v] of rows) console.log(`  ${k}${' '.repeat(width - cols(k))}  ${v}`);
    console.log('');
    if (parseOk === 'OVER') console.log(`  !!! OVER BUDGET: parse + daily ${ms(wasmMedian)} > ${BUDGET_PARSE_DAILY_MS} ms !!!`);
    if (chartOk === 'OVER') console.log(`  !!! OVER BUDGET: year chart ${ms(chartMedian)} > ${BUDGET_CHART_MS} ms !!!`);
    if (photoOk === 'OVER') console.log(`  !!! OVER BUDGET: photo ${ms(photoMedian)} > ${BUDGET_PHOTO_MS} ms !!!`);
    if (ratioOk === 'OVER') console.log(`  !!! OVER BUDGET: wasm ${ratio.toFixed(2)}× the JavaScript baseline's speed < ${BUDGET_RATIO}× !!!`);
    if (problems.length) console.log(`  page reported: ${problems.join('; ')}`);

    const report = {
      date: new Date().toISOString(),
      browser: `Chromium ${browser.version()}`,
      node: process.version,
      rows: wasm.rows,
      stations: wasm.stations,
      csv_bytes: wasm.csv_bytes,
      warmup: WARMUP,
      runs: RUNS,
      wasm: {
        parse_daily_ms: wasm.parse_daily_ms,
        parse_ms: wasm.parse_ms,
        daily_ms: wasm.daily_ms,
        median_parse_daily_ms: wasmMedian,
        median_parse_ms: wasm.median_parse_ms,
        median_daily_ms: wasm.median_daily_ms,
        good_days: wasm.good_days,
        valid_days: wasm.valid_days,
        days: wasm.days,
      },
      js: {
        ms: jsMs,
        median_ms: jsMedian,
        good_days: jsLast.good,
        valid_days: jsLast.valid,
        days: jsLast.days,
      },
      ratio_js_over_wasm: ratio,
      chart: {
        points: wasm.chart_points,
        canvas: wasm.chart_canvas,
        ms: wasm.chart_flushed_ms,
        issue_ms: wasm.chart_ms,
        median_ms: chartMedian,
        median_issue_ms: wasm.median_chart_ms,
      },
      budgets: {
        parse_daily_ms: { budget: BUDGET_PARSE_DAILY_MS, value: wasmMedian, verdict: parseOk },
        chart_ms: { budget: BUDGET_CHART_MS, value: chartMedian, verdict: chartOk },
        ratio_js_over_wasm: { budget: BUDGET_RATIO, value: ratio, verdict: ratioOk },
      },
      cross_check: { agree, mismatches },
    };
    const photoReport = {
      date: report.date,
      browser: report.browser,
      input: { size: photo.input_size, quality: photo.input_quality, bytes: photo.input_bytes, type: photo.input_type,
        generate_ms: photo.generate_ms, encode_ms: photo.encode_ms },
      warmup: photo.warmup,
      runs: photo.runs,
      process_ms: photo.process_ms,
      median_process_ms: photoMedian,
      output: { size: photo.output_size, bytes: photo.output_bytes, type: photo.output_type },
      limits: { max_side: photo.max_side, max_bytes: photo.max_bytes, within: photoFaults.length === 0, faults: photoFaults },
      budgets: { process_ms: { budget: BUDGET_PHOTO_MS, value: photoMedian, verdict: photoOk } },
    };
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(photoFile, JSON.stringify(photoReport, null, 2) + '\n');
    for (const f of [outFile, photoFile]) console.log(`  written to ${path.relative(process.cwd(), f) || f}`);

    if (!agree) {
      console.error(`\nbench: the JavaScript baseline and the wasm engine disagree:\n  ${mismatches.join('\n  ')}`);
      process.exitCode = 1;
    }
    if (photoFaults.length) {
      console.error(`\nbench: the processed photo breaks the upload limits:\n  ${photoFaults.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

main().catch((e) => fail(e.stack || String(e)));
