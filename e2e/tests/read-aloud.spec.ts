// 朗读 / Read aloud (issue 16, point 5): the city air card and the water headline speak what
// they show, in the page's language, only when asked, and stop when asked; no button where the
// browser has no voice for the page's language.
import { test, expect, expectNoAxeViolations } from './fixtures';
import { AirPage } from './pages/air';
import { WaterPage } from './pages/water';
import { Speech } from './pages/speech';
import { DATA, READ_ALOUD, SHELL } from './strings';

test('the city card reads its AQI, level, pollutant and advice aloud when asked, and stops', async ({ page }) => {
  const speech = new Speech(page);
  await speech.install(['en-US', 'zh-CN']);
  const air = new AirPage(page);
  await air.goto();
  const button = air.cityCard.getByRole('button', { name: READ_ALOUD.zh.start, exact: true });
  await expect(button).toBeVisible();
  const aqi = (await air.cityAqi.textContent())!.trim();
  const primary = (await air.cityCard.getByTestId('city-primary').textContent())!.trim();
  // It never starts by itself: nothing is handed to the speech API until the press, then one.
  expect(await speech.spoken()).toEqual([]);
  await button.click();
  await expect.poll(() => speech.spoken()).toHaveLength(1);
  const [said] = await speech.spoken();
  expect(said.lang).toBe('zh-CN');
  expect(said.text.startsWith(`${DATA.sample}，`), said.text).toBe(true);
  expect(said.text).toContain(`空气质量指数 ${aqi}，`);
  expect(said.text).toContain(`${DATA.beijingTime}`);
  for (const name of primary.split(',')) expect(said.text).toContain(name);
  // Stoppable: the same button, now 停止朗读, cancels the speech.
  const stop = air.cityCard.getByRole('button', { name: READ_ALOUD.zh.stop, exact: true });
  await expect(stop).toBeFocused();
  await stop.press('Enter');
  await expect(button).toBeVisible();
  expect(await page.evaluate(() => (window as any).__speech.cancels)).toBeGreaterThanOrEqual(2);
  // Read again to the end: the button says 朗读 again when the speech has finished.
  await button.click();
  await expect(stop).toBeVisible();
  await speech.finish();
  await expect(button).toBeVisible();
  expect(await speech.spoken()).toHaveLength(2);
  await expectNoAxeViolations(page);
});

test('in English it reads English, and the water headline reads what it says', async ({ page }) => {
  const speech = new Speech(page);
  await speech.install(['en-GB']);
  const air = new AirPage(page);
  await air.goto('?lang=en');
  await air.cityCard.getByRole('button', { name: READ_ALOUD.en.start, exact: true }).click();
  await expect.poll(() => speech.spoken()).toHaveLength(1);
  const [said] = await speech.spoken();
  expect(said.lang).toBe('en');
  expect(said.text).toMatch(/^Sample data, not real measurements\. Changchun, \d{4}-\d\d-\d\d \d\d:00 Beijing time: the air quality index is \d+, Level \d, /);

  const water = new WaterPage(page);
  await water.goto('?lang=en');
  await water.headline.getByRole('button', { name: READ_ALOUD.en.start, exact: true }).click();
  await expect.poll(() => speech.spoken()).toHaveLength(1); // a new page: a new record
  const [headline] = await speech.spoken();
  expect(headline.lang).toBe('en');
  for (const line of await water.headline.locator('.cc-lead').allTextContents()) {
    expect(headline.text).toContain(line.trim().replace(/\.$/, ''));
  }
  expect(headline.text).toContain(await water.headline.getByRole('heading').textContent());
});

test('the home page offers both, and no button where there is no voice for the language', async ({ page }) => {
  const speech = new Speech(page);
  await speech.install(['zh-CN']);
  await page.goto('/');
  await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
  await expect(page.getByRole('button', { name: READ_ALOUD.zh.start, exact: true })).toHaveCount(2);
  // English with only a Chinese voice: the cards are there, the buttons are not.
  await page.goto('/?lang=en');
  await expect(page.getByTestId('water-headline').locator('.cc-lead').first()).toBeVisible();
  await expect(page.getByTestId('city-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
  await expect.poll(() => page.evaluate(() => speechSynthesis.getVoices().length)).toBe(1);
  await expect(page.getByTestId('read-aloud')).toHaveCount(0);
  // The control: the same page, switched to Chinese, shows both buttons.
  await page.getByRole('button', { name: SHELL.en.toChinese, exact: true }).click();
  await expect(page.getByRole('button', { name: READ_ALOUD.zh.start, exact: true })).toHaveCount(2);
  expect(await speech.spoken()).toEqual([]);
});
