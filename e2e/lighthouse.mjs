// Lighthouse 12 (mobile preset: simulated slow 4G, 4× CPU) on the release build served as a
// government server would serve it (brotli, strict CSP), page by page.
//
//   node e2e/lighthouse.mjs --dist dist --assert   # make test: accessibility and best practices = 100
//   node e2e/lighthouse.mjs --dist dist            # make bench: performance, LCP, TBT, CLS, transfer
//   --page /air: that page alone
//   --runs N (default 1; make bench: 5): N runs per page, reported by Lighthouse's median run
//   (computeMedianRun: the run nearest the median FCP and TTI), with the spread of the scores,
//   since one run on a shared 2-core machine can be far off.
//
// Writes bench-results/lighthouse.json. Exits 1 when --assert finds a score below 100.
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { serveSites } from './site-server.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const assert = args.includes('--assert');
const dist = path.resolve(opt('--dist', 'dist'));
const runs = Math.max(1, Number(opt('--runs', '1')) || 1);

// Pages to audit; the widget is added when its build is present. `--page <path>` audits that
// one alone (to measure one change; make test and make bench audit them all).
const PAGES = ['/', '/air', '/water', '/report'];
// The AQI widget as the embed builder gives it: widget-aqi.html, which preloads its wasm.
if (fs.existsSync(path.join(dist, 'widget-aqi.html'))) PAGES.push('/widget-aqi.html?view=aqi');
else if (fs.existsSync(path.join(dist, 'widget.html'))) PAGES.push('/widget.html?view=aqi');
if (args.includes('--page')) PAGES.splice(0, PAGES.length, opt('--page'));

const BUDGET = { performance: 95, lcpMs: 2500, cls: 0.02, transferKb: 250 };
// Issue #17's targets, printed beside the budgets (never asserted): performance ≥ 98 and TBT
// ≤ 50 ms on every page, the widget's LCP ≤ 2.0 s.
const TARGET = { performance: 98, tbtMs: 50, widgetLcpMs: 2000 };

const { origins: [origin], stop } = await serveSites([dist]);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/lib/chromium/chromium',
  chromeFlags: [
    '--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  ],
});

const rows = [];
let failed = false;
try {
  for (const page of PAGES) {
    const url = `${origin}${page}`;
    const results = [];
    for (let run = 0; run < runs; run++) {
      results.push(await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      }));
    }
    const lhr = computeMedianRun(results.map((r) => r.lhr));
    const result = results.find((r) => r.lhr === lhr);
    const perfScores = results.map((r) => Math.round((r.lhr.categories.performance?.score ?? 0) * 100));
    // The whole report too, for finding what a figure is made of (LCP element, requests).
    fs.mkdirSync('bench-results/lighthouse', { recursive: true });
    fs.writeFileSync(`bench-results/lighthouse/${page.replace(/^\/$/, 'home').replace(/[^a-z0-9]+/gi, '_')}.json`, result.report);
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
    const row = {
      page,
      performance: score('performance'),
      performanceRange: `${Math.min(...perfScores)}–${Math.max(...perfScores)}`,
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcpMs: Math.round(audit('largest-contentful-paint')),
      // What the unthrottled trace saw, which the simulated figures are derived from.
      observedFcpMs: Math.round(lhr.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint ?? NaN),
      observedLcpMs: Math.round(lhr.audits.metrics?.details?.items?.[0]?.observedLargestContentfulPaint ?? NaN),
      tbtMs: Math.round(audit('total-blocking-time')),
      cls: Number(audit('cumulative-layout-shift').toFixed(3)),
      transferKb: Math.round(audit('total-byte-weight') / 1024),
      failing: Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode)
          && (lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0)
            || lhr.categories['best-practices'].auditRefs.some((r) => r.id === a.id && r.weight > 0)))
        .map((a) => {
          const items = (a.details?.items ?? []).map((i) => i.description || i.url || i.source || '').filter(Boolean);
          return items.length ? `${a.id} (${items.slice(0, 3).join(' | ')})` : a.id;
        }),
    };
    rows.push(row);
    const all = (c) => results.every((r) => r.lhr.categories[c]?.score === 1);
    if (!all('accessibility') || !all('best-practices')) failed = true;
  }
} finally {
  await chrome.kill();
  stop();
}

const mark = (ok) => (ok ? 'OK' : 'OVER');
console.log(`Lighthouse 12.8.2, mobile preset (simulated slow 4G, 4× CPU), ${dist}` +
  (runs > 1 ? `; the median of ${runs} runs per page, perf range = lowest–highest score` : ''));
console.log(`page                     perf  a11y  best   LCP ms  TBT ms    CLS  transfer KB  observed FCP/LCP ms${runs > 1 ? '  perf range' : ''}`);
for (const r of rows) {
  console.log(
    `${r.page.padEnd(24)} ${String(r.performance).padStart(4)}  ${String(r.accessibility).padStart(4)}  ${String(r.bestPractices).padStart(4)}` +
      `  ${String(r.lcpMs).padStart(7)} ${String(r.tbtMs).padStart(7)} ${r.cls.toFixed(3).padStart(6)}  ${String(r.transferKb).padStart(11)}` +
      `  ${`${r.observedFcpMs}/${r.observedLcpMs}`.padStart(19)}` +
      (runs > 1 ? `  ${r.performanceRange.padStart(10)}` : '') +
      (assert ? '' : `   perf ${mark(r.performance >= BUDGET.performance)}, LCP ${mark(r.lcpMs <= BUDGET.lcpMs)}, CLS ${mark(r.cls <= BUDGET.cls)}, transfer ${mark(r.transferKb <= BUDGET.transferKb)}` +
        `; #17: perf ${mark(r.performance >= TARGET.performance)}, TBT ${mark(r.tbtMs <= TARGET.tbtMs)}` +
        (r.page.includes('widget') ? `, LCP ${mark(r.lcpMs <= TARGET.widgetLcpMs)}` : '')) +
      (r.failing.length ? `   failing: ${r.failing.join(', ')}` : ''),
  );
}
fs.mkdirSync('bench-results', { recursive: true });
fs.writeFileSync('bench-results/lighthouse.json', JSON.stringify({ budget: BUDGET, target: TARGET, rows }, null, 2));
if (assert && failed) {
  console.error('accessibility or best practices below 100 on a page (see "failing")');
  process.exit(1);
}
