// Offline: the app-shell service worker opens the site without a connection, a report submitted
// offline waits in the outbox across a reload, and is sent once when the connection returns.
import { test, expect, fillReport, resetReceiver, shortRetries, storedRequests } from './report-helpers';
import type { Page, APIRequestContext } from '@playwright/test';

/** A clean receiver, short retries, and a filled report on a page the service worker controls. */
async function readyReportOffline(page: Page, request: APIRequestContext) {
  await resetReceiver(request);
  await shortRetries(page);
  await page.goto('/report');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await fillReport(page);
}

test.describe.configure({ mode: 'serial' });

test('offline submit, reload offline, back online: exactly one stored request', async ({ page, context, request }) => {
  await readyReportOffline(page, request);
  await context.setOffline(true);
  await page.getByRole('button', { name: '提交举报' }).click();
  await expect(page.getByRole('heading', { name: '举报已保存，等待发送' })).toBeVisible();
  await expect(page.getByTestId('outbox-item').first()).toHaveAttribute('data-state', 'queued');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '我要举报' })).toBeVisible();
  await expect(page.getByTestId('outbox-item').first()).toHaveAttribute('data-state', 'queued');
  await page.waitForTimeout(1000);
  expect(await storedRequests(request)).toHaveLength(0);
  await context.setOffline(false);
  await expect(page.getByTestId('outbox-item').first()).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
  expect(await storedRequests(request)).toHaveLength(1);
});

test('a report queued offline is sent on the next visit to any page, once', async ({ page, context, request }) => {
  await readyReportOffline(page, request);
  await context.setOffline(true);
  await page.getByRole('button', { name: '提交举报' }).click();
  await expect(page.getByTestId('outbox-item').first()).toHaveAttribute('data-state', 'queued');
  // Leave for another page while still offline (the service worker serves it), then reconnect.
  // Only the report bundle sends: the air page opens it in a hidden frame while reports wait.
  await page.goto('/air');
  await expect(page.getByRole('heading', { level: 1, name: '空气质量' })).toBeVisible();
  const sender = page.locator('iframe[title="正在后台发送待发送的举报"]');
  await expect(sender).toHaveCount(1);
  await expect(sender).toBeHidden();
  await context.setOffline(false);
  await expect.poll(async () => (await storedRequests(request)).length, { timeout: 15_000 }).toBe(1);
  await page.waitForTimeout(1500);
  expect(await storedRequests(request)).toHaveLength(1);
  // Sent: the hint is cleared, and the next page opens no frame and loads no report bundle.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('cc.outbox.waiting'))).toBeNull();
  const reportFiles: string[] = [];
  page.on('request', (r) => { if (/\/report-[0-9a-f]+(_bg\.wasm|\.js)$/.test(r.url())) reportFiles.push(r.url()); });
  await page.goto('/water');
  await expect(page.getByRole('heading', { level: 1, name: '水环境' })).toBeVisible();
  await expect(page.getByText('示例数据').first()).toBeVisible();
  await expect(sender).toHaveCount(0);
  expect(reportFiles).toEqual([]);
});
