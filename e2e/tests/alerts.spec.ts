// 重污染天气预警 (air.alerts, cc-alerts-json): while a warning is in force every page and the
// widget show it above everything, in words and colour, with its validity and measures; it
// appears and disappears at its start and end, and when the issuer lifts it, without a reload;
// it is announced once. Warnings are made at test time and served in place of the sample file
// (whose one warning ended in 2021), through the real parser; the page's clock is Playwright's.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Route } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { ALERTS, DATA } from './strings';

const ALERTS_URL = /\/data\/sample\/air-alerts\.json(\?.*)?$/;
const SITE = JSON.parse(fs.readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../target/site.json'), 'utf8'));
const ROUTES: string[] = SITE.routes.map((r: { path: string }) => r.path).filter((p: string) => p !== '/report/status');

const MINUTE = 60_000;
/** A fixed start for the page clock, on a minute boundary. */
const T0 = Math.floor(Date.now() / MINUTE) * MINUTE;

/** `t` (ms since the epoch) as Beijing time with its offset. */
function beijing(t: number): string {
  return `${new Date(t + 8 * 3600_000).toISOString().slice(0, 16)}+08:00`;
}

function warning(level: string, startsMin: number, endsMin: number | null, extra: Record<string, unknown> = {}) {
  return {
    level, issuer: '长春市重污染天气应急指挥部', issued: beijing(T0 - 120 * MINUTE),
    starts: beijing(T0 + startsMin * MINUTE), ends: endsMin === null ? null : beijing(T0 + endsMin * MINUTE),
    headline: `长春市启动重污染天气${level === 'red' ? '红色' : '橙色'}预警`,
    measures: ['机动车尾号限行', '停止室外大型活动'],
    url: 'https://sthjj.changchun.gov.cn/',
    ...extra,
  };
}

/** Serves the warnings file from `body()` (called per request), for the whole context. */
async function serveAlerts(context: BrowserContext, body: () => unknown) {
  await context.route(ALERTS_URL, (route: Route) => {
    const b = body();
    return route.fulfill({ status: 200, contentType: 'application/json', body: typeof b === 'string' ? b : JSON.stringify(b) });
  });
}

function doc(alerts: unknown[]) { return { format: 'cc-alerts-json', version: 1, sample: false, alerts }; }

function banner(page: Page) { return page.getByTestId('alerts'); }

test('the bundled sample warning is long over: no banner', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
  await expect(banner(page)).toBeAttached();
  await expect(banner(page).getByTestId('alert')).toHaveCount(0);
});

