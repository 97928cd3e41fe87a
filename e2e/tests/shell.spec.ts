// The app shell (foundation issue): every route in both languages, preferences, 404, sub-path
// hosting, configuration errors and keyboard entry.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, allowProblem, expectNoAxeViolations, expectNoHorizontalScroll } from './fixtures';

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
      const response = await page.goto(`${path}?lang=${lang}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'zh' ? zh : en);
      await expect(page.getByRole('navigation', { name: lang === 'zh' ? '主导航' : 'Main navigation' })).toBeVisible();
      await expect(page.getByRole('link', { name: lang === 'zh' ? '隐私说明' : 'Privacy' })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(lang === 'zh' ? zh : en));
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
      const name = path === '/' ? 'home' : path.slice(1);
      await page.screenshot({ path: `test-results/screens/${info.project.name}-${lang}-${name}.png`, fullPage: true });
    });
  }
}

test('the language choice is remembered across visits', async ({ page }) => {
  await page.goto('/air');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('空气质量');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Air quality');
  await page.goto('/water');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Water');
  await page.goto('/water?lang=zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('水环境');
});

test('关怀版 is remembered and can be set by the URL', async ({ page }) => {
  await page.goto('/');
  const care = page.getByRole('button', { name: '关怀版' });
  await expect(care).toHaveAttribute('aria-pressed', 'false');
  const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  await care.click();
  await expect(page.locator('html')).toHaveClass(/cc-care/);
  const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(parseFloat(after)).toBeGreaterThan(parseFloat(before));
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/cc-care/);
  await page.goto('/?theme=normal');
  await expect(page.locator('html')).not.toHaveClass(/cc-care/);
  await page.goto('/air?theme=care&lang=en');
  await expect(page.locator('html')).toHaveClass(/cc-care/);
  await expectNoAxeViolations(page);
});

test('an unknown address shows the 404 page with a real 404 status', async ({ page, watch }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
  await page.getByRole('link', { name: '返回首页' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('长春市环境信息');
  allowProblem(watch, 'HTTP 404 /no-such-page');
});

test('a route of another bundle reached in place loads that bundle; an unknown one below it is a 404', async ({ page, watch }) => {
  await page.goto('/notes');
  await expect(page.locator('#cc-prerender')).toHaveCount(0);
  // What history could bring: the main bundle's routes see /air.
  await page.evaluate(() => {
    history.pushState(null, '', '/air');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('空气质量');
  await expect(page.getByTestId('city-aqi')).toBeVisible();
  // The server answers an unknown path below /air with 404.html (the main bundle): shown as the
  // 404 page, not reloaded for ever.
  const response = await page.goto('/air/no-such-view');
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  allowProblem(watch, 'HTTP 404 /air/no-such-view');
});

// A resource that awaited the config resource tracked ran again when it arrived: every feed was
// fetched and parsed twice (feeds::config_once).
test('each page fetches the config and each of its feeds once', async ({ page }) => {
  const counts: Record<string, number> = {};
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/data/') || p === '/config.json') counts[p] = (counts[p] ?? 0) + 1;
  });
  await page.goto('/');
  await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('water-headline')).toBeVisible();
  await page.waitForTimeout(500);
  expect(counts).toEqual({
    '/config.json': 1,
    '/data/sample/air-latest.json': 1,
    '/data/sample/water-sections.json': 1,
    '/data/sample/water-results.json': 1,
  });
});

test('navigation in place moves focus to the new heading; a page of another bundle starts at its top', async ({ page }) => {
  await page.goto('/notes');
  await expect(page.locator('#cc-prerender')).toHaveCount(0);
  // /privacy is in the same bundle as /notes: followed in place, and the focus moves.
  await page.evaluate(() => { (window as unknown as { ccStay: number }).ccStay = 1; });
  await page.getByRole('link', { name: '隐私说明' }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('隐私说明');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { ccStay?: number }).ccStay)).toBe(1);
  // /water is another bundle: a page load, whose focus starts at the top (the skip link next).
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '水环境' }).click();
  await expect(page).toHaveURL(/\/water$/);
  await expect(page.getByRole('link', { name: '水环境' }).first()).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('#cc-prerender')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeFocused();
});

// src/nav.rs: the site's own navigation in place (it replaced leptos_router to save 32–34 KB per bundle).
test('links within a bundle are followed in place, history restores them, the rest is left to the browser', async ({ page, context }) => {
  await page.goto('/air');
  await expect(page.locator('#cc-prerender')).toHaveCount(0);
  await expect(page.getByTestId('station-1122A')).toBeVisible();
  // A marker that only survives if the document is not loaded again.
  await page.evaluate(() => { (window as unknown as { ccStay: number }).ccStay = 1; });
  const stayed = () => page.evaluate(() => (window as unknown as { ccStay?: number }).ccStay === 1);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.getByTestId('station-1122A').getByRole('link').click();
  await expect(page).toHaveURL(/\/air\?station=1122A$/);
  await expect(page.getByTestId('station-detail-1122A')).toBeVisible();
  expect(await stayed()).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByRole('link', { name: '空气质量' }).first()).toHaveAttribute('aria-current', 'page');
  // Back and Forward change the view, not the document.
  await page.goBack();
  await expect(page).toHaveURL(/\/air$/);
  await expect(page.getByTestId('station-detail-1122A')).toHaveCount(0);
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
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '水环境' }).click();
  await expect(page).toHaveURL(/\/water$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('水环境');
  expect(await stayed()).toBe(false);
});

test('a reader who tabbed into the static first screen keeps their place when the app takes over', async ({ page }) => {
  // Hold the wasm back until the reader has moved into the static screen.
  let release: () => void = () => {};
  const released = new Promise<void>((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await released; await route.continue(); });
  await page.goto('/air', { waitUntil: 'commit' });
  await expect(page.locator('#cc-prerender')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('#cc-prerender .cc-header__name')).toBeFocused();
  release();
  await expect(page.locator('#cc-prerender')).toHaveCount(0);
  await expect(page.locator('.cc-header__name')).toBeFocused();
});

test('the keyboard reaches the skip link first, and it jumps to the content', async ({ page }) => {
  await page.goto('/air');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('空气质量');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('the same build works under a sub-path, deep links and navigation included', async ({ page, watch }) => {
  const response = await page.goto('/sthjj/env/air');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('空气质量');
  await expect(page).toHaveURL(/\/sthjj\/env\/air$/);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我要举报' }).click();
  await expect(page).toHaveURL(/\/sthjj\/env\/report$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我要举报');
  await page.getByRole('link', { name: '绿色长春 · 环境信息' }).click();
  await expect(page).toHaveURL(/\/sthjj\/env\/$/);
  // Data files resolve under the sub-path after in-app navigation too.
  await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
  const missing = await page.goto('/sthjj/env/nowhere');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
  allowProblem(watch, 'HTTP 404 /sthjj/env/nowhere');
});

test('the home page does not shift while its data loads', async ({ page }) => {
  // The data arrives late on purpose, after the loading state has been painted.
  await page.route('**/data/sample/*.json', async (route) => {
    await new Promise((r) => setTimeout(r, 700));
    await route.continue();
  });
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const lang of ['zh', 'en']) {
    for (const [width, height] of [[360, 740], [412, 823], [768, 1024], [1280, 800]]) {
      await page.setViewportSize({ width, height });
      await page.goto(`/?lang=${lang}`);
      await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
      await expect(page.getByTestId('water-headline')).toBeVisible();
      await page.waitForTimeout(300);
      const shift = await page.evaluate(() => (window as any).__shift);
      expect(shift, `layout shift at ${width}×${height} (${lang})`).toBeLessThanOrEqual(0.02);
    }
  }
});

test('the static first screen says what the app then shows', async ({ page, request }) => {
  for (const route of ['/', '/air', '/water', '/report']) {
    const html = await (await request.get(route)).text();
    const staticH1 = html.match(/<h1[^>]*class="cc-page__title"[^>]*>([^<]*)<\/h1>/)?.[1];
    const staticLead = html.match(/<p[^>]*class="cc-lead"[^>]*>([^<]*)<\/p>/)?.[1];
    expect(staticH1, `${route}: static heading`).toBeTruthy();
    await page.goto(route);
    await expect(page.locator('#cc-prerender')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(staticH1!);
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
          await expect(page.locator('#cc-prerender')).toHaveCount(0);
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
      await expect(page.locator('#cc-prerender')).toHaveCount(0);
      await page.waitForTimeout(200);
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
    await page.route('**/*.wasm', () => new Promise(() => {})); // the app never starts
    await page.goto('/water', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#cc-prerender h1')).toHaveText('水环境');
    await expect(page.locator('#cc-prerender h1')).toBeVisible();
    // Its switches are links that work without the app: they reload this page with the choice.
    await expect(page.getByRole('link', { name: 'Switch to English' })).toHaveAttribute('href', 'water?lang=en');
    await page.goto('/water?lang=en', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#cc-prerender')).toBeHidden();
    await page.addInitScript(() => localStorage.setItem('cc.lang', 'en'));
    await page.goto('/water', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#cc-prerender')).toBeHidden();
  });
});
test('no horizontal scrolling at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const [path] of ROUTES) {
    await page.goto(`${path}?theme=care`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
});

test.describe('configuration errors are explained, never a blank page', () => {
  test('a syntax error names line and column', async ({ page }) => {
    await page.goto('/fx/bad-config-syntax/air');
    const error = page.getByTestId('config-error');
    await expect(error).toContainText('config.json 第 3 行');
    await expect(error).toContainText('列');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(error).toContainText('line 3, column');
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  });

  test('an unknown format names the key and the known formats', async ({ page }) => {
    await page.goto('/fx/unknown-format/?lang=en');
    const error = page.getByTestId('config-error').first();
    await expect(error).toContainText('air.latest.format');
    await expect(error).toContainText('cnemc-hourly-csv');
    await expect(error).toContainText('cc-water-json');
    await expectNoAxeViolations(page);
  });

  test('an unreachable config says so with the HTTP status', async ({ page, watch }) => {
    await page.goto('/fx/config-500/water');
    await expect(page.getByTestId('config-error').first()).toContainText('HTTP 500');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('水环境');
    allowProblem(watch, 'HTTP 500 /fx/config-500/config.json');
  });
});
