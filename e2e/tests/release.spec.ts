// A new release takes over cleanly. Two builds are served in turn at the same address by a real
// server (e2e/serve.mjs) whose directory is a symlink swapped atomically, as many deploys do:
// build A is the release build as made; build B is A with its stylesheet changed (so renamed,
// with the new SRI hash in the pages) and finalized again, so its service worker is a new
// version with a different file list. Each test runs its own server on a free port (its own
// origin, so its own service worker).
import type { Page } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';

const E2E = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ROOT = path.resolve(E2E, '..');

type Build = { dir: string; version: string; files: string[] };

/** The version and file list finalize-dist.mjs wrote into a build's sw.js. */
function readBuild(dir: string): Build {
  const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const version = sw.match(/__CC_SW_VERSION__ \*\/ "([0-9a-f]{16})"/)?.[1];
  const files = sw.match(/__CC_SW_FILES__ \*\/ (\[[^\n]*\]);/)?.[1];
  if (!version || !files) throw new Error(`${dir}/sw.js is not finalized`);
  return { dir, version, files: JSON.parse(files) };
}

let work: string;
let A: Build;
let B: Build;
let oldCss: string;
let newCss: string;

test.beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-release-'));
  const a = path.join(work, 'A');
  const b = path.join(work, 'B');
  fs.cpSync(path.join(ROOT, 'dist'), a, { recursive: true });
  fs.cpSync(path.join(ROOT, 'dist'), b, { recursive: true });
  // Build B: the site stylesheet with a marker the test can read, under its new hashed name.
  const index = fs.readFileSync(path.join(b, 'index.html'), 'utf8');
  oldCss = index.match(/site-[0-9a-f]{16}\.css/)![0];
  const css = `${fs.readFileSync(path.join(b, oldCss), 'utf8')}\n:root { --cc-build: "B"; }\n`;
  newCss = `site-${crypto.createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  fs.rmSync(path.join(b, oldCss));
  fs.writeFileSync(path.join(b, newCss), css);
  const sri = `sha384-${crypto.createHash('sha384').update(css).digest('base64')}`;
  // Every bundle's page links the site stylesheet.
  const pages = fs.readdirSync(b).filter((f) => f.endsWith('.html') && fs.readFileSync(path.join(b, f), 'utf8').includes(oldCss));
  expect(pages).toEqual(expect.arrayContaining(['index.html', 'air.html', 'history.html', 'water.html', 'report.html', 'status.html', 'info.html']));
  for (const name of pages) {
    const before = fs.readFileSync(path.join(b, name), 'utf8');
    const html = before.replace(/<link\b[^>]*>/g, (tag) => (tag.includes(oldCss)
      ? tag.replaceAll(oldCss, newCss).replace(/integrity="[^"]*"/, `integrity="${sri}"`)
      : tag));
    expect(html).toContain(newCss);
    expect(html).not.toContain(oldCss);
    fs.writeFileSync(path.join(b, name), html);
  }
  // Route copies, 404.html and the worker's list and version follow the bundles' pages.
  execFileSync('node', [path.join(ROOT, 'tools/finalize-dist.mjs'), b, '--site', path.join(ROOT, 'target/site.json')], { stdio: 'ignore' });
  A = readBuild(a);
  B = readBuild(b);
  expect(B.version).not.toBe(A.version);
  expect(A.files).toContain(oldCss);
  expect(B.files).toContain(newCss);
  expect(B.files).not.toContain(oldCss);
});

test.afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** A server for `build` on a free port; `deploy` swaps the served directory atomically. */
async function serve(build: Build) {
  const current = fs.mkdtempSync(path.join(work, 'site-'));
  const link = path.join(current, 'current');
  const deploy = (next: Build) => {
    const tmp = `${link}.next`;
    fs.rmSync(tmp, { force: true });
    fs.symlinkSync(next.dir, tmp);
    fs.renameSync(tmp, link);
  };
  deploy(build);
  // Uncompressed: a fresh server would brotli-compress the wasm first (seconds on a busy machine).
  const child = spawn('node', ['serve.mjs', '--dir', link, '--port', '0', '--csp', '--no-compress'], { cwd: E2E, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/ at http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, deploy, stop: () => child.kill() };
}

/** The version of the service worker in charge of `page`, once it controls the page and has
 * finished activating (its clean-up included); 'settling' before. */
async function workerVersion(page: Page): Promise<string> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const reg = await navigator.serviceWorker.getRegistration();
    if (!navigator.serviceWorker.controller || reg?.installing || reg?.waiting || reg?.active?.state !== 'activated') return 'settling';
    const channel = new MessageChannel();
    const answer = new Promise<string>((resolve) => { channel.port1.onmessage = (e) => resolve(e.data); });
    reg!.active!.postMessage({ type: 'cc-version' }, [channel.port2]);
    return answer;
  });
}

const shellCaches = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('cc-shell-')).sort());
const dataCopies = (page: Page) => page.evaluate(async () => (await (await caches.open('cc-data-v1')).keys()).map((r) => r.url));
const buildMarker = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cc-build').trim());

/** Every script, stylesheet and WebAssembly file `page` loads from now on, and whether the worker answered. */
function recordBuildFiles(page: Page) {
  const loaded: { name: string; fromWorker: boolean }[] = [];
  page.on('response', (r) => {
    const name = new URL(r.url()).pathname.slice(1);
    if (/\.(js|css|wasm)$/.test(name) && name !== 'sw.js') loaded.push({ name, fromWorker: r.fromServiceWorker() });
  });
  return loaded;
}

/** The same checks as the fixture's watch, for a second page. */
function watchPage(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`); });
  page.on('requestfailed', (r) => { if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) problems.push(`request failed: ${r.url()}`); });
  return problems;
}

