// 空气质量预报 (air.forecast, cc-forecast-json): the coming days on the home page, /air and the
// AQI widget while the forecast is fresh; 暂无预报 and why when it is stale, past, absent or
// unreadable. Fresh forecasts are made at test time (the bundled sample was issued in 2021, so
// it is stale by design) and served in place of the sample file, through the real parser.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { DATA, FORECAST } from './strings';

const FORECAST_URL = /\/data\/sample\/air-forecast\.json(\?.*)?$/;

/** A Beijing date `days` from today, YYYY-MM-DD. */
function beijingDate(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Now minus `hours`, as ISO with the +08:00 offset. */
function beijingIso(hoursAgo: number): string {
  const t = new Date(Date.now() + 8 * 3600_000 - hoursAgo * 3600_000).toISOString().slice(0, 16);
  return `${t}+08:00`;
}

function forecastDoc(days: unknown[], hoursAgo = 2) {
  return {
    format: 'cc-forecast-json', version: 1, sample: false,
    issuer: '长春市生态环境监测中心', issued_at: beijingIso(hoursAgo), days,
  };
}

const FRESH_DAYS = [
  { date: beijingDate(0), aqi: [30, 50], primary: [] },
  { date: beijingDate(1), aqi: [55, 75], primary: ['PM2.5'], text: '扩散条件一般。', text_en: 'Fair dispersion.' },
  { date: beijingDate(2), aqi: [85, 120], primary: ['PM2.5', 'PM10'] },
];

/** Serves `body` (a document, or raw text) as the forecast file for the whole context. */
async function serveForecast(context: BrowserContext, body: unknown) {
  await context.route(FORECAST_URL, (route) => route.fulfill({
    status: 200,
    contentType: 'application/json',
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }));
}

/** config.json as served, with `edit` applied (for the context, as the service worker sees it). */
async function editConfig(context: BrowserContext, edit: (config: any) => void) {
  await context.route(/\/config\.json(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    edit(config);
    await route.fulfill({ status: 200, contentType: 'application/json', json: config });
  });
}

function card(page: Page) { return page.getByTestId('forecast'); }

/** A day's line as shown: "AQI" and its range are joined by a no-break space, and word joiners
 * keep the range's dash and a pollutant name's bracket from breaking. */
function line(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/–/g, '–\u2060?').replace(/\\\(/g, '\u2060?\\(')
    .replace(/ /g, '\\s');
  return new RegExp(`^${escaped}$`);
}

test('the bundled sample forecast is stale, and says so instead of showing old days', async ({ page }) => {
  await page.goto('/');
  await expect(card(page).getByRole('heading', { name: FORECAST.zh.heading })).toBeVisible();
  await expect(card(page).getByTestId('forecast-none')).toHaveText(
    `${FORECAST.zh.none}：最新预报发布于 2021-12-31 16:00（北京时间），已超过 36 小时。`,
  );
  await expect(card(page).getByTestId('forecast-day')).toHaveCount(0);
  await page.goto('/air?lang=en');
  await expect(card(page).getByTestId('forecast-none')).toHaveText(
    `${FORECAST.en.none}: the newest forecast was issued at 2021-12-31 16:00 Beijing time, more than 36 hours ago.`,
  );
});

test('a fresh forecast shows today and the coming days on the home page and /air, in both languages', async ({ page, context }) => {
  await serveForecast(context, forecastDoc(FRESH_DAYS));
  await page.goto('/');
  const days = card(page).getByTestId('forecast-day');
  await expect(days).toHaveCount(3);
  await expect(days.nth(0)).toHaveText(line('今天 优 AQI 30–50'));
  await expect(days.nth(1)).toHaveText(line('明天 良 AQI 55–75 · 首要污染物 细颗粒物(PM2.5)扩散条件一般。'));
  await expect(days.nth(2)).toHaveText(line('后天 良至轻度污染 AQI 85–120 · 首要污染物 颗粒物(PM10),细颗粒物(PM2.5)'));
  // The level is in words as well as colour; the range's colour is its upper level's.
  await expect(days.nth(2).locator('.cc-forecast__level')).toHaveClass(/cc-level--3/);
  await expect(card(page).getByTestId('forecast-issued')).toContainText('长春市生态环境监测中心 于');
  // config.json marks the source as sample data, so the card says so.
  await expect(card(page).getByTestId('sample')).toContainText(DATA.sample);
  await expectNoAxeViolations(page, '[data-testid="forecast"]');

  await page.goto('/air?lang=en');
  await expect(days).toHaveCount(3);
  await expect(days.nth(0)).toHaveText(line('Today Excellent AQI 30–50'));
  await expect(days.nth(1)).toHaveText(line('Tomorrow Good AQI 55–75 · Main pollutant PM2.5Fair dispersion.'));
  await expect(days.nth(1).locator('.cc-forecast__words')).toHaveAttribute('lang', 'en');
  await expect(card(page).getByTestId('forecast-issued')).toContainText('Issued by 长春市生态环境监测中心 at');
  await expectNoAxeViolations(page, '[data-testid="forecast"]');
  // The forecast is the city's: a station's view does not repeat it.
  await page.goto('/air?station=1119A');
  await expect(page.getByTestId('station-detail-1119A')).toBeVisible();
  await expect(card(page)).toHaveCount(0);
});

test('a forecast issued more than 36 hours ago is not shown', async ({ page, context }) => {
  await serveForecast(context, forecastDoc(FRESH_DAYS, 37));
  await page.goto('/');
  await expect(card(page).getByTestId('forecast-none')).toContainText('已超过 36 小时');
  await expect(card(page).getByTestId('forecast-day')).toHaveCount(0);
});

test('a fresh forecast of past days only is not shown', async ({ page, context }) => {
  await serveForecast(context, forecastDoc([{ date: beijingDate(-1), aqi: [40, 60] }]));
  await page.goto('/');
  await expect(card(page).getByTestId('forecast-none')).toContainText('只包含今天以前的日期');
});

test('without a forecast source the card says so', async ({ page, context }) => {
  await editConfig(context, (config) => { delete config.air.forecast; });
  await page.goto('/');
  await expect(card(page).getByTestId('forecast-none')).toHaveText(`${FORECAST.zh.none}：本站未配置空气质量预报。`);
});

test('an empty forecast file says so', async ({ page, context }) => {
  await serveForecast(context, forecastDoc([]));
  await page.goto('/');
  await expect(card(page).getByTestId('forecast-none')).toHaveText(`${FORECAST.zh.none}：预报文件中没有任何一天的预报。`);
});

test('an unreadable forecast file is named with its line, and the rest of the page stands', async ({ page, context }) => {
  await serveForecast(context, '{\n  "format": "cc-forecast-json",\n  "days": [,]\n}');
  await page.goto('/');
  await expect(card(page).getByTestId('forecast-none')).toHaveText(`${FORECAST.zh.none}：预报文件无法读取。`);
  await expect(card(page)).toContainText('air-forecast.json');
  await expect(card(page)).toContainText('第 3 行');
  await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
});

test('a bad day costs that day, hostile text stays text', async ({ page, context }) => {
  await serveForecast(context, forecastDoc([
    FRESH_DAYS[0],
    { date: beijingDate(1), aqi: [90, 40] },
    { date: beijingDate(2), aqi: [40, 60], text: '<img src=x onerror="document.title=\'owned\'">' },
  ]));
  await page.goto('/');
  const days = card(page).getByTestId('forecast-day');
  await expect(days).toHaveCount(2);
  await expect(days.nth(1)).toContainText('<img src=x onerror=');
  await expect(card(page).locator('img')).toHaveCount(0);
  await expect(card(page).getByTestId('skipped-cells')).toContainText('days[1].aqi');
  expect(await page.title()).not.toContain('owned');
});

test('the AQI widget shows the forecast under the AQI card, and 暂无预报 when it is stale', async ({ page, context }) => {
  await page.goto('/widget.html?view=aqi');
  const forecast = page.getByTestId('widget-forecast');
  await expect(forecast.getByRole('heading', { name: FORECAST.zh.heading })).toBeVisible();
  await expect(forecast.getByTestId('forecast-none')).toContainText('已超过 36 小时');

  await serveForecast(context, forecastDoc(FRESH_DAYS));
  await page.goto('/widget.html?view=aqi&lang=en');
  await expect(forecast.getByTestId('forecast-day')).toHaveCount(3);
  await expect(forecast.getByTestId('forecast-day').nth(1)).toHaveText(line('Tomorrow Good AQI 55–75 · Main pollutant PM2.5Fair dispersion.'));
  await expectNoAxeViolations(page);
  // The water and report views load no forecast.
  await page.goto('/widget.html?view=water');
  await expect(page.getByTestId('widget-water')).toBeVisible();
  await expect(forecast).toHaveCount(0);
});
