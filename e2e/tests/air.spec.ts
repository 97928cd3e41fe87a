// The /air page, on a phone-sized screen in the phone project.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, allowProblem, expectNoAxeViolations } from './fixtures';
import { AirPage } from './pages/air';
import { CHARTS_MODULE, canvasColours, chartsModuleFiles } from './pages/chart';
import { ShellPage } from './pages/shell';
import { DATA, HEADINGS, SHELL } from './strings';

const REAL = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/data/cnemc-changchun');

test('the city card shows AQI, level in words, main pollutant, data time and the sample label', async ({ page }) => {
  const air = new AirPage(page);
  await air.goto();
  const card = air.cityCard;
  await expect(card.getByTestId('aqi')).toHaveText(/^\d+$/);
  await expect(card).toContainText(/[一二三四五六]级 (优|良|轻度污染|中度污染|重度污染|严重污染)/);
  await expect(card).toContainText(DATA.beijingTime);
  await expect(card).toContainText(/由 \d 个评价点/);
  await expect(card.getByTestId('sample')).toContainText(DATA.sample);
  await expect(card.getByTestId('stale')).toBeVisible();
  await expect(air.pollutants()).toBeVisible();
  await expect(page.getByRole('heading', { name: /健康提示/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the station table lists all 10 stations, marks the background station and sorts', async ({ page }) => {
  const air = new AirPage(page);
  await air.goto('?lang=en');
  const rows = air.stationRows;
  await expect(rows).toHaveCount(10);
  await expect(air.station('1125A')).toContainText('background station');
  await page.getByLabel('Sort').selectOption({ label: 'AQI high to low' });
  const values = await rows.locator('[data-testid="aqi"]').allTextContents();
  const numbers = values.filter((v) => v !== '—').map(Number);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
});

test('a station detail view and a time-travel link are shareable', async ({ page }) => {
  const air = new AirPage(page);
  await air.goto();
  await air.station('1122A').getByRole('link').click();
  await expect(page).toHaveURL(/\/air\?station=1122A/);
  await expect(air.stationDetail('1122A')).toContainText('劳动公园');
  await page.getByRole('link', { name: /上一小时/ }).click();
  await expect(page).toHaveURL(/station=1122A&at=2021-12-31T23:00/);
  await page.reload();
  await expect(air.stationDetail('1122A')).toContainText('2021-12-31 23:00 北京时间');
  await page.goto('/air?at=2021-12-31T20:00');
  await expect(air.cityCard).toContainText('2021-12-31 20:00');
  await page.goto('/air?at=yesterday');
  await expect(page.getByRole('status').filter({ hasText: 'YYYY-MM-DDTHH:00' })).toBeVisible();
});

test('each chart has a summary, a table alternative and a CSV download labelled as sample', async ({ page }) => {
  const air = new AirPage(page);
  await air.goto();
  const hourly = air.chart('chart-hourly-aqi');
  await expect(hourly.getByTestId('chart-summary')).toContainText('AQI');
  await hourly.getByText(DATA.asTable).click();
  await expect(hourly.getByRole('table')).toBeVisible();
  await expect(hourly.getByRole('row')).toHaveCount(25);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    hourly.getByRole('link', { name: /下载数据/ }).click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('示例数据');
  expect(download.suggestedFilename()).toBe('hourly-aqi-sample.csv');

  // The 30-day and year charts are a page (and bundle) of their own, ending at the hour shown.
  await page.getByRole('link', { name: HEADINGS.history.zh }).click();
  await expect(page).toHaveURL(/\/air\/history\?at=\d{4}-\d\d-\d\dT\d\d:00$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADINGS.history.zh);
  await expect(new ShellPage(page).nav().getByRole('link', { name: HEADINGS.air.zh })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: /载入全年数据/ }).click();
  // Twelve monthly files are fetched and parsed: at the start of a run on a busy 2-core machine
  // this has taken more than the default 10 s once.
  await expect(page.getByTestId('chart-daily-aqi').getByTestId('chart-summary')).not.toBeEmpty({ timeout: 20_000 });
  for (const id of ['chart-daily-aqi', 'chart-aqi-calendar']) {
    const chart = page.getByTestId(id);
    await expect(chart.getByTestId('chart-summary')).not.toBeEmpty();
    await chart.getByText(DATA.asTable).click();
    await expect(chart.getByRole('table')).toBeVisible();
  }
  await expect(page.getByTestId('chart-aqi-calendar').getByTestId('chart-summary')).toContainText('优良');
  await expectNoAxeViolations(page);
});

test('the charts are drawn by the charts module, fetched once and only by a page that shows one', async ({ page }) => {
  const air = new AirPage(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
  await page.waitForLoadState('networkidle');
  expect(chartsModuleFiles(fetched)).toEqual([]);
  await air.goto();
  const hourly = air.chart('chart-hourly-aqi');
  // Below the stations, well beyond the first screen: neither fetched nor drawn while out of sight.
  await expect(hourly.getByTestId('chart-summary')).toContainText('AQI');
  await page.waitForLoadState('networkidle');
  const { top, viewport } = await hourly.evaluate((el) => ({ top: el.getBoundingClientRect().top, viewport: innerHeight }));
  expect(top).toBeGreaterThan(viewport + 400);
  expect(chartsModuleFiles(fetched)).toEqual([]);
  expect(await canvasColours(hourly)).toBe(0);
  await hourly.scrollIntoViewIfNeeded();
  await expect.poll(() => canvasColours(hourly), { timeout: 15_000 }).toBeGreaterThan(5);
  await expect(hourly.locator('canvas')).toBeVisible();
  await expect(hourly.getByTestId('chart-not-drawn')).toHaveCount(0);
  // A station's line is a second chart on the same page: the module is not fetched again.
  await air.station('1122A').getByRole('link').first().click();
  await expect(air.stationDetail('1122A')).toBeVisible();
  await air.chart('chart-hourly-aqi').scrollIntoViewIfNeeded();
  await expect.poll(() => canvasColours(air.chart('chart-hourly-aqi'))).toBeGreaterThan(5);
  expect(chartsModuleFiles(fetched)).toEqual(['charts-….js', 'charts-…_bg.wasm']);
});

test('on paper, a chart the reader never came near prints as its table, not as an empty box', async ({ page }) => {
  const air = new AirPage(page);
  await air.goto();
  const hourly = air.chart('chart-hourly-aqi');
  const table = hourly.getByRole('table');
  await expect(hourly.getByTestId('chart-summary')).toContainText('AQI');
  // On screen: the canvas keeps its place, the table is behind its disclosure.
  await expect(hourly.locator('canvas')).toBeVisible();
  await expect(table).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(hourly.locator('canvas')).toBeHidden();
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(25);
  await expect(hourly.getByText(DATA.asTable)).toBeHidden();
  // Drawn once the reader came near it: on paper it is the picture, as on screen.
  await page.emulateMedia({ media: 'screen' });
  await hourly.scrollIntoViewIfNeeded();
  await expect.poll(() => canvasColours(hourly), { timeout: 15_000 }).toBeGreaterThan(5);
  await page.emulateMedia({ media: 'print' });
  await expect(hourly.locator('canvas')).toBeVisible();
  await expect(table).toBeHidden();
});

test.describe('without the service worker', () => {
  // Once the worker controls the page, it answers the module from its cache (it is part of the
  // app shell); the route below can fail only the network, as on a first visit.
  test.use({ serviceWorkers: 'block' });
  test('a charts module that cannot be fetched leaves every chart its summary and table, and says so', async ({ page, watch }) => {
    const air = new AirPage(page);
    await page.route(CHARTS_MODULE, (route) => route.abort('internetdisconnected'));
    await air.goto('?lang=en');
    const hourly = air.chart('chart-hourly-aqi');
    await hourly.scrollIntoViewIfNeeded();
    await expect(hourly.getByTestId('chart-not-drawn')).toHaveText(DATA.chartNotDrawn.en);
    await expect(hourly.locator('canvas')).toBeHidden();
    await expect(hourly.getByTestId('chart-summary')).toContainText('AQI');
    await hourly.getByText('View the data as a table').click();
    await expect(hourly.getByRole('row')).toHaveCount(25);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: SHELL.en.toChinese }).click();
    await air.chart('chart-hourly-aqi').scrollIntoViewIfNeeded();
    await expect(air.chart('chart-hourly-aqi').getByTestId('chart-not-drawn')).toHaveText(DATA.chartNotDrawn.zh);
    watch.problems.splice(0, watch.problems.length, ...watch.problems.filter((p) => !/charts/.test(p)));
  });
});

test('a feed answering HTTP 500 is explained and the rest of the site keeps working', async ({ page, watch }) => {
  const air = new AirPage(page);
  await page.goto('/fx/air-feed-500/air');
  await expect(air.feedError).toContainText('HTTP 500');
  await expect(air.feedError).toContainText('air-latest.json');
  await new ShellPage(page).nav().getByRole('link', { name: HEADINGS.report.zh }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADINGS.report.zh);
  allowProblem(watch, 'HTTP 500 /fx/air-feed-500/data/sample/air-latest.json');
});

test('a bad cell costs that cell: the page names the file, line and column and shows the rest', async ({ page }) => {
  const air = new AirPage(page);
  await page.goto('/fx/air-bad-csv/air?lang=en');
  const note = page.getByTestId('skipped-cells').first();
  await expect(note).toContainText(/1 data cell could not be read and was skipped: bad\.csv line 3, column 50\b/);
  await expect(air.feedError).toHaveCount(0);
  // 11:00 is still shown with its other values; only the bad PM10 cell is missing (and with it,
  // per HJ 633, that hour's AQI).
  await expect(air.cityCard).toContainText('2021-03-01 11:00');
  const table = air.pollutants('The six pollutants');
  const value = (name: RegExp) => table.getByRole('row', { name }).getByRole('cell').first();
  await expect(value(/PM2\.5/)).toHaveText(/^21 [µμ]g\/m³$/);
  await expect(value(/NO2|NO₂/)).toHaveText(/^20 [µμ]g\/m³$/);
  await expect(value(/PM10/)).toHaveText(/^missing /);
  await expectNoAxeViolations(page);
  await page.goto('/fx/air-bad-csv/air?lang=zh');
  await expect(page.getByTestId('skipped-cells').first()).toContainText('1 个数据单元无法读取，已跳过：bad.csv 第 3 行第 50 列');
});

// The parsers of the formats other than our own are a wasm module of their own
// (src/feeds/module.rs), fetched only by a page whose configuration names such a format.
const FEEDS_MODULE = /\/feeds-[0-9a-f]+(_bg\.wasm|\.js)$/;

test('the feeds module is fetched only when the configuration names a format only it reads', async ({ page }) => {
  const air = new AirPage(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await air.goto();
  await expect(air.cityCard.getByTestId('aqi')).toHaveText(/^\d+$/);
  expect(fetched.filter((p) => FEEDS_MODULE.test(p))).toEqual([]);
  await page.goto('/fx/air-bad-csv/air?lang=en');
  await expect(air.cityCard).toContainText('2021-03-01 11:00');
  const module = fetched.filter((p) => FEEDS_MODULE.test(p)).map((p) => p.replace(/.*\/feeds-[0-9a-f]+/, 'feeds-…'));
  expect(module.sort()).toEqual(['feeds-….js', 'feeds-…_bg.wasm']);
  // The history bundle reads every air format itself (the year is parsed there): no module.
  fetched.length = 0;
  await page.goto('/fx/air-bad-csv/air/history?lang=en');
  await expect(page.getByTestId('data-as-of')).toContainText('2021-03-01');
  expect(fetched.filter((p) => FEEDS_MODULE.test(p))).toEqual([]);
});

test('one page reads its air and its water through the feeds module, fetched once', async ({ page }) => {
  const air = new AirPage(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/fx/feeds-both/?lang=en');
  await expect(air.cityCard).toContainText('2021-03-01 11:00');
  // The water readings (automatic stations only: no headline) are read too, with no error.
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('feed-error')).toHaveCount(0);
  expect(fetched.filter((p) => p.endsWith('/cnemc-realtime-jilin.json'))).toHaveLength(1);
  expect(fetched.filter((p) => FEEDS_MODULE.test(p)).map((p) => p.replace(/.*\/feeds-[0-9a-f]+/, 'feeds-…')).sort())
    .toEqual(['feeds-….js', 'feeds-…_bg.wasm']);
});

test('two loads of the feeds module at once instantiate it once', async ({ page }) => {
  // Counts every wasm instantiation of the page: the bundle's own, then the module's.
  await page.addInitScript(() => {
    const counted = (name: 'instantiate' | 'instantiateStreaming') => {
      const original = WebAssembly[name] as (...args: unknown[]) => unknown;
      (WebAssembly as unknown as Record<string, unknown>)[name] = function (...args: unknown[]) {
        (window as unknown as { ccInstances: number }).ccInstances += 1;
        return original.apply(WebAssembly, args);
      };
    };
    (window as unknown as { ccInstances: number }).ccInstances = 0;
    counted('instantiate');
    counted('instantiateStreaming');
  });
  const air = new AirPage(page);
  await air.goto();
  await expect(air.cityCard.getByTestId('aqi')).toHaveText(/^\d+$/);
  // The sample config needs no module: ask for it twice at once, as the air and the water
  // loaders can, through the loader the page's glue imports (src/lazy_module.rs), which relies
  // on wasm-bindgen's init sharing one pending instantiation.
  const same = await page.evaluate(async () => {
    const glue = document.querySelector('meta[name=cc-feeds-module]')!.getAttribute('content')!;
    const snippets = [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')]
      .filter((l) => l.href.includes('/snippets/'));
    const loaders = await Promise.all(snippets.map((l) => import(l.href)));
    const loader = loaders.find((l) => typeof l.cc_load_module === 'function');
    const [a, b] = await Promise.all([loader.cc_load_module(glue), loader.cc_load_module(glue)]);
    return a === b && typeof a.parse_air === 'function';
  });
  expect(same).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { ccInstances: number }).ccInstances)).toBe(2);
});

