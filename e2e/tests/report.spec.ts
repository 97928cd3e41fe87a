// The report form end to end against the real Open311 receiver and its database: a full report,
// validation, no doubles, hostile text, status changes. Each worker has its own receiver.
import { test, expect, DEFAULTS, deviceRecords, ReportForm } from './report-helpers';
import { expectNoAxeViolations } from './fixtures';
import { REPORT, STATUS_OPEN } from './strings';
import { ShellPage } from './pages/shell';

const T = REPORT.zh;

test.beforeEach(async ({ receiver }) => {
  await receiver.reset();
});

test('a full report is stored once with the right fields', async ({ page, receiver }) => {
  const form = new ReportForm(page);
  await form.fillToCheck({ named: { name: '张三', phone: '139 1234 5678', email: 'zhang@example.com' } });
  const ref = await form.submitAndGetReference();
  expect(ref).toMatch(/^CC-\d{4}-\d{6,}$/);
  await expect(form.statusLink).toHaveAttribute('href', new RegExp(`report/status\\?id=${ref}$`));
  const rows = await receiver.requests();
  expect(rows).toHaveLength(1);
  const r = rows[0];
  expect(r.service_request_id).toBe(ref);
  expect(r.service_code).toBe('air');
  expect(r.description).toBe(DEFAULTS.description);
  expect(r.address).toBe(`朝阳区 ${DEFAULTS.address}`);
  expect(r.attributes.district).toBe('朝阳区');
  expect(r.attributes.ongoing).toBe('ongoing');
  expect(r.attributes.subtype).toBe(DEFAULTS.subtype);
  expect(r.attributes.reported_party).toBe(DEFAULTS.party);
  expect(r.first_name).toBe('张三');
  expect(r.phone).toBe('13912345678');
  expect(r.email).toBe('zhang@example.com');
  expect(r.client_request_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(r.idempotency_key).toBe(r.client_request_id);
  await expect(form.firstItem).toHaveAttribute('data-state', 'sent');
  // Once sent, nothing personal stays on the device: the draft is gone, the outbox keeps the
  // reference only. (What is stored is the point here: no page shows it.)
  await expect.poll(() => deviceRecords(page, 'drafts')).toEqual([]);
  const outbox = await deviceRecords(page, 'outbox');
  expect(outbox).toHaveLength(1);
  expect(outbox[0]).toContain(ref);
  expect(outbox.join()).not.toMatch(/张三|13912345678|zhang@example\.com/);
});

test('empty and invalid answers: the summary links to each field, every rule has its message', async ({ page }) => {
  // One question per page (a phone); the next test covers the grouped pages of a wide screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const form = new ReportForm(page);
  const summary = form.errorSummary;
  await form.goto();
  await form.start();
  await form.next();
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary).toHaveAttribute('role', 'alert');
  await summary.getByRole('link', { name: '选择要举报的问题类型' }).click();
  await expect(page.locator('#report-categories')).toBeFocused();
  await expect(page.locator('#report-categories')).toHaveAttribute('aria-invalid', 'true');
  await form.field(T.categories.water, true).check();
  await form.next();

  // Where: nothing, then too short.
  await form.next();
  await expect(form.summaryLinks).toHaveText([
    '选择问题所在的区、县（市）或开发区', '输入举报地点（至少 4 个字）',
  ]);
  await summary.getByRole('link', { name: '输入举报地点（至少 4 个字）' }).click();
  const address = form.field(T.address);
  await expect(address).toBeFocused();
  await expect(address).toHaveAttribute('aria-describedby', /report-address-error/);
  await expect(page.locator('#report-address-error')).toContainText('输入举报地点');
  await address.fill('路口');
  await form.field(T.district).selectOption('南关区');
  await form.next();
  await expect(summary).toContainText('地点至少要 4 个字');
  await address.fill('南湖公园北门');
  await form.next();

  // What and when: too short, no choice; stopped without a date; a date in the future.
  const description = form.field(T.description);
  await description.fill('臭');
  await form.next();
  await expect(summary).toContainText('描述至少要 5 个字');
  await expect(summary).toContainText('选择问题是否仍在发生');
  await description.fill('河水发黑发臭，有死鱼。');
  await form.field(T.stopped, true).check();
  await form.next();
  await expect(summary).toContainText('输入发生的日期');
  await form.field(T.date, true).fill('2099-01-01');
  await form.field(T.time, true).fill('08:30');
  await form.next();
  await expect(summary).toContainText('发生时间必须是现在或过去的时间');
  await form.field(T.date, true).fill('2024-05-01');
  await form.next();
  await form.next(); // photos: optional

  // About you: named, with a bad mobile number and email.
  await form.field(T.named).check();
  await form.next();
  await expect(summary).toContainText('输入您的姓名');
  await form.field(T.name, true).fill('李四');
  await form.field(T.phone).fill('12345');
  await form.field(T.email).fill('not-an-email');
  await form.next();
  await expect(form.summaryLinks).toHaveText([
    '输入 11 位手机号码，例如 13912345678', '输入格式正确的电子邮箱，例如 name@example.com',
  ]);
  await summary.getByRole('link', { name: /电子邮箱/ }).click();
  await expect(form.field(T.email)).toBeFocused();
  await form.field(T.phone).fill('13912345678');
  await form.field(T.email).fill('li@example.com');
  await form.next();
  await expect(form.heading(T.check)).toBeVisible();
  await expect(summary).toHaveCount(0);

  // The declaration, on the check page: sending without it is refused there.
  await form.button(T.send).click();
  await expect(form.summaryLinks).toHaveText(['确认您已了解举报内容会发送给谁']);
  await expect(form.heading(T.check)).toBeVisible();
  await summary.getByRole('link').click();
  await expect(form.field(T.consent)).toBeFocused();
  await expect(form.field(T.consent)).toHaveAttribute('aria-invalid', 'true');
  await form.field(T.consent).check();

  // A change link goes to the question and comes back to the check page.
  await form.changeLink(T.description).click();
  await expect(description).toBeFocused();
  await description.fill('短');
  await form.saveAndBack();
  await expect(summary).toContainText('描述至少要 5 个字');
  await description.fill('河水发黑发臭，岸边有死鱼。');
  await form.saveAndBack();
  await expect(page.getByText('河水发黑发臭，岸边有死鱼。')).toBeVisible();
});

