// The app shell: every route in both languages, preferences, 404, sub-path
// hosting, configuration errors and keyboard entry.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, allowProblem, expectNoAxeViolations, expectNoHorizontalScroll } from './fixtures';
import { ShellPage } from './pages/shell';
import { HEADINGS, SHELL } from './strings';

// Every route with its title in both languages, from the route table (src/routes.rs), as the
// build wrote it: a route added there is tested here. (Its status page is tested in report.spec.ts,
// with a report to show.)
const SITE = JSON.parse(fs.readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../target/site.json'), 'utf8'));
const ROUTES: [string, string, string][] = SITE.routes
  .filter((r: { path: string }) => r.path !== '/report/status')
  .map((r: { path: string; title: { zh: string; en: string } }) => [r.path, r.title.zh, r.title.en]);

for (const lang of ['zh', 'en'] as const) {
  for (const [path, zh, en] of ROUTES) {
    test(`${path} renders in ${lang}`, async ({ page }, info) => {
      const shell = new ShellPage(page);
      const response = await page.goto(`${path}?lang=${lang}`);
      expect(response?.status()).toBe(200);
      await expect(shell.html).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
      await expect(shell.h1).toHaveText(lang === 'zh' ? zh : en);
      await expect(shell.nav(lang)).toBeVisible();
      await expect(page.getByRole('link', { name: HEADINGS.privacy[lang] })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(lang === 'zh' ? zh : en));
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
      const name = path === '/' ? 'home' : path.slice(1);
      await page.screenshot({ path: `test-results/screens/${info.project.name}-${lang}-${name}.png`, fullPage: true });
    });
  }
}

test('the language choice is remembered across visits', async ({ page }) => {
  const shell = new ShellPage(page);
  await page.goto('/air');
  await expect(shell.h1).toHaveText(HEADINGS.air.zh);
  await shell.toEnglish.click();
  await expect(shell.h1).toHaveText(HEADINGS.air.en);
  await page.goto('/water');
  await expect(shell.h1).toHaveText(HEADINGS.water.en);
  await page.goto('/water?lang=zh');
  await expect(shell.h1).toHaveText(HEADINGS.water.zh);
});

test('关怀版 is remembered and can be set by the URL', async ({ page }) => {
  const shell = new ShellPage(page);
  await page.goto('/');
  await expect(shell.care).toHaveAttribute('aria-pressed', 'false');
  const before = await shell.fontSize();
  await shell.care.click();
  await expect(shell.html).toHaveClass(/cc-care/);
  expect(await shell.fontSize()).toBeGreaterThan(before);
  await page.reload();
  await expect(shell.html).toHaveClass(/cc-care/);
  await page.goto('/?theme=normal');
  await expect(shell.html).not.toHaveClass(/cc-care/);
  await page.goto('/air?theme=care&lang=en');
  await expect(shell.html).toHaveClass(/cc-care/);
  await expectNoAxeViolations(page);
});

test('an unknown address shows the 404 page with a real 404 status', async ({ page, watch }) => {
  const shell = new ShellPage(page);
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(shell.h1).toHaveText(SHELL.zh.notFound);
  await page.getByRole('link', { name: SHELL.zh.backHome }).click();
  await expect(shell.h1).toHaveText(HEADINGS.home.zh);
  allowProblem(watch, 'HTTP 404 /no-such-page');
});

test('a route of another bundle reached in place loads that bundle; an unknown one below it is a 404', async ({ page, watch }) => {
  const shell = new ShellPage(page);
  await page.goto('/notes');
  await expect(shell.prerender).toHaveCount(0);
  // What history could bring: the main bundle's routes see /air.
  await page.evaluate(() => {
    history.pushState(null, '', '/air');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(shell.h1).toHaveText(HEADINGS.air.zh);
  await expect(page.getByTestId('city-aqi')).toBeVisible();
  // The server answers an unknown path below /air with 404.html (the main bundle): shown as the
  // 404 page, not reloaded for ever.
  const response = await page.goto('/air/no-such-view');
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  allowProblem(watch, 'HTTP 404 /air/no-such-view');
});

// A resource that awaited the config resource tracked ran again when it arrived: every feed was
// fetched and parsed twice (feeds::config_once). Such a second fetch starts when the config
// arrives, before the data can show.
test('each page fetches the config and each of its feeds once', async ({ page }) => {
  const counts: Record<string, number> = {};
  let control = false;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/robots.txt' && url.search === '?control') control = true;
    if (url.pathname.startsWith('/data/') || url.pathname === '/config.json') counts[url.pathname] = (counts[url.pathname] ?? 0) + 1;
  });
  await page.goto('/');
  await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('water-headline')).toBeVisible();
  await expect(page.getByTestId('forecast-none')).toBeVisible();
  // The control: a request the page makes now is seen; every request it made before is seen by then.
  await page.evaluate(() => fetch('/robots.txt?control'));
  await expect.poll(() => control).toBe(true);
  expect(counts).toEqual({
    '/config.json': 1,
    '/data/sample/air-latest.json': 1,
    '/data/sample/air-forecast.json': 1,
    '/data/sample/air-alerts.json': 1,
    '/data/sample/water-sections.json': 1,
    '/data/sample/water-results.json': 1,
  });
});

