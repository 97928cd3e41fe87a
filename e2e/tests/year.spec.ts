// The year's report card (issue 16, point 3): /air/year computes from air.history and the water
// results what the annual review reports, in words and in tables, against the year before where
// the data has it, as one CSV and on paper. The figures themselves are pinned by native tests
// (core/src/air/annual_tests.rs); here the page must show them consistently and usably.
import fs from 'node:fs';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { YearPage } from './pages/year';
import { DATA, HEADINGS } from './strings';

test('the year in words and tables: good days, each pollutant against Grade Ⅱ, the water against the year before', async ({ page }) => {
  // Reached from the air page.
  await page.goto('/air');
  await page.getByRole('link', { name: HEADINGS.year.zh }).click();
  await expect(page).toHaveURL(/\/air\/year$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADINGS.year.zh);
  const year = new YearPage(page);
  await expect(year.airSummary).toBeVisible();
  await expect(page.getByTestId('sample').first()).toContainText(DATA.sample);

  // The latest year is shown and marked as such.
  await expect(year.years.getByRole('link', { name: '2021' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: '2021年空气质量' })).toBeVisible();

  // The sentence and the table say the same figures.
  const summary = (await year.airSummary.textContent())!;
  const [, valid, good, rate, heavy] = summary.match(/有效监测 (\d+) 天，其中优良天数 (\d+) 天，优良率 ([\d.]+)%；重污染天数 (\d+) 天/)!;
  await expect(year.cell(year.overview, '有效监测天数')).toHaveText(`${valid}\u00a0天`);
  await expect(year.cell(year.overview, '优良天数')).toHaveText(`${good}\u00a0天`);
  await expect(year.cell(year.overview, '优良率')).toHaveText(`${rate}%`);
  await expect(year.cell(year.overview, '重污染天数（AQI＞200）')).toHaveText(`${heavy}\u00a0天`);
  expect(Number(good) / Number(valid) * 100).toBeCloseTo(Number(rate), 1);
  // Days per level add up to the valid days.
  let perLevel = 0;
  for (const level of ['一级（优）', '二级（良）', '三级（轻度污染）', '四级（中度污染）', '五级（重度污染）', '六级（严重污染）']) {
    perLevel += Number((await year.cell(year.overview, `${level}天数`).textContent())!.match(/\d+/)![0]);
  }
  expect(perLevel).toBe(Number(valid));
  await expect(year.cell(year.overview, '最长连续优良天数')).toHaveText(/^\d+\s天（2021-\d\d-\d\d 起）$/);
  await expect(year.cell(year.overview, '环境空气质量综合指数')).toHaveText(/^\d+\.\d\d$/);

  // Six pollutants, each with its statistic, Grade Ⅱ limit and a verdict a reader can act on.
  await expect(year.items.getByRole('row')).toHaveCount(7);
  await expect(year.cell(year.items, '细颗粒物(PM2.5)', 1)).toHaveText('年平均浓度');
  await expect(year.cell(year.items, '细颗粒物(PM2.5)', 3)).toHaveText('35\u00a0µg/m³');
  await expect(year.cell(year.items, '一氧化碳', 1)).toHaveText('日均值第95百分位数');
  await expect(year.cell(year.items, '一氧化碳', 2)).toHaveText(/^\d+\.\d\smg\/m³$/);
  await expect(year.cell(year.items, '臭氧8小时', 1)).toHaveText('日最大8小时平均第90百分位数');
  const verdicts = await year.items.locator('tbody td:last-child').allTextContents();
  expect(verdicts).toHaveLength(6);
  for (const v of verdicts) expect(v).toMatch(/^(达标|超标 \d+\.\d\d 倍)$/);
  const over = verdicts.filter((v) => v.startsWith('超标')).length;
  if (over > 0) await expect(year.airSummary).toContainText(`${over} 项超过国家二级标准`);
  else await expect(year.airSummary).toContainText('均达到国家二级标准');

  // The sample air data has no 2020: said so, not compared with nothing.
  await expect(year.airChanges).toHaveText('没有2020年的数据，无法与上年比较。');

  // The water has 2020 and 2021: the share and the 劣Ⅴ sections against the year before.
  await expect(year.waterSummary).toContainText(/^2021年，\d+ 个断面参与评价，优良（Ⅰ～Ⅲ类）断面 \d+ 个，占 [\d.]+%；劣Ⅴ类断面 \d+ 个。$/);
  await expect(year.waterChanges.getByRole('listitem')).toHaveCount(2);
  await expect(year.waterChanges.getByRole('listitem').first()).toHaveText(/^优良（Ⅰ～Ⅲ类）断面比例(比上年(上升|下降) [\d.]+ 个百分点|与上年持平)$/);
  await expect(year.waterOverview.getByRole('columnheader')).toHaveText(['指标', '2021年', '2020年']);
  const assessed = (await year.waterSummary.textContent())!.match(/(\d+) 个断面参与评价/)![1];
  await expect(year.cell(year.waterOverview, '评价断面')).toHaveText(`${assessed}\u00a0个`);
  expect(await year.rivers.getByRole('row').count()).toBeGreaterThan(1);
  for (const grade of await year.rivers.locator('tbody td').allTextContents()) {
    expect(grade).toMatch(/^(优|良好|轻度污染|中度污染|重度污染)（\d+\s个断面）$|^—$/);
  }
  await expectNoAxeViolations(page);
});