test('a phone goes from /report to the confirmation in 7 screens, which says the handling time once', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Every screen the form shows: the heading of each question page, then the confirmation (one
  // screen, whose heading goes from 正在发送举报 to 举报已提交).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as any).__screens = seen;
    new MutationObserver(() => {
      const done = document.getElementById('report-done-heading') && 'confirmation';
      const h = done || (document.getElementById('report-step-heading')?.textContent ?? '');
      if (h && seen[seen.length - 1] !== h) seen.push(h);
    }).observe(document, { subtree: true, childList: true, characterData: true }); // no body yet
  });
  const form = new ReportForm(page);
  await form.fillToCheck();
  await form.submitAndGetReference();
  await expect(form.heading('举报已提交')).toBeVisible();
  expect(await page.evaluate(() => (window as any).__screens)).toEqual([
    T.what, '问题发生在哪里？', '发生了什么，什么时候？', T.photos, '是否留下您的姓名？', T.check, 'confirmation',
  ]);
  // The handling time is said once, in the page's language; the receiving system's receipt
  // (which repeats it, in its own words) is folded away, labelled as the system's.
  const main = page.locator('main');
  expect((await main.innerText()).match(/60 日/g)).toHaveLength(1);
  const receipt = main.locator('details').filter({ hasText: '受理系统的回执原文' });
  await receipt.locator('summary').click();
  await expect(receipt.getByTestId('service-notice')).toContainText('举报已收到');
  await new ShellPage(page).toEnglish.click();
  await expect(form.heading('Report sent')).toBeVisible();
  expect((await main.innerText()).match(/60 days/g)).toHaveLength(1);
});