test('navigation in place moves focus to the new heading; a page of another bundle starts at its top', async ({ page }) => {
  const shell = new ShellPage(page);
  await page.goto('/notes');
  await expect(shell.prerender).toHaveCount(0);
  // /privacy is in the same bundle as /notes: followed in place, and the focus moves.
  await shell.mark();
  await page.getByRole('link', { name: HEADINGS.privacy.zh }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(shell.h1).toHaveText(HEADINGS.privacy.zh);
  await expect(shell.h1).toBeFocused();
  expect(await shell.stayed()).toBe(true);
  // /water is another bundle: a page load, whose focus starts at the top (the skip link next).
  await shell.nav().getByRole('link', { name: HEADINGS.water.zh }).click();
  await expect(page).toHaveURL(/\/water$/);
  await expect(page.getByRole('link', { name: HEADINGS.water.zh }).first()).toHaveAttribute('aria-current', 'page');
  await expect(shell.prerender).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(shell.skipLink).toBeFocused();
});

// src/nav.rs: the site's own navigation in place (it replaced leptos_router; README "Performance").
test('links within a bundle are followed in place, history restores them, the rest is left to the browser', async ({ page, context }) => {
  const shell = new ShellPage(page);
  await page.goto('/air');
  await expect(shell.prerender).toHaveCount(0);
  await expect(page.getByTestId('station-1122A')).toBeVisible();
  // A marker that only survives if the document is not loaded again.
  await shell.mark();
  const stayed = () => shell.stayed();
  // The reader's place: the station's row, far down the page (the click would scroll to it).
  await page.getByTestId('station-1122A').getByRole('link').scrollIntoViewIfNeeded();
  const left = await page.evaluate(() => window.scrollY);
  expect(left).toBeGreaterThan(0);
  await page.getByTestId('station-1122A').getByRole('link').click();
  await expect(page).toHaveURL(/\/air\?station=1122A$/);
  await expect(page.getByTestId('station-detail-1122A')).toBeVisible();
  expect(await stayed()).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByRole('link', { name: HEADINGS.air.zh }).first()).toHaveAttribute('aria-current', 'page');
  // Back and Forward change the view, not the document. Back finds the page whole, so the
  // browser puts the reader back where they left it (the lower part /air builds a turn later on
  // its first build must not be missing then).
  await page.goBack();
  await expect(page).toHaveURL(/\/air$/);
  await expect(page.getByTestId('station-detail-1122A')).toHaveCount(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(left);
  await page.goForward();
  await expect(page.getByTestId('station-detail-1122A')).toBeVisible();
  expect(await stayed()).toBe(true);
  // A click with Ctrl (a new tab) is the browser's: this page stays as it is.
  const opened = context.waitForEvent('page');
  await page.getByRole('link', { name: /返回全市/ }).click({ modifiers: ['Control'] });
  await (await opened).close();
  await expect(page).toHaveURL(/\/air\?station=1122A$/);
  expect(await stayed()).toBe(true);
  // Another bundle's route is a page load.
  await shell.nav().getByRole('link', { name: HEADINGS.water.zh }).click();
  await expect(page).toHaveURL(/\/water$/);
  await expect(shell.h1).toHaveText(HEADINGS.water.zh);
  expect(await stayed()).toBe(false);
});

test('a reader who tabbed into the static first screen keeps their place when the app takes over', async ({ page }) => {
  const shell = new ShellPage(page);
  // Hold the wasm back until the reader has moved into the static screen.
  let release: () => void = () => {};
  const released = new Promise<void>((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await released; await route.continue(); });
  await page.goto('/air', { waitUntil: 'commit' });
  await expect(shell.prerender).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(shell.prerender.locator('.cc-header__name')).toBeFocused();
  release();
  await shell.appStarted();
  await expect(shell.siteName).toBeFocused();
});

test('the keyboard reaches the skip link first, and it jumps to the content', async ({ page }) => {
  const shell = new ShellPage(page);
  await page.goto('/air');
  await expect(shell.h1).toHaveText(HEADINGS.air.zh);
  await page.keyboard.press('Tab');
  await expect(shell.skipLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shell.main).toBeFocused();
});

test('the same build works under a sub-path, deep links and navigation included', async ({ page, watch }) => {
  const shell = new ShellPage(page);
  const response = await page.goto('/sthjj/env/air');
  expect(response?.status()).toBe(200);
  await expect(shell.h1).toHaveText(HEADINGS.air.zh);
  await expect(page).toHaveURL(/\/sthjj\/env\/air$/);
  await shell.nav().getByRole('link', { name: HEADINGS.report.zh }).click();
  await expect(page).toHaveURL(/\/sthjj\/env\/report$/);
  await page.reload();
  await expect(shell.h1).toHaveText(HEADINGS.report.zh);
  await shell.homeLink.click();
  await expect(page).toHaveURL(/\/sthjj\/env\/$/);
  // Data files resolve under the sub-path after in-app navigation too.
  await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
  const missing = await page.goto('/sthjj/env/nowhere');
  expect(missing?.status()).toBe(404);
  await expect(shell.h1).toHaveText(SHELL.zh.notFound);
  allowProblem(watch, 'HTTP 404 /sthjj/env/nowhere');
});

test('the home page does not shift while its data loads', async ({ page }) => {
  // The data arrives late on purpose, after the loading state has been painted.
  await page.route('**/data/sample/*.json', async (route) => {
    await new Promise((r) => setTimeout(r, 700));
    await route.continue();
  });
  await page.addInitScript(() => {
    (window as any).__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) (window as any).__shifts.push([e.startTime, e.value, e.hadRecentInput]);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const lang of ['zh', 'en']) {
    for (const [width, height] of [[360, 740], [412, 823], [768, 1024], [1280, 800]]) {
      await page.setViewportSize({ width, height });
      await page.goto(`/?lang=${lang}`);
      await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
      await expect(page.getByTestId('water-headline')).toBeVisible();
      // The control: a shift the test causes now is reported; every earlier one is reported by then.
      // (A box of its own, painted, then moved: the page's layout plays no part in the control.)
      const control = await page.evaluate(async () => {
        const box = document.createElement('div');
        box.style.cssText = 'position:absolute;top:0;left:0;width:50vw;height:30vh;background:#000';
        document.body.append(box);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const now = performance.now();
        box.style.top = '40vh';
        return now;
      });
      // Chrome marks shifts just after a navigation as following input (hadRecentInput): the
      // control may be one of them, so any entry proves the observer live; the page's own shifts
      // count as CLS counts them.
      const shifts = () => page.evaluate(() => (window as any).__shifts as [number, number, boolean][]);
      await expect.poll(async () => (await shifts()).some(([t]) => t >= control), `the control shift at ${width}×${height} (${lang})`).toBe(true);
      const shift = (await shifts()).filter(([t, , input]) => t < control && !input).reduce((sum, [, v]) => sum + v, 0);
      expect(shift, `layout shift at ${width}×${height} (${lang})`).toBeLessThanOrEqual(0.02);
    }
  }
});

test('the static first screen says what the app then shows', async ({ page, request }) => {
  const shell = new ShellPage(page);
  for (const route of ['/', '/air', '/water', '/report']) {
    const html = await (await request.get(route)).text();
    const staticH1 = html.match(/<h1[^>]*class="cc-page__title"[^>]*>([^<]*)<\/h1>/)?.[1];
    const staticLead = html.match(/<p[^>]*class="cc-lead"[^>]*>([^<]*)<\/p>/)?.[1];
    expect(staticH1, `${route}: static heading`).toBeTruthy();
    await page.goto(route);
    await expect(shell.prerender).toHaveCount(0);
    await expect(shell.h1).toHaveText(staticH1!);
    await expect(page.locator('main .cc-lead').first()).toHaveText(staticLead!);
  }
});

test.describe('before the app starts', () => {
  // No service worker, so that a blocked bundle cannot come from its cache.
  test.use({ serviceWorkers: 'block' });

  // The app replaces the static first screen (src/prerender.rs) with its own elements, which the
  // Layout Instability API does not count as a shift; so the boxes are compared: each element of
  // the static screen, then the app's in its place, in both themes and at two widths.
  test('the static first screen and the app lay out the same', async ({ page }) => {
    const shell = new ShellPage(page);
    const boxes = () => page.evaluate(() => {
      const rects: Record<string, string> = {};
      const selectors = ['.cc-header', '.cc-header__name', '.cc-switch', '.cc-nav__link', 'main h1', 'main .cc-lead'];
      for (const sel of selectors) {
        document.querySelectorAll(sel).forEach((el, i) => {
          const r = el.getBoundingClientRect();
          // Where it is and what it says: the static screen is the app's own components.
          rects[`${sel}[${i}]`] = `${[r.x, r.y, r.width, r.height].map((v) => Math.round(v)).join(',')} ${el.textContent}`;
        });
      }
      return rects;
    });
    for (const route of ['/', '/air', '/water', '/report']) {
      for (const theme of ['normal', 'care']) {
        for (const [width, height] of [[360, 740], [1280, 800]]) {
          await page.setViewportSize({ width, height });
          await page.route('**/*.wasm', () => new Promise(() => {}));
          await page.goto(`${route}?theme=${theme}`, { waitUntil: 'domcontentloaded' });
          await expect(page.locator('#cc-prerender h1')).toBeVisible();
          const before = await boxes();
          await page.unrouteAll({ behavior: 'ignoreErrors' });
          await page.goto(`${route}?theme=${theme}`);
          await expect(shell.prerender).toHaveCount(0);
          await expect(page.locator('main h1')).toBeVisible();
          const after = await boxes();
          // The app draws more below (its data); the static screen's elements must be where they were.
          const same = Object.fromEntries(Object.keys(before).map((k) => [k, after[k]]));
          expect(same, `${route} at ${width} px (${theme})`).toEqual(before);
        }
      }
    }
  });

  // The loader fetches the app only after the static screen's first paint, even when the bundle
  // could come at once (from this machine): on a slow line the wasm would share the bandwidth
  // with the stylesheets and hold that paint back. The page's first and largest content is the
  // static introduction. An English reader, who has no static screen, gets the app at once.
  test('the static first screen is painted before the app is fetched and replaces it', async ({ page }) => {
    const shell = new ShellPage(page);
    await page.addInitScript(() => {
      const w = window as any;
      w.__lcp = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__lcp.push(e.startTime);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      // When the app removed the static screen.
      new MutationObserver(() => {
        if (w.__removed === undefined && document.readyState !== 'loading' && !document.getElementById('cc-prerender')) {
          w.__removed = performance.now();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const timing = () => page.evaluate(() => ({
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      largestPaint: (window as any).__lcp[0],
      removed: (window as any).__removed,
      wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm'))?.startTime,
    }));
    for (const route of ['/', '/air', '/water', '/report', '/air']) {
      await page.goto(route);
      await expect(shell.prerender).toHaveCount(0);
      // The paint entries arrive a little after the paint: read once all three are known.
      await expect.poll(async () => Object.values(await timing()).every((v) => v !== undefined)).toBe(true);
      const t = await timing();
      expect(t.largestPaint, `${route}: largest paint before the app`).toBeLessThan(t.removed);
      expect(t.wasm, `${route}: the wasm fetched after the first paint`).toBeGreaterThan(t.firstPaint);
    }
    await page.goto('/air?lang=en');
    await expect(page.getByRole('heading', { level: 1, name: 'Air quality' })).toBeVisible();
    const en = await timing();
    expect(en.wasm, 'English: the wasm fetched before any paint').toBeLessThan(en.firstPaint);
  });

  test('the static first screen is Chinese; an English reader never sees it', async ({ page }) => {
    const shell = new ShellPage(page);
    await page.route('**/*.wasm', () => new Promise(() => {})); // the app never starts
    await page.goto('/water', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#cc-prerender h1')).toHaveText(HEADINGS.water.zh);
    await expect(page.locator('#cc-prerender h1')).toBeVisible();
    // Its switches are links that work without the app: they reload this page with the choice.
    await expect(page.getByRole('link', { name: SHELL.zh.toEnglish })).toHaveAttribute('href', 'water?lang=en');
    await page.goto('/water?lang=en', { waitUntil: 'domcontentloaded' });
    await expect(shell.prerender).toBeHidden();
    await page.addInitScript(() => localStorage.setItem('cc.lang', 'en'));
    await page.goto('/water', { waitUntil: 'domcontentloaded' });
    await expect(shell.prerender).toBeHidden();
  });
});
test('no horizontal scrolling at 320 px', async ({ page }) => {
  const shell = new ShellPage(page);
  await page.setViewportSize({ width: 320, height: 640 });
  for (const [path] of ROUTES) {
    await page.goto(`${path}?theme=care`);
    await expect(shell.h1).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
});

test.describe('configuration errors are explained, never a blank page', () => {
  test('a syntax error names line and column', async ({ page }) => {
    const shell = new ShellPage(page);
    await page.goto('/fx/bad-config-syntax/air');
    const error = page.getByTestId('config-error');
    await expect(error).toContainText('config.json 第 3 行');
    await expect(error).toContainText('列');
    await shell.toEnglish.click();
    await expect(error).toContainText('line 3, column');
    await expect(shell.nav('en')).toBeVisible();
  });

  test('an unknown format names the key and the known formats', async ({ page }) => {
    await page.goto('/fx/unknown-format/?lang=en');
    const error = page.getByTestId('config-error').first();
    await expect(error).toContainText('air.latest.format');
    await expect(error).toContainText('cnemc-hourly-csv');
    await expect(error).toContainText('cc-water-json');
    // The forecast card blames the configuration too, not a forecast file.
    await expect(page.getByTestId('forecast-none')).toHaveText(
      'No forecast available: the site configuration has a problem, so the forecast cannot be found.',
    );
    await expectNoAxeViolations(page);
  });

  test('an unreachable config says so with the HTTP status', async ({ page, watch }) => {
    const shell = new ShellPage(page);
    await page.goto('/fx/config-500/water');
    await expect(page.getByTestId('config-error').first()).toContainText('HTTP 500');
    await expect(shell.h1).toHaveText(HEADINGS.water.zh);
    allowProblem(watch, 'HTTP 500 /fx/config-500/config.json');
  });
});
