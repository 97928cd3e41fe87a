// The report form end to end against the real Open311 receiver and its database: a full report,
// validation, no doubles, hostile text, status changes. Serial: the specs share one database.
import {
  test, expect, DEFAULTS, deviceRecords, fillReport, next, resetReceiver, setStatus, storedRequests, submitAndGetReference,
} from './report-helpers';
import { expectNoAxeViolations } from './fixtures';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ request }) => {
  await resetReceiver(request);
});

test('a full report is stored once with the right fields', async ({ page, request }) => {
  await fillReport(page, { named: { name: '张三', phone: '139 1234 5678', email: 'zhang@example.com' } });
  const ref = await submitAndGetReference(page);
  expect(ref).toMatch(/^CC-\d{4}-\d{6,}$/);
  await expect(page.getByRole('link', { name: '查看办理进度' }).first()).toHaveAttribute('href', new RegExp(`report/status\\?id=${ref}$`));
  const rows = await storedRequests(request);
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
  await expect(page.getByTestId('outbox-item').first()).toHaveAttribute('data-state', 'sent');
  // Once sent, nothing personal stays on the device: the draft is gone, the outbox keeps the
  // reference only.
  await expect.poll(() => deviceRecords(page, 'drafts')).toEqual([]);
  const outbox = await deviceRecords(page, 'outbox');
  expect(outbox).toHaveLength(1);
  expect(outbox[0]).toContain(ref);
  expect(outbox.join()).not.toMatch(/张三|13912345678|zhang@example\.com/);
});

test('empty and invalid answers: the summary links to each field, every rule has its message', async ({ page }) => {
  // One question per page (a phone); the next test covers the grouped pages of a wide screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/report');
  await page.getByRole('button', { name: '开始新的举报' }).click();
  await next(page);
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary).toHaveAttribute('role', 'alert');
  await summary.getByRole('link', { name: '选择要举报的问题类型' }).click();
  await expect(page.locator('#report-categories')).toBeFocused();
  await expect(page.locator('#report-categories')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('水污染', { exact: true }).check();
  await next(page);

  // Where: nothing, then too short.
  await next(page);
  await expect(summary.getByRole('link')).toHaveText([
    '选择问题所在的区、县（市）或开发区', '输入举报地点（至少 4 个字）',
  ]);
  await summary.getByRole('link', { name: '输入举报地点（至少 4 个字）' }).click();
  const address = page.getByLabel('地点（路名门牌或附近地标）');
  await expect(address).toBeFocused();
  await expect(address).toHaveAttribute('aria-describedby', /report-address-error/);
  await expect(page.locator('#report-address-error')).toContainText('输入举报地点');
  await address.fill('路口');
  await page.getByLabel('所在区县（市）或开发区').selectOption('南关区');
  await next(page);
  await expect(summary).toContainText('地点至少要 4 个字');
  await address.fill('南湖公园北门');
  await next(page);

  // What and when: too short, no choice; stopped without a date; a date in the future.
  await page.getByLabel('发生了什么').fill('臭');
  await next(page);
  await expect(summary).toContainText('描述至少要 5 个字');
  await expect(summary).toContainText('选择问题是否仍在发生');
  await page.getByLabel('发生了什么').fill('河水发黑发臭，有死鱼。');
  await page.getByLabel('已经停止', { exact: true }).check();
  await next(page);
  await expect(summary).toContainText('输入发生的日期');
  await page.getByLabel('日期', { exact: true }).fill('2099-01-01');
  await page.getByLabel('时间', { exact: true }).fill('08:30');
  await next(page);
  await expect(summary).toContainText('发生时间必须是现在或过去的时间');
  await page.getByLabel('日期', { exact: true }).fill('2024-05-01');
  await next(page);
  await next(page); // photos: optional

  // About you: named, with a bad mobile number and email.
  await page.getByLabel('留下姓名和联系方式').check();
  await next(page);
  await expect(summary).toContainText('输入您的姓名');
  await page.getByLabel('姓名', { exact: true }).fill('李四');
  await page.getByLabel('手机号码').fill('12345');
  await page.getByLabel('电子邮箱').fill('not-an-email');
  await next(page);
  await expect(summary.getByRole('link')).toHaveText([
    '输入 11 位手机号码，例如 13912345678', '输入格式正确的电子邮箱，例如 name@example.com',
  ]);
  await summary.getByRole('link', { name: /电子邮箱/ }).click();
  await expect(page.getByLabel('电子邮箱')).toBeFocused();
  await page.getByLabel('手机号码').fill('13912345678');
  await page.getByLabel('电子邮箱').fill('li@example.com');
  await next(page);

  // Consent.
  await next(page);
  await expect(summary).toContainText('确认您已了解举报内容会发送给谁');
  await page.getByLabel('我已了解以上说明，同意提交').check();
  await next(page);
  await expect(page.getByRole('heading', { name: '检查您的举报内容' })).toBeVisible();
  await expect(summary).toHaveCount(0);

  // A change link goes to the question and comes back to the check page.
  await page.getByRole('link', { name: /修改.*发生了什么/ }).click();
  await expect(page.getByLabel('发生了什么')).toBeFocused();
  await page.getByLabel('发生了什么').fill('短');
  await page.getByRole('button', { name: '保存并返回检查页' }).click();
  await expect(summary).toContainText('描述至少要 5 个字');
  await page.getByLabel('发生了什么').fill('河水发黑发臭，岸边有死鱼。');
  await page.getByRole('button', { name: '保存并返回检查页' }).click();
  await expect(page.getByText('河水发黑发臭，岸边有死鱼。')).toBeVisible();
});