test('a wide screen groups related questions; a draft moves between layouts', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const form = new ReportForm(page);
  await form.goto();
  await form.start();
  await form.field(T.categories.water, true).check();
  await form.next();
  await expect(page.getByText('第 2 步，共 6 步')).toBeVisible();
  await expect(form.heading('问题发生在哪里？', 2)).toBeVisible();
  await expect(form.field(T.description)).toHaveCount(0);

  // Turned into a wide window, the same draft shows its group: where, with what and when.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByText('第 2 页，共 5 页')).toBeVisible();
  await expect(form.heading('在哪里，发生了什么', 2)).toBeVisible();
  await expect(form.heading('问题发生在哪里？', 3)).toBeVisible();
  await expect(form.heading('发生了什么，什么时候？', 3)).toBeVisible();
  await form.next();
  await expect(form.errorSummary).toBeFocused();
  // One summary for both questions of the page, in field order.
  await expect(form.summaryLinks).toHaveText([
    '选择问题所在的区、县（市）或开发区', '输入举报地点（至少 4 个字）', '描述发生了什么（至少 5 个字）', '选择问题是否仍在发生',
  ]);
  await form.errorSummary.getByRole('link', { name: '选择问题是否仍在发生' }).click();
  await expect(form.field(T.ongoing, true)).toBeFocused();
  await form.field(T.district).selectOption('南关区');
  await form.field(T.address).fill('南湖公园北门');
  await form.field(T.description).fill('河水发黑发臭，有死鱼。');
  await form.field(T.ongoing, true).check();
  await form.next();
  await expect(form.heading(T.photos, 2)).toBeVisible();
  await expect(page.getByText('第 3 页，共 5 页')).toBeVisible();
  await form.next();
  await expect(form.heading('是否留下您的姓名？', 2)).toBeVisible();
  // Back goes to the previous page, not to the previous question.
  await form.button(T.back).click();
  await expect(form.heading(T.photos, 2)).toBeVisible();
  await form.next();
  await form.next();
  await expect(form.heading(T.check, 2)).toBeVisible();
  await expectNoAxeViolations(page);

  // A change link from the check page opens the question's group and comes back.
  await form.changeLink(T.description).click();
  await expect(form.field(T.description)).toBeFocused();
  await expect(form.field(T.address)).toBeVisible();
  await expectNoAxeViolations(page);
  await form.saveAndBack();
  await expect(form.heading(T.check, 2)).toBeVisible();
});

test('the messages are in English too', async ({ page }) => {
  const form = new ReportForm(page);
  await form.goto('?lang=en');
  await form.button(REPORT.en.start).click();
  await form.button(REPORT.en.next).click();
  await expect(form.errorSummary.getByRole('heading')).toHaveText('There is a problem');
  await expect(form.summaryLinks).toHaveText(['Select the type of problem']);
});

test('a double click on send stores one request', async ({ page, receiver }) => {
  const form = new ReportForm(page);
  await form.fillToCheck();
  await form.button(T.send).dblclick();
  await expect(form.reference).toBeVisible({ timeout: 20_000 });
  const ref = (await form.reference.innerText()).trim();
  // The confirmation may come before the double click's second click, with 再报一条 where
  // 提交举报 was: that second click (detail 2) leaves the reference on screen.
  const another = form.button(T.another);
  await another.dispatchEvent('click', { detail: 2 });
  await expect(form.reference).toBeVisible();
  await another.click();
  await expect(form.reference).toHaveCount(0);
  // The control: a second report, sent after the double click through the same outbox, is
  // stored; a doubled first one would have been sent before it.
  await form.fillToCheck({ address: '人民大街 1000 号北门' });
  const second = await form.submitAndGetReference();
  expect(second).not.toBe(ref);
  expect((await receiver.requests()).map((r) => r.service_request_id).sort()).toEqual([ref, second].sort());
});

