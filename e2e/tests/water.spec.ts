// The /water page, on the phone and desktop projects.
import fs from 'node:fs';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { ShellPage } from './pages/shell';
import { canvasColours } from './pages/chart';
import { WaterPage } from './pages/water';
import { DATA } from './strings';

test('the headline gives 优良比例 and 劣Ⅴ against a year earlier, labelled as sample', async ({ page }) => {
  const water = new WaterPage(page);
  await water.goto();
  const headline = water.headline;
  await expect(headline).toContainText(/优良比例 \d+\.\d%/);
  await expect(headline).toContainText(/劣Ⅴ类断面 \d+ 个/);
  await expect(headline).toContainText('与上年同期相比');
  await expect(headline.getByTestId('sample')).toContainText(DATA.sample);
  await expect(water.sections.first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('filters by river and class put their state in a shareable URL', async ({ page }) => {
  const water = new WaterPage(page);
  await water.goto();
  await water.filterByClass('3');
  await expect(page).toHaveURL(/class=3/);
  const classes = water.classes;
  const count = await classes.count();
  for (let i = 0; i < count; i++) await expect(classes.nth(i)).toHaveText('Ⅲ');
  const shared = page.url();
  await page.goto('/');
  await page.goto(shared);
  await expect(water.classFilter).toHaveValue('3');
  await page.goto('/water?river=yitong-he');
  const rows = water.sections;
  await expect(rows.first()).toBeVisible();
  await expect(water.river('伊通河')).toBeVisible();
  await expect(water.river('饮马河')).toHaveCount(0);
  await page.goto('/water?class=6&lang=en');
  const worst = water.classes;
  for (let i = 0; i < (await worst.count()); i++) await expect(worst.nth(i)).toHaveText('劣Ⅴ');
});

test('a section detail names its deciding indicator and offers tables and CSV', async ({ page }) => {
  const water = new WaterPage(page);
  await water.goto();
  await water.openFirstSection();
  await expect(page).toHaveURL(/section=/);
  await expect(water.deciding).toContainText(/定类因子|全部 \d+ 项参评指标均符合Ⅰ类/);
  await expect(page.getByRole('table').first()).toBeVisible();
  for (const id of ['chart-class-steps', 'chart-indicator-bands']) {
    const chart = page.getByTestId(id);
    await expect(chart.getByTestId('chart-summary')).not.toBeEmpty();
    // Drawn by the charts module (src/bin/charts.rs) once the reader is near it.
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => canvasColours(chart), { timeout: 15_000 }).toBeGreaterThan(5);
    await chart.getByText(DATA.asTable).click();
    await expect(chart.getByRole('table')).toBeVisible();
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '下载指标表（CSV）' }).click(),
  ]);
  expect(fs.readFileSync(await download.path(), 'utf8')).toContain('示例数据');
  await page.getByLabel('选择指标').selectOption('ph');
  await page.getByRole('button', { name: '显示' }).click();
  await expect(page).toHaveURL(/indicator=ph/);
  await expect(page.getByTestId('chart-indicator-bands')).toContainText('pH');
  await expectNoAxeViolations(page);
});

test('a malformed results file names file, line and column; the page stays usable', async ({ page }) => {
  const water = new WaterPage(page);
  await page.goto('/fx/water-bad-json/water?lang=en');
  const error = water.feedError;
  await expect(error).toContainText('broken-results.json');
  await expect(error).toContainText(/line 7, column \d+/);
  await expect(new ShellPage(page).nav('en')).toBeVisible();
});

test('automatic-station readings show a reference class, never as the official one', async ({ page }) => {
  const water = new WaterPage(page);
  await page.goto('/fx/water-automatic/water');
  const rows = page.getByTestId('automatic-reading');
  await expect(rows.first()).toBeVisible();
  const classes = page.getByTestId('automatic-class');
  for (let i = 0; i < (await classes.count()); i++) {
    const text = await classes.nth(i).textContent();
    if (text && text.trim() !== '') expect(text).toContain('自动监测(参考)');
  }
  await expect(water.classes).toHaveCount(0);
  await rows.getByRole('link', { name: '松花江村' }).click();
  await expect(page.getByTestId('automatic-card').getByTestId('automatic-class')).toContainText('自动监测(参考)');
  await expectNoAxeViolations(page);
});

// Fixture fixtures/sites/water-rules: a complete lake section (新立城大坝, May 2021) with mercury
// and Cr(VI) below the detection limit and TN 1.2 mg/L, and a river section (松花江村) with only
// NH3-N 1.000/1.000/1.001, DO 5.0/5.0/4.9, Pb 0.05L and TN.
test('not detected, lake TN on its own line, incompleteness and the digits that decide', async ({ page }) => {
  const water = new WaterPage(page);
  await page.goto('/fx/water-rules/water?section=xinlicheng-daba&period=2021-05');
  await expect(water.value('hg')).toHaveText('未检出（<0.00004）');
  await expect(page.getByTestId('tn-line')).toHaveText('总氮 1.2 mg/L，Ⅳ类（湖库总氮单独评价，不参与断面水质类别）');
  await expect(water.deciding).toContainText('全部 21 项参评指标均符合Ⅰ类');
  await expect(page.getByTestId('incomplete')).toHaveCount(0);
  await expect(page.getByTestId('rule-applied')).toContainText('全数值比较法');
  await expectNoAxeViolations(page);

  await page.goto('/fx/water-rules/water?section=songhuajiangcun&period=2021-05');
  await expect(page.getByTestId('incomplete')).toContainText('评价指标不全（缺：pH、高锰酸盐指数');
  await expect(water.value('nh3n')).toHaveText('1.0003 mg/L');
  await expect(water.value('do')).toHaveText('4.97 mg/L');
  await expect(water.value('pb')).toHaveText('未检出（<0.05）');
  await expect(water.value('tn')).toHaveText('2.5 mg/L');
  await expect(water.deciding).toHaveText('定类因子: 氨氮 1.0003 mg/L, Ⅳ类, 超Ⅲ类标准 0.0003 倍');
  await expectNoAxeViolations(page);

  await page.goto('/fx/water-rules/water?period=2021-05&lang=en');
  await expect(page.getByTestId('water-incomplete')).toHaveText('Sections missing some required indicators: 1. Their class comes from what was measured.');
  await expect(page.getByTestId('section-songhuajiangcun').getByTestId('incomplete')).toContainText('incomplete (missing: pH');
  await expect(page.getByTestId('river-pollutants-songhua-jiang')).toContainText('ammonia nitrogen (100 % of sections)');
  await expectNoAxeViolations(page);
});
