// Nothing lost, nothing doubled: the outbox against a failing receiver, retries, reloads and
// several drafts. Every case ends with exactly one stored request in the receiver's database.
import {
  test, expect, fillReport, injectFault, resetReceiver, shortRetries, storedRequests, submitAndGetReference,
} from './report-helpers';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page, request }) => {
  await resetReceiver(request);
  await shortRetries(page);
});

test('a report queued while the receiver fails survives a reload and is sent once', async ({ page, request }) => {
  await injectFault(request, { mode: '500', count: 1000 });
  await fillReport(page);
  await page.getByRole('button', { name: '提交举报' }).click();
  await expect(page.getByRole('heading', { name: '举报已保存，等待发送' })).toBeVisible();
  const item = page.getByTestId('outbox-item').first();
  await expect(item).toHaveAttribute('data-state', /queued|sending/);
  await page.reload();
  await expect(page.getByTestId('outbox-item').first()).toHaveAttribute('data-state', /queued|sending/);
  expect(await storedRequests(request)).toHaveLength(0);
  await injectFault(request, { mode: '500', count: 0 });
  await expect(page.getByTestId('outbox-item').first()).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
  expect(await storedRequests(request)).toHaveLength(1);
});

test('two 500s, then success', async ({ page, request }) => {
  await injectFault(request, { mode: '500', count: 2 });
  await fillReport(page);
  const ref = await submitAndGetReference(page);
  const rows = await storedRequests(request);
  expect(rows.map((r) => r.service_request_id)).toEqual([ref]);
});

test('429 with Retry-After is honoured, then sent once', async ({ page, request }) => {
  await injectFault(request, { mode: '429', count: 1, retry_after: 1 });
  await fillReport(page);
  const started = Date.now();
  await submitAndGetReference(page);
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  expect(await storedRequests(request)).toHaveLength(1);
});

test('a 400 shows the server message and keeps the report editable', async ({ page, request }) => {
  await injectFault(request, { mode: '400', count: 1, description: '地址无法识别（address not recognised）' });
  await fillReport(page);
  await page.getByRole('button', { name: '提交举报' }).click();
  await expect(page.getByTestId('server-message')).toHaveText('地址无法识别（address not recognised）');
  await expect(page.getByTestId('outbox-item').first()).toHaveAttribute('data-state', 'failed');
  expect(await storedRequests(request)).toHaveLength(0);
  await page.getByRole('button', { name: '修改后重新提交' }).click();
  await expect(page.getByRole('heading', { name: '检查您的举报内容' })).toBeVisible();
  await page.getByRole('link', { name: /修改.*地点（路名门牌或附近地标）/ }).click();
  await page.getByLabel('地点（路名门牌或附近地标）').fill('人民大街 1000 号北门');
  await page.getByRole('button', { name: '保存并返回检查页' }).click();
  const ref = await submitAndGetReference(page);
  const rows = await storedRequests(request);
  expect(rows).toHaveLength(1);
  expect(rows[0].service_request_id).toBe(ref);
  expect(rows[0].address).toBe('朝阳区 人民大街 1000 号北门');
});

test('a hung request times out and is retried into one case', async ({ page, request }) => {
  await injectFault(request, { mode: 'hang', count: 1 });
  await fillReport(page);
  await submitAndGetReference(page);
  expect(await storedRequests(request)).toHaveLength(1);
});

test('two drafts survive leaving the page; one can be resumed, one deleted', async ({ page }) => {
  const startDraft = async (category: string, address: string) => {
    await page.getByRole('button', { name: '开始新的举报' }).click();
    await page.getByLabel(category, { exact: true }).check();
    await page.getByRole('button', { name: '继续', exact: true }).click();
    await page.getByLabel('地点（路名门牌或附近地标）').fill(address);
    await expect(page.getByText('已保存到本机')).toBeAttached();
    await page.getByRole('button', { name: '暂存并返回草稿列表' }).click();
  };
  await page.goto('/report');
  await startDraft('大气污染', '卫星路 100 号工地');
  await startDraft('噪声污染', '人民广场东侧');
  await expect(page.getByTestId('draft-item')).toHaveCount(2);
  await page.goto('/');
  await page.goto('/report');
  const drafts = page.getByTestId('draft-item');
  await expect(drafts).toHaveCount(2);
  await drafts.filter({ hasText: '噪声污染' }).getByRole('button', { name: '继续填写' }).click();
  await expect(page.getByLabel('地点（路名门牌或附近地标）')).toHaveValue('人民广场东侧');
  await page.getByRole('button', { name: '暂存并返回草稿列表' }).click();
  await page.getByTestId('draft-item').filter({ hasText: '大气污染' }).getByRole('button', { name: '删除' }).click();
  await expect(page.getByTestId('draft-item')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('draft-item')).toHaveCount(1);
  await expect(page.getByTestId('draft-item')).toContainText('噪声污染');
});
