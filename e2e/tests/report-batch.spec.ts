// A batch endpoint (Open311 "batch" services): the POST answers with a receipt token, and the
// case number comes later from GET tokens/{token}.json. The receiver holds the tokens back until
// the test releases them, as a batch that has not run yet, so every step is seen in order.
import type { Page } from '@playwright/test';
import { test, expect, deviceRecords, ReportForm, shortRetries } from './report-helpers';
import type { Receiver } from './receiver';
import { REPORT, STATUS_OPEN } from './strings';

const T = REPORT.zh;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CASE = /^CC-\d{4}-\d{6}$/;

test.beforeEach(async ({ page, receiver }) => {
  await receiver.reset();
  await shortRetries(page);
});

// The next test's reset also turns batch mode off; this leaves the worker's receiver plain.
test.afterEach(async ({ receiver }) => {
  await receiver.reset();
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

/** Sends a report to the batch endpoint with its tokens held; returns the receipt token shown. */
async function submitHeld(page: Page, receiver: Receiver, address?: string) {
  const seen = countRequests(page);
  await receiver.batch({ batch: true, hold: true });
  const form = new ReportForm(page);
  await form.fillToCheck(address ? { address } : {});
  await form.button(T.send).click();
  await expect(form.reference).toHaveAttribute('data-kind', 'token', { timeout: 20_000 });
  return { seen, form, reference: form.reference, token: (await form.reference.innerText()).trim() };
}

test('a batch endpoint: the receipt token first, then the case number, stored once', async ({ page, receiver }) => {
  test.setTimeout(90_000);
  // Accepted with a receipt token: shown as such, with no status link (the status page looks up
  // case numbers, not tokens).
  const { seen, form, reference, token } = await submitHeld(page, receiver);
  expect(token).toMatch(UUID);
  await expect(form.heading('举报已提交')).toBeVisible();
  await expect(page.getByText('您的受理凭证')).toBeVisible();
  await expect(page.getByText('您的举报编号')).toHaveCount(0);
  await expect(page.getByRole('link', { name: T.status })).toHaveCount(0);
  const item = form.firstItem;
  await expect(item).toHaveAttribute('data-state', 'sent');
  await expect(item).toContainText(`受理凭证 ${token}`);

  let rows = await receiver.requests();
  expect(rows).toHaveLength(1);
  expect(rows[0].token).toBe(token);
  const id = rows[0].service_request_id;
  expect(id).toMatch(CASE);

  // While the batch has not run, the app keeps asking (with backoff) and keeps the token.
  await expect.poll(() => seen.lookups.get(token) ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  await expect(reference).toHaveText(token);
  await expect(reference).toHaveAttribute('data-kind', 'token');

  // The batch runs: the next lookup gets the case number, which replaces the token.
  await receiver.batch({ hold: false });
  await expect(reference).toHaveAttribute('data-kind', 'reference', { timeout: 15_000 });
  await expect(reference).toHaveText(id);
  await expect(page.getByText('您的举报编号')).toBeVisible();
  await expect(item).toContainText(`编号 ${id}`);
  await expect(item).not.toContainText(token);

  // Sent exactly once: one POST left the browser, one request is stored, under that token.
  rows = await receiver.requests();
  expect(rows.map((r) => [r.service_request_id, r.token])).toEqual([[id, token]]);
  expect(seen.posts).toBe(1);
  const lookups = seen.lookups.get(token);

  // The status link of the confirmation works.
  await form.statusLink.click();
  await expect(page).toHaveURL(new RegExp(`/report/status\\?id=${id}$`));
  await expect(page.getByTestId('status-id')).toHaveText(id);
  await expect(page.getByTestId('status-value')).toHaveText(STATUS_OPEN);
  await expect(page.getByTestId('status-address')).toContainText('人民大街 1000 号南侧');

  // No lookups once the number is known. The control: a second report's token, held, is looked
  // up again and again by the same runner meanwhile; the first token is not.
  const second = await submitHeld(page, receiver, '人民大街 1000 号北门');
  await expect.poll(() => second.seen.lookups.get(second.token) ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  expect(seen.lookups.get(token), 'no lookups once the number is known').toBe(lookups);
});

test('a token still held when the reader leaves is resolved from another page', async ({ page, receiver }) => {
  const { seen, token } = await submitHeld(page, receiver);

  // Away from the report pages, the background runner takes over the lookups.
  await page.goto('/water');
  await expect(page.getByTestId('water-headline')).toBeVisible();
  const before = seen.lookups.get(token) ?? 0;
  await expect.poll(() => seen.lookups.get(token) ?? 0, { timeout: 15_000 }).toBeGreaterThan(before);
  await receiver.batch({ hold: false });
  const [{ service_request_id: id }] = await receiver.requests();
  // The water page shows nothing of the outbox: that the runner there kept the number is read
  // from the device's outbox itself, before the receiver forgets the token.
  await expect.poll(async () => (await deviceRecords(page, 'outbox')).map((r) => JSON.parse(r))
    .map((i) => [i.state.kind, i.state.reference, i.state.is_token]), { timeout: 15_000 }).toEqual([['sent', id, false]]);

  // The number was kept on this device: shown on the report page even once the receiver has
  // forgotten everything (its token lookup would now be a 404).
  await receiver.reset();
  const form = new ReportForm(page);
  await form.goto();
  await expect(form.firstItem).toContainText(`编号 ${id}`);
  await expect(form.firstItem.getByRole('link', { name: T.status })).toBeVisible();
  expect(seen.posts).toBe(1);
});
