// A batch endpoint (Open311 "batch" services): the POST answers with a receipt token, and the
// case number comes later from GET tokens/{token}.json. The receiver holds the tokens back until
// the test releases them, as a batch that has not run yet, so every step is seen in order.
import type { APIRequestContext, Page } from '@playwright/test';
import {
  test, expect, deviceRecords, fillReport, resetReceiver, setBatch, shortRetries, storedRequests,
} from './report-helpers';

test.describe.configure({ mode: 'serial' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CASE = /^CC-\d{4}-\d{6}$/;

test.beforeEach(async ({ page, request }) => {
  await resetReceiver(request);
  await shortRetries(page);
});

// resetReceiver (next test's beforeEach) also turns batch mode off; this covers the last test.
test.afterEach(async ({ request }) => {
  await resetReceiver(request);
});

/** Counts the app's POSTs and token lookups as they leave the browser (real traffic, no mock). */
function countRequests(page: Page) {
  const seen = { posts: 0, lookups: new Map<string, number>() };
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'POST' && url.pathname.endsWith('/open311/v2/requests.json')) seen.posts += 1;
    const m = /\/open311\/v2\/tokens\/([^/]+)\.json$/.exec(url.pathname);
    if (m && r.method() === 'GET') seen.lookups.set(m[1], (seen.lookups.get(m[1]) ?? 0) + 1);
  });
  return seen;
}

/** The outbox items as the app stored them in IndexedDB. */
async function storedOutbox(page: Page): Promise<any[]> {
  return (await deviceRecords(page, 'outbox')).map((r) => JSON.parse(r));
}

/** Sends a report to the batch endpoint with its tokens held; returns the receipt token shown. */
async function submitHeld(page: Page, request: APIRequestContext) {
  const seen = countRequests(page);
  await setBatch(request, { batch: true, hold: true });
  await fillReport(page);
  await page.getByRole('button', { name: '提交举报' }).click();
  const reference = page.getByTestId('reference');
  await expect(reference).toHaveAttribute('data-kind', 'token', { timeout: 20_000 });
  return { seen, reference, token: (await reference.innerText()).trim() };
}

test('a batch endpoint: the receipt token first, then the case number, stored once', async ({ page, request }) => {
  // Accepted with a receipt token: shown as such, with no status link (the status page looks up
  // case numbers, not tokens).
  const { seen, reference, token } = await submitHeld(page, request);
  expect(token).toMatch(UUID);
  await expect(page.getByRole('heading', { name: '举报已提交' })).toBeVisible();
  await expect(page.getByText('您的受理凭证')).toBeVisible();
  await expect(page.getByText('您的举报编号')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '查看办理进度' })).toHaveCount(0);
  const item = page.getByTestId('outbox-item').first();
  await expect(item).toHaveAttribute('data-state', 'sent');
  await expect(item).toContainText(`受理凭证 ${token}`);

  let rows = await storedRequests(request);
  expect(rows).toHaveLength(1);
  expect(rows[0].token).toBe(token);
  const id = rows[0].service_request_id;
  expect(id).toMatch(CASE);

  // While the batch has not run, the app keeps asking (with backoff) and keeps the token.
  await expect.poll(() => seen.lookups.get(token) ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  await expect(reference).toHaveText(token);
  await expect(reference).toHaveAttribute('data-kind', 'token');

  // The batch runs: the next lookup gets the case number, which replaces the token.
  await setBatch(request, { hold: false });
  await expect(reference).toHaveAttribute('data-kind', 'reference', { timeout: 15_000 });
  await expect(reference).toHaveText(id);
  await expect(page.getByText('您的举报编号')).toBeVisible();
  await expect(item).toContainText(`编号 ${id}`);
  await expect(item).not.toContainText(token);

  // Sent exactly once: one POST left the browser, one request is stored, under that token.
  rows = await storedRequests(request);
  expect(rows.map((r) => [r.service_request_id, r.token])).toEqual([[id, token]]);
  expect(seen.posts).toBe(1);
  const lookups = seen.lookups.get(token);
  await page.waitForTimeout(1500);
  expect(seen.lookups.get(token), 'no lookups once the number is known').toBe(lookups);

  // The status link of the confirmation works.
  await page.getByRole('link', { name: '查看办理进度' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/report/status\\?id=${id}$`));
  await expect(page.getByTestId('status-id')).toHaveText(id);
  await expect(page.getByTestId('status-value')).toHaveText('已受理，正在处理');
  await expect(page.getByTestId('status-address')).toContainText('人民大街 1000 号南侧');
});

test('a token still held when the reader leaves is resolved from another page', async ({ page, request }) => {
  const { seen, token } = await submitHeld(page, request);

  // Away from the report pages, the background runner takes over the lookups.
  await page.goto('/water');
  await expect(page.getByTestId('water-headline')).toBeVisible();
  const before = seen.lookups.get(token) ?? 0;
  await expect.poll(() => seen.lookups.get(token) ?? 0, { timeout: 15_000 }).toBeGreaterThan(before);
  await setBatch(request, { hold: false });
  const [{ service_request_id: id }] = await storedRequests(request);
  await expect.poll(async () => (await storedOutbox(page)).map((i) => [i.state.kind, i.state.reference, i.state.is_token]),
    { timeout: 15_000 }).toEqual([['sent', id, false]]);

  // The number was kept on this device: shown on the report page even once the receiver has
  // forgotten everything (its token lookup would now be a 404).
  await resetReceiver(request);
  await page.goto('/report');
  const item = page.getByTestId('outbox-item').first();
  await expect(item).toContainText(`编号 ${id}`);
  await expect(item.getByRole('link', { name: '查看办理进度' })).toBeVisible();
  expect(seen.posts).toBe(1);
});
