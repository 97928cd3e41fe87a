// Blocking time as Chromium observes it, to compare builds of one page. Lighthouse's TBT is
// simulated from one unthrottled trace per run, and its median of 5 moves by 50 ms or more
// between runs on a shared 2-core machine; a change of 20–30 % is lost in that. Here each dist
// is served as e2e/lighthouse.mjs serves it, the page is loaded at a real 4× CPU slowdown (CDP)
// in a phone-sized viewport with the service worker blocked, and the runs of the dists
// alternate so that the machine's drift hits them alike. Per run: the main thread's tasks from
// the first contentful paint to 1.5 s after the network went idle (the app's last tasks), the
// sum of each one's time beyond 50 ms ("blocking"), and the tasks longer than 50 ms.
//
//   node e2e/blocking.mjs --page /air --runs 7 dist /tmp/dist-before
//
// Prints the median blocking per dist and every run. A measuring tool, never a test: the
// README quotes what it printed, beside the Lighthouse figures.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const page = opt('--page', '/air');
const runs = Math.max(1, Number(opt('--runs', '7')) || 7);
const dists = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).map((d) => path.resolve(d));
if (dists.length === 0 || dists.some((d) => !fs.existsSync(path.join(d, 'index.html')))) {
  console.error('usage: node e2e/blocking.mjs [--page /air] [--runs N] <dist> [<dist> …] (built dists)');
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

// As lighthouse.mjs: the reference receiver behind /open311/ (the report page reads its service
// list at start), on a throw-away database, and one static server per dist.
const receiverPort = await freePort();
const db = path.join(fs.mkdtempSync('/tmp/cc-blocking-'), 'open311.sqlite');
const children = [spawn('node', [path.join(here, '../receiver/server.js'), '--port', String(receiverPort), '--db', db, '--quiet'], { stdio: 'ignore' })];
const ports = [];
for (const dist of dists) {
  const port = await freePort();
  ports.push(port);
  children.push(spawn('node', [
    path.join(here, 'serve.mjs'), '--dir', dist, '--port', String(port), '--csp',
    '--proxy', `/open311/=http://127.0.0.1:${receiverPort}/open311/`,
  ], { stdio: 'ignore' }));
}
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
  await Promise.all(ports.map((port) => waitFor(`http://127.0.0.1:${port}/`)));
  await waitFor(`http://127.0.0.1:${receiverPort}/open311/v2/discovery.json`);
  const results = dists.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [i, port] of ports.entries()) results[i].push(await measure(`http://127.0.0.1:${port}${page}`));
  }
  console.log(`${page}, ${runs} runs per dist, alternating; real 4× CPU slowdown, 412×823`);
  for (const [i, dist] of dists.entries()) {
    const sorted = results[i].map((r) => r.blocking).sort((a, b) => a - b);
    console.log(`${dist}: median blocking ${sorted[Math.floor(sorted.length / 2)]} ms`);
    for (const r of results[i]) console.log(`  blocking ${String(r.blocking).padStart(4)} ms; long tasks ${r.long.join(', ') || 'none'} ms`);
  }
} finally {
  await browser.close();
  for (const child of children) child.kill();
}