test('every figure in one CSV, marked as sample data', async ({ page }) => {
  const year = new YearPage(page);
  await year.goto('?year=2021');
  await expect(year.airSummary).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), year.csv.click()]);
  expect(download.suggestedFilename()).toBe('air-water-2021-sample.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  // One BOM (so spreadsheets read UTF-8), then the sample mark.
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.charCodeAt(1)).not.toBe(0xfeff);
  expect(csv.slice(1).split('\r\n')[0]).toContain(DATA.sample);
  for (const caption of await page.locator('.cc-year table caption').allTextContents()) {
    expect(csv).toContain(caption);
  }
  const good = (await year.cell(year.overview, '优良天数').textContent())!;
  expect(csv).toContain(`优良天数,${good}`);
  const rows = csv.split('\r\n').filter((l) => l.startsWith('细颗粒物(PM2.5),年平均浓度,'));
  expect(rows).toHaveLength(1);
});

test('a year not in the data says so and shows the latest; in English', async ({ page }) => {
  const year = new YearPage(page);
  await year.goto('?year=1999');
  await expect(page.getByRole('status').filter({ hasText: '没有所选年份的数据' })).toBeVisible();
  await expect(year.years.getByRole('link', { name: '2021' })).toHaveAttribute('aria-current', 'page');
  await year.goto('?year=twenty&lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADINGS.year.en);
  await expect(page.getByText('There is no data for the chosen year; the latest year is shown.')).toBeVisible();
  await expect(year.airSummary).toHaveText(/^In 2021 the city had \d+ good days out of \d+ with a daily AQI \([\d.]+%\) and \d+ heavy-pollution days\./);
  await expect(year.items.getByRole('columnheader')).toHaveText(['Pollutant', 'Statistic', '2021', 'Grade Ⅱ limit', 'Assessment']);
  await expect(year.cell(year.items, 'PM2.5', 1)).toHaveText('annual mean');
  await expectNoAxeViolations(page);
});

test('printed: no navigation or buttons, one page per part; the print button prints', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__printed = 0;
    window.print = () => { (window as any).__printed++; };
  });
  const year = new YearPage(page);
  await year.goto();
  await expect(year.waterSummary).toBeVisible();
  // By keyboard: the print button is reachable and works with Enter.
  const print = page.getByRole('button', { name: '打印' });
  await print.focus();
  await print.press('Enter');
  expect(await page.evaluate(() => (window as any).__printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.cc-header', '.cc-footer', '.cc-year__years', '.cc-year__tools']) {
    await expect(page.locator(hidden)).toBeHidden();
  }
  await expect(year.airPart).toBeVisible();
  await expect(year.waterPart).toBeVisible();
  const breaks = await page.locator('.cc-year__part').evaluateAll((parts) => parts.map((p) => getComputedStyle(p).breakBefore));
  expect(breaks).toEqual(['auto', 'page']);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.cc-header')).toBeVisible();
});

test('the home page links to the year', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: HEADINGS.year.zh }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADINGS.year.zh);
  await expect(new YearPage(page).airSummary).toBeVisible();
});
