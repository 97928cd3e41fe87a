// The whole report flow with the keyboard alone, and axe-core (WCAG 2.2 A/AA) on every step in
// both languages, including the error summary, the confirmation and the status page.
import { Locator, Page } from '@playwright/test';
import { test, expect, ReportForm } from './report-helpers';
import { expectNoAxeViolations } from './fixtures';
import { REPORT } from './strings';

const T = REPORT.zh;

test.beforeEach(async ({ receiver }) => {
  await receiver.reset();
});

/** Presses Tab until `target` has focus (at most 60 times). */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

test('the whole flow with the keyboard alone', async ({ page, receiver }) => {
  // One question per page (a phone); report.spec.ts walks the grouped pages of a wide screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const form = new ReportForm(page);
  await form.goto();
  await tabTo(page, form.button(T.start));
  await page.keyboard.press('Enter');
  await expect(form.heading(T.what)).toBeFocused();
  await tabTo(page, form.field(T.categories.air, true));
  await page.keyboard.press('Space');
  await tabTo(page, form.button(T.next));
  await page.keyboard.press('Enter');
  await tabTo(page, form.field(T.district));
  await page.keyboard.press('ArrowDown');
  await tabTo(page, form.field(T.address));
  await page.keyboard.type('人民大街 1000 号');
  await page.keyboard.press('Enter'); // submits the question page
  await expect(page.getByRole('heading', { name: '发生了什么，什么时候？' })).toBeFocused();
  await tabTo(page, form.field(T.description));
  await page.keyboard.type('夜间有刺鼻气味，持续两小时。');
  await tabTo(page, form.field(T.ongoing, true));
  await page.keyboard.press('Space');
  // Each new question takes the focus to its heading: wait for it, or a Tab could still find the
  // Continue button (it stays in place between questions) and Enter land on the heading.
  const atQuestion = (name: string) => expect(page.getByRole('heading', { name })).toBeFocused();
  await tabTo(page, form.button(T.next));
  await page.keyboard.press('Enter');
  await atQuestion('添加照片（可选）');
  await tabTo(page, form.button(T.next));
  await page.keyboard.press('Enter');
  await atQuestion('是否留下您的姓名？');
  await tabTo(page, form.button(T.next)); // anonymous
  await page.keyboard.press('Enter');
  await expect(form.heading(T.check)).toBeFocused();
  // The declaration is on the check page: sending without it goes to the error summary, whose
  // link leads to the checkbox.
  await tabTo(page, form.button(T.send));
  await page.keyboard.press('Enter');
  await expect(form.errorSummary).toBeFocused();
  await tabTo(page, form.errorSummary.getByRole('link', { name: '确认您已了解举报内容会发送给谁' }));
  await page.keyboard.press('Enter');
  await expect(form.field(T.consent)).toBeFocused();
  await page.keyboard.press('Space');
  await tabTo(page, form.button(T.send));
  await page.keyboard.press('Enter');
  await expect(form.reference).toBeVisible({ timeout: 20_000 });
  expect(await receiver.requests()).toHaveLength(1);
});

for (const lang of ['zh', 'en'] as const) {
  test(`axe finds no violations on any step (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    const L = REPORT[lang];
    const form = new ReportForm(page);
    const next = () => form.button(L.next).click();
    await page.goto(`/report?lang=${lang}`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: L.start }).click();
    await next();
    await expect(page.getByTestId('error-summary')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel(L.categories.air, { exact: true }).check();
    await next();
    await expectNoAxeViolations(page);
    await page.getByLabel(L.district).selectOption('朝阳区');
    await page.getByLabel(L.address).fill('人民大街 1000 号');
    if (!form.grouped) {
      await next();
      await expectNoAxeViolations(page);
    }
    await page.getByLabel(L.description).fill('夜间有刺鼻气味，持续两小时。');
    await page.getByLabel(L.ongoing, { exact: true }).check();
    await next();
    await expectNoAxeViolations(page); // photos
    await next();
    await page.locator('#report-named').check();
    await expectNoAxeViolations(page); // about you, named
    await page.locator('#report-anonymous').check();
    await next();
    await expectNoAxeViolations(page); // check, with the declaration
    await page.getByRole('button', { name: L.send }).click();
    await expect(page.getByTestId('error-summary')).toBeVisible();
    await expectNoAxeViolations(page); // check, declaration not ticked
    await page.getByLabel(L.consent).check();
    await page.getByRole('button', { name: L.send }).click();
    await expect(form.reference).toBeVisible({ timeout: 20_000 });
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: L.status }).first().click();
    await expect(page.getByTestId('status-value')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
