// Blocking time as Chromium observes it, to compare builds of one page. Lighthouse's TBT is
// simulated from one unthrottled trace per run, and its median of 5 moves by 50 ms or more
// between runs on a shared 2-core machine; a change of 20–30 % is lost in that. Here each dist
// is served as for Lighthouse (site-server.mjs), the page is loaded at a real 4× CPU slowdown
// (CDP) in a phone-sized viewport with the service worker blocked, and the runs of the dists
// alternate so that the machine's drift hits them alike. Per run: the main thread's tasks from
// the first contentful paint to 1.5 s after the network went idle (the app's last tasks), the
// sum of each one's time beyond 50 ms ("blocking"), and the tasks longer than 50 ms.
//
//   node e2e/blocking.mjs --page /air --runs 7 dist /tmp/dist-before
//
// Prints the median blocking per dist and every run. A measuring tool, never a test: the
// README quotes what it printed, beside the Lighthouse figures.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { serveSites } from './site-server.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const page = opt('--page', '/air');
const runs = Math.max(1, Number(opt('--runs', '7')) || 7);
const dists = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).map((d) => path.resolve(d));
if (dists.length === 0 || dists.some((d) => !fs.existsSync(path.join(d, 'index.html')))) {
  console.error('usage: node e2e/blocking.mjs [--page /air] [--runs N] <dist> [<dist> …] (built dists)');
  process.exit(2);
}
const { origins, stop } = await serveSites(dists);
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/lib/chromium/chromium' });

/** One load of `url`: blocking ms and the long tasks' durations. */
async function measure(url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  // The main thread's tasks (RunTask) are in the disabled-by-default category.
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await tab.goto(url, { waitUntil: 'networkidle' });
  // The measuring window's end: the app's last tasks (chart drawing) follow the last response.
  await tab.waitForTimeout(1500);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const fcp = events.find((e) => e.name === 'firstContentfulPaint')?.ts;
  if (!main || fcp === undefined) throw new Error(`${url}: no renderer main thread or no first contentful paint in the trace`);
  const tasks = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'RunTask' && e.dur && e.ts >= fcp);
  if (tasks.length === 0) throw new Error(`${url}: the trace holds no task after the first contentful paint`);
  return {
    blocking: Math.round(tasks.reduce((sum, t) => sum + Math.max(0, t.dur / 1000 - 50), 0)),
    long: tasks.filter((t) => t.dur > 50_000).map((t) => Math.round(t.dur / 1000)),
  };
}

try {
  const results = dists.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [i, origin] of origins.entries()) results[i].push(await measure(`${origin}${page}`));
  }
  console.log(`${page}, ${runs} runs per dist, alternating; real 4× CPU slowdown, 412×823`);
  for (const [i, dist] of dists.entries()) {
    const sorted = results[i].map((r) => r.blocking).sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
    console.log(`${dist}: median blocking ${median} ms`);
    for (const r of results[i]) console.log(`  blocking ${String(r.blocking).padStart(4)} ms; long tasks ${r.long.join(', ') || 'none'} ms`);
  }
} finally {
  await browser.close();
  stop();
}
