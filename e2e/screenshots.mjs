// Screenshots of every page at 390 px (a phone), in Chinese and English, for the README and
// for reviewing the phone layout: docs/screenshots/<page>-<lang>.png, viewport height, 1x.
// Serves dist/ itself (as the e2e tests do) and drives Debian's Chromium; not part of make test.
//
//   node e2e/screenshots.mjs [--dist dist] [--port 4390] [--full --out /tmp/shots]
//
// --full takes the whole page instead of the first 844 px (for review, into another --out).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const dist = path.resolve(root, opt('--dist', 'dist'));
const port = Number(opt('--port', '4390'));
const full = args.includes('--full');
const out = path.resolve(root, opt('--out', 'docs/screenshots'));
const site = `http://127.0.0.1:${port}`;

// Every route of the site, from the route table the build wrote (src/routes.rs through
// `cargo run --bin prerender`, target/site.json), named for the file: / is home, /air/year
// air-year. /report/stats, with no Open311 receiver behind this server, shows what it says then.
const PAGES = JSON.parse(fs.readFileSync(path.join(root, 'target/site.json'), 'utf8')).routes
  .map(({ path: route }) => [route, route === '/' ? 'home' : route.slice(1).replaceAll('/', '-')]);
const LANGS = [['zh', ''], ['en', '?lang=en']];

const server = spawn('node', [path.join(here, 'serve.mjs'), '--dir', dist, '--port', String(port), '--csp'], {
  stdio: 'ignore',
});
const stop = () => server.kill();
process.on('exit', stop);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${site}/`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server on ${site} did not start`);
}

await waitForServer();
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/lib/chromium/chromium',
  args: [
    '--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  ],
});
try {
  for (const [lang, query] of LANGS) {
    // A fresh phone-like context per language, so no preference carries over.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    for (const [route, name] of PAGES) {
      await page.goto(`${site}${route}${query}`, { waitUntil: 'networkidle' });
      // The app has replaced the static first screen and its data has arrived.
      await page.locator('#cc-prerender').waitFor({ state: 'detached' });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const file = path.join(out, `${name}-${lang}.png`);
      await page.screenshot({ path: file, fullPage: full });
      console.log(`${path.relative(root, file)} ${fs.statSync(file).size} B`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  stop();
}