test('the same draft sent from two tabs is one case', async ({ page, context, receiver }) => {
  const form = new ReportForm(page);
  await form.fillToCheck();
  const other = await context.newPage();
  const otherForm = new ReportForm(other);
  await otherForm.goto();
  await otherForm.button(T.resume).click();
  await expect(otherForm.heading(T.check)).toBeVisible();
  await Promise.all([form.button(T.send).click(), otherForm.button(T.send).click()]);
  const [a, b] = await Promise.all([
    form.reference.innerText({ timeout: 20_000 }),
    otherForm.reference.innerText({ timeout: 20_000 }),
  ]);
  expect(a).toBe(b);
  expect(await receiver.requests()).toHaveLength(1);
  // Neither tab keeps the sent draft, however the two raced to save and send it. The control: a
  // new draft kept afterwards is listed, so the list shown is the device's (not still loading).
  await form.goto();
  await form.start();
  await form.field(T.categories.noise, true).check();
  await form.next();
  await form.field(T.address).fill('人民广场东侧');
  await expect(page.getByText(T.saved)).toBeAttached();
  await form.button(T.keepDraft).click();
  await expect(async () => {
    await page.reload();
    await expect(form.draftItems).toHaveCount(1, { timeout: 2_000 });
    await expect(form.draftItems).toContainText(T.categories.noise);
    await expect(form.outboxItems).toHaveCount(1, { timeout: 2_000 });
  }).toPass();
});

test('hostile text is shown as text everywhere and stored unchanged', async ({ page, receiver }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  const rtl = '\u202Eعربي \u05E2\u05D1\u05E8\u05D9\u05EA';
  const hostile = {
    subtype: '<script>alert(1)</script>',
    address: `<img src=x onerror=alert(2)> ${rtl} 🏭💨`,
    party: '"><svg onload=alert(3)>',
    description: `<script>alert(4)</script><img src=x onerror=alert(5)> ${rtl} 🏭💨 ` + '污'.repeat(3800),
    named: { name: '<b>王</b>🙂', phone: '13812345678', email: 'x@example.com' },
  };
  const form = new ReportForm(page);
  await form.fillToCheck(hostile);
  await expect(page.getByText(hostile.subtype, { exact: true })).toBeVisible();
  await expect(page.getByText(hostile.party, { exact: true })).toBeVisible();
  await expect(page.getByText(hostile.named.name, { exact: true })).toBeVisible();
  const ref = await form.submitAndGetReference();
  const [row] = await receiver.requests();
  expect(row.description).toBe(hostile.description);
  expect(row.address).toBe(`朝阳区 ${hostile.address}`);
  expect(row.attributes.subtype).toBe(hostile.subtype);
  expect(row.attributes.reported_party).toBe(hostile.party);
  expect(row.first_name).toBe(hostile.named.name);
  await form.statusLink.click();
  await expect(page.getByTestId('status-id')).toHaveText(ref);
  await expect(page.getByTestId('status-description')).toHaveText(hostile.description);
  await expect(page.getByTestId('status-address')).toHaveText(`朝阳区 ${hostile.address}`);
  expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('a status changed by the bureau shows on the status page', async ({ page, receiver }) => {
  const form = new ReportForm(page);
  await form.fillToCheck();
  const ref = await form.submitAndGetReference();
  await page.goto(`/report/status?id=${ref}`);
  await expect(page.getByTestId('status-value')).toHaveText(STATUS_OPEN);
  await receiver.setStatus(ref, { status: 'closed', status_notes: '已现场核查，责令企业整改。' });
  await page.reload();
  await expect(page.getByTestId('status-value')).toHaveText('已办结');
  await expect(page.getByTestId('status-notes')).toHaveText('已现场核查，责令企业整改。');
  await page.goto('/report/status?id=CC-1999-999999');
  await expect(page.getByRole('alert')).toContainText('没有找到这个编号的举报');
});