test('a wide screen groups related questions; a draft moves between layouts', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/report');
  await page.getByRole('button', { name: '开始新的举报' }).click();
  await page.getByLabel('水污染', { exact: true }).check();
  await next(page);
  await expect(page.getByText('第 2 步，共 7 步')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '问题发生在哪里？' })).toBeVisible();
  await expect(page.getByLabel('发生了什么')).toHaveCount(0);

  // Turned into a wide window, the same draft shows its group: where, with what and when.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByText('第 2 页，共 5 页')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '在哪里，发生了什么' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: '问题发生在哪里？' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: '发生了什么，什么时候？' })).toBeVisible();
  await next(page);
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  // One summary for both questions of the page, in field order.
  await expect(summary.getByRole('link')).toHaveText([
    '选择问题所在的区、县（市）或开发区', '输入举报地点（至少 4 个字）', '描述发生了什么（至少 5 个字）', '选择问题是否仍在发生',
  ]);
  await summary.getByRole('link', { name: '选择问题是否仍在发生' }).click();
  await expect(page.getByLabel('仍在持续', { exact: true })).toBeFocused();
  await page.getByLabel('所在区县（市）或开发区').selectOption('南关区');
  await page.getByLabel('地点（路名门牌或附近地标）').fill('南湖公园北门');
  await page.getByLabel('发生了什么').fill('河水发黑发臭，有死鱼。');
  await page.getByLabel('仍在持续', { exact: true }).check();
  await next(page);
  await expect(page.getByRole('heading', { level: 2, name: '添加照片（可选）' })).toBeVisible();
  await expect(page.getByText('第 3 页，共 5 页')).toBeVisible();
  await next(page);
  await expect(page.getByRole('heading', { level: 2, name: '关于您，以及提交前请了解' })).toBeVisible();
  await page.getByLabel('我已了解以上说明，同意提交').check();
  // Back goes to the previous page, not to the previous question.
  await page.getByRole('button', { name: '返回上一步' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '添加照片（可选）' })).toBeVisible();
  await next(page);
  await next(page);
  await expect(page.getByRole('heading', { level: 2, name: '检查您的举报内容' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A change link from the check page opens the question's group and comes back.
  await page.getByRole('link', { name: /修改.*发生了什么/ }).click();
  await expect(page.getByLabel('发生了什么')).toBeFocused();
  await expect(page.getByLabel('地点（路名门牌或附近地标）')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '保存并返回检查页' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '检查您的举报内容' })).toBeVisible();
});