const home = (page: Page) => expect(page.getByRole('heading', { level: 1 })).toHaveText('长春市环境信息');

test('a new release takes over on reload: only its files, the old shell deleted, the data copies kept', async ({ page }) => {
  const server = await serve(A);
  try {
    await page.goto(`${server.origin}/`);
    await home(page);
    await expect.poll(() => workerVersion(page)).toBe(A.version);
    expect(await shellCaches(page)).toEqual([`cc-shell-${A.version}`]);
    expect(await buildMarker(page)).toBe('');
    // Data through the worker, and a copy received 31 days ago that the next activation drops.
    await page.reload();
    const air = `${server.origin}/data/sample/air-latest.json`;
    await expect.poll(() => dataCopies(page)).toContain(air);
    const old = `${server.origin}/data/sample/not-configured-any-more.json`;
    await page.evaluate(async (url) => {
      const received = new Date(Date.now() - 31 * 24 * 3_600_000).toISOString();
      await (await caches.open('cc-data-v1')).put(url, new Response('{}', { headers: { 'X-CC-Offline-Copy': received } }));
    }, old);

    server.deploy(B);
    const loaded = recordBuildFiles(page);
    await page.reload();
    await home(page);
    expect(await buildMarker(page)).toBe('"B"');
    await expect.poll(() => workerVersion(page), { timeout: 20_000 }).toBe(B.version);
    // The old release's cache is gone once no page of it is open.
    await expect.poll(() => shellCaches(page)).toEqual([`cc-shell-${B.version}`]);
    expect(loaded.map((f) => f.name)).toContain(newCss);
    expect(loaded.filter((f) => !B.files.includes(f.name)), 'files not of build B').toEqual([]);
    // Data copies outlive the release; the 31-day-old one was dropped.
    const copies = await dataCopies(page);
    expect(copies).toContain(air);
    expect(copies).not.toContain(old);

    // Once more: the new worker answers every build file from its own cache.
    loaded.length = 0;
    await page.reload();
    await home(page);
    expect(await buildMarker(page)).toBe('"B"');
    expect(loaded.length).toBeGreaterThan(2);
    expect(loaded.filter((f) => !B.files.includes(f.name) || !f.fromWorker), 'not from build B\'s cache').toEqual([]);
  } finally {
    server.stop();
  }
});

test('a page of the old release still gets its own files after the new one took over, until it reloads', async ({ page, context, request }) => {
  const server = await serve(A);
  try {
    await page.goto(`${server.origin}/`);
    await home(page);
    await expect.poll(() => workerVersion(page)).toBe(A.version);
    const oldCssText = fs.readFileSync(path.join(A.dir, oldCss), 'utf8');

    server.deploy(B);
    // Another tab opens the new release; its worker installs and takes over both tabs.
    const other = await context.newPage();
    const otherProblems = watchPage(other);
    await other.goto(`${server.origin}/`);
    await home(other);
    expect(await buildMarker(other)).toBe('"B"');
    await expect.poll(() => workerVersion(other), { timeout: 20_000 }).toBe(B.version);
    await expect.poll(() => workerVersion(page)).toBe(B.version);

    // The first tab still runs build A and may ask for a file only A has; the server no longer
    // has it, the old release's cache does. (`no-store`: not from the browser's HTTP cache,
    // which a page loaded from the worker's cache never filled.)
    expect(await buildMarker(page)).toBe('');
    expect((await request.get(`${server.origin}/${oldCss}`)).status()).toBe(404);
    const answer = await page.evaluate(async (name) => {
      const r = await fetch(name, { cache: 'no-store' });
      return { status: r.status, text: await r.text() };
    }, oldCss);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(oldCssText);
    expect(await shellCaches(page)).toEqual([`cc-shell-${A.version}`, `cc-shell-${B.version}`].sort());

    // Reloaded, the first tab runs build B, and with no page of A left, A's cache goes.
    const loaded = recordBuildFiles(page);
    await page.reload();
    await home(page);
    expect(await buildMarker(page)).toBe('"B"');
    expect(loaded.filter((f) => !B.files.includes(f.name)), 'files not of build B').toEqual([]);
    await expect.poll(() => shellCaches(page)).toEqual([`cc-shell-${B.version}`]);
    expect(otherProblems).toEqual([]);
    await other.close();
  } finally {
    server.stop();
  }
});
