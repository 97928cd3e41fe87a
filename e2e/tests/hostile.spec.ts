// Hostile and messy data: markup in every text field renders as text, an oversized
// feed is refused with a message, and duplicated, out-of-order and future rows are handled and said.
import { test, expect, expectNoAxeViolations } from './fixtures';
import { AirPage } from './pages/air';
import { WaterPage } from './pages/water';

test('script and HTML in station and section names render as text, and nothing executes', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const air = new AirPage(page);
  const water = new WaterPage(page);
  await air.goto('', '/fx/hostile');
  await expect(air.station('1119A')).toContainText('<script>alert("x")</script>');
  await expect(air.station('1120A')).toContainText('<img src=x onerror=alert(1)>');
  await expect(air.cityCard).toContainText('<b>bold</b>');
  await water.goto('', '/fx/hostile');
  await expect(water.sections.first()).toContainText('<script>alert("w")</script>');
  await expect(water.river('<i>松花江</i>')).toBeVisible();
  await water.openFirstSection();
  await expect(page.getByRole('heading', { level: 2, name: /<script>alert\("w"\)<\/script>/ })).toBeVisible();
  expect(await page.locator('main script, main img[onerror], main svg[onload]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  await expectNoAxeViolations(page);
});

test('a feed larger than limits.max_feed_bytes is refused with a message', async ({ page }) => {
  const air = new AirPage(page);
  await air.goto('?lang=en', '/fx/too-large');
  await expect(air.feedError).toContainText('too large');
  await expect(air.feedError).toContainText('air-latest.json');
});

test('duplicated, out-of-order and future rows are handled and said', async ({ page }) => {
  await page.goto('/fx/messy/air');
  const notes = page.getByTestId('data-notes');
  await expect(notes).toContainText('重复');
  await expect(notes).toContainText('顺序');
  await expect(notes).toContainText('晚于当前时间');
  await expect(new AirPage(page).cityCard).toContainText('2021-03-01 11:00');
});