test('a feeds module that cannot be fetched is a network error on the page, not a blank page', async ({ page, watch }) => {
  const air = new AirPage(page);
  await page.route(FEEDS_MODULE, (route) => route.abort('internetdisconnected'));
  await page.goto('/fx/air-bad-csv/air?lang=en');
  await expect(air.feedError).toContainText('The network connection failed');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  watch.problems.splice(0, watch.problems.length, ...watch.problems.filter((p) => !/feeds/.test(p)));
});

test('a feed none of whose rows can be read is still an error naming the file and the first problem', async ({ page }) => {
  const air = new AirPage(page);
  await page.goto('/fx/air-no-usable-row/air?lang=en');
  const error = air.feedError;
  await expect(error).toContainText('junk.csv');
  await expect(error).toContainText('line 2');
  await expect(error).toContainText('no usable row');
  await expect(page.getByTestId('skipped-cells')).toHaveCount(0);
});

test('the real CNEMC publication, served over HTTP, gives the published AQI and main pollutant for every station', async ({ page }) => {
  const air = new AirPage(page);
  test.skip(!fs.existsSync(REAL) && process.env.CI !== 'true', 'shared CNEMC data not present');
  const hour = '2022-01-01T19:00:00';
  const lines = fs.readFileSync(path.join(REAL, '2022-01-01.csv'), 'utf8').trim().split('\n').slice(1);
  const rows = lines.filter((l) => l.startsWith(hour)).map((l) => {
    const cells = l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    return { code: cells[1], primary: cells[6], aqi: cells[7] };
  });
  expect(rows).toHaveLength(10);
  await page.goto(`/fx/cnemc-real/air?at=2022-01-01T19:00`);
  for (const row of rows) {
    const station = air.station(row.code);
    await expect(station.getByTestId('aqi')).toHaveText(row.aqi === '' ? '—' : row.aqi);
    await expect(station.getByTestId('primary')).toHaveText(row.primary);
  }
  await expect(air.cityCard).toContainText('中国环境监测总站');
  await expect(page.getByTestId('sample')).toHaveCount(0);
});
