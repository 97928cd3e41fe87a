// Nothing lost, nothing doubled: the outbox against a failing receiver, retries, reloads and
// several drafts. Every case ends with exactly one stored request in the receiver's database.
import { test, expect, ReportForm, sendAgainst, shortRetries } from './report-helpers';
import { REPORT } from './strings';

const T = REPORT.zh;

test.beforeEach(async ({ page, receiver }) => {
  await receiver.reset();
  await shortRetries(page);
});

test('a report queued while the receiver fails survives a reload and is sent once', async ({ page, receiver }) => {
  await receiver.fault({ mode: '500', count: 1000 });
  const form = new ReportForm(page);
  await form.fillToCheck();
  await form.button(T.send).click();
  await expect(form.heading(T.queued)).toBeVisible();
  await expect(form.firstItem).toHaveAttribute('data-state', /queued|sending/);
  await page.reload();
  await expect(form.firstItem).toHaveAttribute('data-state', /queued|sending/);
  expect(await receiver.requests()).toHaveLength(0);
  await receiver.fault({ mode: '500', count: 0 });
  await expect(form.firstItem).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
  expect(await receiver.requests()).toHaveLength(1);
});

test('two 500s, then success', async ({ page, receiver }) => {
  await receiver.fault({ mode: '500', count: 2 });
  const form = new ReportForm(page);
  await form.fillToCheck();
  const ref = await form.submitAndGetReference();
  const rows = await receiver.requests();
  expect(rows.map((r) => r.service_request_id)).toEqual([ref]);
});

test('立即重试 sends a waiting report at once, not after its backoff', async ({ page, receiver }) => {
  // After one 500 the next attempt is at least a minute away (base delay 2 min, half jitter).
  const form = await sendAgainst(page, receiver, { mode: '500', count: 1 });
  await expect(form.heading(T.queued)).toBeVisible();
  // The first attempt has failed once the item names its next attempt's time.
  await expect(form.firstItem).toContainText('自动重试');
  expect(await receiver.requests()).toHaveLength(0);
  await form.firstItem.getByRole('button', { name: T.retryNow, exact: true }).click();
  await expect(form.firstItem).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
  expect(await receiver.requests()).toHaveLength(1);
});

test('429 with Retry-After is honoured, then sent once', async ({ page, receiver }) => {
  await receiver.fault({ mode: '429', count: 1, retry_after: 1 });
  const form = new ReportForm(page);
  await form.fillToCheck();
  const started = Date.now();
  await form.submitAndGetReference();
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  expect(await receiver.requests()).toHaveLength(1);
});

test('a 400 shows the server message and keeps the report editable', async ({ page, receiver }) => {
  await receiver.fault({ mode: '400', count: 1, description: '地址无法识别（address not recognised）' });
  const form = new ReportForm(page);
  await form.fillToCheck();
  await form.button(T.send).click();
  await expect(form.serverMessage).toHaveText('地址无法识别（address not recognised）');
  await expect(form.firstItem).toHaveAttribute('data-state', 'failed');
  expect(await receiver.requests()).toHaveLength(0);
  await form.button(T.editAndResend).click();
  await expect(form.heading(T.check)).toBeVisible();
  await form.changeLink(T.address).click();
  await form.field(T.address).fill('人民大街 1000 号北门');
  await form.saveAndBack();
  const ref = await form.submitAndGetReference();
  const rows = await receiver.requests();
  expect(rows).toHaveLength(1);
  expect(rows[0].service_request_id).toBe(ref);
  expect(rows[0].address).toBe('朝阳区 人民大街 1000 号北门');
});

test('a hung request times out and is retried into one case', async ({ page, receiver }) => {
  await receiver.fault({ mode: 'hang', count: 1 });
  const form = new ReportForm(page);
  await form.fillToCheck();
  await form.submitAndGetReference();
  expect(await receiver.requests()).toHaveLength(1);
});

test('two drafts survive leaving the page; one can be resumed, one deleted', async ({ page }) => {
  const form = new ReportForm(page);
  const startDraft = async (category: string, address: string) => {
    await form.start();
    await form.field(category, true).check();
    await form.next();
    await form.field(T.address).fill(address);
    await expect(page.getByText(T.saved)).toBeAttached();
    await form.button(T.keepDraft).click();
  };
  await form.goto();
  await startDraft(T.categories.air, '卫星路 100 号工地');
  await startDraft(T.categories.noise, '人民广场东侧');
  await expect(form.draftItems).toHaveCount(2);
  await page.goto('/');
  await form.goto();
  await expect(form.draftItems).toHaveCount(2);
  await form.draftItems.filter({ hasText: T.categories.noise }).getByRole('button', { name: T.resume }).click();
  await expect(form.field(T.address)).toHaveValue('人民广场东侧');
  await form.button(T.keepDraft).click();
  await form.draftItems.filter({ hasText: T.categories.air }).getByRole('button', { name: T.deleteDraft }).click();
  await expect(form.draftItems).toHaveCount(1);
  await page.reload();
  await expect(form.draftItems).toHaveCount(1);
  await expect(form.draftItems).toContainText(T.categories.noise);
});
