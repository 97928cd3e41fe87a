// The whole report flow with the keyboard alone, and axe-core (WCAG 2.2 A/AA) on every step in
// both languages, including the error summary, the confirmation and the status page.
import { Locator, Page } from '@playwright/test';
import { test, expect, grouped, resetReceiver, storedRequests } from './report-helpers';
import { expectNoAxeViolations } from './fixtures';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ request }) => {
  await resetReceiver(request);
});

/** Presses Tab until `target` has focus (at most 60 times). */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

test('the whole flow with the keyboard alone', async ({ page, request }) => {
  // One question per page (a phone); report.spec.ts walks the grouped pages of a wide screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/report');
  await tabTo(page, page.getByRole('button', { name: '开始新的举报' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '您要举报什么问题？' })).toBeFocused();
  await tabTo(page, page.getByLabel('大气污染', { exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: '继续', exact: true }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('所在区县（市）或开发区'));
  await page.keyboard.press('ArrowDown');
  await tabTo(page, page.getByLabel('地点（路名门牌或附近地标）'));
  await page.keyboard.type('人民大街 1000 号');
  await page.keyboard.press('Enter'); // submits the question page
  await expect(page.getByRole('heading', { name: '发生了什么，什么时候？' })).toBeFocused();
  await tabTo(page, page.getByLabel('发生了什么'));
  await page.keyboard.type('夜间有刺鼻气味，持续两小时。');
  await tabTo(page, page.getByLabel('仍在持续', { exact: true }));
  await page.keyboard.press('Space');
  // Each new question takes the focus to its heading: wait for it, or a Tab could still find the
  // Continue button (it stays in place between questions) and Enter land on the heading.
  const atQuestion = (name: string) => expect(page.getByRole('heading', { name })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: '继续', exact: true }));
  await page.keyboard.press('Enter');
  await atQuestion('添加照片（可选）');
  await tabTo(page, page.getByRole('button', { name: '继续', exact: true }));
  await page.keyboard.press('Enter');
  await atQuestion('是否留下您的姓名？');
  await tabTo(page, page.getByRole('button', { name: '继续', exact: true })); // anonymous
  await page.keyboard.press('Enter');
  await atQuestion('提交前请了解');
  await tabTo(page, page.getByLabel('我已了解以上说明，同意提交'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: '继续', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '检查您的举报内容' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: '提交举报' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reference')).toBeVisible({ timeout: 20_000 });
  expect(await storedRequests(request)).toHaveLength(1);
});

for (const lang of ['zh', 'en'] as const) {
  test(`axe finds no violations on any step (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    const L = lang === 'zh'
      ? { start: '开始新的举报', next: '继续', air: '大气污染', district: '所在区县（市）或开发区', address: '地点（路名门牌或附近地标）', what: '发生了什么', ongoing: '仍在持续', consent: '我已了解以上说明，同意提交', send: '提交举报', status: '查看办理进度' }
      : { start: 'Start a new report', next: 'Continue', air: 'Air pollution', district: 'District', address: 'Where (street and number, or a landmark)', what: 'What is happening', ongoing: 'It is still happening', consent: 'I understand this and want to send my report', send: 'Send report', status: 'See its progress' };
    const next = () => page.getByRole('button', { name: L.next, exact: true }).click();
    await page.goto(`/report?lang=${lang}`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: L.start }).click();
    await next();
    await expect(page.getByTestId('error-summary')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel(L.air, { exact: true }).check();
    await next();
    await expectNoAxeViolations(page);
    await page.getByLabel(L.district).selectOption('朝阳区');
    await page.getByLabel(L.address).fill('人民大街 1000 号');
    if (!grouped(page)) {
      await next();
      await expectNoAxeViolations(page);
    }
    await page.getByLabel(L.what).fill('夜间有刺鼻气味，持续两小时。');
    await page.getByLabel(L.ongoing, { exact: true }).check();
    await next();
    await expectNoAxeViolations(page); // photos
    await next();
    await page.locator('#report-named').check();
    await expectNoAxeViolations(page); // about you, named
    await page.locator('#report-anonymous').check();
    if (!grouped(page)) await next();
    await expectNoAxeViolations(page); // consent
    await page.getByLabel(L.consent).check();
    await next();
    await expectNoAxeViolations(page); // check
    await page.getByRole('button', { name: L.send }).click();
    await expect(page.getByTestId('reference')).toBeVisible({ timeout: 20_000 });
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: L.status }).first().click();
    await expect(page.getByTestId('status-value')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