test('a warning in force is shown above the header of every page, in words and colour', async ({ page, context }) => {
  await serveAlerts(context, () => doc([warning('orange', -60, 120)]));
  for (const route of ROUTES) {
    await page.goto(route);
    const alert = banner(page).getByTestId('alert');
    await expect(alert, route).toHaveCount(1);
    await expect(alert).toContainText(`${ALERTS.zh.heading} · ${ALERTS.zh.orange}`);
    // Above everything: before the header in the page.
    const order = await page.evaluate(() => {
      const a = document.querySelector('[data-testid="alerts"]')!;
      const h = document.querySelector('header')!;
      return a.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order, `${route}: the banner comes before the header`).toBeTruthy();
  }
  const alert = banner(page).getByTestId('alert');
  await expect(alert).toHaveAttribute('data-level', 'orange');
  await expect(alert).toContainText('长春市启动重污染天气橙色预警');
  await expect(alert).toContainText(`有效期：`);
  await expect(alert.getByRole('listitem')).toHaveText(['机动车尾号限行', '停止室外大型活动']);
  await expect(alert.getByRole('link', { name: '预警详情（发布单位网站）' })).toHaveAttribute('href', 'https://sthjj.changchun.gov.cn/');
  // config.json marks the source as sample data.
  await expect(banner(page).getByTestId('sample')).toContainText(DATA.sample);
  await expectNoAxeViolations(page, '[data-testid="alerts"]');

  await page.goto('/air?lang=en');
  await expect(banner(page).getByTestId('alert')).toContainText(ALERTS.en.orange);
  // The issuer gave no English headline: the Chinese one is marked as Chinese.
  await expect(banner(page).locator('.cc-alert__headline')).toHaveAttribute('lang', 'zh-CN');
  await expectNoAxeViolations(page, '[data-testid="alerts"]');
});

test('several warnings: the most severe first, each colour readable', async ({ page, context }) => {
  await serveAlerts(context, () => doc([
    warning('blue', -30, 60), warning('yellow', -30, 60), warning('orange', -30, 60), warning('red', -10, null),
  ]));
  await page.goto('/water');
  const alerts = banner(page).getByTestId('alert');
  await expect(alerts).toHaveCount(4);
  expect(await alerts.evaluateAll((els) => els.map((e) => e.getAttribute('data-level')))).toEqual(['red', 'orange', 'yellow', 'blue']);
  await expect(alerts.first()).toContainText('直至解除');
  await expectNoAxeViolations(page, '[data-testid="alerts"]');
});

test('a warning appears at its start and disappears at its end, without a reload', async ({ page, context }) => {
  await page.clock.install({ time: T0 });
  await serveAlerts(context, () => doc([warning('orange', 2, 5)]));
  await page.goto('/');
  await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
  await expect(banner(page).getByTestId('alert')).toHaveCount(0);
  await page.clock.runFor('02:00');
  await expect(banner(page).getByTestId('alert')).toHaveCount(1);
  await page.clock.runFor('03:00');
  await expect(banner(page).getByTestId('alert')).toHaveCount(0);
});

test('a lifted warning disappears at the next refresh; a refresh that finds the same warning is not announced again', async ({ page, context }) => {
  let lifted = false;
  await page.clock.install({ time: T0 });
  await serveAlerts(context, () => doc(lifted ? [] : [warning('orange', -60, null)]));
  await page.addInitScript(() => {
    (window as any).__liveChanges = 0;
    new MutationObserver(() => {
      const region = document.querySelector('[data-testid="alerts"]');
      if (region && !(window as any).__observed) {
        (window as any).__observed = true;
        new MutationObserver((records) => { (window as any).__liveChanges += records.length; })
          .observe(region, { childList: true, subtree: true, characterData: true });
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  await expect(banner(page)).toHaveAttribute('aria-live', 'polite');
  await expect(banner(page).getByTestId('alert')).toHaveCount(1);
  const afterFirst = await page.evaluate(() => (window as any).__liveChanges);
  expect(afterFirst).toBeGreaterThan(0);
  // Ten minutes on (the refresh period): the same file again changes nothing in the live region.
  const requests: string[] = [];
  page.on('request', (r) => { if (ALERTS_URL.test(r.url())) requests.push(r.url()); });
  await page.clock.runFor('10:00');
  await expect.poll(() => requests.length).toBeGreaterThan(0);
  await expect(banner(page).getByTestId('alert')).toHaveCount(1);
  expect(await page.evaluate(() => (window as any).__liveChanges)).toBe(afterFirst);
  // The positive control: the issuer lifts it, and the next refresh takes it away.
  lifted = true;
  await page.clock.runFor('10:00');
  await expect(banner(page).getByTestId('alert')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__liveChanges)).toBeGreaterThan(afterFirst);
});

test('hostile text stays text, a javascript: link is dropped, a bad warning costs that warning', async ({ page, context }) => {
  await serveAlerts(context, () => doc([
    warning('purple', -10, 60),
    warning('red', -10, 60, {
      headline: '<img src=x onerror="document.title=\'owned\'">预警',
      measures: ['<script>document.title="owned"</script>'],
      url: 'javascript:document.title="owned"',
    }),
  ]));
  await page.goto('/');
  const alert = banner(page).getByTestId('alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText('<img src=x onerror=');
  await expect(alert).toContainText('<script>');
  await expect(banner(page).locator('img, script')).toHaveCount(0);
  await expect(alert.getByRole('link')).toHaveCount(0);
  // The warning that could not be read is named, not left out in silence.
  await expect(banner(page).getByTestId('skipped-cells')).toContainText('air-alerts.json（alerts[0].level');
  expect(await page.title()).not.toContain('owned');
});

test('a file whose only warning cannot be read says so, even with nothing in force', async ({ page, context }) => {
  await serveAlerts(context, () => doc([warning('purple', -10, 60)]));
  await page.goto('/water?lang=en');
  await expect(banner(page).getByTestId('alert')).toHaveCount(0);
  await expect(banner(page).getByTestId('skipped-cells')).toContainText('air-alerts.json (alerts[0].level');
  await page.goto('/widget.html?view=report');
  await expect(page.getByTestId('alerts').getByTestId('skipped-cells')).toContainText('alerts[0].level');
});

test('a malformed warnings file is said to be unreadable and hides nothing else', async ({ page, context }) => {
  await serveAlerts(context, () => '{"format": "cc-alerts-json", "alerts": [');
  await page.goto('/');
  await expect(banner(page).getByTestId('alerts-unreadable')).toContainText('重污染天气预警信息暂时无法读取');
  await expect(banner(page).getByTestId('alerts-unreadable')).toContainText('air-alerts.json');
  await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the widget shows a warning in force above its views, in every view', async ({ page, context }) => {
  await serveAlerts(context, () => doc([warning('red', -10, 60, { headline_en: 'Red heavy-pollution warning', measures_en: ['Odd-even driving'] })]));
  for (const view of ['aqi', 'water', 'report']) {
    await page.goto(`/widget.html?view=${view}&lang=en`);
    const alert = page.getByTestId('alerts').getByTestId('alert');
    await expect(alert, view).toContainText('Red warning (level I, the most severe)');
    await expect(alert).toContainText('Red heavy-pollution warning');
    await expect(alert.getByRole('listitem')).toHaveText(['Odd-even driving']);
  }
  await expectNoAxeViolations(page);
});