test('the messages are in English too', async ({ page }) => {
  await page.goto('/report?lang=en');
  await page.getByRole('button', { name: 'Start a new report' }).click();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary.getByRole('heading')).toHaveText('There is a problem');
  await expect(summary.getByRole('link')).toHaveText(['Select the type of problem']);
});

test('a double click on send stores one request', async ({ page, request }) => {
  await fillReport(page);
  await page.getByRole('button', { name: '提交举报' }).dblclick();
  await expect(page.getByTestId('reference')).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(500);
  expect(await storedRequests(request)).toHaveLength(1);
  // The confirmation may come before the double click's second click, with 再报一条 where
  // 提交举报 was: that second click (detail 2) leaves the reference on screen.
  const another = page.getByRole('button', { name: '再报一条（保留地点）' });
  await another.dispatchEvent('click', { detail: 2 });
  await expect(page.getByTestId('reference')).toBeVisible();
  await another.click();
  await expect(page.getByTestId('reference')).toHaveCount(0);
});

test('the same draft sent from two tabs is one case', async ({ page, context, request }) => {
  await fillReport(page);
  const other = await context.newPage();
  await other.goto('/report');
  await other.getByRole('button', { name: '继续填写' }).click();
  await expect(other.getByRole('heading', { name: '检查您的举报内容' })).toBeVisible();
  await Promise.all([
    page.getByRole('button', { name: '提交举报' }).click(),
    other.getByRole('button', { name: '提交举报' }).click(),
  ]);
  const [a, b] = await Promise.all([
    page.getByTestId('reference').innerText({ timeout: 20_000 }),
    other.getByTestId('reference').innerText({ timeout: 20_000 }),
  ]);
  expect(a).toBe(b);
  expect(await storedRequests(request)).toHaveLength(1);
  // Neither tab keeps the sent draft, however the two raced to save and send it.
  await expect.poll(() => deviceRecords(page, 'drafts')).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('draft-item')).toHaveCount(0);
  await expect(page.getByTestId('outbox-item')).toHaveCount(1);
});

test('hostile text is shown as text everywhere and stored unchanged', async ({ page, request }) => {
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
  await fillReport(page, hostile);
  await expect(page.getByText(hostile.subtype, { exact: true })).toBeVisible();
  await expect(page.getByText(hostile.party, { exact: true })).toBeVisible();
  await expect(page.getByText(hostile.named.name, { exact: true })).toBeVisible();
  const ref = await submitAndGetReference(page);
  const [row] = await storedRequests(request);
  expect(row.description).toBe(hostile.description);
  expect(row.address).toBe(`朝阳区 ${hostile.address}`);
  expect(row.attributes.subtype).toBe(hostile.subtype);
  expect(row.attributes.reported_party).toBe(hostile.party);
  expect(row.first_name).toBe(hostile.named.name);
  await page.getByRole('link', { name: '查看办理进度' }).first().click();
  await expect(page.getByTestId('status-id')).toHaveText(ref);
  await expect(page.getByTestId('status-description')).toHaveText(hostile.description);
  await expect(page.getByTestId('status-address')).toHaveText(`朝阳区 ${hostile.address}`);
  expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('a status changed by the bureau shows on the status page', async ({ page, request }) => {
  await fillReport(page);
  const ref = await submitAndGetReference(page);
  await page.goto(`/report/status?id=${ref}`);
  await expect(page.getByTestId('status-value')).toHaveText('已受理，正在处理');
  await setStatus(request, ref, { status: 'closed', status_notes: '已现场核查，责令企业整改。' });
  await page.reload();
  await expect(page.getByTestId('status-value')).toHaveText('已办结');
  await expect(page.getByTestId('status-notes')).toHaveText('已现场核查，责令企业整改。');
  await page.goto('/report/status?id=CC-1999-999999');
  await expect(page.getByRole('alert')).toContainText('没有找到这个编号的举报');
});
