// The /water page (water issue), on the phone and desktop projects.
import fs from 'node:fs';
import { test, expect, expectNoAxeViolations } from './fixtures';

test('the headline gives 优良比例 and 劣Ⅴ against a year earlier, labelled as sample', async ({ page }) => {
  await page.goto('/water');
  const headline = page.getByTestId('water-headline');
  await expect(headline).toContainText(/优良比例 \d+\.\d%/);
  await expect(headline).toContainText(/劣Ⅴ类断面 \d+ 个/);
  await expect(headline).toContainText('与上年同期相比');
  await expect(headline.getByTestId('sample')).toContainText('示例数据');
  await expect(page.locator('[data-testid^="section-"]').first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('filters by river and class put their state in a shareable URL', async ({ page }) => {
  await page.goto('/water');
  await page.getByLabel('水质类别').selectOption('3');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/class=3/);
  const classes = page.locator('[data-testid^="section-"] [data-testid="class"]');
  const count = await classes.count();
  for (let i = 0; i < count; i++) await expect(classes.nth(i)).toHaveText('Ⅲ');
  const shared = page.url();
  await page.goto('/');
  await page.goto(shared);
  await expect(page.getByLabel('水质类别')).toHaveValue('3');
  await page.goto('/water?river=yitong-he');
  const rows = page.locator('[data-testid^="section-"]');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole('table', { name: '伊通河' })).toBeVisible();
  await expect(page.getByRole('table', { name: '饮马河' })).toHaveCount(0);
  await page.goto('/water?class=6&lang=en');
  const worst = page.locator('[data-testid^="section-"] [data-testid="class"]');
  for (let i = 0; i < (await worst.count()); i++) await expect(worst.nth(i)).toHaveText('劣Ⅴ');
});

test('a section detail names its deciding indicator and offers tables and CSV', async ({ page }) => {
  await page.goto('/water');
  await page.locator('[data-testid^="section-"]').first().getByRole('link').click();
  await expect(page).toHaveURL(/section=/);
  await expect(page.getByTestId('deciding')).toContainText(/定类因子|全部 \d+ 项参评指标均符合Ⅰ类/);
  await expect(page.getByRole('table').first()).toBeVisible();
  for (const id of ['chart-class-steps', 'chart-indicator-bands']) {
    const chart = page.getByTestId(id);
    await expect(chart.getByTestId('chart-summary')).not.toBeEmpty();
    await chart.getByText('以表格查看数据').click();
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
  await page.goto('/fx/water-bad-json/water?lang=en');
  const error = page.getByTestId('feed-error');
  await expect(error).toContainText('broken-results.json');
  await expect(error).toContainText(/line 7, column \d+/);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
});

test('automatic-station readings show a reference class, never as the official one', async ({ page }) => {
  await page.goto('/fx/water-automatic/water');
  const rows = page.getByTestId('automatic-reading');
  await expect(rows.first()).toBeVisible();
  const classes = page.getByTestId('automatic-class');
  for (let i = 0; i < (await classes.count()); i++) {
    const text = await classes.nth(i).textContent();
    if (text && text.trim() !== '') expect(text).toContain('自动监测(参考)');
  }
  await expect(page.locator('[data-testid^="section-"] [data-testid="class"]')).toHaveCount(0);
  await rows.getByRole('link', { name: '松花江村' }).click();
  await expect(page.getByTestId('automatic-card').getByTestId('automatic-class')).toContainText('自动监测(参考)');
  await expectNoAxeViolations(page);
});
